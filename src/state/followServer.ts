/**
 * Public lists the booking server keeps (the programme of sessions, the live screens' sources): fetched at start,
 * and again whenever the event stream says one changed, or comes back after a break (events may have been missed).
 * Hosted as static files there is no server, and nothing is fetched.
 */
import type { BookingBackend, BookingBackendEvent } from '../booking/types'

/**
 * Runs `load` now and on every `event` of the backend; a call that comes while one is running runs once after it,
 * so a burst of changes costs two fetches, not one per change. `load` keeps what is shown when it fails. Returns the
 * way to stop.
 */
export function followServerList(
  backend: Pick<BookingBackend, 'kind' | 'subscribe'>,
  event: Extract<BookingBackendEvent, { type: 'programme-changed' | 'screens-changed' }>['type'],
  load: (stopped: () => boolean) => Promise<void>,
): () => void {
  if (backend.kind !== 'server') return () => undefined
  let stopped = false
  let inFlight = false
  let again = false
  const run = async () => {
    if (inFlight) {
      again = true
      return
    }
    inFlight = true
    try {
      await load(() => stopped)
    } catch {
      // offline or a server restarting: what is shown stays; the stream's next `ready` after a break asks again
    } finally {
      inFlight = false
      if (again && !stopped) {
        again = false
        void run()
      }
    }
  }
  const unsubscribe = backend.subscribe((happened) => {
    if (happened.type === event) void run()
  })
  void run()
  return () => {
    stopped = true
    unsubscribe()
  }
}
