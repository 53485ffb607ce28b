/**
 * The one booking service every route calls. The shared pure rules decide (`checkBooking`, `freeSlots`,
 * `assignSeat`); each change runs in one transaction under the visitor's and the exhibitor's row locks; and the
 * database's exclusion constraints guarantee tables, seats and the visitor's time whatever happens above them.
 */
import { randomUUID } from 'node:crypto'
import type { BookBody, ConsoleBooking } from '../../src/booking/api'
import { CONSENT_VERSION } from '../../src/booking/api'
import { meetingUrlFor, newConfirmationCode } from '../../src/booking/codes'
import { checkBooking, checkCancel, checkReschedule } from '../../src/booking/rules'
import { assignSeat } from '../../src/booking/seats'
import { freeSlots } from '../../src/booking/slots'
import { isValidTimeZone } from '../../src/booking/timeZones'
import type { BookableExhibitor, Booking, BookingStatus, BookRequest, Refusal, Slot, SlotRef } from '../../src/booking/types'
import { availabilitySchema, type Availability, type Language } from '../../src/content/schema'
import type { ServerContent } from '../content'
import { constraintOf, sqlState, type Database, type Queryable } from '../db/database'
import { refusalFailure } from '../http/errors'
import { changeOnce, type ChangeRequest, type NoticeOutbox, type StoredAnswer } from '../http/idempotency'
import { ChangeSet } from '../live/changes'
import type { BookingNoticeKind, Notices } from '../mail/notices'
import { BOOKING_COLUMNS, LIVE, at, ms, toBooking, toConsoleBooking, type BookingRow } from './rows'

const HOUR = 3_600_000
const DAY = 24 * HOUR

export interface BookingServiceOptions {
  db: Database
  content: ServerContent
  notices: Notices
  /** How long a pending request or proposal holds its table. */
  holdMs: number
  now: () => number
}

export interface ExhibitorSettings {
  availability: Availability
  autoAccept: boolean
}

/** A change's identity for idempotency: who asked, their key, and what they asked. */
interface Locked {
  exhibitor: BookableExhibitor
  autoAccept: boolean
}

const refused = (refusal: Refusal): StoredAnswer => {
  const failure = refusalFailure(refusal)
  return { status: failure.statusCode, body: { code: failure.code, message: failure.message, refusal } }
}

/** A booking change's notices: the visitors and exhibitors it touched, queued together. */
const BOOKING_OUTBOX: NoticeOutbox<ChangeSet> = { open: () => new ChangeSet(), publish: (tx, changes) => changes.publish(tx) }

export class BookingService {
  constructor(private readonly options: BookingServiceOptions) {}

  private get db() {
    return this.options.db
  }

  /** Adds the pack's exhibitors the database does not know yet, and refreshes hours nobody has edited. */
  async seedExhibitors(): Promise<void> {
    const exhibitors = this.options.content.pack.exhibitors
    await this.db.transaction(async (tx) => {
      for (let i = 0; i < exhibitors.length; i += 200) {
        const batch = exhibitors.slice(i, i + 200)
        await tx.query(
          `insert into exhibitors (id, availability)
           select id, availability from jsonb_to_recordset($1::jsonb) as e(id text, availability jsonb)
           on conflict (id) do update set availability = excluded.availability where exhibitors.availability_edited_at is null`,
          [JSON.stringify(batch.map((e) => ({ id: e.id, availability: e.availability })))],
        )
      }
    })
  }

  async settings(exhibitorId: string, tx: Queryable = this.db): Promise<ExhibitorSettings | undefined> {
    const { rows } = await tx.query<{ availability: unknown; auto_accept: boolean }>('select availability, auto_accept from exhibitors where id = $1', [exhibitorId])
    const row = rows[0]
    if (!row || !this.options.content.exhibitor(exhibitorId)) return undefined
    return { availability: availabilitySchema.parse(row.availability), autoAccept: row.auto_accept }
  }

