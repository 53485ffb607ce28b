/** Booking benchmarks for `npm run bench`: free slots of one exhibitor and of 3,000 synthetic exhibitors over 28 days. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freeSlots } from '../src/booking/slots'
import { eventSchema, zonesFileSchema } from '../src/content/schema'
import { generateSyntheticExhibitors } from '../src/content/synthetic'

const PACK = fileURLToPath(new URL('../assets/content/wmc2021/', import.meta.url))
const DAY = 86_400_000
const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits

export function bookingBenchmarks(now = Date.now()) {
  const event = eventSchema.parse(JSON.parse(readFileSync(join(PACK, 'event.json'), 'utf8')))
  const zones = zonesFileSchema.parse(JSON.parse(readFileSync(join(PACK, 'zones.json'), 'utf8')))
  const exhibitors = generateSyntheticExhibitors(3000, zones)
  const query = (exhibitor: (typeof exhibitors)[number]) =>
    freeSlots({ exhibitor, event, from: now, to: now + 28 * DAY, now, bookings: [], visitorTimeZone: 'America/New_York' })
  // Warm Intl and the offset cache once, as a visitor's first panel would.
  query(exhibitors[0])
  const repeats = 200
  let t0 = performance.now()
  for (let i = 0; i < repeats; i++) query(exhibitors[i % 13])
  const oneExhibitorMs = (performance.now() - t0) / repeats
  t0 = performance.now()
  let slots = 0
  for (const exhibitor of exhibitors) slots += query(exhibitor).length
  const allMs = performance.now() - t0
  return {
    oneExhibitor28DaysMs: round(oneExhibitorMs, 3),
    allSynthetic3000Exhibitors28DaysMs: round(allMs, 0),
    slotsFor3000Exhibitors: slots,
    note: 'computed per exhibitor on demand when a panel or picker opens; never all at once in the app',
  }
}
