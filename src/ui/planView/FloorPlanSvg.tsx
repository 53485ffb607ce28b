/** The hall's floor plan as SVG: zones, booths (one Tab stop, arrow keys between them), the route and the visitor's tables. */
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { Language, Zone } from '../../content/schema'
import { localized, useTranslate } from '../../i18n/translate'
import type { BoothPlacement, FloorPlan } from '../../plan/types'
import { stopPoint } from '../../routes/routeDistances'
import type { RouteStop } from '../../routes/types'
import { activeRoute } from '../../state/routeSlice'
import { useExpoActions, useExpoStore } from '../../state/store'
import { tableNumber } from '../bookingFormat'
import { bookedTableIds, boothInDirection, planViewBox, toSvgPoint, toSvgRect, wrapLabel, type ArrowDirection } from './planGeometry'

const ARROWS: Record<string, ArrowDirection> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' }
/** Around a focused or open booth, metres: the ring stays visible over its neighbours. */
const RING = 0.7

interface FloorPlanSvgProps {
  /** Id of the text that explains how to use the plan (mouse and keys). */
  hintId: string
  /** Reports the booth under the pointer or keyboard focus, for a caption. */
  onPoint(name: string | null): void
}

export default function FloorPlanSvg({ hintId, onPoint }: FloorPlanSvgProps) {
  const t = useTranslate()
  const language = useExpoStore((s) => s.language)
  const plan = useExpoStore((s) => s.plan)!
  const pack = useExpoStore((s) => s.pack)!
  const currentZoneId = useExpoStore((s) => s.currentZoneId)
  const openBoothId = useExpoStore((s) => s.openBoothId)
  const actions = useExpoActions()
  const svg = useRef<SVGSVGElement>(null)
  const [activeBoothId, setActiveBoothId] = useState<string | null>(null)
  const [focusedBoothId, setFocusedBoothId] = useState<string | null>(null)

  const names = useMemo(() => new Map(pack.exhibitors.map((e) => [e.id, localized(e.name, language)])), [pack, language])
  const zoneById = useMemo(() => new Map(pack.zones.map((z) => [z.id, z])), [pack])
  const boothById = useMemo(() => new Map(plan.booths.map((b) => [b.exhibitorId, b])), [plan])

  // Another zone chosen from outside the plan: Tab should next land in that zone.
  useEffect(() => {
    if (!svg.current?.contains(document.activeElement)) setActiveBoothId(null)
  }, [currentZoneId])

  // Where the plan is wider than the screen (phones), scroll it sideways to keep the current zone in sight.
  useEffect(() => {
    const scroller = svg.current?.parentElement
    const area = plan.zones.find((z) => z.zoneId === currentZoneId)
    if (!scroller || !area || scroller.scrollWidth <= scroller.clientWidth) return
    const box = planViewBox(plan)
    const centre = (area.rect.x + area.rect.width / 2 - box.x) / box.width
    scroller.scrollLeft = centre * scroller.scrollWidth - scroller.clientWidth / 2
  }, [plan, currentZoneId])

  // One Tab stop for the whole plan: the booth last moved to, else the open booth, else the current zone's first.
  const tabStop =
    (activeBoothId && boothById.has(activeBoothId) && activeBoothId) ||
    (openBoothId && boothById.has(openBoothId) && openBoothId) ||
    plan.booths.find((b) => b.zoneId === currentZoneId)?.exhibitorId ||
    plan.booths[0]?.exhibitorId

  const onBoothKey = (event: KeyboardEvent, booth: BoothPlacement) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      actions.openBooth(booth.exhibitorId)
      return
    }
    const direction = ARROWS[event.key]
    if (!direction) return
    event.preventDefault()
    const next = boothInDirection(plan.booths, booth, direction)
    if (!next) return
    setActiveBoothId(next.exhibitorId)
    // Exhibitor ids are URL-safe (letters, digits, dashes): no escaping needed in the selector.
    svg.current?.querySelector<SVGElement>(`[data-exhibitor-id="${next.exhibitorId}"]`)?.focus()
  }

  const box = planViewBox(plan)
  return (
    <svg
      ref={svg}
      className="plan-svg"
      viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
      preserveAspectRatio="xMidYMid meet"
      role="group"
      aria-label={t('planView.mapLabel')}
      aria-describedby={hintId}
    >
      <HallGround plan={plan} entranceLabel={t('planView.entrance')} />
      {plan.zones.map((area) => {
        const zone = zoneById.get(area.zoneId)
        const r = toSvgRect(plan, area.rect)
        return (
          <rect
            key={area.zoneId}
            className={`plan-zone${area.zoneId === currentZoneId ? ' is-current' : ''}`}
            {...r}
            fill={zone?.colour ?? '#999'}
            stroke={area.zoneId === currentZoneId ? zone?.colour : undefined}
            aria-hidden="true"
            onClick={() => actions.goToZone(area.zoneId)}
          />
        )
      })}
      <Tables plan={plan} />
      {plan.booths.map((booth) => (
        <g
          key={booth.exhibitorId}
          className={`plan-booth${booth.exhibitorId === openBoothId ? ' is-open' : ''}`}
          data-exhibitor-id={booth.exhibitorId}
          role="button"
          tabIndex={booth.exhibitorId === tabStop ? 0 : -1}
          aria-label={names.get(booth.exhibitorId) ?? booth.exhibitorId}
          onClick={() => {
            setActiveBoothId(booth.exhibitorId)
            actions.openBooth(booth.exhibitorId)
          }}
          onKeyDown={(event) => onBoothKey(event, booth)}
          onFocus={() => {
            setFocusedBoothId(booth.exhibitorId)
            onPoint(names.get(booth.exhibitorId) ?? null)
          }}
          onBlur={() => {
            setFocusedBoothId(null)
            onPoint(null)
          }}
          onMouseEnter={() => onPoint(names.get(booth.exhibitorId) ?? null)}
          onMouseLeave={() => onPoint(null)}
        >
          <rect className="plan-booth-shape" {...toSvgRect(plan, booth.rect)} fill={zoneById.get(booth.zoneId)?.colour ?? '#666'} />
        </g>
      ))}
      <ZoneLabels plan={plan} zones={zoneById} language={language} />
      <RouteLayer plan={plan} />
      {openBoothId && boothById.has(openBoothId) && <BoothRing plan={plan} booth={boothById.get(openBoothId)!} className="plan-open-ring" />}
      {focusedBoothId && boothById.has(focusedBoothId) && <BoothRing plan={plan} booth={boothById.get(focusedBoothId)!} className="plan-focus-ring" />}
    </svg>
  )
}