  /** Free slots of one exhibitor in [from, to), from its current hours and every live booking. */
  async freeSlots(exhibitorId: string, range: { from: number; to: number; visitorTimeZone?: string }): Promise<{ slots: Slot[]; settings: ExhibitorSettings } | undefined> {
    const settings = await this.settings(exhibitorId)
    if (!settings) return undefined
    const now = this.options.now()
    const { rows } = await this.db.query<{ start: number; end: number; status: BookingStatus }>(
      `select ${ms('starts_at')} as start, ${ms('ends_at')} as "end", status from bookings
       where exhibitor_id = $1 and status in ${LIVE} and (hold_expires_at is null or hold_expires_at > ${at('$2')})
         and starts_at < ${at('$4')} and ends_at > ${at('$3')}`,
      [exhibitorId, now, range.from, range.to],
    )
    const slots = freeSlots({
      exhibitor: { id: exhibitorId, availability: settings.availability },
      event: this.options.content.pack.event,
      from: range.from,
      to: range.to,
      now,
      bookings: rows.map((r) => ({ ...r, exhibitorId })),
      visitorTimeZone: range.visitorTimeZone && isValidTimeZone(range.visitorTimeZone) ? range.visitorTimeZone : undefined,
    })
    return { slots, settings }
  }

  async visitorBookings(visitorId: string): Promise<Booking[]> {
    const { rows } = await this.db.query<BookingRow>(`select ${BOOKING_COLUMNS} from bookings where visitor_id = $1 order by starts_at, created_at`, [visitorId])
    return rows.map(toBooking)
  }

  async exhibitorBookings(exhibitorId: string, range: { from: number; to: number }): Promise<ConsoleBooking[]> {
    const { rows } = await this.db.query<BookingRow>(
      `select ${BOOKING_COLUMNS} from bookings where exhibitor_id = $1 and starts_at < ${at('$3')} and ends_at > ${at('$2')} order by starts_at, created_at`,
      [exhibitorId, range.from, range.to],
    )
    return rows.map(toConsoleBooking)
  }

  /** A visitor asks for a meeting: held for the exhibitor to answer, or confirmed at once with auto-accept. */
  book(visitorId: string, body: BookBody, change: ChangeRequest): Promise<StoredAnswer> {
    return this.change(change, async (tx, changes, now) => {
      const request: BookRequest = { ...body, profile: body.profile as BookRequest['profile'] }
      await this.lockVisitor(tx, visitorId)
      const locked = await this.lockExhibitor(tx, body.exhibitorId)
      if (!locked) return refused({ code: 'unknown-exhibitor', exhibitorId: body.exhibitorId })
      await this.expireHolds(tx, now, changes, { visitorId, exhibitorId: body.exhibitorId, time: body })
      const bookings = await this.relevantBookings(tx, visitorId, body.exhibitorId, body, now)
      const check = checkBooking(this.context(locked, bookings, visitorId, now), request)
      if (!check.ok) return refused(check.refusal)
      const row = await this.insert(tx, {
        visitorId,
        request: { ...request, profile: check.profile, topic: check.topic },
        slot: check.slot,
        tableId: check.tableId,
        bookings,
        capacity: locked.exhibitor.availability.parallelTables,
        status: locked.autoAccept ? 'confirmed' : 'requested',
        language: body.language,
        now,
      })
      if ('refusal' in row) return refused(row.refusal)
      await tx.query('update visitors set email = $2, profile = $3::jsonb, language = $4 where id = $1', [
        visitorId,
        check.profile.email.toLowerCase(),
        JSON.stringify(check.profile),
        body.language,
      ])
      changes.booking(row)
      await this.options.notices.booking(tx, locked.autoAccept ? 'auto-confirmed' : 'requested', row)
      return { status: 201, body: { booking: toBooking(row) } }
    })
  }

  /** The visitor cancels (or declines a proposed time, which is the same for the table). */
  cancel(visitorId: string, bookingId: string, change: ChangeRequest): Promise<StoredAnswer> {
    return this.change(change, async (tx, changes, now) => {
      await this.lockVisitor(tx, visitorId)
      const row = await this.lockBooking(tx, bookingId, { visitorId })
      if (!row) return refused({ code: 'not-found', bookingId })
      if (holdRanOut(row, now)) return refused({ code: 'invalid-state', status: 'expired' })
      const check = checkCancel([toBooking(row)], bookingId, visitorId, now)
      if (!check.ok) return refused(check.refusal)
      const next = await this.update(tx, bookingId, `status = 'cancelled', cancelled_by = 'visitor', cancelled_at = ${at('$2')}`, [now])
      changes.booking(next)
      await this.options.notices.booking(tx, row.status === 'proposed' ? 'proposal-declined' : 'cancelled-by-visitor', next)
      return { status: 200, body: { booking: toBooking(next) } }
    })
  }

