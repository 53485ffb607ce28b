/**
 * One visitor's presence connection (GET /api/live) as the app opens it: a `ws` socket with this site's Origin. Its
 * avatar frames are applied to a view as the app's connection does, and each is recorded as an `avatars` message
 * holding the whole view after it.
 */
import WebSocket from 'ws'
import { FRAME_FULL, avatarsOf, emptyAvatarView, readAvatarFrame } from '../../src/live/avatarFrame'
import type { AvatarState, ClientMessage, ServerMessage } from '../../src/live/protocol'

/** An avatars frame as received: the view after it, whether it started from nothing, its size, and whether it read. */
export interface AvatarsSeen {
  type: 'avatars'
  avatars: AvatarState[]
  full: boolean
  bytes: number
  unreadable: boolean
}
export type LiveMessage = ServerMessage | AvatarsSeen
type Of<T extends LiveMessage['type']> = Extract<LiveMessage, { type: T }>

export class LiveClient {
  readonly messages: LiveMessage[] = []
  id = ''
  readonly view = emptyAvatarView()
  private waiters: (() => void)[] = []

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => {
      const bytes = data as Buffer
      if (isBinary) {
        const touched = readAvatarFrame(this.view, bytes)
        this.messages.push({ type: 'avatars', avatars: avatarsOf(this.view), full: bytes[0] === FRAME_FULL, bytes: bytes.length, unreadable: touched === null })
      } else this.messages.push(JSON.parse(String(data)) as ServerMessage)
      for (const wake of this.waiters.splice(0)) wake()
    })
    socket.on('close', () => {
      for (const wake of this.waiters.splice(0)) wake()
    })
  }

  /** Opens and waits for the welcome. `autoPong: false` plays a client whose network vanished without a close. */
  static async open(baseUrl: string, options: { origin?: string | null; autoPong?: boolean; cookie?: string } = {}): Promise<LiveClient> {
    const origin = options.origin === undefined ? baseUrl : options.origin
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/live`, {
      headers: { ...(origin === null ? {} : { origin }), ...(options.cookie ? { cookie: options.cookie } : {}) },
      autoPong: options.autoPong ?? true,
    })
    const client = new LiveClient(socket)
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', reject)
    })
    client.id = (await client.next('welcome')).id
    return client
  }

  /** The answer to an upgrade the server refused: its HTTP status, or 101 when it was accepted. */
  static async upgradeStatus(baseUrl: string, headers: Record<string, string>): Promise<number> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/live`, { headers })
    return new Promise((resolve) => {
      socket.once('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0)
        socket.terminate()
      })
      socket.once('open', () => {
        resolve(101)
        socket.close()
      })
      socket.once('error', () => undefined)
    })
  }

  send(message: ClientMessage | Record<string, unknown>): void {
    this.socket.send(JSON.stringify(message))
  }

  sendRaw(data: string | Buffer): void {
    this.socket.send(data)
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN
  }

  latest<T extends LiveMessage['type']>(type: T): Of<T> | undefined {
    return this.messages.findLast((m): m is Of<T> => m.type === type)
  }

  /** Waits for a message of this type that satisfies the test, counting those already received after `since`. */
  async next<T extends LiveMessage['type']>(type: T, test: (message: Of<T>) => boolean = () => true, timeoutMs = 5_000, since = 0): Promise<Of<T>> {
    const deadline = Date.now() + timeoutMs
    for (let seen = since; ; ) {
      for (; seen < this.messages.length; seen++) {
        const message = this.messages[seen]
        if (message.type === type && test(message as Of<T>)) return message as Of<T>
      }
      const left = deadline - Date.now()
      if (left <= 0 || this.socket.readyState === WebSocket.CLOSED) {
        throw new Error(`no ${type} message as expected within ${timeoutMs} ms; last: ${JSON.stringify(this.latest(type))}`)
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  /** Waits for counts that satisfy the test (the latest one already received counts too). */
  counts(test: (counts: Of<'counts'>) => boolean, timeoutMs = 5_000): Promise<Of<'counts'>> {
    const last = this.messages.findLastIndex((m) => m.type === 'counts')
    return this.next('counts', test, timeoutMs, Math.max(0, last))
  }

  avatars(test: (avatars: Of<'avatars'>) => boolean, timeoutMs = 5_000): Promise<Of<'avatars'>> {
    const last = this.messages.findLastIndex((m) => m.type === 'avatars')
    return this.next('avatars', test, timeoutMs, Math.max(0, last))
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return
    await new Promise<void>((resolve) => {
      this.socket.once('close', () => resolve())
      this.socket.close()
    })
  }
}
