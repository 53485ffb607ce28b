/**
 * How several server processes share one hall: each publishes its own visible visitors a few times a second and
 * hears the others'. The seam is `PresenceBus`: Redis pub/sub carries it when REDIS_URL is set (redisPresenceBus.ts),
 * otherwise PostgreSQL LISTEN/NOTIFY, and nothing with PGlite; the world does not notice which.
 */
import { randomBytes } from 'node:crypto'
import { ZONE_IDS } from '../../src/content/schema'
import type { Database } from '../db/database'
import type { AvatarState } from '../../src/live/protocol'

export const PRESENCE_CHANNEL = 'expo_presence'
/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; a round is cut into notices below this. */
const NOTICE_BYTES = 7_000

/** One visible visitor as other processes hear of it (never an invisible one, never a person's id): what a client is sent. */
export type SharedVisitor = AvatarState

/** One process's visitors, as far as one notice tells: `part` of `parts` of its latest round. */
export interface PresenceNotice {
  process: string
  part: number
  parts: number
  visitors: SharedVisitor[]
}

/** Which bus carries presence, and whether it reaches the others now (for /api/health). */
export interface PresenceBusState {
  bus: 'local' | 'postgres' | 'redis'
  connected: boolean
}

export interface PresenceBus {
  /** This process, as its notices name it. */
  readonly process: string
  /** True when nobody else can hear this process (one process, PGlite): the world then skips publishing altogether. */
  readonly alone?: boolean
  start(onNotice: (notice: PresenceNotice) => void): Promise<void>
  /** The whole of this process's visible visitors (replacing what it published before). */
  publish(visitors: SharedVisitor[]): Promise<void>
  state(): PresenceBusState
  stop(): Promise<void>
}

/** One process (PGlite, or a single server): nobody else to tell, and the embedded database's one connection stays free for bookings. */
export class LocalPresenceBus implements PresenceBus {
  readonly process = randomBytes(6).toString('base64url')
  readonly alone = true
  async start(): Promise<void> {}
  async publish(): Promise<void> {}
  state(): PresenceBusState {
    return { bus: 'local', connected: true }
  }
  async stop(): Promise<void> {}
}

/** Compact on the wire: [id, zone index, x, z, yaw, name, idle]. */
type WireVisitor = [string, number, number, number, number, string | null, 0 | 1]
interface WireNotice {
  p: string
  i: number
  n: number
  v: WireVisitor[]
}

export function encodeNotices(process: string, visitors: SharedVisitor[]): string[] {
  const entries = visitors.map((v) =>
    JSON.stringify([v.id, ZONE_IDS.indexOf(v.zoneId), round(v.x, 10), round(v.z, 10), round(v.yaw, 100), v.name, v.idle ? 1 : 0] satisfies WireVisitor),
  )
  const chunks: string[][] = [[]]
  let bytes = 0
  for (const entry of entries) {
    const size = Buffer.byteLength(entry) + 1
    if (bytes + size > NOTICE_BYTES && chunks[chunks.length - 1].length > 0) {
      chunks.push([])
      bytes = 0
    }
    chunks[chunks.length - 1].push(entry)
    bytes += size
  }
  // an empty round is still sent once: it tells the others this process's last visitor left
  return chunks.map((chunk, i) => `{"p":${JSON.stringify(process)},"i":${i},"n":${chunks.length},"v":[${chunk.join(',')}]}`)
}

/** Reads a notice defensively: anything malformed is dropped whole. */
export function decodeNotice(payload: string): PresenceNotice | undefined {
  try {
    const wire = JSON.parse(payload) as WireNotice
    if (typeof wire.p !== 'string' || !Number.isInteger(wire.i) || !Number.isInteger(wire.n) || !Array.isArray(wire.v)) return undefined
    const visitors: SharedVisitor[] = []
    for (const [id, zone, x, z, yaw, name, idle] of wire.v) {
      const zoneId = ZONE_IDS[zone]
      if (typeof id !== 'string' || !zoneId || ![x, z, yaw].every(Number.isFinite)) continue
      visitors.push({ id, zoneId, x, z, yaw, name: typeof name === 'string' ? name : null, idle: idle === 1 })
    }
    return { process: wire.p, part: wire.i, parts: wire.n, visitors }
  } catch {
    return undefined
  }
}

/** Every process LISTENs on one channel; a round goes out as one statement however many notices it takes. */
export class PostgresPresenceBus implements PresenceBus {
  readonly process = randomBytes(6).toString('base64url')
  private stopListening?: () => Promise<void>

  constructor(private readonly db: Database) {}

  async start(onNotice: (notice: PresenceNotice) => void): Promise<void> {
    this.stopListening = await this.db.listen(PRESENCE_CHANNEL, (payload) => {
      const notice = decodeNotice(payload)
      if (notice && notice.process !== this.process) onNotice(notice)
    })
  }

  async publish(visitors: SharedVisitor[]): Promise<void> {
    await this.db.query('select pg_notify($1, notice) from unnest($2::text[]) as notice', [PRESENCE_CHANNEL, encodeNotices(this.process, visitors)])
  }

  state(): PresenceBusState {
    // the database's own health is the rest of /api/health
    return { bus: 'postgres', connected: this.stopListening !== undefined }
  }

  async stop(): Promise<void> {
    await this.stopListening?.()
  }
}

const round = (value: number, scale: number) => Math.round(value * scale) / scale