  /**
   * Moves a booking to another slot of the same exhibitor in one step: the old one is released only if the new
   * one is taken. Without auto-accept the new time is a request the exhibitor answers.
   */
  reschedule(visitorId: string, bookingId: string, slot: SlotRef & { visitorTimeZone?: string }, change: ChangeRequest): Promise<StoredAnswer> {
    return this.change(change, async (tx, changes, now) => {
      await this.lockVisitor(tx, visitorId)
      const old = await this.lockBooking(tx, bookingId, { visitorId })
      if (!old) return refused({ code: 'not-found', bookingId })
      const locked = await this.lockExhibitor(tx, old.exhibitor_id)
      if (!locked) return refused({ code: 'unknown-exhibitor', exhibitorId: old.exhibitor_id })
      if (holdRanOut(old, now)) return refused({ code: 'invalid-state', status: 'expired' })
      // before anything is written: a slot of another exhibitor is refused, not read as this exhibitor's time
      const movable = checkReschedule([toBooking(old)], bookingId, visitorId, slot, now)
      if (!movable.ok) return refused(movable.refusal)
      await this.expireHolds(tx, now, changes, { visitorId, exhibitorId: old.exhibitor_id, time: slot })
      const request: BookRequest = {
        exhibitorId: old.exhibitor_id,
        start: slot.start,
        end: slot.end,
        mode: slot.mode,
        topic: old.topic,
        profile: old.profile,
        visitorTimeZone: slot.visitorTimeZone ?? old.visitor_time_zone,
        shareProfile: old.share_profile,
      }
      const bookings = await this.relevantBookings(tx, visitorId, old.exhibitor_id, slot, now)
      const check = checkBooking({ ...this.context(locked, bookings, visitorId, now), replacing: bookingId }, request)
      if (!check.ok) return refused(check.refusal)
      // released first, so the database sees its table, seat and the visitor's time free for the new one
      await this.update(tx, bookingId, `status = 'cancelled', cancelled_by = 'visitor', cancelled_at = ${at('$2')}`, [now])
      const row = await this.insert(tx, {
        visitorId,
        request: { ...request, topic: check.topic },
        slot: check.slot,
        tableId: check.tableId,
        bookings: bookings.filter((b) => b.id !== bookingId),
        capacity: locked.exhibitor.availability.parallelTables,
        status: locked.autoAccept ? 'confirmed' : 'requested',
        language: old.language,
        now,
        replaces: bookingId,
        consentAt: old.share_profile ? now : undefined,
      })
      if ('refusal' in row) throw new RollBack(refused(row.refusal))
      const linked = await this.update(tx, bookingId, 'replaced_by = $2', [row.id])
      changes.booking(row)
      await this.options.notices.booking(tx, 'cancelled-by-visitor', linked)
      await this.options.notices.booking(tx, locked.autoAccept ? 'auto-confirmed' : 'requested', row)
      return { status: 200, body: { booking: toBooking(row), previous: toBooking(linked) } }
    })
  }

  /** The visitor accepts the time the exhibitor proposed (confirmed), or declines it (cancelled, table freed). */
  answerProposal(visitorId: string, bookingId: string, accept: boolean, change: ChangeRequest): Promise<StoredAnswer> {
    if (!accept) return this.cancel(visitorId, bookingId, change)
    return this.change(change, async (tx, changes, now) => {
      await this.lockVisitor(tx, visitorId)
      const row = await this.lockBooking(tx, bookingId, { visitorId })
      if (!row) return refused({ code: 'not-found', bookingId })
      if (row.status !== 'proposed' || holdRanOut(row, now)) return refused({ code: 'invalid-state', status: holdRanOut(row, now) ? 'expired' : row.status })
      const next = await this.update(tx, bookingId, `status = 'confirmed', hold_expires_at = null`, [])
      changes.booking(next)
      await this.options.notices.booking(tx, 'confirmed', next)
      return { status: 200, body: { booking: toBooking(next) } }
    })
  }

  /** The visitor withdraws consent: from now on the exhibitor sees none of their profile for this booking. */
  withdrawConsent(visitorId: string, bookingId: string, change: ChangeRequest): Promise<StoredAnswer> {
    return this.change(change, async (tx, changes) => {
      const row = await this.lockBooking(tx, bookingId, { visitorId })
      if (!row) return refused({ code: 'not-found', bookingId })
      const next = await this.update(tx, bookingId, 'share_profile = false, consent_at = null, consent_version = null', [])
      changes.booking(next)
      return { status: 200, body: { booking: toBooking(next) } }
    })
  }

