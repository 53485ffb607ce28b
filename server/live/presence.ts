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
  parseClientMessage,
  type ServerMessage,
  type ZoneCounts,
} from '../../src/live/protocol'
import { AvatarTable, SentView, writeFollowFrame, writeSelectionFrame } from '../../src/live/avatarFrameWriter'
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
  // a pose waits at most one round before it goes out, so the round is most of the fan-out's latency: at 2,000
  // visitors, 80 ms rounds measured a p99 of about 100-110 ms where 100 ms rounds gave 130-140 ms, for the same
  // server CPU (a round that finds nothing new near a client sends it nothing) and bytes
  avatarsMs: 80,
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
  view: SentView
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
  /**
   * How others see it: its handle in the avatar table (-1 while absent or invisible), kept up to date as its
   * messages arrive. Updated in place, so a round that is part way through sends a pose that arrived meanwhile to
   * the clients it has yet to reach instead of waiting for the next round.
   */
  handle: number
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
  /** Everyone who can be shown, local and remote, quantised: what the frames are written from. */
  private readonly avatars = new AvatarTable()
  /** This round's candidates (handles) by zone index: lists reused from round to round. */
  private readonly byZone: number[][] = ZONE_IDS.map(() => [])
  /** Other processes' visitors in the table, by id. */
  private remoteHandles = new Map<string, number>()
  /** Each zone with its neighbours, as a list and a set. */
  private readonly around: Map<ZoneId, Around>
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
      return [zone.zoneId, aroundOf(list)]
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
    every(this.timings.countsMs, () => {
      this.sendCounts().catch((error: unknown) => this.options.log?.warn({ err: error }, 'a counts round failed; the next one tries again'))
    })
    every(this.timings.heartbeatMs, () => {
      this.heartbeat().catch((error: unknown) => this.options.log?.warn({ err: error }, 'a heartbeat round failed; the next one tries again'))
    })
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
      view: new SentView(),
      needsFull: true,
      seq: this.connections++,
      selectedZone: null,
      idle: false,
      posed: false,
      handle: -1,
    })
    this.send(socket, { type: 'welcome', id })
    return id
  }

  disconnect(id: string): void {
    const visitor = this.visitors.get(id)
    if (!visitor) return
    this.visitors.delete(id)
    if (visitor.handle >= 0) this.withdraw(visitor)
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
    const message = parseClientMessage(parsed)
    if (!message) return this.send(visitor.socket, { type: 'refused', code: 'bad-message' })
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
    if (visitor.present) {
      this.refreshSlot(visitor, now)
      this.dirtyZones.add(before).add(visitor.zoneId)
    }
  }

  /** Brings a visitor's entry in the avatar table up to what it just said (or takes it out of sight). */
  private refreshSlot(visitor: Visitor, now: number): void {
    if (!visitor.present || visitor.invisible) {
      if (visitor.handle >= 0) this.withdraw(visitor)
      return
    }
    const shared = this.shared(visitor, now)
    if (visitor.handle >= 0) this.avatars.update(visitor.handle, shared)
    else visitor.handle = this.avatars.add(shared)
  }

  /** Out of sight (gone or invisible) at once: the round under way stops offering it to anyone. */
  private withdraw(visitor: Visitor): void {
    this.avatars.remove(visitor.handle)
    visitor.handle = -1
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

  private async sendCounts(): Promise<void> {
    const text = JSON.stringify(this.counts())
    // in batches like the avatars: 2,000 sends at once would hold up an avatars round (and bookings) by tens of ms
    await inBatches([...this.visitors.values()], (visitor) => {
      if (visitor.sentCounts === text || visitor.socket.bufferedAmount > DROP_BACKLOG_BYTES || !this.visitors.has(visitor.id)) return
      visitor.sentCounts = text
      visitor.socket.send(text)
    })
  }

  /**
   * One avatars round: each client whose surroundings changed gets a frame of what changed near it, in batches.
   * Its nearest MAX_AVATARS are chosen again every `reselectMs` (spread over the rounds) and when it changes zone;
   * in the rounds between, only its current ones' moves and leaves go out. Local visitors are quantised as their
   * poses arrive, not here: a pose that arrives while the round yields between batches reaches the clients still
   * to come in this round.
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
      this.avatars.release()
      this.listCandidates(dirty)
      const dirtyMask = new Uint8Array(ZONE_IDS.length)
      for (const zone of dirty) dirtyMask[ZONE_INDEX.get(zone)!] = 1
      const clients = [...this.visitors.values()]
      for (let start = 0; start < clients.length; start += FANOUT_BATCH) {
        if (start > 0) await new Promise((resolve) => setImmediate(resolve))
        for (let i = start; i < Math.min(clients.length, start + FANOUT_BATCH); i++) {
          const client = clients[i]
          if (!client.present || client.hidden || !this.visitors.has(client.id)) continue
          const around = this.around.get(client.zoneId) ?? aroundOf([client.zoneId])
          const reselect = client.needsFull || client.selectedZone !== client.zoneId || (round + client.seq) % reselectRounds === 0
          if (!reselect && !touches(around, dirtyMask)) continue
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
            const nearest = this.nearest(client, around)
            frame = writeSelectionFrame(this.avatars, client.view, nearest, nearest.length, client.needsFull, pooledBytes)
            client.selectedZone = client.zoneId
          } else {
            frame = writeFollowFrame(this.avatars, client.view, around.mask, pooledBytes)
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

  /**
   * Who may be chosen this round, by zone: the local visitors' own (live) entries and the other processes' visitors,
   * brought into the table once a round. A visitor who just went idle marks its zone dirty: idle is a change too.
   */
  private listCandidates(dirty: Set<ZoneId>): void {
    for (const list of this.byZone) list.length = 0
    const now = this.now()
    const table = this.avatars
    for (const visitor of this.visitors.values()) {
      if (visitor.handle < 0) continue
      const idle = now - visitor.lastActive >= this.timings.idleAfterMs
      if (idle !== visitor.idle) {
        visitor.idle = idle
        table.setIdle(visitor.handle, idle)
        dirty.add(visitor.zoneId)
      }
      this.byZone[table.zone[visitor.handle]].push(visitor.handle)
    }
    if (this.remote.size === 0 && this.remoteHandles.size === 0) return
    const previous = this.remoteHandles
    const next = new Map<string, number>()
    for (const visitor of this.everyone()) {
      if (this.visitors.has(visitor.id) || next.has(visitor.id)) continue
      let handle = previous.get(visitor.id)
      if (handle === undefined) handle = table.add(visitor)
      else {
        previous.delete(visitor.id)
        table.update(handle, visitor)
      }
      if (handle < 0) continue
      next.set(visitor.id, handle)
      this.byZone[table.zone[handle]].push(handle)
    }
    // the others' visitors no longer published: out of sight
    for (const handle of previous.values()) table.remove(handle)
    this.remoteHandles = next
  }

  /**
   * The MAX_AVATARS others nearest the client in the zones around it (handles; in decimetres, as quantised; ties by
   * id, so the choice is stable). A bounded max-heap: once it is full, most candidates cost one comparison with the
   * farthest kept. A candidate listed at the round's start that has since left these zones or gone out of sight
   * is passed over. The array returned is reused by the next call.
   */
  private nearest(client: Visitor, around: Around): number[] {
    kept.length = 0
    far.length = 0
    const table = this.avatars
    const cx = Math.round(client.x * 10)
    const cz = Math.round(client.z * 10)
    for (const zone of around.indices) {
      for (const candidate of this.byZone[zone]) {
        if (candidate === client.handle || !table.alive[candidate] || !around.mask[table.zone[candidate]]) continue
        const distance = (table.x[candidate] - cx) ** 2 + (table.z[candidate] - cz) ** 2
        if (kept.length < MAX_AVATARS) {
          kept.push(candidate)
          far.push(distance)
          for (let i = kept.length - 1; i > 0 && farther(table, i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1)
          continue
        }
        if (distance > far[0] || (distance === far[0] && table.ids[candidate] > table.ids[kept[0]])) continue
        kept[0] = candidate
        far[0] = distance
        for (let i = 0; ; ) {
          const left = 2 * i + 1
          const right = left + 1
          let top = i
          if (left < kept.length && farther(table, left, top)) top = left
          if (right < kept.length && farther(table, right, top)) top = right
          if (top === i) break
          swap(i, top)
          i = top
        }
      }
    }
    return kept
  }

  private dropSlow(client: Visitor): void {
    this.options.log?.warn({ presence: client.id, buffered: client.socket.bufferedAmount }, 'dropping a presence client that stopped reading')
    client.socket.terminate()
    this.disconnect(client.id)
  }

  private async heartbeat(): Promise<void> {
    const now = this.now()
    await inBatches([...this.visitors.values()], (visitor) => {
      if (!this.visitors.has(visitor.id)) return
      if (now - visitor.lastSeen >= this.timings.goneAfterMs) {
        visitor.socket.terminate()
        this.disconnect(visitor.id)
      } else {
        // the ping tells this server whether the client is there; the beat tells the client's page
        visitor.socket.ping()
        visitor.socket.send(BEAT)
      }
    })
  }

  /** Tells the other processes this one's visible visitors: when they changed, and often enough to stay alive. */
  private async publish(): Promise<void> {
    // nobody listens: listing and stringifying every visible visitor four times a second would be work for no one
    if (this.publishing || this.options.bus.alone) return
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

/** Runs `each` over `items` FANOUT_BATCH at a time, yielding to other I/O between batches. */
async function inBatches<T>(items: readonly T[], each: (item: T) => void): Promise<void> {
  for (let start = 0; start < items.length; start += FANOUT_BATCH) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve))
    for (let i = start; i < Math.min(items.length, start + FANOUT_BATCH); i++) each(items[i])
  }
}

