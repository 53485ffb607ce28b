/** Which negotiation tables carry the visitor's marks and what their labels say: pure functions over bookings. */
import { isLive, type Booking } from '../booking/types'
import type { Language, LocalizedText } from '../content/schema'

export interface TableMark {
  tableId: string
  /** The meeting in progress at this table, else the next one to start. */
  next: Booking
  /** How many later meetings the visitor also has at this table. */
  more: number
}

const isUpcoming = (b: Booking, now: number) => isLive(b.status) && b.end > now && b.tableId !== ''

/** Tables holding the visitor's confirmed meetings that have not ended, soonest first; cancelled and past ones are left out. */
export function markedTablesOf(bookings: readonly Booking[], now: number): Map<string, TableMark> {
  const upcoming = bookings.filter((b) => isUpcoming(b, now)).sort((a, b) => a.start - b.start || a.end - b.end)
  const marks = new Map<string, TableMark>()
  for (const booking of upcoming) {
    const mark = marks.get(booking.tableId)
    if (mark) mark.more++
    else marks.set(booking.tableId, { tableId: booking.tableId, next: booking, more: 0 })
  }
  return marks
}

/** When the marks next change on their own (a meeting ends), or null when nothing is marked. */
export function nextMarkChange(bookings: readonly Booking[], now: number): number | null {
  let soonest = Infinity
  for (const b of bookings) if (isUpcoming(b, now)) soonest = Math.min(soonest, b.end)
  return Number.isFinite(soonest) ? soonest : null
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Month, day and 24-hour time of `at` in the visitor's zone and language ("11月28日 10:00", "Nov 28, 10:00"). */
export function formatMarkTime(at: number, language: Language, timeZone: string): string {
  const key = `${language}|${timeZone}`
  let dtf = formatters.get(key)
  if (!dtf) {
    const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    try {
      dtf = new Intl.DateTimeFormat(language, { ...options, timeZone })
    } catch {
      // A zone this browser does not know: the browser's own zone is still the visitor's clock.
      dtf = new Intl.DateTimeFormat(language, options)
    }
    formatters.set(key, dtf)
  }
  return dtf.format(at)
}

export interface TableLabelText {
  /** Exhibitor name, Chinese first, English beneath. */
  zh: string
  en: string
  time: string
  /** "+N" when more meetings follow at this table, else empty. */
  more: string
}

export function tableLabelText(
  mark: TableMark,
  names: ReadonlyMap<string, LocalizedText>,
  language: Language,
  timeZone: string,
): TableLabelText {
  const name = names.get(mark.next.exhibitorId)
  return {
    zh: name?.['zh-CN'] ?? mark.next.exhibitorId,
    en: name?.en ?? '',
    time: formatMarkTime(mark.next.start, language, timeZone),
    more: mark.more > 0 ? `+${mark.more}` : '',
  }
}
