/**
 * Booking mails end to end: notices queued in the booking's transaction, sent by the outbox worker through a real
 * SMTP server (or into the development outbox), read back byte for byte.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { SMTPServer } from 'smtp-server'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { BookingStatus, VisitorProfile } from '../../src/booking/types'
import type { Language } from '../../src/content/schema'
import { BOOKING_COLUMNS, type BookingRow } from '../../server/bookings/rows'
import type { Database } from '../../server/db/database'
import { BookingNotices } from '../../server/mail/bookingNotices'
import type { BookingNoticeKind } from '../../server/mail/notices'
import { MAX_ATTEMPTS, OutboxWorker, type OutboxLog } from '../../server/mail/outboxWorker'
import { createMailTransport, readDevOutbox, type MailTransport } from '../../server/mail/transport'
import { migratedMemoryDb, realContent } from '../helpers/serverDb'

const PUBLIC_URL = 'https://expo.example.org'
const MAIL_FROM = 'Cloud Expo <noreply@cloud-expo.test>'
const HOUR = 3_600_000
/** The tests' clock: the day before the meeting. */
const T0 = Date.parse('2021-11-18T00:00:00Z')
/** Friday 19 November 2021, 10:00 in Hefei and 11:00 in Seoul. */
const MEETING = Date.parse('2021-11-19T02:00:00Z')
/** A Korean Pavilion exhibitor (its slots are cut in Asia/Seoul) whose names differ in all three languages. */
const EXHIBITOR = 'ara-semiconductor'
const STAFF_EMAIL = 'sales@ara-semi.example'
const REMOVED_STAFF_EMAIL = 'former@ara-semi.example'
const PROFILE: VisitorProfile = {
  name: '王芳',
  company: '上海远航贸易有限公司',
  email: 'wang.fang@example.cn',
  phone: '+86 138 0000 1234',
  role: 'buyer',
}

// — a real SMTP server on 127.0.0.1 that keeps every message it accepts —

interface Received {
  to: string[]
  raw: string
}

class TestSmtpServer {
  readonly received: Received[] = []
  port = 0
  private server: SMTPServer | undefined

  /** Listens on `port` (0: any free one; again after a stop: the same one). */
  async start(port = this.port): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      // nodemailer would upgrade to TLS and then refuse the server's self-signed certificate
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 100,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('error', callback)
        stream.on('end', () => {
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })
          callback()
        })
      },
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve())
    })
    this.port = (server.server.address() as AddressInfo).port
    this.server = server
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`
  }
}

// — just enough MIME to read what arrived, written apart from the transport's own reader —

interface MimePart {
  headers: Map<string, string>
  content: Buffer
}

function headersAndBody(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n')
  const headers = new Map<string, string>()
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':')
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim())
  }
  return { headers, body: raw.slice(split + 4) }
}

function decodeContent(headers: Map<string, string>, body: string): Buffer {
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase()
  if (encoding === 'base64') return Buffer.from(body.replace(/\s/g, ''), 'base64')
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`)
    return Buffer.from(decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25')), 'utf8')
  }
  return Buffer.from(body, 'utf8')
}

/** The leaf parts of a message, in order (multipart containers opened). */
function mimeParts(raw: string): MimePart[] {
  const { headers, body } = headersAndBody(raw)
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1]
  if (!boundary || !/^multipart\//i.test(headers.get('content-type') ?? '')) return [{ headers, content: decodeContent(headers, body) }]
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .flatMap((section) => mimeParts(section.replace(/^\r\n/, '').replace(/\r\n$/, '')))
}

/** RFC 2047: the bytes of adjacent encoded words joined, then read as UTF-8. */
function decodeSubject(value: string): string {
  const words = [...value.matchAll(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi)]
  if (words.length === 0) return value
  return Buffer.concat(
    words.map(([, kind, text]) => (kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeContent(new Map([['content-transfer-encoding', 'quoted-printable']]), text.replace(/_/g, ' ')))),
  ).toString('utf8')
}