  // — exhibitor staff —

  accept(exhibitorId: string, bookingId: string, change: ChangeRequest): Promise<StoredAnswer> {
    return this.change(change, async (tx, changes, now) => {
      const row = await this.lockBooking(tx, bookingId, { exhibitorId })
      if (!row) return refused({ code: 'not-found', bookingId })
      if (row.status !== 'requested' || holdRanOut(row, now)) return refused({ code: 'invalid-state', status: holdRanOut(row, now) ? 'expired' : row.status })
      const next = await this.update(tx, bookingId, `status = 'confirmed', hold_expires_at = null`, [])
      changes.booking(next)
      await this.options.notices.booking(tx, 'confirmed', next)
      return { status: 200, body: { booking: toConsoleBooking(next) } }
    })
  }

  decline(exhibitorId: string, bookingId: string, reason: string, change: ChangeRequest): Promise<StoredAnswer> {
    return this.change(change, async (tx, changes, now) => {
      const row = await this.lockBooking(tx, bookingId, { exhibitorId })
      if (!row) return refused({ code: 'not-found', bookingId })
      if (row.status !== 'requested' || holdRanOut(row, now)) return refused({ code: 'invalid-state', status: holdRanOut(row, now) ? 'expired' : row.status })
      const next = await this.update(tx, bookingId, `status = 'declined', decline_reason = $2`, [reason])
      changes.booking(next)
      await this.options.notices.booking(tx, 'declined', next)
      return { status: 200, body: { booking: toConsoleBooking(next) } }
    })
  }

  /** Staff cancel a confirmed meeting, with a reason the visitor is told. */
  cancelByExhibitor(exhibitorId: string, bookingId: string, reason: string, change: ChangeRequest): Promise<StoredAnswer> {
    return this.change(change, async (tx, changes, now) => {
      const row = await this.lockBooking(tx, bookingId, { exhibitorId })
      if (!row) return refused({ code: 'not-found', bookingId })
      if (row.status !== 'confirmed') return refused({ code: 'invalid-state', status: row.status })
      if (row.end <= now) return refused({ code: 'already-started', booking: toBooking(row) })
      const next = await this.update(tx, bookingId, `status = 'cancelled', cancelled_by = 'exhibitor', cancel_reason = $2, cancelled_at = ${at('$3')}`, [reason, now])
      changes.booking(next)
      await this.options.notices.booking(tx, 'cancelled-by-exhibitor', next)
      return { status: 200, body: { booking: toConsoleBooking(next) } }
    })
  }

