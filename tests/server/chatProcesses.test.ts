/**
 * Two server processes' worth of apps on one PostgreSQL: a message sent through one reaches the staff connected
 * to the other, live (NOTIFY on commit), and staff online on one show as online through the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LiveClient } from '../helpers/liveClient'
import { postgresUnavailable, startTestPostgres, type TestPostgres } from '../helpers/postgres'
import { TestClient, startTestApp, type TestApp } from '../helpers/serverApp'

const EXHIBITOR = 'chaohu-huinong-technology'
const skip = postgresUnavailable()

describe.skipIf(skip)('booth chat across two apps on one PostgreSQL', () => {
  let database: TestPostgres
  let first: TestApp
  let second: TestApp
  let firstUrl: string
  let secondUrl: string
  const sockets: LiveClient[] = []

  beforeAll(async () => {
    database = await startTestPostgres()
    first = await startTestApp({ databaseUrl: database.url, config: { rateLimits: false } })
    second = await startTestApp({ databaseUrl: database.url, config: { rateLimits: false } })
    firstUrl = await first.app.listen({ port: 0, host: '127.0.0.1' })
    secondUrl = await second.app.listen({ port: 0, host: '127.0.0.1' })
  }, 120_000)
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.close()))
    await first?.stop()
    await second?.stop()
    await database?.stop()
  }, 60_000)

  const cookieOf = (client: TestClient) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')

  it('delivers a message sent through one to the staff connected to the other, and staff online both ways', async () => {
    const invitation = await first.ctx.signIn.inviteStaff({ exhibitorId: EXHIBITOR, email: 'two@example.com', language: 'en' })
    const staff = new TestClient(secondUrl)
    expect((await staff.post('/api/auth/redeem', { token: new URL(invitation.link).searchParams.get('signin') }, { key: null })).status).toBe(200)

    const visitor = new TestClient(firstUrl)
    await visitor.startVisitor()
    const visitorSocket = await LiveClient.open(firstUrl, { cookie: cookieOf(visitor) })
    sockets.push(visitorSocket)
    expect((await visitor.get(`/api/exhibitors/${EXHIBITOR}/chat`)).body.staffOnline).toBe(false)

    // staff open the console on the second: the visitor on the first hears they are online
    const staffSocket = await LiveClient.open(secondUrl, { cookie: cookieOf(staff) })
    sockets.push(staffSocket)
    await visitorSocket.next('staff', (m) => m.exhibitorId === EXHIBITOR && m.online, 10_000)
    expect((await visitor.get(`/api/exhibitors/${EXHIBITOR}/chat`)).body.staffOnline).toBe(true)

    const sent = await visitor.post(`/api/exhibitors/${EXHIBITOR}/chat`, { text: 'Across machines' })
    expect(sent.status).toBe(201)
    const id = sent.body.message.conversationId
    await staffSocket.next('chat', (m) => m.conversationId === id && m.change === 'message', 10_000)
    expect((await staff.get(`/api/console/chat/${id}/messages`)).body.messages.map((m: { text: string }) => m.text)).toEqual(['Across machines'])

    await staff.post(`/api/console/chat/${id}/messages`, { text: 'Heard you' })
    await visitorSocket.next('chat', (m) => m.conversationId === id && m.change === 'message', 10_000)

    await staffSocket.close()
    await visitorSocket.next('staff', (m) => m.exhibitorId === EXHIBITOR && !m.online, 10_000)
  })
})
