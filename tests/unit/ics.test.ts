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

  it('drops control and bidi-override characters from every text value, keeping line breaks, and still parses back', () => {
    const hostile: Booking = {
      ...online,
      topic: 'Price\u0000 list\u0007\u001b[31m\tred\u007f\u0085\r\nnext line\u202e gnp.exe\u2066x\u2069 \ud800end',
    }
    const named: IcsOptions = { ...options, exhibitorName: () => 'Evil\u0000\r\nATTENDEE:mailto:x@example.com\u202e Co.' }
    const ics = bookingToIcs(hostile, named)
    // nothing but CRLF line ends, folding spaces and printable text
    // eslint-disable-next-line no-control-regex -- finding control characters is what this is for
    expect(ics.replace(/\r\n /g, '').split('\r\n').join('')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
    const { events } = parse(ics)
    expect(events).toHaveLength(1)
    expect(events[0].getAllProperties('attendee')).toHaveLength(0)
    const event = new ICAL.Event(events[0])
    expect(event.description).toContain('Topic: Price list[31m red\nnext line gnp.exex end')
    expect(event.summary).toBe('Negotiation with Evil\nATTENDEE:mailto:x@example.com Co.')
    expect(events[0].getFirstSubcomponent('valarm')!.getFirstPropertyValue('description')).toBe(
      'Negotiation with Evil\nATTENDEE:mailto:x@example.com Co. starts in 15 minutes',
    )
  })

  it('folds long Chinese and Korean lines by octets without cutting a character, and they parse back whole', () => {
    const topic = `${'长三角机器人采购，'.repeat(12)}${'한국관 반도체 부품 상담; '.repeat(10)}😀🇰🇷`
    const ics = bookingToIcs({ ...onSite, topic }, options)
    for (const line of ics.split('\r\n')) {
      const bytes = new TextEncoder().encode(line)
      expect(bytes.length).toBeLessThanOrEqual(75)
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(line)
    }
    expect(new ICAL.Event(parse(ics).events[0]).description).toContain(`Topic: ${topic}`)
  })

  it('writes the meeting link only when it is https, leaving it out of URL, LOCATION and DESCRIPTION otherwise', () => {
    const refused = [
      'javascript:alert(1)',
      'http://meet.example.com/wmc-h7km2p',
      'https://meet.example.com/a b',
      'https://meet.example.com/x\r\nATTACH:https://evil.example.com',
      'data:text/html,<script>alert(1)</script>',
      'https://',
      `https://meet.example.com/${'a'.repeat(3000)}`,
    ]
    for (const meetingUrl of refused) {
      const ics = bookingToIcs({ ...online, meetingUrl }, options)
      const [event] = parse(ics).events
      expect(event.getFirstPropertyValue('url'), meetingUrl).toBeNull()
      expect(event.getAllProperties('attach'), meetingUrl).toHaveLength(0)
      expect(ics.replace(/\r\n /g, ''), meetingUrl).not.toContain(meetingUrl.slice(0, 24))
      expect(new ICAL.Event(event).description, meetingUrl).not.toContain('Meeting link')
    }
    const fine = 'https://meet.example.com:8443/room/wmc-h7km2p?lang=ko&pw=a%20b#join'
    const [event] = parse(bookingToIcs({ ...online, meetingUrl: fine }, options)).events
    expect(event.getFirstPropertyValue('url')).toBe(fine)
    expect(new ICAL.Event(event).location).toBe(fine)
  })

  it('writes UID lines of a strict pattern only, leaving out a booking whose id could not form one', () => {
    for (const id of ['x\r\nATTENDEE:mailto:evil@example.com', 'a b', 'id;x=y', '', '-lead', 'é', 'a'.repeat(65), 'a@b']) {
      const ics = bookingsToIcs([{ ...online, id }, onSite], options)
      const uids = parse(ics).events.map((e) => new ICAL.Event(e).uid)
      expect(uids, JSON.stringify(id)).toEqual(['9d3b-on-site@cloud-expo.wmc2021'])
      expect(ics, JSON.stringify(id)).not.toContain('ATTENDEE')
    }
    const uuid = '0b8f5c1e-3d2a-4f6b-9c7d-1e2f3a4b5c6d'
    expect(new ICAL.Event(parse(bookingToIcs({ ...online, id: uuid }, options)).events[0]).uid).toBe(`${uuid}@cloud-expo.wmc2021`)
  })

  it('names the file after the booking or the event', () => {
    expect(icsFileName(online)).toBe('wmc2021-negotiation-H7KM2P.ics')
    expect(icsFileName()).toBe('wmc2021-negotiations.ics')
  })
})

describe('live sessions in the agenda’s calendar file', () => {
  const launch = {
    id: '0b7e5c1a-1111-4c3b-9d2e-5a6b7c8d9e0f',
    kind: 'launch' as const,
    title: { 'zh-CN': '新品发布会：晶圆, 12英寸; 第二代', en: 'Launch: wafers, 12-inch; second generation' },
    description: { en: 'Line one\nline two' },
    venue: { kind: 'booth' as const, exhibitorId: 'hefei-chips' },
    start: utc('2027-03-02T06:00:00Z'),
    end: utc('2027-03-02T07:15:00Z'),
    precision: 'minute' as const,
  }
  const forum = { ...launch, id: 'smart-manufacturing-2027', kind: 'forum' as const, title: { en: 'Forum' }, description: undefined, venue: { kind: 'lobby' as const }, start: utc('2027-03-01T01:00:00Z'), end: utc('2027-03-01T03:00:00Z') }

  it('gives one event per session beside the bookings, at its UTC times, escaped, that a calendar parser reads back', () => {
    const text = bookingsToIcs([online], { exhibitorName: (id) => id, stamp: utc('2027-02-21T00:00:00Z'), sessions: [launch, forum] })
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e))
    expect(events.map((e) => e.uid)).toEqual([`session-${forum.id}@cloud-expo.wmc2021`, `${online.id}@cloud-expo.wmc2021`, `session-${launch.id}@cloud-expo.wmc2021`])
    const parsed = events[2]
    expect(parsed.summary).toBe(launch.title.en)
    expect(parsed.description).toBe('Line one\nline two')
    expect(parsed.startDate.toJSDate().getTime()).toBe(launch.start)
    expect(parsed.endDate.toJSDate().getTime()).toBe(launch.end)
    expect(text).toContain('DTSTART:20270302T060000Z\r\nDTEND:20270302T071500Z')
    expect(text).toContain('SUMMARY:Launch: wafers\\, 12-inch\\; second generation')
  })

  it('cancels a session its host removed, with no reminder, so a calendar that imported it drops it', () => {
    const text = bookingsToIcs([], { exhibitorName: (id) => id, sessions: [launch, forum], withdrawnSessions: new Set([launch.id]) })
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')
    expect(events.map((e) => [e.getFirstPropertyValue('uid'), e.getFirstPropertyValue('status'), e.getAllSubcomponents('valarm').length])).toEqual([
      [`session-${forum.id}@cloud-expo.wmc2021`, 'CONFIRMED', 1],
      [`session-${launch.id}@cloud-expo.wmc2021`, 'CANCELLED', 0],
    ])
  })

  it('leaves out a session whose id could not form a safe UID', () => {
    const text = bookingsToIcs([], { exhibitorName: (id) => id, sessions: [{ ...launch, id: 'x\r\nATTENDEE:evil' }] })
    expect(text).not.toContain('VEVENT')
  })
})
