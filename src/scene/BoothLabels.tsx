/**
 * Fascia labels (the exhibitor's logo, its Chinese name and English beneath) from a pooled atlas: one instanced quad
 * mesh, redrawn only where slots change or a logo arrives.
 */
import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import type { ContentPack } from '../content/schema'
import type { FloorPlan } from '../plan/types'
import type { BoothLayout } from './boothLayout'
import { fitText, type AtlasSlot } from './canvasText'
import { PALETTE } from './dimensions'
import { nearestBooths } from './labelPool'
import { useHeldBackFrame } from './heldBackFrame'
import { LogoImages, browserLoadImage, drawArrivedLogos, requestLogosNear } from './boothLogos'
import { createPooledAtlas, disposePooledAtlas, reassignSlots } from './pooledAtlas'
import { usePageCamera } from './pageCamera'
import { sceneRegistry } from './sceneRegistry'

export const LABEL_ATLAS = { width: 2048, height: 2048, slotWidth: 256, slotHeight: 64 } as const
export const LABEL_SLOTS = (LABEL_ATLAS.width / LABEL_ATLAS.slotWidth) * (LABEL_ATLAS.height / LABEL_ATLAS.slotHeight)
/** How often the pool follows the camera, and how far it must have moved first. */
const REASSIGN_SECONDS = 0.5
const REASSIGN_DISTANCE = 2

/**
 * One fascia label: the logo square on the left when it has arrived (until then, or when it fails, the text takes the
 * whole slot), the names centred in what is left.
 */
export function drawBoothLabel(
  ctx: CanvasRenderingContext2D,
  slot: AtlasSlot,
  zh: string,
  en: string,
  accent: string,
  logo?: CanvasImageSource,
) {
  const { x, y, width: w, height: h } = slot
  ctx.save()
  ctx.fillStyle = PALETTE.fascia
  ctx.fillRect(x, y, w, h)
  ctx.fillStyle = accent
  ctx.fillRect(x, y + h - 5, w, 5)
  let textLeft = x
  if (logo) {
    const size = h - 11
    ctx.drawImage(logo, x + 5, y + 3, size, size)
    textLeft = x + size + 8
  }
  const textWidth = x + w - textLeft
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = '#17202b'
  fitText(ctx, zh, textLeft + textWidth / 2, y + h * 0.34, textWidth - 12, h * 0.42)
  ctx.fillStyle = '#4a5866'
  fitText(ctx, en, textLeft + textWidth / 2, y + h * 0.72, textWidth - 12, h * 0.21, 600)
  ctx.restore()
}

const _m = new THREE.Matrix4()
const _dir = new THREE.Vector3()

export function BoothLabels({ plan, pack, layout }: { plan: FloorPlan; pack: ContentPack; layout: BoothLayout }) {
  const atlas = useMemo(() => createPooledAtlas(LABEL_ATLAS, Math.min(LABEL_SLOTS, layout.count), layout.count, 'booth-labels'), [layout])
  useEffect(() => () => disposePooledAtlas(atlas), [atlas])

  const names = useMemo(() => new Map(pack.exhibitors.map((e) => [e.id, e.name])), [pack])
  const accents = useMemo(() => new Map(pack.zones.map((z) => [z.id, z.colour])), [pack])
  const boothOf = useMemo(() => new Map(plan.booths.map((b, i) => [b.exhibitorId, i])), [plan])
  const last = useRef({ time: -Infinity, x: Infinity, z: Infinity })

  // a logo arriving asks for one frame, which draws every logo that arrived by then into its slot
  const invalidate = useThree((s) => s.invalidate)
  const logos = useMemo(() => new LogoImages(browserLoadImage, invalidate), [invalidate])
  useEffect(() => {
    sceneRegistry.logos = logos
    return () => {
      if (sceneRegistry.logos === logos) sceneRegistry.logos = null
    }
  }, [logos])

  const drawLabel = (b: number, slot: AtlasSlot, ctx: CanvasRenderingContext2D, logo?: CanvasImageSource) => {
    const booth = plan.booths[b]
    const name = names.get(booth.exhibitorId)
    if (name) drawBoothLabel(ctx, slot, name['zh-CN'], name.en, accents.get(booth.zoneId) ?? PALETTE.neutralZone, logo)
  }

  const refresh = (focusX: number, focusZ: number) => {
    reassignSlots(atlas, nearestBooths(layout.centres, layout.count, focusX, focusZ, atlas.pool.slots), (b, slot, ctx) => {
      if (ctx) drawLabel(b, slot, ctx, logos.image(plan.booths[b].exhibitorId))
      return _m.fromArray(layout.labelMatrices, b * 16)
    })
    requestLogosNear(atlas, logos, layout.centres, focusX, focusZ, (b) => plan.booths[b].exhibitorId, (id) => pack.logos?.url(id))
  }

  // without it, labels would stay behind wherever the camera came to rest
  const holdBack = useHeldBackFrame()

  const camera = usePageCamera()
  useFrame(({ clock, invalidate }) => {
    drawArrivedLogos(atlas, logos, boothOf, drawLabel)
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
    if (holdBack(REASSIGN_SECONDS - (now - l.time), invalidate)) return
    last.current = { time: now, x: fx, z: fz }
    refresh(fx, fz)
  })

  return <primitive object={atlas.mesh} />
}
