/**
 * One side of the booth chat in the browser (a visitor in the hall, or staff in the console): conversations and
 * their messages in a small store of its own, kept current by the live socket's `chat`/`staff`/`reports` notices
 * and by fetching "after" the last message held, which is also how it resumes after a reconnection. A send goes
 * out with one idempotency key and is retried with the same key while its answer is lost.
 */
import { createStore, type StoreApi } from 'zustand/vanilla'
import { IDEMPOTENCY_HEADER } from '../booking/api'
import { mergeMessages, type BoothChat, type ChatMessage, type ConversationSummary, type ReportedMessage, type StaffMessageBody, type VisitorMessageBody } from '../live/chat'
import type { ServerMessage } from '../live/protocol'

export interface Thread {
  exhibitorId: string
  messages: ChatMessage[]
  readUpTo: number
  blocked: boolean
}

export interface ChatState {
  threads: Record<string, Thread>
  /** Visitors: per booth, whether staff are online and the conversation with it (null before the first message). */
  booths: Record<string, { staffOnline: boolean; conversationId: string | null }>
  conversations: ConversationSummary[] | null
  /** Organisers: reported messages waiting for a decision. */
  reports: ReportedMessage[] | null
  /** The live socket is up: new messages arrive by themselves. */
  connected: boolean
}

export type SendFailure = { code: 'rate-limited'; retryAfterSeconds: number } | { code: 'blocked' } | { code: 'network' } | { code: 'invalid'; detail: string }
export type SendResult = { ok: true; message: ChatMessage } | { ok: false; failure: SendFailure }

type Answer = { ok: true; body: any } | { ok: false; status: number; code: string; retryAfter: number }

const REQUEST_TIMEOUT_MS = 15_000
/** A send whose answer was lost is tried again after these pauses, with the same key. */
const RETRY_DELAYS_MS = [500, 2_000]

export interface ChatClientOptions {
  side: 'visitor' | 'staff'
  fetch?: typeof fetch
  /** Visitors: a session must exist before the first message (the booking backend makes one). */
  ensureSession?: () => Promise<boolean>
  /** The live socket knows its visitor from the cookie it was opened with: after a first session it must reopen. */
  identityChanged?: () => void
}

export class ChatClient {
  readonly store: StoreApi<ChatState> = createStore<ChatState>(() => ({ threads: {}, booths: {}, conversations: null, reports: null, connected: false }))
  private readonly fetcher: typeof fetch
  private listTimer: ReturnType<typeof setTimeout> | null = null
  private readonly fetching = new Map<string, Promise<void>>()

  constructor(private readonly options: ChatClientOptions) {
    this.fetcher = options.fetch ?? ((...args) => globalThis.fetch(...args))
  }

  private get base() {
    return this.options.side === 'visitor' ? '/api/chat' : '/api/console/chat'
  }

  // — what the live socket says —

  /** A notice from the live socket. */
  live(message: ServerMessage): void {
    if (message.type === 'staff') {
      const booth = this.store.getState().booths[message.exhibitorId]
      if (booth) this.patchBooth(message.exhibitorId, { staffOnline: message.online })
    } else if (message.type === 'chat') {
      const { threads, booths } = this.store.getState()
      // a hidden message changes in place (its words go, its number stays): only a full read shows which
      if (threads[message.conversationId]) void this.refreshThread(message.conversationId, undefined, message.change === 'hidden')
      else if (booths[message.exhibitorId]?.conversationId === null) void this.loadBooth(message.exhibitorId)
      this.refreshListSoon()
    } else if (message.type === 'reports') {
      void this.loadReports()
    }
  }

  /** The socket is (back) up: everything held is fetched again after its last message, so nothing missed stays missing. */
  connected(up: boolean): void {
    this.store.setState({ connected: up })
    if (!up) return
    const { threads, booths, conversations, reports } = this.store.getState()
    for (const id of Object.keys(threads)) void this.refreshThread(id)
    for (const exhibitorId of Object.keys(booths)) void this.loadBooth(exhibitorId)
    if (conversations) void this.loadConversations()
    if (reports) void this.loadReports()
  }

