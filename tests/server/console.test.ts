/** The exhibitor's side through inject(): sign-in links, the inbox's answers, hours, consent, the CSV, holds that expire. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { readDevOutbox } from '../../server/mail/transport'
import { TestClient, bookingBody, startTestApp, type TestApp } from '../helpers/serverApp'

const DAY = 86_400_000
const HOUR = 3_600_000
const START = Date.parse('2026-12-01T00:00:00Z')
const clock = { now: START }

let server: TestApp
beforeAll(async () => {
  // every inject() comes from one address: the sign-in limits are proven in bookingApi.test.ts
  server = await startTestApp({ now: () => clock.now, config: { rateLimits: false } })
}, 60_000)
afterAll(() => server?.stop())

/** Staff of an exhibitor, signed in through the link of their invitation. */
async function signedInStaff(exhibitorId: string, email = `staff-${Math.random().toString(36).slice(2)}@example.com`, language: 'zh-CN' | 'en' | 'ko' = 'en') {
  const invitation = await server.ctx.signIn.inviteStaff({ exhibitorId, email, language })
  const token = new URL(invitation.link).searchParams.get('signin')!
  const staff = new TestClient(server.app)
  const redeemed = await staff.post('/api/auth/redeem', { token }, { key: null })
  expect(redeemed).toMatchObject({ status: 200, body: { kind: 'staff', role: 'exhibitor' } })
  return { staff, token, invitation }
}

async function visitorWithBooking(exhibitorId: string, pick = 0, overrides: Record<string, unknown> = {}) {
  const visitor = new TestClient(server.app)
  await visitor.startVisitor()
  const { body } = await visitor.get(`/api/exhibitors/${exhibitorId}/slots?from=${clock.now}&to=${clock.now + 7 * DAY}`)
  const slot = body.slots[pick]
  const booked = await visitor.post('/api/bookings', bookingBody(slot, overrides))
  expect(booked.status).toBe(201)
  return { visitor, booking: booked.body.booking, slots: body.slots }
}

const myBooking = async (visitor: TestClient, id: string) => (await visitor.get('/api/me/bookings')).body.bookings.find((b: { id: string }) => b.id === id)

describe('sign-in links', () => {
  it('are single-use, expire, and are stored only as hashes', async () => {
    const { token, staff } = await signedInStaff('hefei-shengmai-intelligence')
    expect((await staff.get('/api/console/me')).body.exhibitor).toMatchObject({ id: 'hefei-shengmai-intelligence', autoAccept: false })
    const again = await new TestClient(server.app).post('/api/auth/redeem', { token }, { key: null })
    expect(again).toMatchObject({ status: 401, body: { code: 'link-invalid' } })
    const { rows } = await server.db.query<{ token_hash: Buffer }>('select token_hash from sign_in_tokens')
    expect(rows.every((r) => r.token_hash.length === 32 && !r.token_hash.toString('utf8').includes(token))).toBe(true)

    const invitation = await server.ctx.signIn.inviteStaff({ exhibitorId: 'hefei-shengmai-intelligence', email: 'late@example.com', language: 'en' })
    clock.now += 8 * DAY
    try {
      const late = await new TestClient(server.app).post('/api/auth/redeem', { token: new URL(invitation.link).searchParams.get('signin') }, { key: null })
      expect(late).toMatchObject({ status: 401, body: { code: 'link-invalid' } })
    } finally {
      clock.now -= 8 * DAY
    }
    expect(await new TestClient(server.app).post('/api/auth/redeem', { token: 'not a token' }, { key: null })).toMatchObject({ status: 400, body: { code: 'invalid-body' } })
  })

  it('open a visitor’s agenda on another device through the private link', async () => {
    const { visitor, booking } = await visitorWithBooking('chaohu-huinong-technology')
    const { body } = await visitor.post('/api/me/private-link', {}, { key: null })
    const token = new URL(body.url).searchParams.get('agenda')!
    const phone = new TestClient(server.app)
    expect((await phone.post('/api/auth/redeem', { token }, { key: null })).body).toEqual({ kind: 'visitor', role: 'visitor' })
    expect((await phone.get('/api/me/bookings')).body.bookings.map((b: { id: string }) => b.id)).toEqual([booking.id])
    // a new link replaces the old one
    await visitor.post('/api/me/private-link', {}, { key: null })
    expect((await new TestClient(server.app).post('/api/auth/redeem', { token }, { key: null })).status).toBe(401)
  })
})