function readReceived(mail: Received) {
  const { headers } = headersAndBody(mail.raw)
  const parts = mimeParts(mail.raw)
  const text = parts.find((p) => /^text\/plain/i.test(p.headers.get('content-type') ?? '') && !/attachment/i.test(p.headers.get('content-disposition') ?? ''))
  return {
    to: mail.to,
    headers,
    subject: decodeSubject(headers.get('subject') ?? ''),
    text: text?.content.toString('utf8').replace(/\r\n/g, '\n'),
    calendar: parts.find((p) => /filename="?invite\.ics/i.test(p.headers.get('content-disposition') ?? '')),
  }
}

// — the database, as the booking service would have left it —

interface OutboxRow {
  id: string
  to_address: string
  subject: string
  text_body: string
  ics: string | null
  ics_method: string | null
  attempts: number
  last_error: string | null
  next_attempt_at: number
  sent_at: number | null
}

let db: Database
let clock: number
let seeded: number
let notices: BookingNotices
const collectedLog: { level: 'warn' | 'error'; message: string }[] = []
const log: OutboxLog = {
  warn: (_details, message) => void collectedLog.push({ level: 'warn', message }),
  error: (_details, message) => void collectedLog.push({ level: 'error', message }),
}
const now = () => clock

beforeAll(async () => {
  db = await migratedMemoryDb()
})

afterAll(async () => {
  await db.close()
})

beforeEach(async () => {
  clock = T0
  seeded = 0
  collectedLog.length = 0
  notices = new BookingNotices({ content: realContent(), publicUrl: PUBLIC_URL, now })
  await db.query('truncate outbox, bookings, staff, visitors, exhibitors cascade')
  const exhibitor = realContent().exhibitor(EXHIBITOR)!
  await db.query('insert into exhibitors (id, availability) values ($1, $2::jsonb)', [EXHIBITOR, JSON.stringify(exhibitor.availability)])
  await db.query(
    `insert into staff (id, exhibitor_id, role, email, name, language, removed_at) values
       ($1, $3, 'exhibitor', $4, '박지훈', 'ko', null),
       ($2, $3, 'exhibitor', $5, 'Former Staff', 'en', now())`,
    [randomUUID(), randomUUID(), EXHIBITOR, STAFF_EMAIL, REMOVED_STAFF_EMAIL],
  )
})

interface Seed {
  status?: BookingStatus
  language?: Language
  shareProfile?: boolean
  mode?: 'online' | 'on-site'
  profile?: VisitorProfile
}

/** A visitor and their booking with the exhibitor, each at its own hour and table so the constraints stay quiet. */
async function seedBooking(seed: Seed = {}): Promise<BookingRow> {
  const status = seed.status ?? 'requested'
  const profile = seed.profile ?? PROFILE
  const visitorId = randomUUID()
  const start = MEETING + seeded * HOUR
  const code = `K${String(seeded).padStart(2, '0')}ABC`
  const pending = status === 'requested' || status === 'proposed'
  seeded++
  await db.query('insert into visitors (id, email, profile, language) values ($1, $2, $3::jsonb, $4)', [visitorId, profile.email, JSON.stringify(profile), seed.language ?? 'zh-CN'])
  const { rows } = await db.query<BookingRow>(
    `insert into bookings (id, visitor_id, exhibitor_id, mode, starts_at, ends_at, status, table_id, seat, confirmation_code, meeting_url,
       topic, profile, share_profile, visitor_time_zone, exhibitor_time_zone, language, hold_expires_at, created_at, updated_at)
     values ($1, $2, $3, $4, to_timestamp($5::float8 / 1000), to_timestamp($6::float8 / 1000), $7, $8, 1, $9, $10, $11, $12::jsonb, $13,
       'Asia/Shanghai', 'Asia/Seoul', $14, case when $15 then to_timestamp($16::float8 / 1000) end, to_timestamp($17::float8 / 1000), to_timestamp($17::float8 / 1000))
     returning ${BOOKING_COLUMNS}`,
    [
      randomUUID(),
      visitorId,
      EXHIBITOR,
      seed.mode ?? 'online',
      start,
      start + HOUR / 2,
      status,
      realContent().tableIds[seeded],
      code,
      (seed.mode ?? 'online') === 'online' ? `https://meet.example.com/wmc-${code.toLowerCase()}` : null,
      'HBM 封装测试合作 / HBM packaging tests',
      JSON.stringify(profile),
      seed.shareProfile ?? false,
      seed.language ?? 'zh-CN',
      pending,
      T0 + 24 * HOUR,
      clock,
    ],
  )
  return rows[0]
}

async function notify(kind: BookingNoticeKind, row: BookingRow): Promise<void> {
  await db.transaction((tx) => notices.booking(tx, kind, row))
}

async function outbox(): Promise<OutboxRow[]> {
  const { rows } = await db.query<OutboxRow>(
    `select id::text as id, to_address, subject, text_body, ics, ics_method, attempts, last_error,
       (extract(epoch from next_attempt_at) * 1000)::float8 as next_attempt_at, (extract(epoch from sent_at) * 1000)::float8 as sent_at
     from outbox order by id`,
  )
  return rows
}

const mailTo = (rows: OutboxRow[], address: string) => {
  const row = rows.find((r) => r.to_address === address)
  if (!row) throw new Error(`no mail to ${address} in ${rows.map((r) => r.to_address).join(', ')}`)
  return row
}

describe('booking mails through SMTP', () => {
  const smtp = new TestSmtpServer()
  let transport: MailTransport
  let worker: OutboxWorker

  beforeEach(async () => {
    smtp.received.length = 0
    smtp.port = 0
    await smtp.start()
    transport = createMailTransport({ smtpUrl: smtp.url, mailFrom: MAIL_FROM, dataDir: 'memory://' })
    worker = new OutboxWorker({ db, transport, now, log })
  })

  afterEach(async () => {
    await worker.stop()
    await transport.close()
    await smtp.stop()
  })

  it('queues a request for staff in Korean and a receipt in the visitor’s Chinese, and delivers both intact', async () => {
    const row = await seedBooking({ language: 'zh-CN' })
    await notify('requested', row)

    const queued = await outbox()
    expect(queued.map((m) => m.to_address).sort()).toEqual([PROFILE.email, STAFF_EMAIL].sort())
    const staff = mailTo(queued, STAFF_EMAIL)
    expect(staff.subject).toBe('[새 상담 신청] 11월 19일 (금) 11:00 · K00ABC')
    expect(staff.text_body).toContain('박지훈님, 안녕하세요.')
    expect(staff.text_body).toContain('참가기업: 아라반도체')
    // the staff member's clock (the slot's zone) first, then the visitor's
    expect(staff.text_body).toContain('일시: 11월 19일 (금) 서울 11:00–11:30 · 참관객 시간 10:00–10:30 (베이징)')
    expect(staff.text_body).toContain('서울 기준 11월 19일 (금) 09:00까지')
    expect(staff.text_body).toContain('참관객이 개인정보(이름, 회사, 연락처) 제공에 동의하지 않았습니다.')
    expect(staff.text_body).toContain(`${PUBLIC_URL}/exhibitor`)

    const receipt = mailTo(queued, PROFILE.email)
    expect(receipt.subject).toBe('洽谈预约已提交：阿拉半导体株式会社')
    expect(receipt.text_body).toContain('王芳，您好：')
    expect(receipt.text_body).toContain('时间：11月19日周五 10:00–10:30 您的时间 · 11:00–11:30 首尔时间')
    expect(receipt.text_body).toContain('展商需在11月19日周五 08:00（您的时间）前答复')
    expect(receipt.text_body).toContain('洽谈方式：线上视频洽谈')
    expect(receipt.text_body).toContain('确认码：K00ABC')
    expect(receipt.text_body).toContain('洽谈主题：HBM 封装测试合作 / HBM packaging tests')
    expect(receipt.text_body).toContain(`${PUBLIC_URL}/?agenda=1`)
    // a request is not yet a meeting: no calendar file, and no meeting link
    expect(queued.every((m) => m.ics === null)).toBe(true)
    expect(receipt.text_body).not.toContain('https://meet.example.com')

    expect(await worker.sendDue()).toBe(2)
    expect(smtp.received).toHaveLength(2)
    for (const mail of smtp.received.map(readReceived)) {
      const sent = mailTo(queued, mail.to[0])
      expect(mail.subject).toBe(sent.subject)
      expect(mail.text).toBe(sent.text_body)
      expect(mail.headers.get('from')).toBe(MAIL_FROM)
    }
    expect((await outbox()).every((m) => m.sent_at === clock)).toBe(true)
    expect(await worker.sendDue()).toBe(0)
  })

  it('attaches the confirmed booking’s calendar file, which ical.js reads with the meeting’s start and title', async () => {
    const row = await seedBooking({ status: 'confirmed', language: 'en' })
    await notify('confirmed', row)
    // staff accepted it themselves: only the visitor hears of it
    expect((await outbox()).map((m) => m.to_address)).toEqual([PROFILE.email])

    expect(await worker.sendDue()).toBe(1)
    const mail = readReceived(smtp.received[0])
    expect(mail.subject).toBe('Ara Semiconductor Co., Ltd. accepted your meeting request')
    expect(mail.text).toContain('Time: Fri, Nov 19, 10:00–10:30 your time · 11:00–11:30 Seoul')
    expect(mail.text).toContain('Meeting link: https://meet.example.com/wmc-k00abc')
    expect(mail.calendar).toBeDefined()
    expect(mail.calendar!.headers.get('content-type')).toMatch(/^text\/calendar; charset=utf-8; method=PUBLISH/)

    const calendar = new ICAL.Component(ICAL.parse(mail.calendar!.content.toString('utf8')))
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!)
    expect(event.startDate.toJSDate().getTime()).toBe(MEETING)
    expect(event.endDate.toJSDate().getTime()).toBe(MEETING + HOUR / 2)
    expect(event.summary).toBe('Negotiation with Ara Semiconductor Co., Ltd.')
    expect(event.uid).toBe(`${row.id}@cloud-expo.wmc2021`)
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
  })

  it('tells staff who the visitor is only when the visitor consented to share it', async () => {
    const anonymous = await seedBooking({ shareProfile: false })
    const consented = await seedBooking({ shareProfile: true })
    const staffKinds: BookingNoticeKind[] = ['requested', 'auto-confirmed', 'proposal-declined', 'cancelled-by-visitor', 'expired']
    const identifying = [PROFILE.name, PROFILE.company, PROFILE.email, PROFILE.phone!]

    for (const kind of staffKinds) await notify(kind, anonymous)
    const withoutConsent = (await outbox()).filter((m) => m.to_address === STAFF_EMAIL)
    expect(withoutConsent).toHaveLength(staffKinds.length)
    for (const mail of withoutConsent) {
      // calendar lines are folded at 75 octets: unfold before looking
      const everything = [mail.subject, mail.text_body, (mail.ics ?? '').replace(/\r\n /g, '')].join('\n')
      for (const detail of identifying) expect(everything).not.toContain(detail)
      expect(mail.text_body).toContain('참관객이 개인정보(이름, 회사, 연락처) 제공에 동의하지 않았습니다.')
    }

    await db.query('delete from outbox')
    for (const kind of staffKinds) await notify(kind, consented)
    const withConsent = (await outbox()).filter((m) => m.to_address === STAFF_EMAIL)
    expect(withConsent).toHaveLength(staffKinds.length)
    for (const mail of withConsent) {
      expect(mail.text_body).toContain('참관객이 다음 정보의 제공에 동의했습니다.')
      expect(mail.text_body).toContain(`이름: ${PROFILE.name}`)
      expect(mail.text_body).toContain(`회사 또는 기관: ${PROFILE.company}`)
      expect(mail.text_body).toContain(`이메일: ${PROFILE.email}`)
      expect(mail.text_body).toContain(`전화번호: ${PROFILE.phone}`)
      expect(mail.text_body).toContain('참관 유형: 바이어')
    }
  })

  it('keeps a mail through an SMTP outage and delivers it exactly once when the server is back', async () => {
    await notify('declined', { ...(await seedBooking({ status: 'declined' })), decline_reason: '该时段展位人手不足' })
    await smtp.stop()

    expect(await worker.sendDue()).toBe(0)
    const [failed] = await outbox()
    expect(failed.sent_at).toBeNull()
    expect(failed.attempts).toBe(1)
    expect(failed.last_error).toMatch(/ECONNREFUSED/)
    expect(failed.next_attempt_at).toBe(T0 + 60_000)
    expect(collectedLog).toEqual([{ level: 'warn', message: 'sending a mail failed; it will be retried' }])

    await smtp.start()
    expect(await worker.sendDue()).toBe(0) // not due for another minute
    expect(smtp.received).toHaveLength(0)

    clock += 61_000
    expect(await worker.sendDue()).toBe(1)
    expect(await worker.sendDue()).toBe(0)
    expect(smtp.received).toHaveLength(1)
    const mail = readReceived(smtp.received[0])
    expect(mail.subject).toBe('阿拉半导体株式会社未能接受您的洽谈预约')
    expect(mail.text).toContain('原因：该时段展位人手不足')
    const [delivered] = await outbox()
    expect(delivered.sent_at).toBe(clock)
    expect(delivered.attempts).toBe(1)
  })

  it('gives up after the last attempt, leaving the mail unsent with its error and saying so once', async () => {
    await notify('declined', await seedBooking({ status: 'declined' }))
    await smtp.stop()
    const waits: number[] = []
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await worker.sendDue()).toBe(0)
      const [row] = await outbox()
      waits.push(row.next_attempt_at - clock)
      clock = row.next_attempt_at
    }
    expect(waits.slice(0, 6).map((ms) => ms / 60_000)).toEqual([1, 5, 15, 60, 360, 360])
    clock += 365 * 24 * HOUR
    expect(await worker.sendDue()).toBe(0)
    const [abandoned] = await outbox()
    expect(abandoned).toMatchObject({ attempts: MAX_ATTEMPTS, sent_at: null })
    expect(abandoned.last_error).toMatch(/ECONNREFUSED/)
    expect(collectedLog.filter((entry) => entry.level === 'error')).toHaveLength(1)
  })

  it('never sends one mail twice when two workers drain the outbox at once', async () => {
    for (let i = 0; i < 6; i++) await notify('requested', await seedBooking())
    const queued = await outbox()
    expect(queued).toHaveLength(12)
    const secondTransport = createMailTransport({ smtpUrl: smtp.url, mailFrom: MAIL_FROM, dataDir: 'memory://' })
    const second = new OutboxWorker({ db, transport: secondTransport, now, log })
    try {
      // Both claim before either has sent. PGlite runs one statement at a time, so the claims are serialised and
      // `skip locked` never meets a lock here; on PostgreSQL the same statement is what keeps concurrent claims apart.
      const [byFirst, bySecond] = await Promise.all([worker.sendDue(), second.sendDue()])
      expect(byFirst + bySecond).toBe(12)
      expect(byFirst).toBeGreaterThan(0)
      expect(bySecond).toBeGreaterThan(0)
      expect(await Promise.all([worker.sendDue(), second.sendDue()])).toEqual([0, 0])
    } finally {
      await secondTransport.close()
    }

    expect(smtp.received).toHaveLength(12)
    const messageIds = smtp.received.map((mail) => readReceived(mail).headers.get('message-id'))
    expect(new Set(messageIds).size).toBe(12)
    const delivered = smtp.received.map((mail) => `${mail.to[0]} ${readReceived(mail).subject}`).sort()
    expect(delivered).toEqual(queued.map((m) => `${m.to_address} ${m.subject}`).sort())
  })
})