  /**
   * Staff answer a request with another time: the request moves to that slot (through the same rules, as if the
   * visitor had asked for it) and waits for the visitor, holding the new table until the hold runs out.
   */
  propose(exhibitorId: string, bookingId: string, slot: Omit<SlotRef, 'exhibitorId'>, message: string | undefined, change: ChangeRequest): Promise<StoredAnswer> {
    return this.change(change, async (tx, changes, now) => {
      const { rows } = await tx.query<{ visitor_id: string }>('select visitor_id from bookings where id = $1 and exhibitor_id = $2', [bookingId, exhibitorId])
      const visitorId = rows[0]?.visitor_id
      if (!visitorId) return refused({ code: 'not-found', bookingId })
      await this.lockVisitor(tx, visitorId)
      const locked = await this.lockExhibitor(tx, exhibitorId)
      const row = await this.lockBooking(tx, bookingId, { exhibitorId })
      if (!locked || !row) return refused({ code: 'not-found', bookingId })
      if (row.status !== 'requested' || holdRanOut(row, now)) return refused({ code: 'invalid-state', status: holdRanOut(row, now) ? 'expired' : row.status })
      await this.expireHolds(tx, now, changes, { visitorId, exhibitorId, time: slot })
      const bookings = await this.relevantBookings(tx, visitorId, exhibitorId, slot, now)
      const request: BookRequest = { exhibitorId, ...slot, topic: row.topic, profile: row.profile, visitorTimeZone: row.visitor_time_zone }
      const check = checkBooking({ ...this.context(locked, bookings, visitorId, now), replacing: bookingId }, request)
      // staff learn that the visitor is busy then (or at their limits), never with whom
      if (!check.ok) return refused(['visitor-overlap', 'exhibitor-limit', 'daily-limit'].includes(check.refusal.code) ? { code: 'visitor-busy' } : check.refusal)
      const others = bookings.filter((b) => b.id !== bookingId)
      const placed = await this.placeInto(tx, others, check.slot, check.tableId, locked.exhibitor.availability.parallelTables, async (tableId, seat) => {
        // an update cannot skip a conflict as an insert does: a savepoint turns a table taken meanwhile into a retry
        await tx.query('savepoint propose_table')
        try {
          const moved = await this.update(
            tx,
            bookingId,
            `status = 'proposed', original_starts_at = coalesce(original_starts_at, starts_at), original_ends_at = coalesce(original_ends_at, ends_at),
             starts_at = ${at('$2')}, ends_at = ${at('$3')}, mode = $4, table_id = $5, seat = $6, hold_expires_at = ${at('$7')}, exhibitor_time_zone = $8,
             meeting_url = case when $4 = 'online' then $9 else null end, proposal_message = $10`,
            [check.slot.start, check.slot.end, check.slot.mode, tableId, seat, this.holdUntil(now, check.slot.start), check.slot.timeZone, meetingUrlFor(row.confirmation_code), message || null],
          )
          await tx.query('release savepoint propose_table')
          return moved
        } catch (error) {
          await tx.query('rollback to savepoint propose_table')
          if (sqlState(error) === '23P01' && constraintOf(error) === 'bookings_table_free') return undefined
          throw error
        }
      })
      if ('refusal' in placed) return refused(placed.refusal)
      changes.booking(placed)
      await this.options.notices.booking(tx, 'proposed', placed)
      return { status: 200, body: { booking: toConsoleBooking(placed) } }
    })
  }

  async setAvailability(exhibitorId: string, availability: Availability): Promise<ExhibitorSettings> {
    const changes = new ChangeSet()
    changes.exhibitor(exhibitorId)
    await this.db.transaction(async (tx) => {
      await tx.query(`update exhibitors set availability = $2::jsonb, availability_edited_at = ${at('$3')} where id = $1`, [
        exhibitorId,
        JSON.stringify(availability),
        this.options.now(),
      ])
      await changes.publish(tx)
    })
    return (await this.settings(exhibitorId))!
  }

  async setAutoAccept(exhibitorId: string, autoAccept: boolean): Promise<void> {
    await this.db.query('update exhibitors set auto_accept = $2 where id = $1', [exhibitorId, autoAccept])
  }

  /** Releases every hold that ran out; the sweeper calls it, and each change calls it for what it touches. */
  async sweepExpired(): Promise<number> {
    const changes = new ChangeSet()
    const count = await this.db.transaction(async (tx) => {
      const expired = await this.expireHolds(tx, this.options.now(), changes)
      await changes.publish(tx)
      return expired
    })
    return count
  }

  // — internals —

  /** One change: idempotent, in one transaction, its notices published on commit. */
  private async change(change: ChangeRequest, work: (tx: Queryable, changes: ChangeSet, now: number) => Promise<StoredAnswer>, attempt = 1): Promise<StoredAnswer & { replayed: boolean }> {
    try {
      return await changeOnce(this.db, change, this.options.now(), BOOKING_OUTBOX, work)
    } catch (error) {
      if (error instanceof RollBack) return { ...error.answer, replayed: false }
      if (sqlState(error) === '23505' && constraintOf(error) === 'bookings_confirmation_code_key' && attempt < 3) return this.change(change, work, attempt + 1)
      // Only reachable when the locks above are bypassed (or a bug): the constraints had the last word.
      if (sqlState(error) === '23P01') {
        const constraint = constraintOf(error)
        if (constraint === 'bookings_exhibitor_seat_free') return { ...refused({ code: 'slot-full', slot: { exhibitorId: '', start: 0, end: 0, mode: 'online' } }), replayed: false }
        if (constraint === 'bookings_visitor_free') return { ...refused({ code: 'visitor-busy' }), replayed: false }
      }
      throw error
    }
  }

  private holdUntil(now: number, start: number): number {
    // a request nobody answered before the meeting would have started is over then
    return Math.min(now + this.options.holdMs, start)
  }