describe('the inbox', () => {
  it('accepting a request confirms it for the visitor', async () => {
    const { staff } = await signedInStaff('luyang-vision-inspection')
    const { visitor, booking } = await visitorWithBooking('luyang-vision-inspection')
    const inbox = await staff.get(`/api/console/bookings?from=${clock.now}&to=${clock.now + 28 * DAY}`)
    expect(inbox.body.bookings).toEqual([expect.objectContaining({ id: booking.id, status: 'requested', profile: null })])
    expect(JSON.stringify(inbox.body)).not.toContain('anna@example.com')
    const accepted = await staff.post(`/api/console/bookings/${booking.id}/accept`, {})
    expect(accepted).toMatchObject({ status: 200, body: { booking: { status: 'confirmed' } } })
    expect(await myBooking(visitor, booking.id)).toMatchObject({ status: 'confirmed' })
    expect(await staff.post(`/api/console/bookings/${booking.id}/decline`, { reason: 'Too late' })).toMatchObject({ status: 409, body: { code: 'invalid-state' } })
    const cancelled = await staff.post(`/api/console/bookings/${booking.id}/cancel`, { reason: '展台人员临时出差' })
    expect(cancelled.body.booking).toMatchObject({ status: 'cancelled', cancelledBy: 'exhibitor', cancelReason: '展台人员临时出差' })
    expect(await myBooking(visitor, booking.id)).toMatchObject({ status: 'cancelled', cancelledBy: 'exhibitor', cancelReason: '展台人员临时出差' })
  })

  it('declining needs a reason the visitor sees', async () => {
    const { staff } = await signedInStaff('anhui-zhisuan-ai-computing')
    const { visitor, booking } = await visitorWithBooking('anhui-zhisuan-ai-computing', 1)
    expect(await staff.post(`/api/console/bookings/${booking.id}/decline`, { reason: '  ' })).toMatchObject({ status: 400, body: { code: 'invalid-body' } })
    await staff.post(`/api/console/bookings/${booking.id}/decline`, { reason: 'We do not export to your region yet' })
    expect(await myBooking(visitor, booking.id)).toMatchObject({ status: 'declined', declineReason: 'We do not export to your region yet' })
  })

  it('proposing another time moves the request there until the visitor accepts it', async () => {
    const { staff } = await signedInStaff('hefei-zhiyan-data-services')
    const { visitor, booking } = await visitorWithBooking('hefei-zhiyan-data-services')
    const free = (await staff.get(`/api/console/slots?from=${clock.now}&to=${clock.now + 7 * DAY}`)).body.slots
    const other = free.find((s: { start: number }) => s.start > booking.start + 2 * HOUR)
    const proposed = await staff.post(`/api/console/bookings/${booking.id}/propose`, { start: other.start, end: other.end, mode: other.mode, message: '下午我们的工程师在' })
    expect(proposed.body.booking).toMatchObject({ status: 'proposed', start: other.start, originalStart: booking.start })
    expect(await myBooking(visitor, booking.id)).toMatchObject({ status: 'proposed', start: other.start, originalStart: booking.start, proposalMessage: '下午我们的工程师在' })
    const answered = await visitor.post(`/api/bookings/${booking.id}/answer`, { accept: true })
    expect(answered.body.booking).toMatchObject({ status: 'confirmed', start: other.start })
    expect(await staff.post(`/api/console/bookings/${booking.id}/propose`, { start: other.start, end: other.end, mode: other.mode })).toMatchObject({
      status: 409,
      body: { code: 'invalid-state' },
    })
  })

  it('never shows staff what the visitor did not consent to share, and shows what they did', async () => {
    const { staff } = await signedInStaff('anhui-tianshu-industrial-ai')
    const shared = await visitorWithBooking('anhui-tianshu-industrial-ai', 0, { shareProfile: true })
    const private_ = await visitorWithBooking('anhui-tianshu-industrial-ai', 4)
    const { body } = await staff.get(`/api/console/bookings?from=${clock.now}&to=${clock.now + 28 * DAY}`)
    expect(body.bookings.find((b: { id: string }) => b.id === shared.booking.id).profile).toMatchObject({ name: 'Anna Schmidt', email: 'anna@example.com' })
    expect(body.bookings.find((b: { id: string }) => b.id === private_.booking.id).profile).toBeNull()
    // withdrawn consent hides it again
    await shared.visitor.post(`/api/bookings/${shared.booking.id}/consent`, { shareProfile: false })
    const after = await staff.get(`/api/console/bookings?from=${clock.now}&to=${clock.now + 28 * DAY}`)
    expect(after.body.bookings.find((b: { id: string }) => b.id === shared.booking.id).profile).toBeNull()
    const csv = await staff.get('/api/console/meetings.csv')
    expect(csv.body).not.toContain('anna@example.com')
  })

  it('exports meetings as a CSV Excel opens with Chinese and Korean intact', async () => {
    const { staff } = await signedInStaff('huangshan-huiyun-digital-culture', 'ko-staff@example.com', 'ko')
    await visitorWithBooking('huangshan-huiyun-digital-culture', 0, { shareProfile: true, topic: '=HYPERLINK("x") 数字文旅 합작' })
    const csv = await staff.request('GET', '/api/console/meetings.csv')
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="meetings-huangshan-huiyun-digital-culture-\d{4}-\d\d-\d\d\.csv"/)
    const text = csv.body as string
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const [header, row] = text.slice(1).split('\r\n')
    expect(header).toBe('"날짜","시작","종료","시간대","방식","상태","상담 테이블","확인 코드","상담 주제","이름","회사","이메일","전화","구분","화상 회의 링크"')
    expect(row).toContain('"\'=HYPERLINK(""x"") 数字文旅 합작"')
    expect(row).toContain('"Anna Schmidt"')
  })

  it('serves the exhibitor’s own logo from the content pack, to its staff only', async () => {
    const { staff } = await signedInStaff('hefei-zhiyan-data-services')
    const logo = await staff.request('GET', '/api/console/logo.svg')
    expect(logo.status).toBe(200)
    expect(logo.headers['content-type']).toBe('image/svg+xml; charset=utf-8')
    expect(logo.headers['content-security-policy']).toContain('sandbox')
    expect(logo.body).toBe(server.content.logo('hefei-zhiyan-data-services'))
    expect(logo.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(await new TestClient(server.app).get('/api/console/logo.svg')).toMatchObject({ status: 401 })
  })

  it('auto-accept confirms new requests at once', async () => {
    const { staff } = await signedInStaff('hefei-lingdong-hci')
    await staff.request('PUT', '/api/console/settings', { body: { autoAccept: true } })
    const { booking } = await visitorWithBooking('hefei-lingdong-hci', 5)
    expect(booking.status).toBe('confirmed')
    expect(booking.holdExpiresAt).toBeUndefined()
  })

  it('edits weekly hours from the pack’s starting point, validated by the content schema', async () => {
    const { staff } = await signedInStaff('qimen-hongxiang-tea')
    const me = (await staff.get('/api/console/me')).body
    expect(me.exhibitor.availability).toEqual(me.exhibitor.packAvailability)
    const bad = await staff.request('PUT', '/api/console/availability', { body: { availability: { ...me.exhibitor.availability, weeklyHours: { mon: [{ from: '09:00', to: '12:00' }, { from: '11:00', to: '13:00' }] } } } })
    expect(bad).toMatchObject({ status: 400, body: { code: 'invalid-body' } })
    expect(Object.keys(bad.body.fields)[0]).toMatch(/^availability\.weeklyHours\.mon/)
    const evenings = { ...me.exhibitor.availability, weeklyHours: { tue: [{ from: '19:00', to: '20:00' }] }, modes: ['online'], blackoutDates: ['2026-12-08'] }
    expect((await staff.request('PUT', '/api/console/availability', { body: { availability: evenings } })).status).toBe(200)
    const { body } = await new TestClient(server.app).get(`/api/exhibitors/qimen-hongxiang-tea/slots?from=${clock.now}&to=${clock.now + 14 * DAY}&tz=Asia/Shanghai`)
    expect(body.slots.map((s: { visitorLocal: string }) => s.visitorLocal)).toEqual(['2026-12-01 19:00', '2026-12-15 19:00'].slice(0, body.slots.length))
    expect(body.slots.every((s: { visitorLocal: string }) => s.visitorLocal.endsWith('19:00'))).toBe(true)
    expect(body.slots.some((s: { visitorLocal: string }) => s.visitorLocal.startsWith('2026-12-08'))).toBe(false)
  })

  it('lets staff invite and remove colleagues, each with their own sign-in', async () => {
    const { staff } = await signedInStaff('wuhu-jinghang-bearings', 'lead@example.com')
    expect((await staff.post('/api/console/staff', { email: 'Colleague@Example.com', name: '王芳', language: 'zh-CN' }, { key: null })).status).toBe(201)
    const team = (await staff.get('/api/console/staff')).body.staff
    expect(team.map((s: { email: string }) => s.email)).toEqual(['lead@example.com', 'colleague@example.com'])
    const colleague = team.find((s: { you: boolean }) => !s.you)
    expect((await staff.request('DELETE', `/api/console/staff/${colleague.id}`)).status).toBe(204)
    expect((await staff.request('DELETE', `/api/console/staff/${team.find((s: { you: boolean }) => s.you).id}`)).body.code).toBe('cannot-remove-self')
    const other = await signedInStaff('wuhu-yuxiang-general-aviation')
    expect((await other.staff.request('DELETE', `/api/console/staff/${team[0].id}`)).status).toBe(404)
  })
})

