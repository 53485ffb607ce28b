/**
 * Who is here: the visitors connected to this process (and, through the bus, to the others), their zone counts and
 * the avatars each one is told about. Presence must never slow bookings, so every frame is optional: a client
 * whose socket is backed up misses avatar frames (the next one carries what it missed: frames are deltas from
 * what it was last sent), fan-out runs in bounded batches that yield to other work, and a round still running
 * when the next one is due skips it.
 */
import { randomBytes } from 'node:crypto'
import { ZONE_IDS, type ZoneId } from '../../src/content/schema'
import {
  COUNTS_INTERVAL_MS,
  CROWDED_AT,
  GONE_AFTER_MS,
  HEARTBEAT_MS,
  IDLE_AFTER_MS,
  MAX_AVATARS,
  clientMessageSchema,
  type ServerMessage,
  type ZoneCounts,
} from '../../src/live/protocol'
import { emptyAvatarView, quantiseAvatar, writeQuantisedFrame, writeUpdateFrame, type AvatarSlot, type AvatarView } from '../../src/live/avatarFrame'
import type { ZoneArea } from '../../src/plan/types'
import type { PresenceBus, PresenceNotice, SharedVisitor } from './presenceBus'

export interface PresenceTimings {
  /** How often zone counts may go out (only when they changed). */
  countsMs: number
  /** How often avatars may go out to one client (only when something near it changed). */
  avatarsMs: number
  /** How often each client's nearest MAX_AVATARS are chosen again (between, only its current ones' moves go out). */
  reselectMs: number
  /**
   * WebSocket ping and app-level beat interval: a connection silent for `goneAfterMs` (no pong, no message) is
   * dropped here, and the app takes one that brought no beat for 2.5 intervals for dead.
   */
  heartbeatMs: number
  goneAfterMs: number
  idleAfterMs: number
  /** How often this process tells the others its visitors (only when they changed, or to stay alive). */
  publishMs: number
}

export const DEFAULT_PRESENCE_TIMINGS: PresenceTimings = {
  countsMs: COUNTS_INTERVAL_MS,
  // a pose waits at most one round before it goes out: 100 ms keeps the fan-out's p99 under 150 ms, and a round
  // with nothing new near a client sends it nothing
  avatarsMs: 100,
  reselectMs: 1_000,
  heartbeatMs: HEARTBEAT_MS,
  goneAfterMs: GONE_AFTER_MS,
  idleAfterMs: IDLE_AFTER_MS,
  publishMs: 250,
}

/** A message larger than this is refused unread (the largest valid one is about 150 bytes). */
export const MESSAGE_MAX_BYTES = 1_024
/** Messages one connection may send per second; a pose goes out at most 5 times a second. */
export const MESSAGES_PER_SECOND = 20
/** Zones whose rectangles are within this many metres of each other are neighbours (the boulevard is 8 m wide). */
const NEIGHBOUR_GAP_M = 8
/** Above this a client is not keeping up: its avatar frames are skipped until its socket drains. */
const AVATARS_BACKLOG_BYTES = 64 * 1024
/** Above this a client has stopped reading: it is dropped rather than held in memory. */
const DROP_BACKLOG_BYTES = 1024 * 1024
/** Clients handled before the fan-out yields to bookings and other I/O. */
const FANOUT_BATCH = 200
const BEAT = JSON.stringify({ type: 'beat' } satisfies ServerMessage)

/** What the world needs of a socket (ws's WebSocket has it; tests may fake it). */
export interface PresenceSocket {
  readonly bufferedAmount: number
  /** Text for JSON messages, bytes for avatar frames (sent as a binary message). */
  send(data: string | Uint8Array): void
  ping(): void
  terminate(): void
}

interface Visitor {
  id: string
  socket: PresenceSocket
  /** Said hello: counted and shown (unless invisible). */
  present: boolean
  zoneId: ZoneId
  x: number
  z: number
  yaw: number
  name: string | null
  invisible: boolean
  /** Its tab is in the background: counted, but sent no avatars until it comes back. */
  hidden: boolean
  /** Last pose or status: idle after `idleAfterMs` without one. */
  lastActive: number
  /** Last message or pong: gone after `goneAfterMs` without one. */
  lastSeen: number
  windowStart: number
  windowMessages: number
  sentCounts: string
  /** The avatars this client was last sent, slot by slot: the next frame says only what differs. */
  view: AvatarView
  /** Its next frame starts from nothing: after hello, or when its tab comes back from the background. */
  needsFull: boolean
  /** Spreads the clients' reselection rounds evenly. */
  seq: number
  /** The zone it was in when its nearest were last chosen. */
  selectedZone: ZoneId | null
  /** Idle as others were last told. */
  idle: boolean
  /** Has sent a pose: until then it stands where the app puts a visitor arriving in its zone. */
  posed: boolean
}

