/**
 * What a transaction changed, told to every server process through PostgreSQL NOTIFY. A notification is delivered
 * only when its transaction commits, so nobody hears of a change that was rolled back.
 */
import type { Queryable } from '../db/database'

export const EVENTS_CHANNEL = 'expo_events'
const IDS_PER_NOTICE = 80

/** The payload: ids only (never personal data); each process decides which of its streams to tell. */
export interface ChangeNotice {
  /** Visitors whose bookings changed. */
  visitors: string[]
  /** Exhibitors whose bookings, and so free slots and inbox, changed. */
  exhibitors: string[]
  /** The programme of live sessions changed: every open app refetches it. */
  sessions?: boolean
  /** A live screen's stream or video was set or cleared: every open app refetches the list. */
  screens?: boolean
}

export class ChangeSet {
  private readonly visitors = new Set<string>()
  private readonly exhibitors = new Set<string>()
  private sessions = false
  private screens = false

  booking(row: { visitor_id: string; exhibitor_id: string }): void {
    this.visitors.add(row.visitor_id)
    this.exhibitors.add(row.exhibitor_id)
  }

  exhibitor(id: string): void {
    this.exhibitors.add(id)
  }

  /** A session was scheduled, moved or removed. */
  programme(): void {
    this.sessions = true
  }

  /** A screen's source was set or cleared. */
  screen(): void {
    this.screens = true
  }

  get empty(): boolean {
    return this.visitors.size === 0 && this.exhibitors.size === 0 && !this.sessions && !this.screens
  }

  /** Queues the notices in the transaction; PostgreSQL sends them on commit. */
  async publish(tx: Queryable): Promise<void> {
    // a NOTIFY payload must stay under 8,000 bytes: a sweep that expires many holds sends several
    const visitors = [...this.visitors]
    const exhibitors = [...this.exhibitors]
    // a programme or screen change alone still sends one notice
    const count = Math.max(visitors.length, exhibitors.length, this.sessions || this.screens ? 1 : 0)
    for (let i = 0; i < count; i += IDS_PER_NOTICE) {
      const notice: ChangeNotice = {
        visitors: visitors.slice(i, i + IDS_PER_NOTICE),
        exhibitors: exhibitors.slice(i, i + IDS_PER_NOTICE),
        ...(this.sessions && i === 0 ? { sessions: true } : {}),
        ...(this.screens && i === 0 ? { screens: true } : {}),
      }
      await tx.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, JSON.stringify(notice)])
    }
  }
}