  // — reading —

  async loadBooth(exhibitorId: string): Promise<void> {
    const answer = await this.call('GET', `/api/exhibitors/${encodeURIComponent(exhibitorId)}/chat`)
    if (!answer.ok) return
    const booth = answer.body as BoothChat
    this.patchBooth(exhibitorId, { staffOnline: booth.staffOnline, conversationId: booth.conversation?.id ?? null })
    if (booth.conversation) this.putThread(booth.conversation.id, { exhibitorId, messages: booth.conversation.messages, readUpTo: booth.conversation.readUpTo, blocked: booth.conversation.blocked })
  }

  async loadConversations(): Promise<void> {
    const answer = await this.call('GET', this.options.side === 'visitor' ? '/api/me/conversations' : '/api/console/conversations')
    if (answer.ok) this.store.setState({ conversations: answer.body.conversations as ConversationSummary[] })
  }

  async loadReports(): Promise<void> {
    const answer = await this.call('GET', '/api/console/chat-reports')
    if (answer.ok) this.store.setState({ reports: answer.body.reports as ReportedMessage[] })
  }

  /** Fetches what is new in a conversation (all of it the first time, or `fromStart`); one fetch per conversation at a time. */
  refreshThread(conversationId: string, exhibitorId?: string, fromStart = false): Promise<void> {
    const running = this.fetching.get(conversationId)
    if (running) return running.then(() => this.refreshThread(conversationId, exhibitorId, fromStart))
    const work = (async () => {
      const held = this.store.getState().threads[conversationId]
      const after = fromStart ? 0 : (held?.messages.at(-1)?.seq ?? 0)
      const answer = await this.call('GET', `${this.base}/${conversationId}/messages?after=${after}`)
      if (!answer.ok) return
      const current = this.store.getState().threads[conversationId]
      this.putThread(conversationId, {
        exhibitorId: current?.exhibitorId ?? exhibitorId ?? '',
        messages: mergeMessages(current?.messages ?? [], answer.body.messages as ChatMessage[]),
        readUpTo: answer.body.readUpTo,
        blocked: answer.body.blocked,
      })
    })().finally(() => this.fetching.delete(conversationId))
    this.fetching.set(conversationId, work)
    return work
  }

  // — writing —

  /** A visitor writes to a booth (a lead when left for staff who are not online). */
  async sendToBooth(exhibitorId: string, body: VisitorMessageBody): Promise<SendResult> {
    if (this.options.ensureSession && !(await this.options.ensureSession())) return { ok: false, failure: { code: 'network' } }
    const hadConversation = Boolean(this.store.getState().booths[exhibitorId]?.conversationId)
    const result = await this.send(`/api/exhibitors/${encodeURIComponent(exhibitorId)}/chat`, body)
    if (result.ok) {
      this.patchBooth(exhibitorId, { conversationId: result.message.conversationId, staffOnline: this.store.getState().booths[exhibitorId]?.staffOnline ?? false })
      this.addMessage(result.message, exhibitorId)
      if (!hadConversation) this.options.identityChanged?.()
      this.refreshListSoon()
    } else if (result.failure.code === 'blocked') {
      void this.loadBooth(exhibitorId)
    }
    return result
  }

  /** Staff answer in a conversation, or propose a time. */
  async sendToConversation(conversationId: string, body: StaffMessageBody): Promise<SendResult> {
    const result = await this.send(`${this.base}/${conversationId}/messages`, body)
    if (result.ok) {
      this.addMessage(result.message)
      this.refreshListSoon()
    }
    return result
  }

  /** Marks the conversation read up to its last message from the other side. */
  async markRead(conversationId: string): Promise<void> {
    const thread = this.store.getState().threads[conversationId]
    const last = thread?.messages.at(-1)?.seq ?? 0
    if (!thread || last <= thread.readUpTo) return
    this.putThread(conversationId, { ...thread, readUpTo: last })
    this.store.setState((state) => ({ conversations: state.conversations?.map((c) => (c.id === conversationId ? { ...c, unread: 0 } : c)) ?? null }))
    await this.call('POST', `${this.base}/${conversationId}/read`, { upTo: last })
  }

