/**
 * What the boot needs once the page has painted: the content loader and its validation (zod schemas of the pack),
 * the synthetic hall generator, the floor plan, the booking backends and shared-route decoding. One chunk of its own, imported by the boot
 * at its start and preloaded by the built page (vite.config.ts), so none of it weighs on the first paint and the
 * content fetch does not wait for a second round trip.
 */
export { loadContentPack } from '../content/loadInBrowser'
export { formatContentProblem } from '../content/load'
export { generateSyntheticExhibitors } from '../content/synthetic'
export { generatedLogoSource } from '../content/logoSource'
export { computeFloorPlan } from '../plan/floorPlan'
export { decodeRoute } from '../routes/shareCode'
export { startBookingBackend } from './bookings/startBackend'
