/** Writes the mails of booking changes and sign-in links into the outbox, in the transaction of the change they tell of. */
import { bookingToIcs } from '../../src/booking/ics'
import { formatSlotTimes } from '../../src/booking/slots'
import type { Booking } from '../../src/booking/types'
import { LANGUAGES, type Language } from '../../src/content/schema'
import { icsLabels } from '../../src/i18n/icsLabels'
import { localized } from '../../src/i18n/format'
import { mailMessages, type MailMessages, type StaffMailKind, type VisitorMailKind } from '../../src/i18n/mailMessages'
import { at, toBooking, type BookingRow } from '../bookings/rows'
import type { ServerContent } from '../content'
import type { Queryable } from '../db/database'
import type { BookingNoticeKind, Notices, SignInMailKind } from './notices'

export interface BookingNoticesOptions {
  content: ServerContent
  /** The address people open, without a trailing slash. */
  publicUrl: string
  now: () => number
}

/** The METHOD line `bookingsToIcs` writes: the file is published, not an iTIP invitation with an organiser. */
export const ICS_METHOD = 'PUBLISH'

type Audience = 'visitor' | 'staff'

interface Recipient {
  email: string
  language: Language
  name: string
}

/** What the calendar file attached to a mail does: add the meeting, or drop it from calendars that hold it. */
type CalendarAction = 'add' | 'remove'

interface MailPlan {
  visitor?: { kind: VisitorMailKind; calendar?: CalendarAction }
  staff?: { kind: StaffMailKind; calendar?: CalendarAction }
}

/** Who hears of each change, with which words and calendar file; a new notice kind fails to compile here. */
function planFor(kind: BookingNoticeKind, row: BookingRow): MailPlan {
  const wasProposal = row.original_start !== null
  switch (kind) {
    case 'requested':
      return { visitor: { kind: 'requested' }, staff: { kind: 'requested' } }
    case 'auto-confirmed':
      return { visitor: { kind: 'auto-confirmed', calendar: 'add' }, staff: { kind: 'auto-confirmed', calendar: 'add' } }
    case 'confirmed':
      // staff accepted a request (they know), or the visitor accepted their proposal (they do not yet)
      return wasProposal
        ? { visitor: { kind: 'proposal-accepted', calendar: 'add' }, staff: { kind: 'proposal-accepted', calendar: 'add' } }
        : { visitor: { kind: 'confirmed', calendar: 'add' } }
    case 'declined':
      return { visitor: { kind: 'declined' } }
    case 'proposed':
      return { visitor: { kind: 'proposed' } }
    case 'proposal-declined':
      return { staff: { kind: 'proposal-declined' } }
    case 'cancelled-by-visitor':
      return { staff: { kind: row.replaced_by ? 'rescheduled-by-visitor' : 'cancelled-by-visitor', calendar: 'remove' } }
    case 'cancelled-by-exhibitor':
      return { visitor: { kind: 'cancelled-by-exhibitor', calendar: 'remove' } }
    case 'expired':
      return wasProposal
        ? { visitor: { kind: 'proposal-expired', calendar: 'remove' }, staff: { kind: 'proposal-expired', calendar: 'remove' } }
        : { visitor: { kind: 'expired', calendar: 'remove' }, staff: { kind: 'expired', calendar: 'remove' } }
    default:
      return unreachable(kind)
  }
}

function unreachable(kind: never): never {
  throw new Error(`no mail plan for the booking notice ${String(kind)}`)
}

const languageOf = (value: string): Language => (LANGUAGES as readonly string[]).includes(value) ? (value as Language) : 'zh-CN'

/** Table ids are 'table-7': people read "7" (as the app shows them). */
const tableNumber = (tableId: string) => tableId.replace(/^table-/, '')

interface MailRow {
  to: string
  subject: string
  text: string
  ics: string | null
}

export class BookingNotices implements Notices {
  constructor(private readonly options: BookingNoticesOptions) {}