/** Frames out of Node's Buffer pool: thousands of small ones a second, each otherwise its own ArrayBuffer. */
const pooledBytes = (length: number) => Buffer.allocUnsafe(length)

// reused from client to client: nearest() runs thousands of times a second, and its answer is read at once
const kept: number[] = []
const far: number[] = []
const farther = (table: AvatarTable, i: number, j: number) => far[i] > far[j] || (far[i] === far[j] && table.ids[kept[i]] > table.ids[kept[j]])
function swap(i: number, j: number): void {
  const avatar = kept[i]
  kept[i] = kept[j]
  kept[j] = avatar
  const distance = far[i]
  far[i] = far[j]
  far[j] = distance
}

const ZONE_INDEX = new Map<ZoneId, number>(ZONE_IDS.map((zone, i) => [zone, i]))

/** A zone with its neighbours: as the zone indices the avatar table carries, and as a mask over them. */
interface Around {
  indices: number[]
  mask: Uint8Array
}

function aroundOf(list: ZoneId[]): Around {
  const indices = list.map((zone) => ZONE_INDEX.get(zone)!)
  const mask = new Uint8Array(ZONE_IDS.length)
  for (const index of indices) mask[index] = 1
  return { indices, mask }
}

/** Whether something changed in a zone around the client. */
function touches(around: Around, dirty: Uint8Array): boolean {
  for (const index of around.indices) if (dirty[index]) return true
  return false
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
