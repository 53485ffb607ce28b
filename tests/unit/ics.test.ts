import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { bookingToIcs, bookingsToIcs, escapeIcsText, foldIcsLine, icsFileName, type IcsOptions } from '../../src/booking/ics'
import type { Booking } from '../../src/booking/types'

const utc = (iso: string) => Date.parse(iso)
const profile = { name: 'Kim Minji', company: 'Busan Marine', email: 'minji@example.com', role: 'buyer' as const }

const online: Booking = {
  id: '7f1c2e0a-online',
  visitorId: 'visitor-1',
  exhibitorId: 'hefei-chips',
  start: utc('2027-03-02T02:00:00Z'),
  end: utc('2027-03-02T02:30:00Z'),
  mode: 'online',
  status: 'confirmed',
  confirmationCode: 'H7KM2P',
  tableId: 'N-03',
  meetingUrl: 'https://meet.example.com/wmc-h7km2p',
  topic: 'Wafers, 12-inch; pricing \\ volumes\nand delivery',
  profile,
  visitorTimeZone: 'Europe/Berlin',
  exhibitorTimeZone: 'Asia/Shanghai',
  createdAt: utc('2027-02-20T09:00:00Z'),
}
const onSite: Booking = {
  ...online,
  id: '9d3b-on-site',
  exhibitorId: 'yrd-robots',
  start: utc('2027-09-20T02:00:00Z'),
  end: utc('2027-09-20T02:45:00Z'),
  mode: 'on-site',
  confirmationCode: 'Q3RT8W',
  tableId: 'N-11',
  meetingUrl: undefined,
  topic: '机器人手臂的采购与长期合作，以及在长三角地区设立售后服务中心的可能性和时间表安排',
}
const cancelled: Booking = { ...online, id: 'gone', status: 'cancelled', confirmationCode: 'ZZZZ22', start: utc('2027-03-03T02:00:00Z'), end: utc('2027-03-03T02:30:00Z') }

const options: IcsOptions = {
  exhibitorName: (id) => ({ 'hefei-chips': 'Hefei Chips Co., Ltd.', 'yrd-robots': '长三角机器人; Robots' })[id] ?? id,
  venue: 'Hefei Binhu International Convention and Exhibition Center',
  stamp: utc('2027-02-21T08:00:00Z'),
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  return { calendar, events: calendar.getAllSubcomponents('vevent') }
}

describe('calendar export', () => {
  const text = bookingsToIcs([onSite, online, cancelled], options)

  it('parses back with the times, UID, summary, location and reminder of each booking', () => {
    const { calendar, events } = parse(text)
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN')
    expect(String(calendar.getFirstPropertyValue('prodid'))).toContain('Cloud Expo')
    expect(events).toHaveLength(2) // the cancelled one is left out of "export all"

    const [first, second] = events.map((e) => new ICAL.Event(e))
    expect(first.uid).toBe('7f1c2e0a-online@cloud-expo.wmc2021')
    expect(first.startDate.toJSDate().getTime()).toBe(online.start)
    expect(first.endDate.toJSDate().getTime()).toBe(online.end)
    expect(first.startDate.zone?.tzid).toBe('UTC')
    expect(first.summary).toBe('Negotiation with Hefei Chips Co., Ltd.')
    expect(first.location).toBe('https://meet.example.com/wmc-h7km2p')
    expect(events[0].getFirstPropertyValue('url')).toBe('https://meet.example.com/wmc-h7km2p')
    expect(events[0].getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(String(events[0].getFirstPropertyValue('dtstamp'))).toBe('2027-02-21T08:00:00Z')

    const alarm = events[0].getFirstSubcomponent('valarm')!
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY')
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT15M')

    expect(second.uid).toBe('9d3b-on-site@cloud-expo.wmc2021')
    expect(second.summary).toBe('Negotiation with 长三角机器人; Robots')
    expect(second.location).toBe('Negotiation area N-11, Hefei Binhu International Convention and Exhibition Center')
    expect(events[1].getFirstPropertyValue('url')).toBeNull()
    expect(second.description).toContain(onSite.topic)
  })

  it('describes the topic, the confirmation code and the time in both zones', () => {
    const description = new ICAL.Event(parse(text).events[0]).description
    expect(description).toContain(`Topic: ${online.topic}`)
    expect(description).toContain('Confirmation code: H7KM2P')
    expect(description).toContain('Your time: Tue, Mar 2 03:00–03:30 (Europe/Berlin, GMT+1)')
    expect(description).toContain('Exhibitor’s time: Tue, Mar 2 10:00–10:30 (Asia/Shanghai, GMT+8)')
  })

  it('uses CRLF line endings, folds at 75 octets without splitting characters, and escapes text', () => {
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const lines = text.split('\r\n').slice(0, -1)
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(lines.some((l) => l.startsWith(' '))).toBe(true)
    expect(text).toContain('Wafers\\, 12-inch\\; pricing \\\\ volumes\\nand delivery')
    expect(escapeIcsText('a,b;c\\d\r\ne')).toBe('a\\,b\\;c\\\\d\\ne')
    // unfolding gives the line back, and no multi-byte character was cut in two
    const long = `DESCRIPTION:${'机器人'.repeat(40)}`
    const folded = foldIcsLine(long)
    expect(folded.replace(/\r\n /g, '')).toBe(long)
    for (const part of folded.split('\r\n')) expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(part))).toBe(part)
  })

  it('keeps the UID of a booking the same in every export, so re-importing updates rather than duplicates', () => {
    const again = bookingsToIcs([online], { ...options, stamp: utc('2027-02-25T00:00:00Z') })
    expect(new ICAL.Event(parse(again).events[0]).uid).toBe(new ICAL.Event(parse(text).events[0]).uid)
  })

  it('exports a single cancelled booking as cancelled, so a calendar that has it can drop it', () => {
    const { events } = parse(bookingToIcs(cancelled, options))
    expect(events).toHaveLength(1)
    expect(events[0].getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(events[0].getFirstPropertyValue('sequence')).toBe(2)
  })

  it('exports a request still waiting for the exhibitor as tentative, outranked by its confirmation and its cancellation', () => {
    const sequence = (booking: Booking) => Number(parse(bookingToIcs(booking, options)).events[0].getFirstPropertyValue('sequence'))
    const requested = { ...online, status: 'requested' as const }
    expect(parse(bookingToIcs(requested, options)).events[0].getFirstPropertyValue('status')).toBe('TENTATIVE')
    expect(sequence(requested)).toBeLessThan(sequence(online))
    expect(sequence(online)).toBeLessThan(sequence(cancelled))
    // the agenda's "export all" holds the live ones, pending and confirmed, not the ended ones
    expect(parse(bookingsToIcs([requested, cancelled], options)).events).toHaveLength(1)
  })

  it('speaks the visitor’s language when given labels', () => {
    const zh = bookingToIcs(online, { ...options, language: 'zh-CN', labels: { summary: (name) => `与${name}洽谈`, topic: '议题' } })
    const event = new ICAL.Event(parse(zh).events[0])
    expect(event.summary).toBe('与Hefei Chips Co., Ltd.洽谈')
    expect(event.description).toContain('议题: ')
    expect(event.description).toContain('3月2日')
  })

  it('names the file after the booking or the event', () => {
    expect(icsFileName(online)).toBe('wmc2021-negotiation-H7KM2P.ics')
    expect(icsFileName()).toBe('wmc2021-negotiations.ics')
  })
})
