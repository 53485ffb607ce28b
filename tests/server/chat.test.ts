/**
 * Booth chat on one server: live delivery over the WebSocket, resume after a number, staff online, leads,
 * proposals, the rate limit, blocking (down to the database), reports and the organiser's hiding, and hostile input.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CHAT_MESSAGES_PER_MINUTE, CHAT_TEXT_MAX } from '../../src/live/chat'
import { LiveClient } from '../helpers/liveClient'
import { TestClient, signedInStaffClient, startTestApp, type TestApp } from '../helpers/serverApp'

const DAY = 86_400_000
const START = Date.parse('2026-12-01T00:00:00Z')
const clock = { now: START }
const EXHIBITOR = 'hefei-shengmai-intelligence'
const OTHER_EXHIBITOR = 'luyang-vision-inspection'

let server: TestApp
let url: string
const sockets: LiveClient[] = []

beforeAll(async () => {
  server = await startTestApp({ now: () => clock.now, config: { rateLimits: false } })
  url = await server.app.listen({ port: 0, host: '127.0.0.1' })
}, 60_000)
afterAll(() => server?.stop())
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()))
  clock.now = START
})

const cookieOf = (client: TestClient) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')

async function live(client?: TestClient) {
  const socket = await LiveClient.open(url, client ? { cookie: cookieOf(client) } : {})
  sockets.push(socket)
  return socket
}

const staffOf = (exhibitorId: string | null) => signedInStaffClient(server, exhibitorId, { name: 'Li Wei' })

async function visitor() {
  const client = new TestClient(server.app)
  await client.startVisitor()
  return client
}

const count = async (table: string) => (await server.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n

describe('a conversation between a visitor and a booth', () => {
  it('reaches the staff live and the answer comes back live; each side resumes after its last message', async () => {
    const staff = await staffOf(EXHIBITOR)
    const anna = await visitor()
    const staffSocket = await live(staff)
    const annaSocket = await live(anna)

    const sent = await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'Do you ship to Germany?' })
    expect(sent.status).toBe(201)
    const { conversationId, seq } = sent.body.message
    expect(seq).toBe(1)
    const told = await staffSocket.next('chat', (m) => m.conversationId === conversationId && m.change === 'message')
    expect(told.exhibitorId).toBe(EXHIBITOR)

    const inbox = await staff.get('/api/console/conversations')
    expect(inbox.body.conversations).toHaveLength(1)
    expect(inbox.body.conversations[0]).toMatchObject({ id: conversationId, unread: 1, openLead: false, visitor: { name: null } })
    expect(inbox.body.conversations[0].visitor.code).toMatch(/^[0-9A-F]{4}$/)

    const reply = await staff.post(`/api/console/chat/${conversationId}/messages`, { text: 'Yes, from Hefei by rail in 18 days.' })
    expect(reply.status).toBe(201)
    expect(reply.body.message).toMatchObject({ seq: 2, sender: 'staff', staffName: 'Li Wei' })
    await annaSocket.next('chat', (m) => m.conversationId === conversationId && m.change === 'message')
    const resumed = await anna.get(`/api/chat/${conversationId}/messages?after=1`)
    expect(resumed.body.messages.map((m: { text: string }) => m.text)).toEqual(['Yes, from Hefei by rail in 18 days.'])
    expect((await anna.get('/api/me/conversations')).body.conversations[0]).toMatchObject({ id: conversationId, unread: 1 })

    // reading clears the badge, and the other side's sockets hear of it
    expect((await anna.post(`/api/chat/${conversationId}/read`, { upTo: 2 }, { key: null })).status).toBe(200)
    expect((await anna.get('/api/me/conversations')).body.conversations[0].unread).toBe(0)
    expect((await staff.get('/api/console/conversations')).body.conversations[0].unread).toBe(0)
  })

  it('stores markup as text, counts characters as the database does, and refuses hostile input with a code, writing nothing', async () => {
    const anna = await visitor()
    const markup = '<img src=x onerror="alert(1)"> **bold** &amp;'
    const sent = await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: markup })
    expect(sent.body.message.text).toBe(markup)
    // 1,000 emoji are 1,000 characters (2,000 UTF-16 units): accepted on both sides of the wire
    expect((await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: '🤖'.repeat(CHAT_TEXT_MAX) })).status).toBe(201)

    const before = await count('chat_messages')
    const refusals: [unknown, number, string][] = [
      [{ text: '' }, 400, 'invalid-body'],
      [{ text: '   ' }, 400, 'invalid-body'],
      [{ text: 'x'.repeat(CHAT_TEXT_MAX + 1) }, 400, 'invalid-body'],
      [{ text: 'nul \u0000 inside' }, 400, 'invalid-body'],
      [{ text: 'hi', html: '<b>' }, 400, 'invalid-body'],
      [{ text: 42 }, 400, 'invalid-body'],
      [{ text: 'hi', lead: { contact: 'x'.repeat(201), callBack: true } }, 400, 'invalid-body'],
    ]
    for (const [body, status, code] of refusals) {
      const answer = await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, body)
      expect(answer, JSON.stringify(body)).toMatchObject({ status, body: { code } })
    }
    expect(await anna.post('/api/exhibitors/no-such-booth/chat', { text: 'hi' })).toMatchObject({ status: 404, body: { code: 'unknown-exhibitor' } })
    expect(await new TestClient(server.app).post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'hi' })).toMatchObject({ status: 401 })
    expect(await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'hi' }, { key: null })).toMatchObject({ status: 400, body: { code: 'idempotency-key-required' } })
    expect(await count('chat_messages')).toBe(before)
  })

  it('keeps each side to its own conversations', async () => {
    const anna = await visitor()
    const { conversationId } = (await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'private' })).body.message
    const ben = await visitor()
    const otherStaff = await staffOf(OTHER_EXHIBITOR)
    expect(await ben.get(`/api/chat/${conversationId}/messages`)).toMatchObject({ status: 404, body: { code: 'not-found' } })
    expect(await otherStaff.get(`/api/console/chat/${conversationId}/messages`)).toMatchObject({ status: 404 })
    expect(await otherStaff.post(`/api/console/chat/${conversationId}/messages`, { text: 'hello' })).toMatchObject({ status: 404 })
    expect(await ben.get('/api/chat/not-a-uuid/messages')).toMatchObject({ status: 404 })
    expect((await otherStaff.get('/api/console/conversations')).body.conversations.some((c: { id: string }) => c.id === conversationId)).toBe(false)
  })

  it('sends a message once however often it is retried with its key', async () => {
    const anna = await visitor()
    const key = 'chat-retry-0123456789abcdef'
    const first = await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'only once' }, { key })
    const again = await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'only once' }, { key })
    expect(again.status).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.body).toEqual(first.body)
    const messages = (await anna.get(`/api/chat/${first.body.message.conversationId}/messages`)).body.messages
    expect(messages.filter((m: { text: string }) => m.text === 'only once')).toHaveLength(1)
  })

  it('limits how fast one visitor writes, across booths, and lets them go on a minute later', async () => {
    const anna = await visitor()
    for (let i = 0; i < CHAT_MESSAGES_PER_MINUTE; i++) {
      const answer = await anna.post(`/api/exhibitors/${i % 2 ? EXHIBITOR : OTHER_EXHIBITOR}/chat`, { text: `message ${i}` })
      expect(answer.status).toBe(201)
    }
    const before = await count('chat_messages')
    const limited = await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'one too many' })
    expect(limited).toMatchObject({ status: 429, body: { code: 'chat-rate-limited' } })
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(await count('chat_messages')).toBe(before)
    clock.now += 61_000
    expect((await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'later' })).status).toBe(201)
  })
})

describe('staff online and leads', () => {
  it('shows staff online while a console is connected, to every socket, and offline when it closes', async () => {
    const exhibitorId = 'binhu-xiaohe-robotics'
    const watcher = await live()
    expect((await new TestClient(server.app).get(`/api/exhibitors/${exhibitorId}/chat`)).body).toMatchObject({ staffOnline: false, conversation: null })
    const staff = await staffOf(exhibitorId)
    const consoleSocket = await live(staff)
    await watcher.next('staff', (m) => m.exhibitorId === exhibitorId && m.online)
    expect((await new TestClient(server.app).get(`/api/exhibitors/${exhibitorId}/chat`)).body.staffOnline).toBe(true)
    await consoleSocket.close()
    await watcher.next('staff', (m) => m.exhibitorId === exhibitorId && !m.online)
    expect((await new TestClient(server.app).get(`/api/exhibitors/${exhibitorId}/chat`)).body.staffOnline).toBe(false)
  })

  it('keeps a message left with a way back as an open lead until staff answer', async () => {
    const anna = await visitor()
    const staff = await staffOf(EXHIBITOR)
    const left = await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'Please call me about 20 robot arms.', lead: { contact: '+49 30 1234567', callBack: true } })
    expect(left.body.message).toMatchObject({ kind: 'lead', lead: { contact: '+49 30 1234567', callBack: true } })
    const id = left.body.message.conversationId
    const lead = (await staff.get('/api/console/conversations')).body.conversations.find((c: { id: string }) => c.id === id)
    expect(lead).toMatchObject({ openLead: true, unread: 1, lastMessage: { kind: 'lead' } })
    await staff.post(`/api/console/chat/${id}/messages`, { text: 'Calling you at 10:00 Berlin time.' })
    expect((await staff.get('/api/console/conversations')).body.conversations.find((c: { id: string }) => c.id === id).openLead).toBe(false)
  })
})

describe('a time proposed in the chat', () => {
  it('must be one of the exhibitor’s free slots; the visitor then books it through the booking rules', async () => {
    const anna = await visitor()
    const staff = await staffOf(EXHIBITOR)
    const id = (await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'When can we meet?' })).body.message.conversationId
    const { slots } = (await anna.get(`/api/exhibitors/${EXHIBITOR}/slots?from=${clock.now}&to=${clock.now + 7 * DAY}`)).body
    const slot = slots[3]
    const proposed = await staff.post(`/api/console/chat/${id}/messages`, { text: 'How about this?', proposal: { start: slot.start, end: slot.end, mode: slot.mode } })
    expect(proposed).toMatchObject({ status: 201, body: { message: { kind: 'proposal', proposal: { start: slot.start, end: slot.end, mode: slot.mode } } } })
    const before = await count('chat_messages')
    const notASlot = await staff.post(`/api/console/chat/${id}/messages`, { text: 'Or at 3:07?', proposal: { start: slot.start + 7 * 60_000, end: slot.end + 7 * 60_000, mode: slot.mode } })
    expect(notASlot).toMatchObject({ status: 409, body: { code: 'slot-unavailable' } })
    expect(await count('chat_messages')).toBe(before)
  })
})

describe('blocking, reports and hiding', () => {
  it('a blocked visitor’s messages are refused, by the API and by the database itself', async () => {
    const anna = await visitor()
    const staff = await staffOf(EXHIBITOR)
    const id = (await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'spam' })).body.message.conversationId
    expect((await staff.post(`/api/console/chat/${id}/block`, { blocked: true }, { key: null })).status).toBe(200)
    const before = await count('chat_messages')
    expect(await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'more spam' })).toMatchObject({ status: 403, body: { code: 'chat-blocked' } })
    // whatever path an insert takes
    await expect(
      server.db.query(`insert into chat_messages (conversation_id, seq, sender, kind, body, created_at) values ($1, 99, 'visitor', 'text', 'sneaked', now())`, [id]),
    ).rejects.toThrow(/blocked/)
    expect(await count('chat_messages')).toBe(before)
    expect((await anna.get(`/api/chat/${id}/messages`)).body.blocked).toBe(true)
    await staff.post(`/api/console/chat/${id}/block`, { blocked: false }, { key: null })
    expect((await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'sorry' })).status).toBe(201)
  })

  it('a reported message reaches the organiser, who hides it from both sides', async () => {
    const anna = await visitor()
    const staff = await staffOf(EXHIBITOR)
    const organiser = await staffOf(null)
    const organiserSocket = await live(organiser)
    const id = (await anna.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'Hello' })).body.message.conversationId
    const rude = (await staff.post(`/api/console/chat/${id}/messages`, { text: 'something rude' })).body.message
    expect(await staff.post(`/api/console/chat/${id}/messages/${rude.seq}/report`, {}, { key: null })).toMatchObject({ status: 422, body: { code: 'own-message' } })
    expect((await anna.post(`/api/chat/${id}/messages/${rude.seq}/report`, { reason: 'insulting' }, { key: null })).status).toBe(200)
    // reporting twice files one report
    await anna.post(`/api/chat/${id}/messages/${rude.seq}/report`, { reason: 'insulting' }, { key: null })
    await organiserSocket.next('reports')
    const queue = (await organiser.get('/api/console/chat-reports')).body.reports.filter((r: { message: { conversationId: string } }) => r.message.conversationId === id)
    expect(queue).toHaveLength(1)
    expect(queue[0]).toMatchObject({ exhibitorId: EXHIBITOR, reporter: 'visitor', reason: 'insulting', message: { text: 'something rude' } })
    expect(await staff.post(`/api/console/chat/${id}/messages/${rude.seq}/hide`, { hidden: true }, { key: null })).toMatchObject({ status: 401 })
    expect((await organiser.post(`/api/console/chat/${id}/messages/${rude.seq}/hide`, { hidden: true }, { key: null })).status).toBe(200)
    const seen = (await anna.get(`/api/chat/${id}/messages`)).body.messages.find((m: { seq: number }) => m.seq === rude.seq)
    expect(seen).toMatchObject({ hidden: true, text: '' })
    expect((await organiser.get('/api/console/chat-reports')).body.reports.some((r: { message: { conversationId: string } }) => r.message.conversationId === id)).toBe(false)
  })
})
