/** The one booking backend of the app: the local one now; a server implementation can replace it here alone. */
import { LocalBookingBackend, type StorageProblem } from './localBackend'
import { browserStorageOrMemory } from './storage'
import type { BookingBackend } from '../../booking/types'
import type { ContentPack } from '../../content/schema'
import type { FloorPlan } from '../../plan/types'

let backend: BookingBackend | null = null

export function bookingBackend(): BookingBackend {
  if (!backend) throw new Error('The booking backend starts once the content pack is loaded')
  return backend
}

export function startBookingBackend(
  pack: ContentPack,
  plan: FloorPlan,
  onStorageProblem: (problem: StorageProblem | { kind: 'unavailable'; reason: string }) => void,
): BookingBackend {
  const exhibitorById = new Map(pack.exhibitors.map((e) => [e.id, e]))
  backend = new LocalBookingBackend({
    exhibitors: (id) => exhibitorById.get(id),
    event: pack.event,
    tableIds: plan.tables.map((t) => t.id),
    storage: browserStorageOrMemory((reason) => onStorageProblem({ kind: 'unavailable', reason })),
    onStorageProblem,
  })
  return backend
}

/** Tests swap in their own backend (a fake server, or one over shared in-memory storage). */
export function useBookingBackendForTests(replacement: BookingBackend | null) {
  backend = replacement
}