interface RemotePart {
  visitors: SharedVisitor[]
  expires: number
}

export interface PresenceWorldOptions {
  zones: ZoneArea[]
  bus: PresenceBus
  now?: () => number
  timings?: Partial<PresenceTimings>
  log?: { warn(object: object, message: string): void }
}

export class PresenceWorld {
  private readonly timings: PresenceTimings
  private readonly now: () => number
  private readonly visitors = new Map<string, Visitor>()
  /** Other processes' visitors: process → part → its visitors, until they stop publishing. */
  private readonly remote = new Map<string, Map<number, RemotePart>>()
  private readonly neighbours: Map<ZoneId, Set<ZoneId>>
  private readonly arrivals: Map<ZoneId, { x: number; z: number }>
  /** Zones where something changed since the last avatars round. */
  private dirtyZones = new Set<ZoneId>()
  /** Each zone with its neighbours, as a list and a set. */
  private readonly around: Map<ZoneId, { list: ZoneId[]; set: Set<ZoneId> }>
  private round = 0
  private connections = 0
  private timers: NodeJS.Timeout[] = []
  private fanningOut = false
  /** A round came due while one was running: the next starts as soon as that one ends, not a whole period later. */
  private roundOverdue = false
  private publishing = false
  private published = ''
  private publishedAt = 0

  constructor(private readonly options: PresenceWorldOptions) {
    this.timings = { ...DEFAULT_PRESENCE_TIMINGS, ...options.timings }
    this.now = options.now ?? Date.now
    this.neighbours = zoneNeighbours(options.zones)
    this.around = new Map(options.zones.map((zone) => {
      const list = [zone.zoneId, ...(this.neighbours.get(zone.zoneId) ?? [])]
      return [zone.zoneId, { list, set: new Set(list) }]
    }))
    this.arrivals = new Map(options.zones.map((zone) => [zone.zoneId, { x: zone.arrival.x, z: zone.arrival.z }]))
  }

  get size(): number {
    return this.visitors.size
  }