  async booking(tx: Queryable, kind: BookingNoticeKind, row: BookingRow): Promise<void> {
    const plan = planFor(kind, row)
    const booking = toBooking(row)
    if (plan.visitor && row.profile.email) {
      const recipient = { email: row.profile.email, language: row.language, name: row.profile.name }
      await this.queue(tx, this.visitorMail(plan.visitor.kind, plan.visitor.calendar, row, booking, recipient))
    }
    if (plan.staff) {
      for (const member of await this.staffOf(tx, row.exhibitor_id)) {
        await this.queue(tx, this.staffMail(plan.staff.kind, plan.staff.calendar, row, booking, member))
      }
    }
  }

  async signInLink(tx: Queryable, mail: { kind: SignInMailKind; to: string; language: Language; link: string; exhibitorId?: string; expiresAt: number | null }): Promise<void> {
    const m = mailMessages[mail.language]
    const text = m.signIn[mail.kind]
    const event = this.options.content.pack.event
    const eventName = localized(event.shortName, mail.language)
    const exhibitor = mail.exhibitorId ? this.options.content.exhibitor(mail.exhibitorId) : undefined
    const names = { exhibitor: exhibitor ? localized(exhibitor.name, mail.language) : eventName, event: eventName }
    const expiry =
      mail.expiresAt === null
        ? m.signInKeepPrivate
        : m.signInExpires({
            duration: this.durationUntil(mail.expiresAt, m),
            time: this.moment(mail.expiresAt, event.timeZone, mail.language, 'named'),
          })
    const body = [text.intro(names), mail.link, '', expiry, text.ignore, '', ...this.signature(mail.language)]
    await this.queue(tx, { to: mail.to, subject: text.subject(names), text: body.join('\n'), ics: null })
  }

  // — the two kinds of booking mail —

  private visitorMail(kind: VisitorMailKind, calendar: CalendarAction | undefined, row: BookingRow, booking: Booking, to: Recipient): MailRow {
    const m = mailMessages[to.language]
    const exhibitor = this.exhibitorName(row.exhibitor_id, to.language)
    const text = m.visitor[kind]
    const lines = [
      m.greeting.visitor({ name: to.name }),
      '',
      text.lead({ exhibitor, deadline: this.moment(row.hold_expires_at ?? row.start, row.visitor_time_zone, to.language, 'yours') }),
      '',
      ...this.details(kind === 'proposed', row, 'visitor', to.language, exhibitor),
      ...(calendar ? ['', calendar === 'add' ? m.calendarAdd : m.calendarRemove] : []),
      '',
      m.agendaLink,
      `${this.options.publicUrl}/?agenda=1`,
      '',
      ...this.signature(to.language),
    ]
    return {
      to: to.email,
      subject: text.subject({ exhibitor, when: this.startLabel(row, 'visitor', to.language), code: row.confirmation_code }),
      text: lines.join('\n'),
      ics: calendar ? this.calendarFile(booking, to.language) : null,
    }
  }

  private staffMail(kind: StaffMailKind, calendar: CalendarAction | undefined, row: BookingRow, booking: Booking, to: Recipient): MailRow {
    const m = mailMessages[to.language]
    const exhibitor = this.exhibitorName(row.exhibitor_id, to.language)
    const text = m.staff[kind]
    const lines = [
      m.greeting.staff({ name: to.name }),
      '',
      text.lead({ exhibitor, deadline: this.moment(row.hold_expires_at ?? row.start, row.exhibitor_time_zone, to.language, 'named') }),
      '',
      ...this.details(false, row, 'staff', to.language, exhibitor),
      '',
      ...this.visitorDetails(row, m),
      ...(calendar ? ['', calendar === 'add' ? m.calendarAdd : m.calendarRemove] : []),
      '',
      m.consoleLink,
      `${this.options.publicUrl}/exhibitor`,
      '',
      ...this.signature(to.language),
    ]
    // PRIVACY: the calendar file names the visitor only when they consented to share their profile
    const visitor = row.share_profile ? `${row.profile.name} (${row.profile.company})` : m.aVisitor
    return {
      to: to.email,
      subject: text.subject({ exhibitor, when: this.startLabel(row, 'staff', to.language), code: row.confirmation_code }),
      text: lines.join('\n'),
      ics: calendar ? this.calendarFile(booking, to.language, { visitor, visitorTime: m.labels.visitorTime }) : null,
    }
  }

