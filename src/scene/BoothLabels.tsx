/** Fascia labels (Chinese name, English beneath) from a pooled atlas: one instanced quad mesh, redrawn only where slots change. */
import { useFrame } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import type { ContentPack } from '../content/schema'
import type { FloorPlan } from '../plan/types'
import { disposeMesh } from './atlasQuads'
import { attachUvRects, createAtlasMaterial } from './atlasMaterial'
import type { BoothLayout } from './boothLayout'
import { createCanvas2D, fitText, slotAt, textureOf, type AtlasSlot, type Canvas2D } from './canvasText'
import { PALETTE } from './dimensions'
import { LabelPool, nearestBooths } from './labelPool'

export const LABEL_ATLAS = { width: 2048, height: 2048, slotWidth: 256, slotHeight: 64 } as const
export const LABEL_SLOTS = (LABEL_ATLAS.width / LABEL_ATLAS.slotWidth) * (LABEL_ATLAS.height / LABEL_ATLAS.slotHeight)
/** How often the pool follows the camera, and how far it must have moved first. */
const REASSIGN_SECONDS = 0.5
const REASSIGN_DISTANCE = 2

function labelSlot(s: number): AtlasSlot {
  const cols = LABEL_ATLAS.width / LABEL_ATLAS.slotWidth
  return slotAt(
    (s % cols) * LABEL_ATLAS.slotWidth,
    Math.floor(s / cols) * LABEL_ATLAS.slotHeight,
    LABEL_ATLAS.slotWidth,
    LABEL_ATLAS.slotHeight,
    LABEL_ATLAS.width,
    LABEL_ATLAS.height,
  )
}

export function drawBoothLabel(ctx: CanvasRenderingContext2D, slot: AtlasSlot, zh: string, en: string, accent: string) {
  const { x, y, width: w, height: h } = slot
  ctx.save()
  ctx.fillStyle = PALETTE.fascia
  ctx.fillRect(x, y, w, h)
  ctx.fillStyle = accent
  ctx.fillRect(x, y + h - 5, w, 5)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = '#17202b'
  fitText(ctx, zh, x + w / 2, y + h * 0.34, w - 12, h * 0.42)
  ctx.fillStyle = '#4a5866'
  fitText(ctx, en, x + w / 2, y + h * 0.72, w - 12, h * 0.21, 600)
  ctx.restore()
}

const _m = new THREE.Matrix4()
const _zero = new THREE.Matrix4().makeScale(0, 0, 0)
const _dir = new THREE.Vector3()

export function BoothLabels({ plan, pack, layout }: { plan: FloorPlan; pack: ContentPack; layout: BoothLayout }) {
  const state = useMemo(() => {
    const slots = Math.min(LABEL_SLOTS, layout.count)
    const surface: Canvas2D | null = createCanvas2D(LABEL_ATLAS.width, LABEL_ATLAS.height)
    const texture = textureOf(surface, 4)
    const geometry = new THREE.PlaneGeometry(1, 1)
    const uvRects = attachUvRects(geometry, Math.max(1, slots))
    const mesh = new THREE.InstancedMesh(geometry, createAtlasMaterial(texture), Math.max(1, slots))
    for (let s = 0; s < Math.max(1, slots); s++) {
      const uv = labelSlot(s).uv
      uvRects.setXYZW(s, uv[0], uv[1], uv[2], uv[3])
      mesh.setMatrixAt(s, _zero)
    }
    mesh.count = slots
    mesh.name = 'booth-labels'
    mesh.frustumCulled = false
    return { mesh, texture, surface, pool: new LabelPool(slots, layout.count) }
  }, [layout])
  useEffect(() => () => {
    disposeMesh(state.mesh)
    state.texture.dispose()
  }, [state])

  const names = useMemo(() => new Map(pack.exhibitors.map((e) => [e.id, e.name])), [pack])
  const accents = useMemo(() => new Map(pack.zones.map((z) => [z.id, z.colour])), [pack])
  const last = useRef({ time: -Infinity, x: Infinity, z: Infinity })

  const refresh = (focusX: number, focusZ: number) => {
    const { pool, mesh, surface, texture } = state
    const changed = pool.assign(nearestBooths(layout.centres, layout.count, focusX, focusZ, pool.slots))
    if (changed.length === 0) return
    for (const s of changed) {
      const b = pool.boothOfSlot[s]
      if (b < 0) {
        mesh.setMatrixAt(s, _zero)
        continue
      }
      mesh.setMatrixAt(s, _m.fromArray(layout.labelMatrices, b * 16))
      const booth = plan.booths[b]
      const name = names.get(booth.exhibitorId)
      if (surface && name) drawBoothLabel(surface.ctx, labelSlot(s), name['zh-CN'], name.en, accents.get(booth.zoneId) ?? PALETTE.neutralZone)
    }
    mesh.instanceMatrix.needsUpdate = true
    if (surface) texture.needsUpdate = true
  }

  /** A follow-up frame asked for when the camera stopped before the pool was allowed to follow it. */
  const followUp = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(
    () => () => {
      if (followUp.current) clearTimeout(followUp.current)
    },
    [],
  )

  useFrame(({ camera, clock, invalidate }) => {
    const now = clock.elapsedTime
    const l = last.current
    // Focus on the floor the camera looks at from above, or a few steps ahead when walking.
    camera.getWorldDirection(_dir)
    let fx = camera.position.x + _dir.x * 8
    let fz = camera.position.z + _dir.z * 8
    if (camera.position.y > 3 && _dir.y < -0.05) {
      const t = Math.min(camera.position.y / -_dir.y, 150)
      fx = camera.position.x + _dir.x * t
      fz = camera.position.z + _dir.z * t
    }
    if (Math.hypot(fx - l.x, fz - l.z) < REASSIGN_DISTANCE && l.time > -Infinity) return
    const wait = REASSIGN_SECONDS - (now - l.time)
    if (wait > 0) {
      // The hall draws on demand: without this, labels would stay behind wherever the camera came to rest.
      followUp.current ??= setTimeout(() => {
        followUp.current = null
        invalidate()
      }, wait * 1000)
      return
    }
    last.current = { time: now, x: fx, z: fz }
    refresh(fx, fz)
  })

  return <primitive object={state.mesh} />
}