  async start(): Promise<void> {
    await this.options.bus.start((notice) => this.hear(notice))
    const every = (ms: number, run: () => void) => {
      const timer = setInterval(() => {
        try {
          run()
        } catch (error) {
          this.options.log?.warn({ err: error }, 'a presence round failed; the next one tries again')
        }
      }, ms)
      timer.unref()
      this.timers.push(timer)
    }
    every(this.timings.avatarsMs, () => {
      this.fanOut().catch((error: unknown) => this.options.log?.warn({ err: error }, 'an avatars round failed; the next one tries again'))
    })
    every(this.timings.countsMs, () => this.sendCounts())
    every(this.timings.heartbeatMs, () => this.heartbeat())
    every(this.timings.publishMs, () => void this.publish())
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer)
    this.timers = []
    for (const visitor of this.visitors.values()) visitor.socket.terminate()
    this.visitors.clear()
    await this.options.bus.stop()
  }

  /** A new connection: a fresh random id, not counted until it says hello. */
  connect(socket: PresenceSocket): string {
    const id = randomBytes(9).toString('base64url')
    const now = this.now()
    this.visitors.set(id, {
      id,
      socket,
      present: false,
      zoneId: 'lobby',
      x: 0,
      z: 0,
      yaw: 0,
      name: null,
      invisible: true,
      hidden: false,
      lastActive: now,
      lastSeen: now,
      windowStart: now,
      windowMessages: 0,
      sentCounts: '',
      view: emptyAvatarView(),
      needsFull: true,
      seq: this.connections++,
      selectedZone: null,
      idle: false,
      posed: false,
    })
    this.send(socket, { type: 'welcome', id })
    return id
  }

  disconnect(id: string): void {
    const visitor = this.visitors.get(id)
    if (!visitor) return
    this.visitors.delete(id)
    if (visitor.present) this.dirtyZones.add(visitor.zoneId)
  }

  /** A pong: the connection is alive. */
  alive(id: string): void {
    const visitor = this.visitors.get(id)
    if (visitor) visitor.lastSeen = this.now()
  }

  /** One message from a client: refused whole, or applied whole. Never throws. */
  receive(id: string, data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    const visitor = this.visitors.get(id)
    if (!visitor) return
    const now = this.now()
    visitor.lastSeen = now
    if (now - visitor.windowStart >= 1_000) {
      visitor.windowStart = now
      visitor.windowMessages = 0
    }
    visitor.windowMessages++
    if (visitor.windowMessages > MESSAGES_PER_SECOND) {
      // one refusal per second is enough: a flood is not answered message by message
      if (visitor.windowMessages === MESSAGES_PER_SECOND + 1) this.send(visitor.socket, { type: 'refused', code: 'rate-limited' })
      return
    }
    const size = Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.byteLength
    if (isBinary || size > MESSAGE_MAX_BYTES) return this.send(visitor.socket, { type: 'refused', code: 'bad-message' })
    let parsed: unknown
    try {
      parsed = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'))
    } catch {
      return this.send(visitor.socket, { type: 'refused', code: 'bad-message' })
    }
    const result = clientMessageSchema.safeParse(parsed)
    if (!result.success) return this.send(visitor.socket, { type: 'refused', code: 'bad-message' })
    const message = result.data
    const before = visitor.zoneId
    switch (message.type) {
      case 'hello':
        visitor.present = true
        visitor.name = message.name
        visitor.invisible = message.invisible
        visitor.zoneId = message.zoneId
        if (!visitor.posed) Object.assign(visitor, this.arrivals.get(message.zoneId))
        visitor.lastActive = now
        visitor.sentCounts = ''
        visitor.needsFull = true
        break
      case 'pose':
        Object.assign(visitor, { zoneId: message.zoneId, x: message.x, z: message.z, yaw: message.yaw, lastActive: now, posed: true })
        break
      case 'status':
        if (message.name !== undefined) visitor.name = message.name
        if (message.invisible !== undefined) visitor.invisible = message.invisible
        visitor.lastActive = now
        break
      case 'hidden':
        visitor.hidden = message.hidden
        // back in front: it gets a full frame, whatever it missed
        if (!message.hidden) visitor.needsFull = true
        break
    }
    if (visitor.present) this.dirtyZones.add(before).add(visitor.zoneId)
  }

  /** Visitors per zone, online and crowded zones: local and remote, visible ones only. */
  counts(): Extract<ServerMessage, { type: 'counts' }> {
    const zones: ZoneCounts = {}
    let online = 0
    for (const visitor of this.everyone()) {
      zones[visitor.zoneId] = (zones[visitor.zoneId] ?? 0) + 1
      online++
    }
    const crowded = (Object.keys(zones) as ZoneId[]).filter((zone) => zones[zone]! >= CROWDED_AT).sort()
    return { type: 'counts', zones, online, crowded }
  }

  /** The neighbours of a zone by the floor plan (itself excluded). */
  neighboursOf(zoneId: ZoneId): ZoneId[] {
    return [...(this.neighbours.get(zoneId) ?? [])]
  }

  private *everyone(): Iterable<SharedVisitor> {
    const seen = new Set<string>()
    const now = this.now()
    for (const visitor of this.visitors.values()) {
      if (!visitor.present || visitor.invisible) continue
      seen.add(visitor.id)
      yield this.shared(visitor, now)
    }
    for (const [process, parts] of this.remote) {
      for (const [part, { visitors, expires }] of parts) {
        if (expires <= now) {
          parts.delete(part)
          continue
        }
        for (const visitor of visitors) {
          // a visitor may sit in two parts for a moment while a new round replaces the old
          if (seen.has(visitor.id)) continue
          seen.add(visitor.id)
          yield visitor
        }
      }
      if (parts.size === 0) this.remote.delete(process)
    }
  }

  private shared(visitor: Visitor, now: number): SharedVisitor {
    const { id, zoneId, x, z, yaw, name } = visitor
    return { id, zoneId, x, z, yaw, name, idle: now - visitor.lastActive >= this.timings.idleAfterMs }
  }

  private hear(notice: PresenceNotice): void {
    let parts = this.remote.get(notice.process)
    if (!parts) this.remote.set(notice.process, (parts = new Map()))
    const expires = this.now() + this.timings.goneAfterMs
    for (const part of parts.keys()) if (part >= notice.parts) parts.delete(part)
    const previous = parts.get(notice.part)
    parts.set(notice.part, { visitors: notice.visitors, expires })
    for (const visitor of previous?.visitors ?? []) this.dirtyZones.add(visitor.zoneId)
    for (const visitor of notice.visitors) this.dirtyZones.add(visitor.zoneId)
    // the others' parts of this round are as fresh as this one
    for (const other of parts.values()) other.expires = expires
  }

  private sendCounts(): void {
    const text = JSON.stringify(this.counts())
    for (const visitor of this.visitors.values()) {
      if (visitor.sentCounts === text || visitor.socket.bufferedAmount > DROP_BACKLOG_BYTES) continue
      visitor.sentCounts = text
      visitor.socket.send(text)
    }
  }

  /**
   * One avatars round: each client whose surroundings changed gets a frame of what changed near it, in batches.
   * Its nearest MAX_AVATARS are chosen again every `reselectMs` (spread over the rounds) and when it changes zone;
   * in the rounds between, only its current ones' moves and leaves go out. Each visitor is quantised once a round,
   * whatever the number of clients it goes to.
   */
  private async fanOut(): Promise<void> {
    if (this.fanningOut) {
      this.roundOverdue = true
      return
    }
    this.fanningOut = true
    try {
      const round = this.round++
      const reselectRounds = Math.max(1, Math.round(this.timings.reselectMs / this.timings.avatarsMs))
      const dirty = this.dirtyZones
      this.dirtyZones = new Set()
      const byZone = new Map<ZoneId, AvatarSlot[]>()
      const byId = new Map<string, AvatarSlot>()
      for (const visitor of this.everyone()) {
        // idle is a change too: a visitor who just went idle marks its zone
        const local = this.visitors.get(visitor.id)
        if (local && visitor.idle !== local.idle) {
          local.idle = visitor.idle
          dirty.add(visitor.zoneId)
        }
        const quantised = quantiseAvatar(visitor)
        if (!quantised) continue
        let list = byZone.get(visitor.zoneId)
        if (!list) byZone.set(visitor.zoneId, (list = []))
        list.push(quantised)
        byId.set(visitor.id, quantised)
      }
      const clients = [...this.visitors.values()]
      for (let start = 0; start < clients.length; start += FANOUT_BATCH) {
        if (start > 0) await new Promise((resolve) => setImmediate(resolve))
        for (let i = start; i < Math.min(clients.length, start + FANOUT_BATCH); i++) {
          const client = clients[i]
          if (!client.present || client.hidden || !this.visitors.has(client.id)) continue
          const around = this.around.get(client.zoneId) ?? { list: [client.zoneId], set: new Set([client.zoneId]) }
          const reselect = client.needsFull || client.selectedZone !== client.zoneId || (round + client.seq) % reselectRounds === 0
          if (!reselect && !around.list.some((zone) => dirty.has(zone))) continue
          if (client.socket.bufferedAmount > DROP_BACKLOG_BYTES) {
            this.dropSlow(client)
            continue
          }
          // shedding: a client that has not read its last frames misses this one; the next carries what it missed
          if (client.socket.bufferedAmount > AVATARS_BACKLOG_BYTES) {
            this.dirtyZones.add(client.zoneId)
            continue
          }
          let frame: Uint8Array | null
          if (reselect) {
            frame = writeQuantisedFrame(client.view, nearest(client, around.list, byZone), client.needsFull, pooledBytes)
            client.selectedZone = client.zoneId
          } else {
            frame = writeUpdateFrame(
              client.view,
              (id) => {
                const visitor = byId.get(id)
                return visitor && around.set.has(ZONE_IDS[visitor.zone]) ? visitor : null
              },
              pooledBytes,
            )
          }
          client.needsFull = false
          if (frame) client.socket.send(frame)
        }
      }
    } finally {
      this.fanningOut = false
      if (this.roundOverdue) {
        this.roundOverdue = false
        setImmediate(() => this.fanOut().catch((error: unknown) => this.options.log?.warn({ err: error }, 'an avatars round failed; the next one tries again')))
      }
    }
  }

  private dropSlow(client: Visitor): void {
    this.options.log?.warn({ presence: client.id, buffered: client.socket.bufferedAmount }, 'dropping a presence client that stopped reading')
    client.socket.terminate()
    this.disconnect(client.id)
  }

  private heartbeat(): void {
    const now = this.now()
    for (const visitor of [...this.visitors.values()]) {
      if (now - visitor.lastSeen >= this.timings.goneAfterMs) {
        visitor.socket.terminate()
        this.disconnect(visitor.id)
      } else {
        // the ping tells this server whether the client is there; the beat tells the client's page
        visitor.socket.ping()
        visitor.socket.send(BEAT)
      }
    }
  }

  /** Tells the other processes this one's visible visitors: when they changed, and often enough to stay alive. */
  private async publish(): Promise<void> {
    if (this.publishing) return
    const now = this.now()
    const mine: SharedVisitor[] = []
    for (const visitor of this.visitors.values()) if (visitor.present && !visitor.invisible) mine.push(this.shared(visitor, now))
    const text = JSON.stringify(mine)
    const keepAlive = mine.length > 0 && now - this.publishedAt >= this.timings.goneAfterMs / 3
    if (text === this.published && !keepAlive) return
    this.publishing = true
    try {
      await this.options.bus.publish(mine)
      this.published = text
      this.publishedAt = now
    } catch (error) {
      // the database is busy or away: presence waits, bookings do not
      this.options.log?.warn({ err: error }, 'publishing presence failed; trying again next round')
    } finally {
      this.publishing = false
    }
  }

  private send(socket: PresenceSocket, message: ServerMessage): void {
    socket.send(JSON.stringify(message))
  }
}