describe('a pending request', () => {
  it('holds its table for 24 hours, then expires and frees it', async () => {
    const { visitor, booking, slots } = await visitorWithBooking('luan-pianxiang-tea', 30)
    const slot = slots[30]
    const later = (await visitor.get(`/api/exhibitors/luan-pianxiang-tea/slots?from=${clock.now}&to=${clock.now + 7 * DAY}`)).body.slots
    expect(later.find((s: { start: number; mode: string }) => s.start === slot.start && s.mode === slot.mode).tablesLeft).toBe(1)
    const { staff } = await signedInStaff('luan-pianxiang-tea')
    clock.now += 24 * HOUR + 1
    try {
      expect(await staff.post(`/api/console/bookings/${booking.id}/accept`, {})).toMatchObject({ status: 409, body: { refusal: { code: 'invalid-state', status: 'expired' } } })
      expect(await server.ctx.bookings.sweepExpired()).toBeGreaterThanOrEqual(1)
      expect(await myBooking(visitor, booking.id)).toMatchObject({ status: 'expired' })
      const freed = (await visitor.get(`/api/exhibitors/luan-pianxiang-tea/slots?from=${clock.now}&to=${clock.now + 7 * DAY}`)).body.slots
      expect(freed.find((s: { start: number; mode: string }) => s.start === slot.start && s.mode === slot.mode).tablesLeft).toBe(2)
    } finally {
      clock.now -= 24 * HOUR + 1
    }
  })
})

