/**
 * The visitor's own negotiation tables: a halo on the floor round each and a floating label with the exhibitor and
 * the time, two draw calls for any number of meetings; the label atlas is redrawn only when the marks change.
 */
import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef, useState } from 'react'
import * as THREE from 'three'
import { useShallow } from 'zustand/react/shallow'
import type { ContentPack } from '../content/schema'
import type { FloorPlan, NegotiationTable } from '../plan/types'
import { useExpoStore } from '../state/store'
import { disposeMesh, quadMatrix } from './atlasQuads'
import { attachUvRects, createAtlasMaterial } from './atlasMaterial'
import { createCanvas2D, fitText, font, roundRect, slotAt, textureOf, type AtlasSlot, type Canvas2D } from './canvasText'
import { worldZ } from './coords'
import { PALETTE, TABLE_MARK } from './dimensions'
import { sceneRegistry } from './sceneRegistry'
import { markedTablesOf, nextMarkChange, tableLabelText, type TableLabelText, type TableMark } from './markedTables'
import { usePageCamera } from './pageCamera'

export const TABLE_LABEL_ATLAS = { slotWidth: 384, slotHeight: 128, columns: 4 } as const
/** setTimeout's longest delay; a meeting further off is looked at again then. */
const MAX_TIMEOUT = 2 ** 31 - 1

/** Label slots for `marked` tables: powers of two from 8, never more than the hall has tables. */
export function labelCapacity(marked: number, tables: number) {
  let capacity = 8
  while (capacity < marked) capacity *= 2
  return Math.max(1, Math.min(capacity, tables))
}

const atlasRows = (capacity: number) => Math.ceil(capacity / TABLE_LABEL_ATLAS.columns)

function labelSlot(s: number, capacity: number): AtlasSlot {
  const { slotWidth, slotHeight, columns } = TABLE_LABEL_ATLAS
  return slotAt((s % columns) * slotWidth, Math.floor(s / columns) * slotHeight, slotWidth, slotHeight, columns * slotWidth, atlasRows(capacity) * slotHeight)
}

export function drawTableLabel(ctx: CanvasRenderingContext2D, slot: AtlasSlot, text: TableLabelText) {
  const { x, y, width: w, height: h } = slot
  const bar = 10
  ctx.save()
  ctx.fillStyle = PALETTE.fascia
  ctx.fillRect(x, y, w, h)
  ctx.fillStyle = PALETTE.myTable
  ctx.fillRect(x, y, w, bar)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = '#17202b'
  fitText(ctx, text.zh, x + w / 2, y + bar + 28, w - 20, 36)
  ctx.fillStyle = '#4a5866'
  fitText(ctx, text.en, x + w / 2, y + bar + 60, w - 20, 21, 600)

  // The time, and a "+N" pill beside it when more meetings follow at this table.
  const timeY = y + h - 22
  ctx.font = font(27)
  const timeWidth = Math.min(ctx.measureText(text.time).width, w - 90)
  ctx.font = font(22)
  const pillWidth = text.more ? ctx.measureText(text.more).width + 20 : 0
  const gap = text.more ? 10 : 0
  const left = x + (w - timeWidth - gap - pillWidth) / 2
  ctx.fillStyle = '#a33d06'
  fitText(ctx, text.time, left + timeWidth / 2, timeY, timeWidth + 1, 27)
  if (text.more) {
    ctx.fillStyle = PALETTE.myTable
    roundRect(ctx, left + timeWidth + gap, timeY - 15, pillWidth, 30, 15)
    ctx.fill()
    ctx.fillStyle = '#ffffff'
    fitText(ctx, text.more, left + timeWidth + gap + pillWidth / 2, timeY + 1, pillWidth, 22)
  }
  ctx.restore()
}

/**
 * A flat ring facing up, solid inside and fading out: RGBA vertex colours, so one transparent draw call for every mark
 * (single-sided: a double-sided transparent material would draw twice).
 */
function haloGeometry(segments = 64) {
  const radii = [TABLE_MARK.ringInner, TABLE_MARK.ringInner + 0.14, TABLE_MARK.ringOuter]
  const alphas = [1, 1, 0]
  const colour = new THREE.Color(PALETTE.myTable)
  const positions: number[] = []
  const colours: number[] = []
  for (let s = 0; s <= segments; s++) {
    const a = (s / segments) * Math.PI * 2
    radii.forEach((r, k) => {
      positions.push(Math.sin(a) * r, 0, Math.cos(a) * r)
      colours.push(colour.r, colour.g, colour.b, alphas[k])
    })
  }
  const index: number[] = []
  for (let s = 0; s < segments; s++) {
    for (let k = 0; k + 1 < radii.length; k++) {
      const a = s * radii.length + k
      const b = a + radii.length
      index.push(a, a + 1, b, b, a + 1, b + 1)
    }
  }
  const geometry = new THREE.BufferGeometry()
  geometry.setAttribute('position', new THREE.Float32BufferAttribute(positions, 3))
  geometry.setAttribute('color', new THREE.Float32BufferAttribute(colours, 4))
  geometry.setIndex(index)
  return geometry
}

function createHalos(capacity: number) {
  const material = new THREE.MeshBasicMaterial({ vertexColors: true, transparent: true, depthWrite: false, toneMapped: false })
  const mesh = new THREE.InstancedMesh(haloGeometry(), material, Math.max(1, capacity))
  mesh.count = 0
  mesh.visible = false
  mesh.frustumCulled = false
  mesh.name = 'table-marks'
  return mesh
}