/** Frames out of Node's Buffer pool: thousands of small ones a second, each otherwise its own ArrayBuffer. */
const pooledBytes = (length: number) => Buffer.allocUnsafe(length)

// reused from client to client: nearest() runs thousands of times a second, and its answer is read at once
const kept: AvatarSlot[] = []
const far: number[] = []

/**
 * The MAX_AVATARS others nearest the client in these zones (in decimetres, as quantised; ties by id, so the choice
 * is stable). A bounded max-heap: once it is full, most candidates cost one comparison with the farthest kept.
 * The array returned is reused by the next call.
 */
function nearest(client: Visitor, zones: readonly ZoneId[], byZone: Map<ZoneId, AvatarSlot[]>): AvatarSlot[] {
  kept.length = 0
  far.length = 0
  const cx = client.x * 10
  const cz = client.z * 10
  const farther = (i: number, j: number) => far[i] > far[j] || (far[i] === far[j] && kept[i].id > kept[j].id)
  const swap = (i: number, j: number) => {
    const avatar = kept[i]
    kept[i] = kept[j]
    kept[j] = avatar
    const distance = far[i]
    far[i] = far[j]
    far[j] = distance
  }
  for (const zone of zones) {
    const candidates = byZone.get(zone)
    if (!candidates) continue
    for (const candidate of candidates) {
      if (candidate.id === client.id) continue
      const distance = (candidate.x - cx) ** 2 + (candidate.z - cz) ** 2
      if (kept.length < MAX_AVATARS) {
        kept.push(candidate)
        far.push(distance)
        for (let i = kept.length - 1; i > 0 && farther(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1)
        continue
      }
      if (distance > far[0] || (distance === far[0] && candidate.id > kept[0].id)) continue
      kept[0] = candidate
      far[0] = distance
      for (let i = 0; ; ) {
        const left = 2 * i + 1
        const right = left + 1
        let top = i
        if (left < kept.length && farther(left, top)) top = left
        if (right < kept.length && farther(right, top)) top = right
        if (top === i) break
        swap(i, top)
        i = top
      }
    }
  }
  return kept
}

/** Zones whose rectangles touch or lie within NEIGHBOUR_GAP_M of each other, computed once from the floor plan. */
export function zoneNeighbours(zones: ZoneArea[]): Map<ZoneId, Set<ZoneId>> {
  const result = new Map<ZoneId, Set<ZoneId>>(zones.map((zone) => [zone.zoneId, new Set()]))
  for (const a of zones) {
    for (const b of zones) {
      if (a === b) continue
      const dx = Math.max(0, a.rect.x - (b.rect.x + b.rect.width), b.rect.x - (a.rect.x + a.rect.width))
      const dz = Math.max(0, a.rect.z - (b.rect.z + b.rect.depth), b.rect.z - (a.rect.z + a.rect.depth))
      if (Math.hypot(dx, dz) <= NEIGHBOUR_GAP_M) result.get(a.zoneId)!.add(b.zoneId)
    }
  }
  return result
}
