/**
 * The one booking backend of the app: the booking server when the app is served by it, otherwise (static hosting,
 * or a synthetic test hall) the local one, where bookings stay on this device.
 */
import type { BookingBackend } from '../../booking/types'
import type { ContentPack, Language } from '../../content/schema'
import type { FloorPlan } from '../../plan/types'
import { HttpBookingBackend } from './httpBackend'
import { BOOKINGS_STORAGE_KEY, LocalBookingBackend, type StorageProblem } from './localBackend'
import { browserStorageOrMemory } from './storage'

let backend: BookingBackend | null = null

export function bookingBackend(): BookingBackend {
  if (!backend) throw new Error('The booking backend starts once the content pack is loaded')
  return backend
}

export type BackendKind = 'server' | 'local'

/**
 * Whether the booking server serves this app: it marks the page it serves (a meta tag), so the answer needs no
 * request and holds offline too, where the service worker answers with the page it cached from the server.
 * Hosted as static files, the page has no mark and bookings stay on the device.
 */
export function detectBookingServer(doc: Pick<Document, 'querySelector'> = document): BackendKind {
  return doc.querySelector('meta[name="expo-booking-server"]') ? 'server' : 'local'
}

export interface StartOptions {
  kind: BackendKind
  /** A synthetic hall's invented exhibitors exist on no server and must never mix with the visitor's real bookings. */
  synthetic: boolean
  language: () => Language
  onStorageProblem: (problem: StorageProblem | { kind: 'unavailable'; reason: string }) => void
}

export function startBookingBackend(pack: ContentPack, plan: FloorPlan, options: StartOptions): BookingBackend {
  backend?.dispose()
  const storage = browserStorageOrMemory((reason) => options.onStorageProblem({ kind: 'unavailable', reason }))
  if (options.kind === 'server' && !options.synthetic) {
    backend = new HttpBookingBackend({ storage, language: options.language })
    return backend
  }
  const exhibitorById = new Map(pack.exhibitors.map((e) => [e.id, e]))
  backend = new LocalBookingBackend({
    exhibitors: (id) => exhibitorById.get(id),
    event: pack.event,
    tableIds: plan.tables.map((t) => t.id),
    storage,
    storageKey: options.synthetic ? `${BOOKINGS_STORAGE_KEY}:synthetic` : BOOKINGS_STORAGE_KEY,
    onStorageProblem: options.onStorageProblem,
  })
  return backend
}

/** Tests swap in their own backend (a fake server, or one over shared in-memory storage). */
export function useBookingBackendForTests(replacement: BookingBackend | null) {
  backend = replacement
}