  async report(conversationId: string, seq: number, reason = ''): Promise<boolean> {
    return (await this.call('POST', `${this.base}/${conversationId}/messages/${seq}/report`, reason ? { reason } : {})).ok
  }

  async setBlocked(conversationId: string, blocked: boolean): Promise<boolean> {
    const answer = await this.call('POST', `${this.base}/${conversationId}/block`, { blocked })
    if (answer.ok) {
      await this.refreshThread(conversationId)
      this.refreshListSoon()
    }
    return answer.ok
  }

  async setHidden(conversationId: string, seq: number, hidden: boolean): Promise<boolean> {
    const answer = await this.call('POST', `${this.base}/${conversationId}/messages/${seq}/hide`, { hidden })
    if (answer.ok) await this.loadReports()
    return answer.ok
  }

  dispose(): void {
    if (this.listTimer) clearTimeout(this.listTimer)
  }

  // — internals —

  private async send(path: string, body: unknown): Promise<SendResult> {
    const key = newKey()
    let answer = await this.call('POST', path, body, key)
    for (const delay of RETRY_DELAYS_MS) {
      if (answer.ok || (answer.status !== 0 && answer.status < 500)) break
      await new Promise((resolve) => setTimeout(resolve, delay))
      answer = await this.call('POST', path, body, key)
    }
    if (answer.ok) return { ok: true, message: answer.body.message as ChatMessage }
    if (answer.status === 429) return { ok: false, failure: { code: 'rate-limited', retryAfterSeconds: answer.retryAfter } }
    if (answer.code === 'chat-blocked') return { ok: false, failure: { code: 'blocked' } }
    if (answer.status === 0 || answer.status >= 500) return { ok: false, failure: { code: 'network' } }
    return { ok: false, failure: { code: 'invalid', detail: answer.code } }
  }

  private addMessage(message: ChatMessage, exhibitorId?: string) {
    const thread = this.store.getState().threads[message.conversationId]
    this.putThread(message.conversationId, {
      exhibitorId: thread?.exhibitorId ?? exhibitorId ?? '',
      messages: mergeMessages(thread?.messages ?? [], [message]),
      // one's own message is read
      readUpTo: Math.max(thread?.readUpTo ?? 0, message.seq),
      blocked: thread?.blocked ?? false,
    })
  }

  private putThread(id: string, thread: Thread) {
    this.store.setState((state) => ({ threads: { ...state.threads, [id]: thread } }))
  }

  private patchBooth(exhibitorId: string, patch: Partial<ChatState['booths'][string]>) {
    this.store.setState((state) => {
      const before = state.booths[exhibitorId] ?? { staffOnline: false, conversationId: null }
      return { booths: { ...state.booths, [exhibitorId]: { ...before, ...patch } } }
    })
  }

  private refreshListSoon() {
    if (this.store.getState().conversations === null) return
    if (this.listTimer) clearTimeout(this.listTimer)
    this.listTimer = setTimeout(() => {
      this.listTimer = null
      void this.loadConversations()
    }, 150)
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown, key?: string): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (method === 'POST') headers[IDEMPOTENCY_HEADER] = key ?? newKey()
    try {
      const response = await this.fetcher(path, {
        method,
        headers,
        body: body === undefined ? (method === 'POST' ? '{}' : undefined) : JSON.stringify(body),
        credentials: 'same-origin',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
      const parsed = await response.json().catch(() => null)
      if (response.ok && parsed !== null) return { ok: true, body: parsed }
      return { ok: false, status: response.status, code: typeof parsed?.code === 'string' ? parsed.code : String(response.status), retryAfter: Number(response.headers.get('retry-after')) || 60 }
    } catch {
      return { ok: false, status: 0, code: 'network', retryAfter: 0 }
    }
  }
}

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`
}