  private async lockVisitor(tx: Queryable, visitorId: string): Promise<void> {
    await tx.query('select 1 from visitors where id = $1 for update', [visitorId])
  }

  private async lockExhibitor(tx: Queryable, exhibitorId: string): Promise<Locked | undefined> {
    if (!this.options.content.exhibitor(exhibitorId)) return undefined
    const { rows } = await tx.query<{ availability: unknown; auto_accept: boolean }>('select availability, auto_accept from exhibitors where id = $1 for update', [exhibitorId])
    const row = rows[0]
    if (!row) return undefined
    return { exhibitor: { id: exhibitorId, availability: availabilitySchema.parse(row.availability) }, autoAccept: row.auto_accept }
  }

  private async lockBooking(tx: Queryable, bookingId: string, owner: { visitorId?: string; exhibitorId?: string }): Promise<BookingRow | undefined> {
    const { rows } = await tx.query<BookingRow>(
      `select ${BOOKING_COLUMNS} from bookings where id = $1 and ($2::uuid is null or visitor_id = $2) and ($3::text is null or exhibitor_id = $3) for update`,
      [bookingId, owner.visitorId ?? null, owner.exhibitorId ?? null],
    )
    return rows[0]
  }

  private async update(tx: Queryable, bookingId: string, assignments: string, params: unknown[]): Promise<BookingRow> {
    const { rows } = await tx.query<BookingRow>(
      `update bookings set ${assignments}, updated_at = ${at(`$${params.length + 2}`)} where id = $1 returning ${BOOKING_COLUMNS}`,
      [bookingId, ...params, this.options.now()],
    )
    return rows[0]
  }

  /** What the rules need: the exhibitor's live bookings near the time, the visitor's live ones, and every live booking at that time (tables). */
  private async relevantBookings(tx: Queryable, visitorId: string, exhibitorId: string, time: { start: number; end: number }, now: number): Promise<(Booking & { seat: number })[]> {
    const { rows } = await tx.query<BookingRow>(
      `select ${BOOKING_COLUMNS} from bookings
       where status in ${LIVE} and (
         (exhibitor_id = $1 and starts_at < ${at('$4')} and ends_at > ${at('$3')})
         or (visitor_id = $2 and ends_at > ${at('$5')})
         or (starts_at < ${at('$7')} and ends_at > ${at('$6')}))`,
      [exhibitorId, visitorId, time.start - 2 * DAY, time.end + 2 * DAY, now - DAY, time.start, time.end],
    )
    return rows.map((row) => ({ ...toBooking(row), seat: row.seat }))
  }

  private context(locked: Locked, bookings: Booking[], visitorId: string, now: number) {
    return { exhibitor: locked.exhibitor, event: this.options.content.pack.event, bookings, visitorId, now, tableIds: this.options.content.tableIds }
  }

  /**
   * Takes a seat among the exhibitor's meetings (repacking neighbours if needed) and a hall table, then writes
   * the row through `write`. A table another exhibitor's booking took a moment ago stops the write at the
   * exclusion constraint; another free table is tried instead.
   */
  private async placeInto(
    tx: Queryable,
    bookings: (Booking & { seat: number })[],
    slot: Slot,
    firstTable: string,
    capacity: number,
    /** Writes the row, or answers undefined when a booking another transaction just committed holds that table. */
    write: (tableId: string, seat: number) => Promise<BookingRow | undefined>,
  ): Promise<BookingRow | { refusal: Refusal }> {
    const ofExhibitor = bookings.filter((b) => b.exhibitorId === slot.exhibitorId)
    const seating = assignSeat(ofExhibitor, slot, capacity)
    if (!seating) return { refusal: { code: 'slot-full', slot: { exhibitorId: slot.exhibitorId, start: slot.start, end: slot.end, mode: slot.mode } } }
    if (seating.moves.length > 0) {
      // in two steps, so no row ever holds a seat another still has: the moved ones step aside (negative), then land
      const ids = seating.moves.map((m) => m.id)
      const seats = seating.moves.map((m) => m.seat)
      await tx.query('update bookings b set seat = -m.seat from unnest($1::uuid[], $2::smallint[]) as m(id, seat) where b.id = m.id', [ids, seats])
      await tx.query('update bookings set seat = -seat where id = any($1::uuid[])', [ids])
    }
    const tried = new Set<string>()
    let tableId: string | undefined = firstTable
    // every try but the first waits for a concurrent booking to commit and sees it: it ends when no table is free
    while (tableId) {
      tried.add(tableId)
      const row = await write(tableId, seating.seat)
      if (row) return row
      const { rows } = await tx.query<{ table_id: string }>(
        `select distinct table_id from bookings where status in ${LIVE} and starts_at < ${at('$2')} and ends_at > ${at('$1')}`,
        [slot.start, slot.end],
      )
      const busy = new Set([...rows.map((r) => r.table_id), ...tried])
      const free = this.options.content.tableIds.filter((id) => !busy.has(id))
      // others racing for the lowest free table would all collide on it again: spread the retries
      tableId = free[Math.floor(Math.random() * free.length)]
    }
    return { refusal: { code: 'no-table' } }
  }

