/** The minimap: the plan drawn once on a canvas; the visitor's marker moves from a frame loop, not React renders. */
import { useEffect, useMemo, useRef } from 'react'
import { useTranslate } from '../i18n/translate'
import { useExpoActions, useExpoStore } from '../state/store'
import { cameraPose } from '../state/transient'
import { activeRoute } from '../state/routeSlice'
import { stopPoint } from '../routes/routeDistances'
import type { RouteStop } from '../routes/types'
import type { FloorPlan, Point } from '../plan/types'
import { CROWDED_AT, type ZoneCounts } from '../live/protocol'

const MAX_SIZE = 220

export default function Minimap() {
  const t = useTranslate()
  const plan = useExpoStore((s) => s.plan)
  const zones = useExpoStore((s) => s.pack?.zones)
  const currentZoneId = useExpoStore((s) => s.currentZoneId)
  const routeWalk = useExpoStore((s) => s.routeWalk)
  const routeStops = useExpoStore((s) => activeRoute(s)?.stops)
  const liveZones = useExpoStore((s) => s.liveCounts?.zones)
  const actions = useExpoActions()
  const canvas = useRef<HTMLCanvasElement>(null)
  const marker = useRef<SVGGElement>(null)

  const size = useMemo(() => {
    if (!plan) return { width: MAX_SIZE, height: MAX_SIZE, scale: 1 }
    const scale = MAX_SIZE / Math.max(plan.hall.width, plan.hall.depth)
    return { width: Math.round(plan.hall.width * scale), height: Math.round(plan.hall.depth * scale), scale }
  }, [plan])

  // The entrance is at the bottom of the map, like a "you are here" board facing into the hall.
  const toMap = (x: number, z: number) => ({ left: x * size.scale, top: size.height - z * size.scale })

  useEffect(() => {
    const context = canvas.current?.getContext('2d')
    if (!context || !plan || !zones) return
    const ratio = window.devicePixelRatio || 1
    canvas.current!.width = size.width * ratio
    canvas.current!.height = size.height * ratio
    context.setTransform(ratio, 0, 0, ratio, 0, 0)
    context.fillStyle = '#f4f6f8'
    context.fillRect(0, 0, size.width, size.height)
    const colour = Object.fromEntries(zones.map((z) => [z.id, z.colour]))
    for (const area of plan.zones) {
      const { left, top } = toMap(area.rect.x, area.rect.z + area.rect.depth)
      context.globalAlpha = area.zoneId === currentZoneId ? 0.55 : 0.3
      context.fillStyle = colour[area.zoneId] ?? '#999'
      context.fillRect(left, top, area.rect.width * size.scale, area.rect.depth * size.scale)
      const heat = liveZones ? zoneHeat(liveZones, area.zoneId) : 0
      if (heat > 0) {
        context.globalAlpha = 0.12 + 0.4 * heat
        context.fillStyle = '#ff6a13'
        context.fillRect(left, top, area.rect.width * size.scale, area.rect.depth * size.scale)
      }
    }
    context.globalAlpha = 0.85
    for (const booth of plan.booths) {
      const { left, top } = toMap(booth.rect.x, booth.rect.z + booth.rect.depth)
      context.fillStyle = colour[booth.zoneId] ?? '#666'
      context.fillRect(left, top, Math.max(1, booth.rect.width * size.scale), Math.max(1, booth.rect.depth * size.scale))
    }
    context.globalAlpha = 1
    if (routeWalk && routeStops) drawRoute(context, routeWalk.legs, routeStops.map((stop) => safeStopPoint(plan, stop)), toMap)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan, zones, size, currentZoneId, routeWalk, routeStops, liveZones])

  useEffect(() => {
    let frame = 0
    const follow = () => {
      const { left, top } = toMap(cameraPose.x, cameraPose.z)
      // Map up is +z, so a heading of yaw (0 = +z) rotates the arrow clockwise by yaw.
      marker.current?.setAttribute('transform', `translate(${left.toFixed(1)} ${top.toFixed(1)}) rotate(${((cameraPose.yaw * 180) / Math.PI).toFixed(1)})`)
      frame = requestAnimationFrame(follow)
    }
    follow()
    return () => cancelAnimationFrame(frame)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [size])

  if (!plan) return null
  return (
    <div className="minimap" style={{ width: size.width, height: size.height }}>
      <canvas ref={canvas} style={{ width: size.width, height: size.height }} aria-hidden="true" />
      <button
        type="button"
        className="minimap-hit"
        aria-label={t('minimap.label')}
        onClick={(event) => {
          const bounds = event.currentTarget.getBoundingClientRect()
          // A keyboard "click" has no position: go to the lobby then.
          if (event.clientX === 0 && event.clientY === 0) return actions.goToZone('lobby')
          const x = (event.clientX - bounds.left) / size.scale
          const z = (size.height - (event.clientY - bounds.top)) / size.scale
          actions.goToPoint({ x, z })
        }}
      />
      <svg className="minimap-marker" width={size.width} height={size.height} aria-hidden="true">
        <g ref={marker}>
          <title>{t('minimap.you')}</title>
          <path d="M0 -8 L6 6 L0 3 L-6 6 Z" fill="#e8413c" stroke="#fff" strokeWidth="1.5" />
        </g>
      </svg>
    </div>
  )
}

/** 0 for an empty zone up to 1 for a very full one, on a log scale so a handful of visitors already shows. */
export function zoneHeat(counts: ZoneCounts, zoneId: keyof ZoneCounts): number {
  const count = counts[zoneId] ?? 0
  return count > 0 ? Math.min(1, Math.log1p(count) / Math.log1p(CROWDED_AT)) : 0
}

const safeStopPoint = (plan: FloorPlan, stop: RouteStop): Point | null => {
  try {
    return stopPoint(plan, stop)
  } catch {
    return null
  }
}

/** The route on the plan: its walking path and numbered stops, as in the hall. */
function drawRoute(
  context: CanvasRenderingContext2D,
  legs: Point[][],
  stops: (Point | null)[],
  toMap: (x: number, z: number) => { left: number; top: number },
) {
  context.strokeStyle = '#0b5cad'
  context.lineWidth = 2
  context.lineJoin = 'round'
  for (const leg of legs) {
    context.beginPath()
    leg.forEach((p, i) => {
      const { left, top } = toMap(p.x, p.z)
      if (i === 0) context.moveTo(left, top)
      else context.lineTo(left, top)
    })
    context.stroke()
  }
  context.font = 'bold 8px system-ui, sans-serif'
  context.textAlign = 'center'
  context.textBaseline = 'middle'
  stops.forEach((p, i) => {
    if (!p) return
    const { left, top } = toMap(p.x, p.z)
    context.fillStyle = '#0b5cad'
    context.beginPath()
    context.arc(left, top, 6, 0, Math.PI * 2)
    context.fill()
    context.fillStyle = '#fff'
    context.fillText(String(i + 1), left, top + 0.5)
  })
}