describe('the development outbox', () => {
  let folder: string

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'cloud-expo-outbox-'))
  })

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true })
  })

  it('writes readable .eml files without SMTP, which readDevOutbox lists newest first with their links', async () => {
    const transport = createMailTransport({ mailFrom: MAIL_FROM, dataDir: folder })
    expect(transport.kind).toBe('outbox-folder')
    const worker = new OutboxWorker({ db, transport, now, log })
    await notify('auto-confirmed', await seedBooking({ status: 'confirmed', language: 'en' }))
    expect(await worker.sendDue()).toBe(2)

    const files = readdirSync(join(folder, 'outbox')).sort()
    expect(files).toHaveLength(2)
    for (const file of files) expect(file).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[a-z0-9@._+-]+-[\p{L}\p{N}-]+\.eml$/u)
    const staffFile = files.find((file) => file.includes(STAFF_EMAIL))!
    expect(staffFile).toContain('상담-예약-확정')
    const raw = readFileSync(join(folder, 'outbox', staffFile), 'utf8')
    expect(raw).toMatch(/^MIME-Version: 1\.0$/m)
    expect(raw).toContain('\r\n')
    expect(raw).toMatch(/^Subject: =\?UTF-8\?/m)
    expect(raw).toMatch(/filename=invite\.ics/)
    const staffMail = readReceived({ to: [STAFF_EMAIL], raw })
    expect(staffMail.subject).toBe('[상담 예약 확정] 11월 19일 (금) 11:00 · K00ABC')
    expect(staffMail.calendar!.content.toString('utf8')).toContain('SUMMARY:참관객 상담')

    // written a moment later, so it is the newest
    await new Promise((resolve) => setTimeout(resolve, 5))
    const link = `${PUBLIC_URL}/?signin=abc123`
    await db.transaction((tx) => notices.signInLink(tx, { kind: 'visitor-sign-in', to: PROFILE.email, language: 'ko', link, expiresAt: clock + 30 * 60_000 }))
    expect(await worker.sendDue()).toBe(1)

    const listed = readDevOutbox(folder)
    expect(listed).toHaveLength(3)
    expect(listed[0].subject).toBe('[클라우드 엑스포] 로그인 링크')
    expect(listed.slice(1).map((mail) => mail.subject).sort()).toEqual(
      ['Meeting confirmed: Ara Semiconductor Co., Ltd. · Fri, Nov 19 10:00', '[상담 예약 확정] 11월 19일 (금) 11:00 · K00ABC'].sort(),
    )
    expect(listed.map((mail) => mail.at)).toEqual(listed.map((mail) => mail.at).sort((a, b) => b - a))
    expect(listed[0].to).toBe(PROFILE.email)
    expect(listed[0].links).toEqual([link])
    expect(listed[0].text).toContain('이 링크는 한 번만 사용할 수 있으며 30분 후(베이징 기준 11월 18일 (목) 08:30) 만료됩니다.')
    const confirmation = listed.find((mail) => mail.to === PROFILE.email && mail.subject.startsWith('Meeting confirmed'))!
    expect(confirmation.links).toEqual(['https://meet.example.com/wmc-k00abc', `${PUBLIC_URL}/?agenda=1`])
    expect(listed.find((mail) => mail.to === STAFF_EMAIL)!.links).toEqual(['https://meet.example.com/wmc-k00abc', `${PUBLIC_URL}/exhibitor`])
    await transport.close()
  })

  it('keeps the mails in memory when the data folder is memory://', async () => {
    const transport = createMailTransport({ mailFrom: MAIL_FROM, dataDir: 'memory://' })
    expect(transport.kind).toBe('memory')
    await transport.send({ to: PROFILE.email, subject: '洽谈预约已确认', text: `查看和管理您的预约：\n${PUBLIC_URL}/?agenda=1` })
    const [newest] = readDevOutbox('memory://')
    expect(newest).toMatchObject({ to: PROFILE.email, subject: '洽谈预约已确认', links: [`${PUBLIC_URL}/?agenda=1`] })
    expect(readdirSync(folder)).toEqual([])
    await transport.close()
  })
})
