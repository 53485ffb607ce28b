/**
 * Chat over the live WebSocket: each process LISTENs for chat notices and tells its own sockets (a visitor's, the
 * exhibitor's staff, organisers) that a conversation changed; the client then fetches what is new after its last
 * message, which is also how it resumes after a reconnection. The hub also keeps "staff online": an exhibitor's
 * staff with the console open hold rows in `staff_presence` (per process, refreshed while it lives), so every
 * process answers the same, and a crashed process's rows stop counting after STAFF_ONLINE_TTL_MS.
 */
import { randomBytes } from 'node:crypto'
import { STAFF_ONLINE_TTL_MS } from '../../src/live/chat'
import type { ServerMessage } from '../../src/live/protocol'
import type { Database } from '../db/database'
import { CHAT_CHANNEL, publish, type ChatNotice } from './service'

/** Who is behind a live socket, read from the session cookies of its upgrade request. */
export interface LiveIdentity {
  visitorId?: string
  staff?: { role: 'exhibitor' | 'organiser'; exhibitorId: string | null }
}

export interface HubSocket {
  send(data: string): void
}

/** Often enough that a live process's rows never look stale (TTL 45 s), rarely enough to cost nothing. */
const REFRESH_MS = 15_000

export class ChatHub {
  readonly process = randomBytes(6).toString('base64url')
  private readonly visitors = new Map<string, Set<HubSocket>>()
  private readonly staff = new Map<string, Set<HubSocket>>()
  private readonly organisers = new Set<HubSocket>()
  private readonly everyone = new Set<HubSocket>()
  private stopListening?: () => Promise<void>
  private refresher?: NodeJS.Timeout
  /** Presence writes run one after another, so a quick leave and come back cannot land out of order. */
  private writes: Promise<void> = Promise.resolve()

  constructor(private readonly options: { db: Database; log?: { warn(object: object, message: string): void } }) {}

  async start(): Promise<void> {
    this.stopListening = await this.options.db.listen(CHAT_CHANNEL, (payload) => {
      let notice: ChatNotice
      try {
        notice = JSON.parse(payload) as ChatNotice
      } catch {
        return
      }
      this.dispatch(notice).catch((error: unknown) => this.options.log?.warn({ err: error }, 'telling sockets of a chat change failed'))
    })
    this.refresher = setInterval(() => this.queue(() => this.refresh()), REFRESH_MS)
    this.refresher.unref()
  }

  async stop(): Promise<void> {
    clearInterval(this.refresher)
    const exhibitors = [...this.staff.keys()]
    this.staff.clear()
    this.visitors.clear()
    this.organisers.clear()
    this.everyone.clear()
    // a clean stop says goodbye at once; a crash is covered by the rows going stale
    this.queue(async () => {
      await this.options.db.transaction(async (tx) => {
        await tx.query('delete from staff_presence where process = $1', [this.process])
        await publish(tx, exhibitors.map((exhibitorId) => ({ kind: 'staff', exhibitorId })))
      })
    })
    await this.writes
    await this.stopListening?.()
  }

  /** Registers a socket under its identity; returns what to call when it closes. */
  attach(socket: HubSocket, identity: LiveIdentity): () => void {
    this.everyone.add(socket)
    if (identity.visitorId) add(this.visitors, identity.visitorId, socket)
    const exhibitorId = identity.staff?.role === 'exhibitor' ? identity.staff.exhibitorId : null
    if (identity.staff?.role === 'organiser') this.organisers.add(socket)
    if (exhibitorId) {
      const first = add(this.staff, exhibitorId, socket)
      this.queue(() => this.writePresence(exhibitorId, first))
    }
    let attached = true
    return () => {
      if (!attached) return
      attached = false
      this.everyone.delete(socket)
      if (identity.visitorId) remove(this.visitors, identity.visitorId, socket)
      this.organisers.delete(socket)
      if (exhibitorId) {
        const last = remove(this.staff, exhibitorId, socket)
        this.queue(() => this.writePresence(exhibitorId, last))
      }
    }
  }

  private queue(write: () => Promise<void>) {
    this.writes = this.writes.then(write).catch((error: unknown) => this.options.log?.warn({ err: error }, 'recording staff presence failed; the next refresh tries again'))
  }

  /** This process's count of an exhibitor's staff sockets; the others hear of it when someone came or the last one left. */
  private async writePresence(exhibitorId: string, changed: boolean): Promise<void> {
    const sockets = this.staff.get(exhibitorId)?.size ?? 0
    await this.options.db.transaction(async (tx) => {
      if (sockets > 0) {
        await tx.query(
          `insert into staff_presence (process, exhibitor_id, sockets, seen_at) values ($1, $2, $3, now())
           on conflict (process, exhibitor_id) do update set sockets = excluded.sockets, seen_at = now()`,
          [this.process, exhibitorId, sockets],
        )
      } else {
        await tx.query('delete from staff_presence where process = $1 and exhibitor_id = $2', [this.process, exhibitorId])
      }
      if (changed) await publish(tx, [{ kind: 'staff', exhibitorId }])
    })
  }

  /** Keeps this process's rows fresh and retires those of processes that stopped refreshing (crashed, cut off). */
  private async refresh(): Promise<void> {
    await this.options.db.transaction(async (tx) => {
      await tx.query('update staff_presence set seen_at = now() where process = $1', [this.process])
      const { rows } = await tx.query<{ exhibitor_id: string }>(
        `delete from staff_presence where seen_at < now() - $1 * interval '1 millisecond' returning exhibitor_id`,
        [STAFF_ONLINE_TTL_MS],
      )
      await publish(tx, [...new Set(rows.map((row) => row.exhibitor_id))].map((exhibitorId) => ({ kind: 'staff', exhibitorId })))
    })
  }

  private async dispatch(notice: ChatNotice): Promise<void> {
    if (notice.kind === 'staff') {
      const { rows } = await this.options.db.query<{ online: boolean }>(
        `select exists (select 1 from staff_presence where exhibitor_id = $1 and seen_at > now() - $2 * interval '1 millisecond') as online`,
        [notice.exhibitorId, STAFF_ONLINE_TTL_MS],
      )
      this.tell(this.everyone, { type: 'staff', exhibitorId: notice.exhibitorId, online: rows[0]?.online ?? false })
      return
    }
    if (notice.kind === 'report') {
      this.tell(this.organisers, { type: 'reports' })
      return
    }
    if (!notice.conversationId) return
    const message: ServerMessage = { type: 'chat', conversationId: notice.conversationId, exhibitorId: notice.exhibitorId, change: notice.kind }
    this.tell(this.staff.get(notice.exhibitorId), message)
    if (notice.visitorId) this.tell(this.visitors.get(notice.visitorId), message)
    if (notice.kind === 'hidden') this.tell(this.organisers, { type: 'reports' })
  }

  private tell(sockets: Iterable<HubSocket> | undefined, message: ServerMessage): void {
    if (!sockets) return
    const text = JSON.stringify(message)
    for (const socket of sockets) {
      try {
        socket.send(text)
      } catch {
        // a closing socket; its close handler detaches it
      }
    }
  }
}

function add(map: Map<string, Set<HubSocket>>, key: string, socket: HubSocket): boolean {
  let set = map.get(key)
  if (!set) map.set(key, (set = new Set()))
  set.add(socket)
  return set.size === 1
}

function remove(map: Map<string, Set<HubSocket>>, key: string, socket: HubSocket): boolean {
  const set = map.get(key)
  if (!set) return false
  set.delete(socket)
  if (set.size > 0) return false
  map.delete(key)
  return true
}
