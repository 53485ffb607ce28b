/** Deterministic floor-plan inputs: a realistic catalogue of any size, spread over the zones like the real show. */
import { EXHIBITING_ZONE_IDS, ZONE_IDS, type BoothSize } from '../../src/content/schema'
import type { FloorPlanInput } from '../../src/plan/floorPlan'

/** Relative share of exhibitors per zone: the YRD area and the imported-goods area are the big ones. */
const ZONE_WEIGHTS: Record<(typeof EXHIBITING_ZONE_IDS)[number], number> = {
  'next-gen-it': 12,
  ai: 10,
  'new-materials': 8,
  'new-energy': 9,
  nev: 11,
  'high-end-equipment': 12,
  'smart-appliances': 8,
  'life-health': 7,
  'green-food': 6,
  'digital-creative': 6,
  'korea-pavilion': 9,
  yrd: 18,
  'imported-goods': 14,
}

const YRD_SECTIONS = ['shanghai', 'jiangsu', 'zhejiang']

/** Small linear congruential generator: same seed, same sequence, on every machine. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** `count` exhibitors with mixed booth sizes (about 75% standard, 20% large, 5% island) and YRD / Pinhui sections. */
export function buildPlanInput(count: number, seed = 2021): FloorPlanInput {
  const next = random(seed)
  const zones = EXHIBITING_ZONE_IDS
  const total = zones.reduce((s, z) => s + ZONE_WEIGHTS[z], 0)
  const exhibitors: FloorPlanInput['exhibitors'] = []
  for (let i = 0; i < count; i++) {
    // Round-robin over a weighted cycle keeps every zone populated even for tiny catalogues.
    let pick = (i * 7919) % total
    const zone = zones.find((z) => (pick -= ZONE_WEIGHTS[z]) < 0)!
    const roll = next()
    const boothSize: BoothSize = roll < 0.05 ? 'island' : roll < 0.25 ? 'large' : 'standard'
    const section =
      zone === 'yrd'
        ? YRD_SECTIONS[Math.floor(next() * YRD_SECTIONS.length)]
        : zone === 'imported-goods' && next() < 0.5
          ? 'hongqiao-pinhui'
          : undefined
    exhibitors.push({ id: `${zone}-${String(i).padStart(4, '0')}`, zone, boothSize, section })
  }
  return { zones: ZONE_IDS.map((id) => ({ id })), exhibitors }
}

/** The same catalogue in another order. */
export function shuffled<T>(items: T[], seed = 7): T[] {
  const next = random(seed)
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}
