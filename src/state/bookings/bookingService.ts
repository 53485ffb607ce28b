/**
 * The one booking backend of the app: the booking server when the app is served by it, otherwise (static hosting,
 * or a synthetic test hall) the local one, where bookings stay on this device. The backends themselves are started
 * by startBackend.ts, which the boot loads after the first paint; the overlay reaches the running one from here.
 */
import type { BookingBackend } from '../../booking/types'

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

/** The backend the boot started (startBackend.ts), in place of the one before, which stops. */
export function replaceBookingBackend(next: BookingBackend) {
  backend?.dispose()
  backend = next
}

/** Tests swap in their own backend (a fake server, or one over shared in-memory storage). */
export function useBookingBackendForTests(replacement: BookingBackend | null) {
  backend = replacement
}
