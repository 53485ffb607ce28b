/**
 * The booking backend without a server (the app hosted as static files, or a synthetic test hall): every rule
 * checked inside a cross-tab lock over versioned browser storage. Bookings stay on this device and are
 * confirmed at once, since no exhibitor can answer.
 */
import { meetingUrlFor, newBookingId, newConfirmationCode } from '../../booking/codes'
import { cancelled, checkBooking, checkCancel, checkReschedule } from '../../booking/rules'
import { freeSlots } from '../../booking/slots'
import { isValidTimeZone } from '../../booking/timeZones'
import { defaultLocks, isQuotaExceeded, type AsyncBookingStorage, type LockManagerLike } from './storage'
import { notifyListeners } from './notifyListeners'
import { readStoredBookings, serialiseBookings, type StoredBookings, type StoredRead } from './storedBookings'
import type {
  BookableExhibitor,
  BookingBackendEvent,
  BookingEvent,
  BookRequest,
  BookResult,
  Booking,
  BookingBackend,
  CancelResult,
  ConnectionState,
  ProposalResult,
  Refusal,
  RescheduleResult,
  SlotRange,
  SlotRef,
  SlotsResult,
} from '../../booking/types'

export const BOOKINGS_STORAGE_KEY = 'cloud-expo:bookings'

/** What went wrong with stored data, for the visitor to be told (the store turns these into notices). */
export type StorageProblem =
  /** The stored bookings were partly or wholly unreadable; the raw value is kept under `backupKey`. */
  | { kind: 'corrupted'; backupKey: string; reason: string; kept: number; dropped: number }
  /** Unreadable data could not be set aside, so nothing is written over it until it is resolved. */
  | { kind: 'backup-failed'; reason: string }
  /** Another tab runs a newer version of the app; this one will not overwrite its data. */
  | { kind: 'newer-version'; version: number }
  /** The browser's storage quota is full: the booking was not saved. */
  | { kind: 'quota' }
  /** Storage threw for another reason (private mode, disabled storage). */
  | { kind: 'unavailable'; reason: string }

export interface LocalBookingBackendOptions {
  exhibitors: readonly BookableExhibitor[] | ((exhibitorId: string) => BookableExhibitor | undefined)
  event: BookingEvent
  /** The negotiation area's table ids; each booking gets the lowest-numbered one free at its time. */
  tableIds: readonly string[]
  storage: AsyncBookingStorage
  /** Defaults to the Web Locks API, else a lock within this tab. */
  locks?: LockManagerLike
  now?: () => number
  /** [0, 1), for confirmation codes. */
  random?: () => number
  newId?: () => string
  /** Who is booking; by default one visitor per browser profile, created with the first booking. */
  visitorId?: string
  storageKey?: string
  onStorageProblem?: (problem: StorageProblem) => void
}

