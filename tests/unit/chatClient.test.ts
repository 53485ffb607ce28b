/** The chat client: resumes after its last message, merges without duplicates, retries a lost send with one key. */
import { describe, expect, it } from 'vitest'
import { ChatClient } from '../../src/chat/chatClient'
import { mergeMessages, unreadFor, type ChatMessage } from '../../src/live/chat'

const message = (seq: number, sender: 'visitor' | 'staff' = 'staff', extra: Partial<ChatMessage> = {}): ChatMessage => ({
  conversationId: 'c0ffee00-0000-4000-8000-000000000001',
  seq,
  sender,
  staffName: sender === 'staff' ? 'Li' : null,
  kind: 'text',
  text: `m${seq}`,
  hidden: false,
  at: 1_790_000_000_000 + seq,
  ...extra,
})
const CONVERSATION = message(1).conversationId

/** A fake server: answers by path, records requests. */
function fakeServer(answer: (path: string, init: RequestInit) => { status: number; body: unknown } | 'network') {
  const requests: { path: string; init: RequestInit }[] = []
  const fetcher = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = String(input)
    requests.push({ path, init })
    const result = answer(path, init)
    if (result === 'network') throw new TypeError('Failed to fetch')
    return new Response(JSON.stringify(result.body), { status: result.status, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { fetcher, requests }
}

describe('mergeMessages and unreadFor', () => {
  it('keeps one copy of each message in order, the newer copy winning (a hidden one replaces its words)', () => {
    const merged = mergeMessages([message(1), message(2)], [message(2, 'staff', { hidden: true, text: '' }), message(3), message(1)])
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3])
    expect(merged[1]).toMatchObject({ hidden: true, text: '' })
  })

  it('counts the other side’s visible messages after the read mark', () => {
    const messages = [message(1, 'visitor'), message(2), message(3, 'staff', { hidden: true }), message(4)]
    expect(unreadFor('visitor', messages, 1)).toBe(2)
    expect(unreadFor('visitor', messages, 2)).toBe(1)
    expect(unreadFor('staff', messages, 0)).toBe(1)
  })
})

describe('ChatClient', () => {
  it('resumes a conversation after the last message it holds when the socket comes back', async () => {
    let served = [message(1, 'visitor'), message(2)]
    const server = fakeServer((path) => {
      const after = Number(new URL(path, 'http://x').searchParams.get('after'))
      return { status: 200, body: { messages: served.filter((m) => m.seq > after), readUpTo: 1, blocked: false } }
    })
    const client = new ChatClient({ side: 'visitor', fetch: server.fetcher })
    await client.refreshThread(CONVERSATION, 'binhu-xiaohe-robotics')
    expect(client.store.getState().threads[CONVERSATION].messages.map((m) => m.seq)).toEqual([1, 2])
    // while away, two more arrived; the socket's return fetches only those
    served = [...served, message(3), message(4)]
    client.connected(true)
    await new Promise((resolve) => setTimeout(resolve, 0))
    await client.refreshThread(CONVERSATION)
    expect(server.requests.map((r) => new URL(r.path, 'http://x').searchParams.get('after'))).toEqual(['0', '2', '4'])
    expect(client.store.getState().threads[CONVERSATION].messages.map((m) => m.seq)).toEqual([1, 2, 3, 4])
  })

  it('retries a send whose answer was lost with the same idempotency key, and says so when it never arrives', async () => {
    let calls = 0
    const server = fakeServer((path, init) => {
      if (init.method !== 'POST' || !path.includes('/chat')) return { status: 200, body: { ok: true } }
      calls++
      return calls < 3 ? 'network' : { status: 201, body: { message: message(5, 'visitor') } }
    })
    const client = new ChatClient({ side: 'visitor', fetch: server.fetcher, ensureSession: async () => true })
    const sent = await client.sendToBooth('binhu-xiaohe-robotics', { text: 'hello' })
    expect(sent.ok).toBe(true)
    const keys = server.requests.filter((r) => r.init.method === 'POST').map((r) => (r.init.headers as Record<string, string>)['Idempotency-Key'])
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(1)

    const down = new ChatClient({ side: 'visitor', fetch: fakeServer(() => 'network').fetcher, ensureSession: async () => true })
    expect(await down.sendToBooth('binhu-xiaohe-robotics', { text: 'hello' })).toEqual({ ok: false, failure: { code: 'network' } })
  }, 10_000)

  it('tells a refused send apart: too fast (with when to retry), blocked, or not valid', async () => {
    const answers: Record<string, { status: number; body: unknown }> = {
      rate: { status: 429, body: { code: 'chat-rate-limited' } },
      blocked: { status: 403, body: { code: 'chat-blocked' } },
      invalid: { status: 400, body: { code: 'invalid-body' } },
    }
    for (const [name, answer] of Object.entries(answers)) {
      const server = fakeServer((_path, init) => (init.method === 'POST' ? answer : { status: 200, body: { exhibitorId: 'x', staffOnline: false, conversation: null } }))
      const client = new ChatClient({ side: 'visitor', fetch: server.fetcher, ensureSession: async () => true })
      const result = await client.sendToBooth('binhu-xiaohe-robotics', { text: 'x' })
      expect(result.ok, name).toBe(false)
      if (!result.ok) expect(result.failure.code).toBe(name === 'rate' ? 'rate-limited' : name)
    }
  })
})