/** Drawn last, over the neighbouring booths: the open booth's dashed ring and the keyboard focus ring. */
function BoothRing({ plan, booth, className }: { plan: FloorPlan; booth: BoothPlacement; className: string }) {
  const r = toSvgRect(plan, booth.rect)
  return <rect className={className} x={r.x - RING} y={r.y - RING} width={r.width + 2 * RING} height={r.height + 2 * RING} aria-hidden="true" />
}

/** The floor, aisles, lobby features and the entrance: drawn once per plan. */
const HallGround = memo(function HallGround({ plan, entranceLabel }: { plan: FloorPlan; entranceLabel: string }) {
  const hall = toSvgRect(plan, plan.hall)
  const entrance = toSvgPoint(plan, plan.entrance)
  const cube = toSvgPoint(plan, plan.magicCube)
  return (
    <g aria-hidden="true">
      <rect className="plan-hall" {...hall} />
      {[plan.boulevard, ...plan.crossAisles].map((aisle, i) => (
        <rect key={i} className="plan-aisle" {...toSvgRect(plan, aisle)} />
      ))}
      <rect className="plan-feature" {...toSvgRect(plan, plan.resultsWall)} />
      <rect
        className="plan-feature"
        x={cube.x - plan.magicCubeSize / 2}
        y={cube.y - plan.magicCubeSize / 2}
        width={plan.magicCubeSize}
        height={plan.magicCubeSize}
        transform={`rotate(45 ${cube.x} ${cube.y})`}
      />
      <line
        className="plan-entrance"
        x1={entrance.x - plan.entranceWidth / 2}
        x2={entrance.x + plan.entranceWidth / 2}
        y1={entrance.y}
        y2={entrance.y}
      />
      <text className="plan-entrance-label" x={entrance.x} y={entrance.y + 3.6} textAnchor="middle">
        ▲ {entranceLabel}
      </text>
    </g>
  )
})