describe('the organiser', () => {
  it('sees negotiations per day by state and the tables in use, read-only', async () => {
    const invitation = await server.ctx.signIn.inviteStaff({ exhibitorId: null, email: 'organiser@example.com', language: 'zh-CN' })
    const organiser = new TestClient(server.app)
    expect((await organiser.post('/api/auth/redeem', { token: new URL(invitation.link).searchParams.get('signin') }, { key: null })).body).toEqual({ kind: 'staff', role: 'organiser' })
    expect(new URL(invitation.link).pathname).toBe('/organiser')
    // the worker sends 20 a round (one may be running already): wait until it reaches this one
    const mailed = await vi.waitFor(async () => {
      await server.mail.sendDue()
      const found = readDevOutbox('memory://').find((m) => m.to === 'organiser@example.com')
      if (!found) throw new Error('not sent yet')
      return found
    })
    expect(mailed.subject).toContain('洽谈总览')
    expect(mailed.links).toContain(invitation.link)
    const { body } = await organiser.get(`/api/organiser/overview?from=${START}&to=${START + 28 * DAY}`)
    expect(body.timeZone).toBe('Asia/Shanghai')
    expect(body.tables).toBeGreaterThanOrEqual(40)
    const total = body.days.reduce((sum: number, d: { counts: Record<string, number> }) => sum + Object.values(d.counts).reduce((a, b) => a + b, 0), 0)
    const { rows } = await server.db.query<{ n: number }>(`select count(*)::float8 as n from bookings`)
    expect(total).toBe(rows[0].n)
    expect(body.days[0].byHour).toHaveLength(24)
    // staff of an exhibitor are not organisers, and organisers answer no inbox
    const { staff } = await signedInStaff('hefei-luoyan-vision')
    expect((await staff.get(`/api/organiser/overview?from=${START}&to=${START + DAY}`)).status).toBe(401)
    expect((await organiser.get(`/api/console/bookings?from=${START}&to=${START + DAY}`)).status).toBe(401)
  })
})