  // — parts —

  /** The meeting, line by line: exhibitor, time in both clocks, how, where, code, topic and, where there is one, the reason. */
  private details(proposed: boolean, row: BookingRow, audience: Audience, language: Language, exhibitor: string): string[] {
    const m = mailMessages[language]
    const venue = localized(this.options.content.pack.event.venue, language)
    const reason = row.status === 'declined' ? row.decline_reason : row.cancelled_by === 'exhibitor' ? row.cancel_reason : null
    const original = proposed && row.original_start !== null && row.original_end !== null ? { start: row.original_start, end: row.original_end } : null
    return [
      `${m.labels.exhibitor}${m.colon}${exhibitor}`,
      `${proposed ? m.labels.proposedTime : m.labels.time}${m.colon}${this.meetingTime(row, audience, language)}`,
      ...(original ? [`${m.labels.originalTime}${m.colon}${this.meetingTime({ ...row, ...original }, audience, language)}`] : []),
      `${m.labels.mode}${m.colon}${m.mode[row.mode]({ venue })}`,
      `${m.labels.table}${m.colon}${tableNumber(row.table_id)}`,
      `${m.labels.code}${m.colon}${row.confirmation_code}`,
      `${m.labels.topic}${m.colon}${row.topic}`,
      ...(reason ? [`${m.labels.reason}${m.colon}${reason}`] : []),
      ...(proposed && row.proposal_message ? [`${m.labels.message}${m.colon}${row.proposal_message}`] : []),
      ...(row.status === 'confirmed' && row.meeting_url ? [`${m.labels.meetingLink}${m.colon}${row.meeting_url}`] : []),
    ]
  }

  /** PRIVACY: the visitor's name, company, contact and role reach staff only with the visitor's consent for this booking. */
  private visitorDetails(row: BookingRow, m: MailMessages): string[] {
    if (!row.share_profile) return [m.visitorNotShared]
    const profile = row.profile
    return [
      m.visitorShared,
      `${m.labels.name}${m.colon}${profile.name}`,
      `${m.labels.company}${m.colon}${profile.company}`,
      `${m.labels.email}${m.colon}${profile.email}`,
      ...(profile.phone ? [`${m.labels.phone}${m.colon}${profile.phone}`] : []),
      `${m.labels.role}${m.colon}${m.roles[profile.role] ?? profile.role}`,
    ]
  }

  /**
   * Both clocks, the recipient's first: the visitor's zone for visitors, the slot's zone for staff, as the app
   * words them ("10:00 your time · 17:00 Beijing"), with the second clock's date when it is another day.
   */
  private meetingTime(slot: { start: number; end: number; visitor_time_zone: string; exhibitor_time_zone: string }, audience: Audience, language: Language): string {
    const m = mailMessages[language]
    const [first, second] = audience === 'visitor' ? [slot.visitor_time_zone, slot.exhibitor_time_zone] : [slot.exhibitor_time_zone, slot.visitor_time_zone]
    const t = formatSlotTimes(slot, first, second, language)
    const firstTime = `${t.visitor}–${t.visitorEnd}${t.visitorRepeated ? ` (${t.visitorOffset})` : ''}`
    if (first === second) return m.times.zone({ date: t.visitorDate, time: firstTime, zone: t.visitorZoneLabel })
    const secondTime = `${t.exhibitor}–${t.exhibitorEnd}${t.exhibitorRepeated ? ` (${t.exhibitorOffset})` : ''}`
    const secondDate = t.exhibitorDayShift !== 0 ? t.exhibitorDate : undefined
    return audience === 'visitor'
      ? `${m.times.yours({ date: t.visitorDate, time: firstTime })} · ${m.times.zone({ date: secondDate, time: secondTime, zone: t.exhibitorZoneLabel })}`
      : `${m.times.zone({ date: t.visitorDate, time: firstTime, zone: t.visitorZoneLabel })} · ${m.times.visitors({ date: secondDate, time: secondTime, zone: t.exhibitorZoneLabel })}`
  }