function createLabels(capacity: number) {
  const { slotWidth, slotHeight, columns } = TABLE_LABEL_ATLAS
  const surface: Canvas2D | null = createCanvas2D(columns * slotWidth, atlasRows(capacity) * slotHeight)
  const texture = textureOf(surface, 4)
  const geometry = new THREE.PlaneGeometry(1, 1)
  const uvRects = attachUvRects(geometry, capacity)
  for (let s = 0; s < capacity; s++) {
    const uv = labelSlot(s, capacity).uv
    uvRects.setXYZW(s, uv[0], uv[1], uv[2], uv[3])
  }
  const mesh = new THREE.InstancedMesh(geometry, createAtlasMaterial(texture), Math.max(1, capacity))
  mesh.count = 0
  mesh.visible = false
  // Billboards move every frame; bounds would go stale.
  mesh.frustumCulled = false
  mesh.name = 'table-labels'
  return { mesh, texture, surface }
}

const _m = new THREE.Matrix4()

export function TableMarks({ plan, pack }: { plan: FloorPlan; pack: ContentPack }) {
  const invalidate = useThree((s) => s.invalidate)
  const bookings = useExpoStore((s) => s.bookings)
  const [language, timeZone] = useExpoStore(useShallow((s) => [s.language, s.visitorTimeZone] as const))
  // The clock as of the last time a marked meeting ended, so its mark goes without a new bookings list.
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const at = nextMarkChange(bookings, Date.now())
    if (at === null) return
    const timer = setTimeout(() => setNow(Date.now()), Math.min(Math.max(0, at - Date.now()) + 50, MAX_TIMEOUT))
    return () => clearTimeout(timer)
  }, [bookings, now])

  const tables = useMemo(() => new Map(plan.tables.map((t) => [t.id, t])), [plan])
  const shown = useMemo(
    // `now` recomputes this when a meeting ends; a new bookings list is judged by the clock as it is then
    () => [...markedTablesOf(bookings, Math.max(now, Date.now())).values()].filter((mark) => tables.has(mark.tableId)),
    [bookings, tables, now],
  )
  const names = useMemo(() => new Map(pack.exhibitors.map((e) => [e.id, e.name])), [pack])

  const halos = useMemo(() => createHalos(plan.tables.length), [plan])
  useEffect(() => () => disposeMesh(halos), [halos])
  const capacity = labelCapacity(shown.length, plan.tables.length)
  const labels = useMemo(() => createLabels(capacity), [capacity])
  useEffect(
    () => () => {
      disposeMesh(labels.mesh)
      labels.texture.dispose()
    },
    [labels],
  )

  /** Tables whose labels the frame loop turns towards the camera, and where the camera was when it last did. */
  const aimed = useRef<{ spots: NegotiationTable[]; from: THREE.Vector3 }>({ spots: [], from: new THREE.Vector3() })

  useEffect(() => {
    placeHalos(halos, shown, tables)
    const count = Math.min(shown.length, capacity)
    const { surface, texture, mesh } = labels
    if (surface) {
      surface.ctx.clearRect(0, 0, surface.canvas.width, surface.canvas.height)
      for (let i = 0; i < count; i++) drawTableLabel(surface.ctx, labelSlot(i, capacity), tableLabelText(shown[i], names, language, timeZone))
      texture.needsUpdate = true
    }
    mesh.count = count
    mesh.visible = count > 0
    aimed.current.spots = shown.slice(0, count).map((mark) => tables.get(mark.tableId)!)
    aimed.current.from.set(Infinity, Infinity, Infinity)
    sceneRegistry.tableMarks = { tableIds: shown.map((mark) => mark.tableId) }
    // Drawn on demand: a change made here (not through the store) needs its own frame.
    invalidate()
  }, [shown, tables, halos, labels, capacity, names, language, timeZone, invalidate])
  useEffect(
    () => () => {
      sceneRegistry.tableMarks = null
    },
    [],
  )

  const camera = usePageCamera()
  useFrame(() => {
    const { spots, from } = aimed.current
    if (spots.length === 0 || from.equals(camera.position)) return
    from.copy(camera.position)
    spots.forEach((table, i) => {
      const x = table.centre.x
      const z = worldZ(table.centre)
      // Turned about the vertical only, so the text stays upright.
      const facing = Math.atan2(camera.position.x - x, camera.position.z - z)
      labels.mesh.setMatrixAt(i, quadMatrix(x, TABLE_MARK.labelCentre, z, facing, TABLE_MARK.labelWidth, TABLE_MARK.labelHeight, _m))
    })
    labels.mesh.instanceMatrix.needsUpdate = true
  })

  return (
    <>
      <primitive object={halos} />
      <primitive object={labels.mesh} />
    </>
  )
}

function placeHalos(mesh: THREE.InstancedMesh, shown: TableMark[], tables: Map<string, NegotiationTable>) {
  shown.forEach((mark, i) => {
    const { centre } = tables.get(mark.tableId)!
    mesh.setMatrixAt(i, _m.makeTranslation(centre.x, TABLE_MARK.ringHeight, worldZ(centre)))
  })
  mesh.count = shown.length
  mesh.visible = shown.length > 0
  mesh.instanceMatrix.needsUpdate = true
}
