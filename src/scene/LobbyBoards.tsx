/**
 * The lobby's results board (the convention's real figures) and the zone directory, painted into one atlas, one draw
 * call; and the board's loop (lobbyLoop.ts), one more quad in front of it while a page other than the results shows.
 */
import { useFrame } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import type { ContentPack } from '../content/schema'
import type { FloorPlan, Point } from '../plan/types'
import { createAtlasQuadMesh, disposeMesh, quadMatrix } from './atlasQuads'
import { createCanvas2D, fitText, font, roundRect, slotAt, textureOf, type AtlasSlot } from './canvasText'
import { planPoint } from './coords'
import { directoryBoard, DIRECTORY_PIXELS, LOBBY_ATLAS_SIZE, resultsBoard, RESULTS_PIXELS } from './lobbyLayout'
import { drawLoopPage, LOOP_ATLAS_SIZE, LOOP_PAGES, LOOP_SECONDS, loopSlots, type LoopPage } from './lobbyLoop'
import { prefersReducedMotion } from './motion'

const _frustum = new THREE.Frustum()
const _viewProjection = new THREE.Matrix4()
const _sphere = new THREE.Sphere()
/** In front of the results board's face, behind a video playing on it. */
const _loopForward = new THREE.Matrix4().makeTranslation(0, 0, 0.005)

/** How many figures the board shows: a 4 × 3 grid stays legible from across the lobby. */
const FIGURE_COLUMNS = 4
const FIGURE_ROWS = 3

const formatValue = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1))

/** A white board with a title band in the lobby's colour; leaves the context saved, centred and white for the title. */
function beginBoard(ctx: CanvasRenderingContext2D, slot: AtlasSlot, pack: ContentPack, bandHeight: number): string {
  const { x, y, width: w, height: h } = slot
  const accent = pack.zones.find((z) => z.id === 'lobby')?.colour ?? '#1d4f91'
  ctx.save()
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(x, y, w, h)
  ctx.fillStyle = accent
  ctx.fillRect(x, y, w, bandHeight)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = '#ffffff'
  return accent
}

export function drawResults(ctx: CanvasRenderingContext2D, slot: AtlasSlot, pack: ContentPack) {
  const { x, y, width: w, height: h } = slot
  const accent = beginBoard(ctx, slot, pack, 170)
  fitText(ctx, `${pack.event.name['zh-CN']} · 大会成果`, x + w / 2, y + 64, w - 120, 72)
  fitText(ctx, `${pack.event.name.en} · Results`, x + w / 2, y + 128, w - 120, 36, 600)

  const figures = pack.results.figures.slice(0, FIGURE_COLUMNS * FIGURE_ROWS)
  const top = y + 200
  const cellW = w / FIGURE_COLUMNS
  const cellH = (h - 200 - 80) / FIGURE_ROWS
  figures.forEach((f, i) => {
    const cx = x + (i % FIGURE_COLUMNS) * cellW + cellW / 2
    const cy = top + Math.floor(i / FIGURE_COLUMNS) * cellH
    if (i % FIGURE_COLUMNS > 0) {
      ctx.fillStyle = '#e3e7ec'
      ctx.fillRect(cx - cellW / 2, cy + 20, 2, cellH - 40)
    }
    // Value and unit on one line, the unit smaller.
    const value = formatValue(f.value)
    ctx.font = font(96)
    const valueWidth = ctx.measureText(value).width
    ctx.font = font(40, 600)
    const unitWidth = ctx.measureText(f.unit['zh-CN']).width
    const start = cx - (valueWidth + 12 + unitWidth) / 2
    ctx.textAlign = 'left'
    ctx.fillStyle = accent
    ctx.font = font(96)
    ctx.fillText(value, start, cy + 78)
    ctx.fillStyle = '#17202b'
    ctx.font = font(40, 600)
    ctx.fillText(f.unit['zh-CN'], start + valueWidth + 12, cy + 92)
    ctx.textAlign = 'center'
    ctx.fillStyle = '#17202b'
    fitText(ctx, f.label['zh-CN'], cx, cy + 160, cellW - 40, 36)
    ctx.fillStyle = '#4a5866'
    fitText(ctx, f.label.en, cx, cy + 200, cellW - 40, 27, 600)
    // The English unit spelled out: 亿元 is "× 100 million yuan", not obvious from the number alone.
    ctx.fillStyle = '#6b7785'
    fitText(ctx, `${value} ${f.unit.en}`, cx, cy + 234, cellW - 40, 23, 500)
  })
  const { title, publisher, publishedOn } = pack.event.source
  ctx.fillStyle = '#6b7785'
  fitText(ctx, `来源 Source：${title}（${publisher}，${publishedOn}）`, x + w / 2, y + h - 40, w - 120, 26, 500)
  ctx.restore()
}

/** Direction on the board's face (up = ahead into the hall, right = plan +x), clockwise from up. */
export const arrowAngle = (from: Point, to: Point) => Math.atan2(to.x - from.x, to.z - from.z)