  /** The meeting's start for a subject line, in the recipient's clock. */
  private startLabel(row: BookingRow, audience: Audience, language: Language): string {
    const zone = audience === 'visitor' ? row.visitor_time_zone : row.exhibitor_time_zone
    const t = formatSlotTimes(row, zone, zone, language)
    return `${t.visitorDate} ${t.visitor}`
  }

  /** A moment in running text, in one clock: the visitor's own, or a named zone's. */
  private moment(instant: number, zone: string, language: Language, clock: 'yours' | 'named'): string {
    const m = mailMessages[language]
    const t = formatSlotTimes({ start: instant, end: instant }, zone, zone, language)
    return clock === 'yours' ? m.deadline.yours({ date: t.visitorDate, time: t.visitor }) : m.deadline.zone({ date: t.visitorDate, time: t.visitor, zone: t.visitorZoneLabel })
  }

  private durationUntil(instant: number, m: MailMessages): string {
    const minutes = Math.max(1, Math.round((instant - this.options.now()) / 60_000))
    if (minutes < 120) return m.duration.minutes(minutes)
    const hours = Math.round(minutes / 60)
    return hours < 48 ? m.duration.hours(hours) : m.duration.days(Math.round(hours / 24))
  }

  /**
   * The booking's calendar file in the recipient's language; a cancelled or expired booking is exported as
   * cancelled (the same UID, a higher SEQUENCE), so a calendar that holds it drops it. For staff the title names
   * the visitor (or "a visitor") and "your time" is the visitor's.
   */
  private calendarFile(booking: Booking, language: Language, staff?: { visitor: string; visitorTime: string }): string {
    const labels = icsLabels(language)
    return bookingToIcs(booking, {
      exhibitorName: staff ? () => staff.visitor : (id) => this.exhibitorName(id, language),
      venue: localized(this.options.content.pack.event.venue, language),
      stamp: this.options.now(),
      language,
      labels: staff ? { ...labels, yourTime: staff.visitorTime } : labels,
    })
  }

  private signature(language: Language): string[] {
    const event = this.options.content.pack.event
    return ['—', `${localized(event.shortName, language)} · ${localized(event.name, language)}`, mailMessages[language].automated]
  }

  private exhibitorName(id: string, language: Language): string {
    const exhibitor = this.options.content.exhibitor(id)
    return exhibitor ? localized(exhibitor.name, language) : id
  }

  /** Every current staff member of the exhibitor, each in their own language. */
  private async staffOf(tx: Queryable, exhibitorId: string): Promise<Recipient[]> {
    const { rows } = await tx.query<{ email: string; name: string; language: string }>(
      `select email, name, language from staff where exhibitor_id = $1 and role = 'exhibitor' and removed_at is null order by created_at, email`,
      [exhibitorId],
    )
    return rows.map((r) => ({ email: r.email, name: r.name, language: languageOf(r.language) }))
  }

  private async queue(tx: Queryable, mail: MailRow): Promise<void> {
    const now = this.options.now()
    await tx.query(
      `insert into outbox (to_address, subject, text_body, ics, ics_method, created_at, next_attempt_at)
       values ($1, $2, $3, $4, $5, ${at('$6')}, ${at('$6')})`,
      [mail.to, mail.subject, mail.text, mail.ics, mail.ics ? ICS_METHOD : null, now],
    )
  }
}