/** Zone names centred on their areas, wrapped to fit, with a halo so they read over the booths. */
function ZoneLabels({ plan, zones, language }: { plan: FloorPlan; zones: Map<string, Zone>; language: Language }) {
  return (
    <g className="plan-zone-labels" aria-hidden="true">
      {plan.zones.map((area) => {
        const zone = zones.get(area.zoneId)
        if (!zone) return null
        const size = Math.min(2.6, area.rect.depth / 4)
        const lines = wrapLabel(localized(zone.name, language), (area.rect.width - 2) / size, area.rect.depth >= 18 ? 3 : 2)
        const centre = toSvgPoint(plan, { x: area.rect.x + area.rect.width / 2, z: area.rect.z + area.rect.depth / 2 })
        const top = centre.y - ((lines.length - 1) * size * 1.15) / 2 + size * 0.35
        return (
          <text key={area.zoneId} className="plan-zone-label" x={centre.x} y={top} fontSize={size} textAnchor="middle">
            {lines.map((line, i) => (
              <tspan key={i} x={centre.x} dy={i === 0 ? 0 : size * 1.15}>
                {line}
              </tspan>
            ))}
          </text>
        )
      })}
    </g>
  )
}

/** The negotiation tables; the ones holding the visitor's meetings are ringed and numbered. */
function Tables({ plan }: { plan: FloorPlan }) {
  const bookings = useExpoStore((s) => s.bookings)
  // Bookings change rarely; "now" is read when they do, which is when marks appear or go.
  const booked = useMemo(() => bookedTableIds(bookings, Date.now()), [bookings])
  const radius = plan.tableDiameter / 2
  return (
    <g aria-hidden="true">
      {plan.tables.map((table) => {
        const c = toSvgPoint(plan, table.centre)
        const mine = booked.has(table.id)
        return (
          <g key={table.id} className={`plan-table${mine ? ' is-booked' : ''}`}>
            <circle cx={c.x} cy={c.y} r={mine ? radius + 0.5 : radius} />
            {mine && (
              <text x={c.x} y={c.y - radius - 1.1} textAnchor="middle">
                {tableNumber(table.id)}
              </text>
            )}
          </g>
        )
      })}
    </g>
  )
}

const safeStopPoint = (plan: FloorPlan, stop: RouteStop) => {
  try {
    return stopPoint(plan, stop)
  } catch {
    return null
  }
}

/** The active route's walk along the aisles and its numbered stops, as in the hall and on the minimap. */
function RouteLayer({ plan }: { plan: FloorPlan }) {
  const routeWalk = useExpoStore((s) => s.routeWalk)
  const stops = useExpoStore((s) => activeRoute(s)?.stops)
  if (!routeWalk || !stops) return null
  return (
    <g className="plan-route" aria-hidden="true">
      {routeWalk.legs.map((leg, i) =>
        leg.length > 1 ? (
          <polyline key={i} points={leg.map((p) => { const q = toSvgPoint(plan, p); return `${q.x},${q.y}` }).join(' ')} />
        ) : null,
      )}
      {stops.map((stop, i) => {
        const point = safeStopPoint(plan, stop)
        if (!point) return null
        const p = toSvgPoint(plan, point)
        return (
          <g key={i} className="plan-stop">
            <circle cx={p.x} cy={p.y} r={1.7} />
            <text x={p.x} y={p.y + 0.7} textAnchor="middle">
              {i + 1}
            </text>
          </g>
        )
      })}
    </g>
  )
}