  private async insert(
    tx: Queryable,
    input: {
      visitorId: string
      request: BookRequest
      slot: Slot
      tableId: string
      bookings: (Booking & { seat: number })[]
      capacity: number
      status: 'requested' | 'confirmed'
      language: Language
      now: number
      replaces?: string
      consentAt?: number
    },
  ): Promise<BookingRow | { refusal: Refusal }> {
    const { request, slot, now } = input
    const id = randomUUID()
    const share = request.shareProfile === true
    // a table taken meanwhile stops the insert without an error (no savepoint round trips): placeInto then tries
    // another; a confirmation code drawn twice (1 in 594 million) fails the insert, and change() runs it all again
    return this.placeInto(tx, input.bookings, slot, input.tableId, input.capacity, async (table, seat) => {
      const code = newConfirmationCode(new Set())
      const { rows } = await tx.query<BookingRow>(
        `insert into bookings (id, visitor_id, exhibitor_id, mode, starts_at, ends_at, status, table_id, seat, confirmation_code, meeting_url,
           topic, profile, share_profile, consent_version, consent_at, visitor_time_zone, exhibitor_time_zone, language, hold_expires_at,
           replaces, created_at, updated_at)
         values ($1, $2, $3, $4, ${at('$5')}, ${at('$6')}, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15, ${at('$16')}, $17, $18, $19,
           ${at('$20')}, $21, ${at('$22')}, ${at('$22')})
         on conflict do nothing
         returning ${BOOKING_COLUMNS}`,
        [
          id,
          input.visitorId,
          request.exhibitorId,
          slot.mode,
          slot.start,
          slot.end,
          input.status,
          table,
          seat,
          code,
          slot.mode === 'online' ? meetingUrlFor(code) : null,
          request.topic,
          JSON.stringify(request.profile),
          share,
          share ? CONSENT_VERSION : null,
          share ? (input.consentAt ?? now) : null,
          request.visitorTimeZone,
          slot.timeZone,
          input.language,
          input.status === 'requested' ? this.holdUntil(now, slot.start) : null,
          input.replaces ?? null,
          now,
        ],
      )
      return rows[0]
    })
  }

  /** Marks held requests and proposals whose time ran out as expired (all, or those near one change), with notices. */
  private async expireHolds(tx: Queryable, now: number, changes: ChangeSet, near?: { visitorId: string; exhibitorId: string; time: { start: number; end: number } }): Promise<number> {
    const params: unknown[] = [now]
    let where = `status in ('requested', 'proposed') and hold_expires_at <= ${at('$1')}`
    if (near) {
      params.push(near.visitorId, near.exhibitorId, near.time.start, near.time.end)
      where += ` and (visitor_id = $2 or exhibitor_id = $3 or (starts_at < ${at('$5')} and ends_at > ${at('$4')}))`
    }
    const { rows } = await tx.query<BookingRow>(`update bookings set status = 'expired', updated_at = ${at('$1')} where ${where} returning ${BOOKING_COLUMNS}`, params)
    for (const row of rows) {
      changes.booking(row)
      await this.options.notices.booking(tx, 'expired' satisfies BookingNoticeKind, row)
    }
    return rows.length
  }
}

/** A pending request or proposal whose hold has run out is over, even before the sweeper marks it expired. */
function holdRanOut(row: BookingRow, now: number): boolean {
  return (row.status === 'requested' || row.status === 'proposed') && (row.hold_expires_at ?? 0) <= now
}

/** Thrown inside a change to undo what it wrote so far and answer with a refusal. */
class RollBack extends Error {
  constructor(readonly answer: StoredAnswer) {
    super('rolled back')
  }
}
