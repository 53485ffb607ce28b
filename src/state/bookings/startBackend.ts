/**
 * Starts the app's booking backend for a loaded content pack: the booking server's client or the local one. Both
 * classes live here, not in bookingService.ts, so they load with the content (contentStart.ts), not in the first paint.
 */
import type { BookingBackend } from '../../booking/types'
import type { ContentPack, Language } from '../../content/schema'
import type { FloorPlan } from '../../plan/types'
import { replaceBookingBackend, type BackendKind } from './bookingService'
import { HttpBookingBackend } from './httpBackend'
import { BOOKINGS_STORAGE_KEY, LocalBookingBackend, type StorageProblem } from './localBackend'
import { browserStorageOrMemory } from './storage'

export interface StartOptions {
  kind: BackendKind
  /** A synthetic hall's invented exhibitors exist on no server and must never mix with the visitor's real bookings. */
  synthetic: boolean
  language: () => Language
  onStorageProblem: (problem: StorageProblem | { kind: 'unavailable'; reason: string }) => void
}

export function startBookingBackend(pack: ContentPack, plan: FloorPlan, options: StartOptions): BookingBackend {
  const storage = browserStorageOrMemory((reason) => options.onStorageProblem({ kind: 'unavailable', reason }))
  if (options.kind === 'server' && !options.synthetic) {
    return started(new HttpBookingBackend({ storage, language: options.language }))
  }
  const exhibitorById = new Map(pack.exhibitors.map((e) => [e.id, e]))
  return started(
    new LocalBookingBackend({
      exhibitors: (id) => exhibitorById.get(id),
      event: pack.event,
      tableIds: plan.tables.map((t) => t.id),
      storage,
      storageKey: options.synthetic ? `${BOOKINGS_STORAGE_KEY}:synthetic` : BOOKINGS_STORAGE_KEY,
      onStorageProblem: options.onStorageProblem,
    }),
  )
}

function started(backend: BookingBackend): BookingBackend {
  replaceBookingBackend(backend)
  return backend
}