/** Table ids of a negotiation area with `count` tables: 'N-01', 'N-02', … */
export function negotiationTableIds(count: number, prefix = 'N-'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`)
}

/** A read of the stored state, settled: migrated or repaired if needed; `refusal` says why writes must not happen. */
interface Settled {
  state: StoredBookings
  refusal?: Refusal
}

type Outcome<R> = { next?: StoredBookings; result: R }
type Refused = { ok: false; refusal: Refusal }

export class LocalBookingBackend implements BookingBackend {
  readonly kind = 'local'
  private readonly options: LocalBookingBackendOptions
  private readonly key: string
  private readonly locks: LockManagerLike
  private readonly now: () => number
  private readonly newId: () => string
  private readonly exhibitorById: (id: string) => BookableExhibitor | undefined
  private readonly listeners = new Set<(event: BookingBackendEvent) => void>()
  private readonly watched = new Map<string, number>()
  private stopWatching?: () => void
  private lastProblem = ''
  private lastRead?: { raw: string | null; read: StoredRead }

  constructor(options: LocalBookingBackendOptions) {
    this.options = options
    this.key = options.storageKey ?? BOOKINGS_STORAGE_KEY
    this.locks = options.locks ?? defaultLocks()
    this.now = options.now ?? Date.now
    this.newId = options.newId ?? newBookingId
    if (typeof options.exhibitors === 'function') this.exhibitorById = options.exhibitors
    else {
      const byId = new Map(options.exhibitors.map((e) => [e.id, e]))
      this.exhibitorById = (id) => byId.get(id)
    }
  }

  async freeSlots(exhibitorId: string, range: SlotRange): Promise<SlotsResult> {
    const exhibitor = this.exhibitorById(exhibitorId)
    if (!exhibitor) return { ok: false, refusal: { code: 'unknown-exhibitor', exhibitorId } }
    const { state } = await this.snapshot()
    const slots = freeSlots({
      exhibitor,
      event: this.options.event,
      from: range.from,
      to: range.to,
      now: this.now(),
      bookings: state.bookings,
      // a zone the browser does not know only costs the visitor-side labels, not the slots
      visitorTimeZone: range.visitorTimeZone && isValidTimeZone(range.visitorTimeZone) ? range.visitorTimeZone : undefined,
    })
    return { ok: true, slots }
  }

  book(request: BookRequest): Promise<BookResult> {
    return this.transact<BookResult>((state, visitorId) => {
      const check = checkBooking(this.context(state, visitorId, request.exhibitorId), request)
      if (!check.ok) return { result: check }
      const booking = this.newBooking(state, visitorId, { ...request, profile: check.profile, topic: check.topic }, check.tableId, check.slot.timeZone)
      return { next: { ...state, bookings: [...state.bookings, booking] }, result: { ok: true, booking } }
    })
  }

  cancel(bookingId: string): Promise<CancelResult> {
    return this.transact<CancelResult>((state, visitorId) => {
      const now = this.now()
      const check = checkCancel(state.bookings, bookingId, visitorId, now)
      if (!check.ok) return { result: check }
      const booking = cancelled(check.booking, now)
      return { next: replaceBookings(state, [booking]), result: { ok: true, booking } }
    })
  }

  reschedule(
    bookingId: string,
    newSlot: SlotRef,
    changes: { topic?: string; visitorTimeZone?: string } = {},
  ): Promise<RescheduleResult> {
    return this.transact<RescheduleResult>((state, visitorId) => {
      const now = this.now()
      // refused (another exhibitor's slot among them): nothing is written, the old booking stands
      const old = checkReschedule(state.bookings, bookingId, visitorId, newSlot, now)
      if (!old.ok) return { result: old }
      const request: BookRequest = {
        exhibitorId: newSlot.exhibitorId,
        start: newSlot.start,
        end: newSlot.end,
        mode: newSlot.mode,
        topic: changes.topic ?? old.booking.topic,
        profile: old.booking.profile,
        visitorTimeZone: changes.visitorTimeZone ?? old.booking.visitorTimeZone,
      }
      const check = checkBooking({ ...this.context(state, visitorId, newSlot.exhibitorId), replacing: bookingId }, request)
      // refused: nothing is written, the old booking stands
      if (!check.ok) return { result: check }
      const booking = {
        ...this.newBooking(state, visitorId, { ...request, topic: check.topic }, check.tableId, check.slot.timeZone),
        replaces: bookingId,
      }
      const previous = cancelled(old.booking, now, booking.id)
      const rest = replaceBookings(state, [previous])
      return { next: { ...rest, bookings: [...rest.bookings, booking] }, result: { ok: true, booking, previous } }
    })
  }

  /** No exhibitor answers on this device, so there is never a proposal to answer. */
  answerProposal(bookingId: string): Promise<ProposalResult> {
    return this.notOnThisDevice(bookingId)
  }

  /** No exhibitor sees anything on this device, so there is no consent to withdraw. */
  withdrawConsent(bookingId: string): Promise<ProposalResult> {
    return this.notOnThisDevice(bookingId)
  }

  private async notOnThisDevice(bookingId: string): Promise<ProposalResult> {
    const booking = (await this.myBookings()).find((b) => b.id === bookingId)
    return booking
      ? { ok: false, refusal: { code: 'invalid-state', status: booking.status } }
      : { ok: false, refusal: { code: 'not-found', bookingId } }
  }

  async myBookings(): Promise<Booking[]> {
    const { state } = await this.snapshot()
    return this.mine(state)
  }

  watchSlots(exhibitorIds: readonly string[]): () => void {
    for (const id of exhibitorIds) this.watched.set(id, (this.watched.get(id) ?? 0) + 1)
    return () => {
      for (const id of exhibitorIds) {
        const count = (this.watched.get(id) ?? 1) - 1
        if (count > 0) this.watched.set(id, count)
        else this.watched.delete(id)
      }
    }
  }

  subscribe(listener: (event: BookingBackendEvent) => void): () => void {
    this.listeners.add(listener)
    if (!this.stopWatching) {
      this.stopWatching = this.options.storage.subscribe((key) => {
        if (key !== null && key !== this.key) return
        void this.myBookings().then((bookings) => this.emitChange(bookings))
      })
    }
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) this.stopStorageEvents()
    }
  }

  connection(): ConnectionState {
    return 'local'
  }

  dispose(): void {
    this.listeners.clear()
    this.watched.clear()
    this.stopStorageEvents()
  }

  private stopStorageEvents() {
    this.stopWatching?.()
    this.stopWatching = undefined
  }

  private context(state: StoredBookings, visitorId: string, exhibitorId: string) {
    return {
      exhibitor: this.exhibitorById(exhibitorId),
      event: this.options.event,
      bookings: state.bookings,
      visitorId,
      now: this.now(),
      tableIds: this.options.tableIds,
    }
  }

  private newBooking(state: StoredBookings, visitorId: string, request: BookRequest, tableId: string, exhibitorTimeZone: string): Booking {
    const confirmationCode = newConfirmationCode(new Set(state.bookings.map((b) => b.confirmationCode)), this.options.random)
    return {
      id: this.newId(),
      visitorId,
      exhibitorId: request.exhibitorId,
      start: request.start,
      end: request.end,
      mode: request.mode,
      status: 'confirmed',
      confirmationCode,
      tableId,
      ...(request.mode === 'online' ? { meetingUrl: meetingUrlFor(confirmationCode) } : {}),
      topic: request.topic,
      profile: request.profile,
      visitorTimeZone: request.visitorTimeZone,
      exhibitorTimeZone,
      createdAt: this.now(),
    }
  }

  private visitorOf(state: StoredBookings): string | undefined {
    return this.options.visitorId ?? state.visitorId
  }

  private mine(state: StoredBookings): Booking[] {
    const visitorId = this.visitorOf(state)
    if (!visitorId) return []
    return state.bookings.filter((b) => b.visitorId === visitorId).sort((a, b) => a.start - b.start || a.createdAt - b.createdAt)
  }

  /** One device holds every booking here, so any change may have taken or freed a watched exhibitor's slot. */
  private emitChange(bookings: Booking[]): void {
    this.emit({ type: 'my-bookings', bookings })
    for (const exhibitorId of this.watched.keys()) this.emit({ type: 'slots-changed', exhibitorId })
  }

  private emit(event: BookingBackendEvent): void {
    notifyListeners(this.listeners, event)
  }

  private report(problem: StorageProblem): void {
    // the same standing problem (a newer version's data) is read again and again: tell it once
    const key = JSON.stringify(problem)
    if (key === this.lastProblem) return
    this.lastProblem = key
    this.options.onStorageProblem?.(problem)
  }

  private async readRaw(): Promise<{ raw: string | null } | { error: string }> {
    try {
      return { raw: await this.options.storage.getItem(this.key) }
    } catch (error) {
      return { error: String(error) }
    }
  }

  private read(raw: string | null): StoredRead {
    // slots of many booths are asked for in a row: parse the same stored text once
    if (this.lastRead && this.lastRead.raw === raw) return this.lastRead.read
    const read = readStoredBookings(raw, () => this.options.visitorId ?? this.newId())
    this.lastRead = { raw, read }
    return read
  }

  /** The current state for reading; only touches the lock when stored data needs migrating or repair. */
  private async snapshot(): Promise<Settled> {
    const got = await this.readRaw()
    if ('raw' in got) {
      const read = this.read(got.raw)
      if (read.kind === 'empty' || (read.kind === 'ok' && read.migratedFrom === undefined)) return { state: read.state }
    }
    return this.locks.request(this.lockName(), () => this.settle())
  }

  private lockName(): string {
    return `${this.key}:lock`
  }

  /**
   * Inside the lock: re-reads storage (another tab may have written since) and brings it to the current
   * version. Old versions and damaged values are copied to a backup key before anything is written over them.
   */
  private async settle(): Promise<Settled> {
    const got = await this.readRaw()
    if ('error' in got) {
      this.report({ kind: 'unavailable', reason: got.error })
      return { state: { version: 2, bookings: [] }, refusal: { code: 'storage-unavailable', reason: got.error } }
    }
    const { raw } = got
    const read = this.read(raw)
    if (read.kind === 'newer') {
      this.report({ kind: 'newer-version', version: read.version })
      return { state: { version: 2, bookings: [] }, refusal: { code: 'storage-unavailable', reason: `newer-version-${read.version}` } }
    }
    if (read.kind === 'empty' || (read.kind === 'ok' && read.migratedFrom === undefined) || raw === null) return { state: read.state }

    const label = read.kind === 'damaged' ? 'backup' : `v${read.migratedFrom}`
    const backupKey = await this.freeBackupKey(label)
    try {
      await this.options.storage.setItem(backupKey, raw)
    } catch (error) {
      const reason = isQuotaExceeded(error) ? 'quota' : String(error)
      if (read.kind === 'damaged') this.report({ kind: 'backup-failed', reason })
      else this.report(isQuotaExceeded(error) ? { kind: 'quota' } : { kind: 'unavailable', reason })
      // reading what could be saved is fine; writing over the unreadable original is not
      return { state: read.state, refusal: isQuotaExceeded(error) ? { code: 'storage-full' } : { code: 'storage-unavailable', reason } }
    }
    const write = await this.write(read.state)
    if (read.kind === 'damaged') {
      this.report({ kind: 'corrupted', backupKey, reason: read.reason, kept: read.state.bookings.length, dropped: read.dropped })
    }
    return write ? { state: read.state, refusal: write } : { state: read.state }
  }

  /** A backup key not yet used, so an earlier backup is never overwritten either. */
  private async freeBackupKey(label: string): Promise<string> {
    const base = `${this.key}:${label}:${new Date(this.now()).toISOString()}`
    let key = base
    for (let n = 2; (await this.options.storage.getItem(key)) !== null; n++) key = `${base}#${n}`
    return key
  }

  /** Writes the state; on failure reports it and returns the refusal to give. */
  private async write(state: StoredBookings): Promise<Refusal | undefined> {
    try {
      await this.options.storage.setItem(this.key, serialiseBookings(state))
      return undefined
    } catch (error) {
      if (isQuotaExceeded(error)) {
        this.report({ kind: 'quota' })
        return { code: 'storage-full' }
      }
      this.report({ kind: 'unavailable', reason: String(error) })
      return { code: 'storage-unavailable', reason: String(error) }
    }
  }

  /**
   * Read, check and write as one step under the lock, so two tabs cannot both take the last table: the
   * second one re-reads the first one's booking before its own rules run. Tabs run in parallel, and storage
   * may answer later (`AsyncBookingStorage`), so without the lock two transactions could both read before
   * either writes. Where the Web Locks API is missing (browsers before 2022) the lock holds only within this
   * tab: two tabs booking in the same instant could then both take a last table, or one could write over the
   * other's booking; `defaultLocks` says which lock is in use.
   */
  private transact<R>(work: (state: StoredBookings, visitorId: string) => Outcome<R>): Promise<R | Refused> {
    return this.locks.request<R | Refused>(this.lockName(), async () => {
      const settled = await this.settle()
      if (settled.refusal) return { ok: false, refusal: settled.refusal }
      const visitorId = this.visitorOf(settled.state) ?? this.newId()
      const { next, result } = work(settled.state, visitorId)
      if (!next) return result
      const toWrite: StoredBookings = { ...next, visitorId: next.visitorId ?? visitorId }
      const failed = await this.write(toWrite)
      if (failed) return { ok: false, refusal: failed }
      this.emitChange(this.mine(toWrite))
      return result
    })
  }
}

function replaceBookings(state: StoredBookings, changed: Booking[]): StoredBookings {
  const byId = new Map(changed.map((b) => [b.id, b]))
  return { ...state, bookings: state.bookings.map((b) => byId.get(b.id) ?? b) }
}
