/**
 * A small drawing of a product's kind in its colour, beside its name in the booth panel. Decorative (the name says
 * what it is), and part of the panel's lazy chunk, so it costs nothing on first paint.
 */
import type { ReactNode } from 'react'
import type { ProductKind } from '../content/schema'

const DARK = '#3a4756'
const MID = '#8795a3'
const LIGHT = '#e4e7eb'
const GLASS = '#9fc6e8'

/** Each drawing on a 48×48 grid; `c` is the product's colour, for its main body. */
const DRAWINGS: Record<ProductKind, (c: string) => ReactNode> = {
  'robot-arm': (c) => (
    <>
      <rect x="12" y="38" width="18" height="6" rx="1" fill={DARK} />
      <path d="M21 38 L17 22 L33 12" stroke={c} strokeWidth="6" strokeLinecap="round" strokeLinejoin="round" fill="none" />
      <circle cx="17" cy="22" r="4" fill={DARK} />
      <path d="M33 12 l6 -2 M33 12 l5 4" stroke={DARK} strokeWidth="2.5" strokeLinecap="round" />
    </>
  ),
  'service-robot': (c) => (
    <>
      <rect x="14" y="20" width="20" height="22" rx="6" fill={c} stroke={MID} />
      <rect x="16" y="6" width="16" height="12" rx="5" fill={c} stroke={MID} />
      <rect x="19" y="10" width="10" height="4" rx="2" fill={DARK} />
      <rect x="18" y="26" width="12" height="7" rx="1" fill={GLASS} />
    </>
  ),
  'cnc-machine': (c) => (
    <>
      <rect x="4" y="12" width="40" height="30" rx="2" fill={c} stroke={MID} />
      <rect x="9" y="17" width="22" height="16" fill={GLASS} stroke={MID} />
      <rect x="34" y="17" width="6" height="10" fill={DARK} />
      <rect x="4" y="38" width="40" height="4" fill={DARK} />
    </>
  ),
  motor: (c) => (
    <>
      <rect x="8" y="14" width="26" height="22" rx="3" fill={c} />
      <path d="M12 14 v22 M17 14 v22 M22 14 v22 M27 14 v22" stroke={DARK} strokeWidth="1" opacity="0.5" />
      <rect x="34" y="22" width="8" height="6" fill={MID} />
      <rect x="10" y="36" width="22" height="4" fill={DARK} />
    </>
  ),
  valve: (c) => (
    <>
      <rect x="4" y="26" width="40" height="8" fill={MID} />
      <circle cx="24" cy="30" r="9" fill={c} />
      <rect x="22" y="12" width="4" height="10" fill={DARK} />
      <ellipse cx="24" cy="11" rx="10" ry="3" fill={DARK} />
    </>
  ),
  'battery-pack': (c) => (
    <>
      <rect x="6" y="14" width="36" height="24" rx="2" fill={c} />
      <path d="M15 14 v24 M24 14 v24 M33 14 v24" stroke="#ffffff" strokeWidth="1.2" opacity="0.6" />
      <rect x="12" y="10" width="6" height="4" fill={DARK} />
      <rect x="30" y="10" width="6" height="4" fill={DARK} />
    </>
  ),
  'solar-panel': (c) => (
    <>
      <path d="M6 30 L14 10 H42 L34 30 Z" fill={c} stroke={LIGHT} />
      <path d="M13 20 H38 M15 15 H40 M11 25 H36 M21 10 L13 30 M28 10 L20 30 M35 10 L27 30" stroke={LIGHT} strokeWidth="0.8" />
      <path d="M22 30 v12 M16 42 h14" stroke={DARK} strokeWidth="2.5" />
    </>
  ),
  'wind-turbine': (c) => (
    <>
      <path d="M23 44 L24.2 16 L25.8 16 L27 44 Z" fill={c} stroke={MID} strokeWidth="0.6" />
      <path d="M25 15 L25 3 M25 15 L14.6 21 M25 15 L35.4 21" stroke={c} strokeWidth="2.6" strokeLinecap="round" />
      <path d="M25 15 L25 3 M25 15 L14.6 21 M25 15 L35.4 21" stroke={MID} strokeWidth="0.5" />
      <circle cx="25" cy="15" r="2.5" fill={MID} />
    </>
  ),
  car: (c) => (
    <>
      <path d="M4 32 V26 L10 24 L16 16 H32 L38 24 L44 26 V32 Z" fill={c} stroke={MID} />
      <path d="M18 18 H30 L34 24 H14 Z" fill={GLASS} />
      <circle cx="13" cy="33" r="5" fill={DARK} />
      <circle cx="35" cy="33" r="5" fill={DARK} />
    </>
  ),
  drone: (c) => (
    <>
      <path d="M10 14 L38 34 M38 14 L10 34" stroke={DARK} strokeWidth="2.5" />
      <rect x="17" y="19" width="14" height="10" rx="3" fill={c} />
      {[10, 38].flatMap((x) => [14, 34].map((y) => <ellipse key={`${x}-${y}`} cx={x} cy={y} rx="8" ry="2.5" fill={MID} opacity="0.8" />))}
    </>
  ),
  'chip-wafer': (c) => (
    <>
      <circle cx="24" cy="24" r="19" fill={c} stroke={MID} />
      <path d="M10 17 H38 M7 24 H41 M10 31 H38 M17 7 V41 M24 5 V43 M31 7 V41" stroke="#ffffff" strokeWidth="0.8" opacity="0.7" />
      <path d="M18 43 H30" stroke={DARK} strokeWidth="2" />
    </>
  ),
  'circuit-board': (c) => (
    <>
      <rect x="5" y="10" width="38" height="28" rx="2" fill={c} />
      <rect x="18" y="17" width="12" height="12" fill={DARK} />
      <path d="M8 15 H16 V20 M32 33 H40 M8 33 H16 L18 29 M30 20 H40" stroke="#d9b44a" strokeWidth="1.2" fill="none" />
      <rect x="34" y="24" width="6" height="5" fill={LIGHT} />
    </>
  ),
  'server-rack': (c) => (
    <>
      <rect x="12" y="4" width="24" height="40" rx="1.5" fill={c} />
      {[8, 14, 20, 26, 32].map((y) => (
        <g key={y}>
          <rect x="15" y={y} width="18" height="4" fill={DARK} stroke={MID} strokeWidth="0.5" />
          <circle cx="30" cy={y + 2} r="0.9" fill="#4cd07d" />
        </g>
      ))}
    </>
  ),
  display: (c) => (
    <>
      <rect x="4" y="8" width="40" height="26" rx="1.5" fill={c} />
      <rect x="6.5" y="10.5" width="35" height="21" fill="#3d6fa8" />
      <path d="M9 27 L17 19 L23 24 L30 15 L39 27 Z" fill="#8cc3ef" opacity="0.8" />
      <path d="M24 34 V41 M16 42 H32" stroke={MID} strokeWidth="2.5" />
    </>
  ),
  camera: (c) => (
    <>
      <rect x="8" y="14" width="26" height="20" rx="2" fill={c} />
      <rect x="34" y="17" width="8" height="14" rx="1" fill={MID} />
      <circle cx="38" cy="24" r="3" fill={GLASS} stroke={DARK} />
      <path d="M20 34 V42 M14 42 H26" stroke={DARK} strokeWidth="2" />
    </>
  ),
  'smart-appliance': (c) => (
    <>
      <rect x="12" y="4" width="24" height="40" rx="2" fill={c} stroke={MID} />
      <path d="M12 18 H36 M24 4 V18" stroke={MID} />
      <rect x="15" y="22" width="3" height="10" rx="1" fill={MID} />
      <rect x="27" y="8" width="6" height="4" rx="1" fill={GLASS} />
    </>
  ),
  'medical-device': (c) => (
    <>
      <rect x="10" y="16" width="28" height="18" rx="3" fill={c} stroke={MID} />
      <rect x="14" y="6" width="20" height="12" rx="1.5" fill={DARK} />
      <path d="M22 22 h4 v4 h4 v4 h-4 v4 h-4 v-4 h-4 v-4 h4 z" fill="#d94848" transform="translate(0 -1) scale(1 0.9)" />
      <path d="M16 34 L14 44 M32 34 L34 44" stroke={MID} strokeWidth="2" />
    </>
  ),
  'lab-instrument': (c) => (
    <>
      <rect x="6" y="18" width="36" height="22" rx="2" fill={c} stroke={MID} />
      <rect x="10" y="22" width="14" height="8" fill={DARK} />
      <path d="M30 22 h6 v14 h-6 z" fill={GLASS} />
      <path d="M14 6 v8 l-4 4 h12 l-4 -4 v-8" fill={GLASS} stroke={MID} />
    </>
  ),
  'packaged-food': (c) => (
    <>
      <rect x="8" y="16" width="20" height="26" rx="1" fill={c} />
      <rect x="28" y="12" width="12" height="30" rx="1" fill={c} opacity="0.75" />
      <rect x="11" y="24" width="14" height="8" rx="1" fill="#ffffff" opacity="0.85" />
      <path d="M8 16 L12 10 H32 L28 16" fill={c} opacity="0.55" />
    </>
  ),
  bottle: (c) => (
    <>
      <path d="M20 4 h8 v8 q8 4 8 12 v18 q0 2 -2 2 h-20 q-2 0 -2 -2 v-18 q0 -8 8 -12 z" fill={c} />
      <rect x="19" y="2" width="10" height="4" rx="1" fill={DARK} />
      <rect x="15" y="26" width="18" height="10" rx="1" fill="#fdfaf0" opacity="0.9" />
    </>
  ),
  'fresh-produce': (c) => (
    <>
      <path d="M6 26 H42 L38 44 H10 Z" fill="#b5895a" />
      <circle cx="15" cy="22" r="7" fill={c} />
      <circle cx="27" cy="20" r="7" fill={c} />
      <circle cx="36" cy="24" r="6" fill={c} opacity="0.85" />
      <path d="M6 26 H42 M8 35 H40" stroke="#8a6440" />
    </>
  ),
  'textile-roll': (c) => (
    <>
      <path d="M6 20 H34 V40 H6 Z" fill={c} opacity="0.8" />
      <rect x="10" y="8" width="30" height="16" rx="8" fill={c} />
      <ellipse cx="40" cy="16" rx="4" ry="8" fill={c} stroke={MID} />
      <ellipse cx="40" cy="16" rx="1.5" ry="3" fill={DARK} />
    </>
  ),
  'material-sample': (c) => (
    <>
      <path d="M6 30 L18 24 L30 30 L18 36 Z" fill={c} />
      <path d="M6 30 V38 L18 44 V36 Z" fill={c} opacity="0.7" />
      <path d="M30 30 V38 L18 44 V36 Z" fill={c} opacity="0.5" />
      <path d="M22 16 L32 11 L42 16 L32 21 Z" fill={c} />
      <path d="M22 16 V24 L32 29 V21 Z" fill={c} opacity="0.7" />
      <path d="M42 16 V24 L32 29 V21 Z" fill={c} opacity="0.5" />
    </>
  ),
}