export function drawDirectory(ctx: CanvasRenderingContext2D, slot: AtlasSlot, plan: FloorPlan, pack: ContentPack, from: Point) {
  const { x, y, width: w, height: h } = slot
  beginBoard(ctx, slot, pack, 110)
  fitText(ctx, '展区导览', x + w / 2, y + 44, w - 60, 52)
  fitText(ctx, 'Zone Guide', x + w / 2, y + 88, w - 60, 26, 600)
  const zones = pack.zones.filter((z) => z.id !== 'lobby' && plan.zones.some((a) => a.zoneId === z.id))
  const rowH = Math.min(60, (h - 130) / Math.max(1, zones.length))
  zones.forEach((zone, i) => {
    const area = plan.zones.find((a) => a.zoneId === zone.id)!
    const cy = y + 130 + i * rowH + rowH / 2
    ctx.fillStyle = zone.colour
    roundRect(ctx, x + 28, cy - rowH * 0.36, 18, rowH * 0.72, 4)
    ctx.fill()
    ctx.textAlign = 'left'
    ctx.fillStyle = '#17202b'
    ctx.font = font(rowH * 0.44)
    const zh = zone.name['zh-CN']
    ctx.fillText(zh, x + 62, cy - rowH * 0.12, w - 200)
    ctx.fillStyle = '#5a6775'
    ctx.font = font(rowH * 0.24, 500)
    ctx.fillText(zone.name.en, x + 62, cy + rowH * 0.28, w - 200)
    // The arrow points from the board towards the zone's arrival point.
    ctx.save()
    ctx.translate(x + w - 60, cy)
    ctx.rotate(arrowAngle(from, area.arrival))
    ctx.fillStyle = zone.colour
    ctx.beginPath()
    const s = rowH * 0.36
    ctx.moveTo(0, -s)
    ctx.lineTo(s * 0.8, 0)
    ctx.lineTo(s * 0.3, 0)
    ctx.lineTo(s * 0.3, s)
    ctx.lineTo(-s * 0.3, s)
    ctx.lineTo(-s * 0.3, 0)
    ctx.lineTo(-s * 0.8, 0)
    ctx.closePath()
    ctx.fill()
    ctx.restore()
    if (i < zones.length - 1) {
      ctx.fillStyle = '#eef0f3'
      ctx.fillRect(x + 28, cy + rowH / 2 - 1, w - 56, 2)
    }
  })
  ctx.restore()
}

/** The loop's pages after the results board, on one quad over the board that shows one of them or nothing. */
function createLoop(plan: FloorPlan, pack: ContentPack) {
  const [W, H] = LOOP_ATLAS_SIZE
  const slots = loopSlots()
  const surface = createCanvas2D(W, H)
  if (surface) for (const page of ['figures', 'zones', 'slogan'] as const) drawLoopPage(surface.ctx, slots[page], page, pack)
  const texture = textureOf(surface, 8)
  const board = resultsBoard(plan)
  const matrix = quadMatrix(...board.position, board.rotationY, board.width, board.height).multiply(_loopForward)
  const mesh = createAtlasQuadMesh(texture, [{ matrix, uv: slots.figures.uv }])
  mesh.name = 'lobby-loop'
  mesh.visible = false
  const centre = new THREE.Vector3(...board.position)
  const radius = Math.hypot(board.width, board.height) / 2
  const show = (page: LoopPage) => {
    mesh.visible = page !== 'results'
    if (page === 'results') return
    const uv = slots[page].uv
    const rects = mesh.geometry.getAttribute('uvRect') as THREE.InstancedBufferAttribute
    rects.setXYZW(0, uv[0], uv[1], uv[2], uv[3])
    rects.needsUpdate = true
  }
  return { mesh, texture, centre, radius, show }
}

export function LobbyBoards({ plan, pack }: { plan: FloorPlan; pack: ContentPack }) {
  const built = useMemo(() => {
    const [W, H] = LOBBY_ATLAS_SIZE
    const results = slotAt(0, 0, RESULTS_PIXELS[0], RESULTS_PIXELS[1], W, H)
    const directory = slotAt(0, RESULTS_PIXELS[1] + 8, DIRECTORY_PIXELS[0], DIRECTORY_PIXELS[1] - 8, W, H)
    const surface = createCanvas2D(W, H)
    const resultsAt = resultsBoard(plan)
    const directoryAt = directoryBoard(plan)
    if (surface) {
      drawResults(surface.ctx, results, pack)
      drawDirectory(surface.ctx, directory, plan, pack, planPoint(directoryAt.position[0], directoryAt.position[2]))
    }
    const texture = textureOf(surface, 8)
    const mesh = createAtlasQuadMesh(texture, [
      { matrix: quadMatrix(...resultsAt.position, resultsAt.rotationY, resultsAt.width, resultsAt.height), uv: results.uv },
      { matrix: quadMatrix(...directoryAt.position, directoryAt.rotationY, directoryAt.width, directoryAt.height), uv: directory.uv },
    ])
    mesh.name = 'lobby-boards'
    return { mesh, texture }
  }, [plan, pack])
  useEffect(() => () => {
    disposeMesh(built.mesh)
    built.texture.dispose()
  }, [built])

  const loop = useMemo(() => createLoop(plan, pack), [plan, pack])
  const shown = useRef<{ page: LoopPage; since: number }>({ page: 'results', since: 0 })
  useEffect(() => {
    shown.current = { page: 'results', since: performance.now() }
    return () => {
      disposeMesh(loop.mesh)
      loop.texture.dispose()
    }
  }, [loop])
  // Turns a page only inside a frame the hall draws anyway, with the board in view: never a frame of its own.
  useFrame(({ camera }) => {
    const now = performance.now()
    const current = shown.current
    if (now - current.since < LOOP_SECONDS * 1000 || prefersReducedMotion()) return
    camera.updateMatrixWorld()
    _frustum.setFromProjectionMatrix(_viewProjection.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse))
    if (!_frustum.intersectsSphere(_sphere.set(loop.centre, loop.radius))) return
    const page = LOOP_PAGES[(LOOP_PAGES.indexOf(current.page) + 1) % LOOP_PAGES.length]
    shown.current = { page, since: now }
    loop.show(page)
  })

  return (
    <>
      <primitive object={built.mesh} />
      <primitive object={loop.mesh} />
    </>
  )
}