/** Variants whose shape differs from the kind's usual one enough to need their own drawing (a washer is no fridge). */
const VARIANT_DRAWINGS: Partial<Record<ProductKind, Partial<Record<0 | 1 | 2, (c: string) => ReactNode>>>> = {
  'smart-appliance': {
    1: (c) => (
      <>
        <rect x="10" y="8" width="28" height="34" rx="2" fill={c} stroke={MID} />
        <circle cx="24" cy="27" r="9" fill={GLASS} stroke={MID} strokeWidth="2" />
        <rect x="13" y="11" width="12" height="4" rx="1" fill={DARK} />
      </>
    ),
    2: (c) => (
      <>
        <rect x="16" y="4" width="16" height="40" rx="3" fill={c} stroke={MID} />
        <path d="M19 14 H29 M19 18 H29 M19 22 H29 M19 26 H29" stroke={MID} />
        <rect x="20" y="33" width="8" height="4" rx="1" fill={DARK} />
      </>
    ),
  },
}

export function ProductPicture({ kind, colour, variant }: { kind: ProductKind; colour: string; variant: 0 | 1 | 2 }) {
  const draw = VARIANT_DRAWINGS[kind]?.[variant] ?? DRAWINGS[kind]
  return (
    <svg className="product-picture" viewBox="0 0 48 48" width="40" height="40" aria-hidden="true" focusable="false" data-kind={kind}>
      {draw(colour)}
    </svg>
  )
}
