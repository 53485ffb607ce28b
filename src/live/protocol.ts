/**
 * The live layer's wire protocol (WebSocket at /api/live): who is in the hall, where, and how many per zone.
 * Shared by the app and the server, validated on both sides; pure TypeScript, no DOM, no Node.
 *
 * Privacy first: a visitor is anonymous unless they choose a display name, and `invisible` takes them out of
 * every count and every other visitor's view. Nothing here identifies a person across visits: the presence id is
 * made per connection by the server.
 */
import { z } from 'zod'
import { ZONE_IDS, type ZoneId } from '../content/schema'

/** A pose goes out at most this often while the visitor moves, never while still or while the tab is hidden. */
export const POSE_MIN_INTERVAL_MS = 200
/** Without a pose or a sign of life for this long a visitor shows as idle. */
export const IDLE_AFTER_MS = 60_000
/** A visitor whose connection went quiet (closed tab, lost network) is gone from every count within this. */
export const GONE_AFTER_MS = 30_000
/**
 * The server sends every connection a beat this often. Browsers do not show WebSocket pings to pages, so this is
 * how the app notices a connection whose network died without a close.
 */
export const HEARTBEAT_MS = 10_000
/** Zone counts are sent at most this often, and only when they changed. */
export const COUNTS_INTERVAL_MS = 1_000
/** The most other visitors one client is told about: those nearest, in its zone and the zones next to it. */
export const MAX_AVATARS = 50
/** A zone with at least this many visitors is shown as very full. */
export const CROWDED_AT = 150
export const DISPLAY_NAME_MAX = 40

const zoneIdSchema = z.enum(ZONE_IDS)
/** Hall coordinates in metres, bounded so a hostile client cannot send absurd numbers. */
const COORDINATE_MAX = 2_000
/** Radians, loosely: a little over a turn each way. */
const YAW_MAX = 10
const coordinate = z.number().finite().min(-COORDINATE_MAX).max(COORDINATE_MAX)
const displayNameSchema = z.string().trim().min(1).max(DISPLAY_NAME_MAX).nullable()

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), name: displayNameSchema, invisible: z.boolean(), zoneId: zoneIdSchema }),
  z.strictObject({ type: z.literal('pose'), zoneId: zoneIdSchema, x: coordinate, z: coordinate, yaw: z.number().finite().min(-YAW_MAX).max(YAW_MAX) }),
  z.strictObject({ type: z.literal('status'), name: displayNameSchema.optional(), invisible: z.boolean().optional() }),
  /** The tab went to the background: the visitor stays counted but sends nothing until it comes back. */
  z.strictObject({ type: z.literal('hidden'), hidden: z.boolean() }),
])
export type ClientMessage = z.infer<typeof clientMessageSchema>

const ZONE_ID_SET: ReadonlySet<string> = new Set(ZONE_IDS)
const POSE_KEYS = 5
const within = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max

/**
 * A client message as clientMessageSchema reads it, or null when the schema refuses it. Poses (five a second from
 * every visitor: nearly all the server hears) are taken by hand when they are plainly valid: a plain object with
 * exactly the five keys and the schema's own bounds, read without the schema's allocations. Anything else, a
 * pose that fails any check included, goes to the schema, so a refusal is always the schema's.
 * tests/unit/clientMessage.test.ts holds the two to the same answers on valid and hostile input.
 */
export function parseClientMessage(value: unknown): ClientMessage | null {
  const pose = plainPose(value)
  if (pose) return pose
  const result = clientMessageSchema.safeParse(value)
  return result.success ? result.data : null
}

function plainPose(value: unknown): ClientMessage | null {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return null
  const { type, zoneId, x, z, yaw } = value as Record<string, unknown>
  if (type !== 'pose' || typeof zoneId !== 'string' || !ZONE_ID_SET.has(zoneId)) return null
  if (!within(x, -COORDINATE_MAX, COORDINATE_MAX) || !within(z, -COORDINATE_MAX, COORDINATE_MAX) || !within(yaw, -YAW_MAX, YAW_MAX)) return null
  // strict: the five keys above, present, so any sixth is one too many
  let keys = 0
  for (const key in value) if (Object.hasOwn(value, key)) keys++
  return keys === POSE_KEYS ? { type: 'pose', zoneId: zoneId as ZoneId, x, z, yaw } : null
}

export interface AvatarState {
  /** Per connection, made by the server: not the visitor's id. */
  id: string
  zoneId: ZoneId
  x: number
  z: number
  yaw: number
  name: string | null
  idle: boolean
}

export type ZoneCounts = Partial<Record<ZoneId, number>>

/**
 * The server's text (JSON) messages. The visitors near this one (its zone and the zones next to it, the
 * MAX_AVATARS nearest) go as binary frames instead, carrying only what changed: see avatarFrame.ts.
 */
export type ServerMessage =
  | { type: 'welcome'; id: string }
  /** Visitors per zone (zones with nobody are left out) and everyone online; invisible visitors are in neither. */
  | { type: 'counts'; zones: ZoneCounts; online: number; crowded: ZoneId[] }
  /** The message could not be read or was not allowed; nothing changed. */
  | { type: 'refused'; code: 'bad-message' | 'rate-limited' }
  /** Sent every HEARTBEAT_MS: the connection is alive. */
  | { type: 'beat' }
  /** A conversation of this socket's visitor or staff changed: fetch what is new after the last message held (src/live/chat.ts). */
  | { type: 'chat'; conversationId: string; exhibitorId: string; change: ChatChange }
  /** Whether an exhibitor's staff are online changed (sent to every socket: booth panels show it). */
  | { type: 'staff'; exhibitorId: string; online: boolean }
  /** Organisers: the queue of reported chat messages changed. */
  | { type: 'reports' }

export const CHAT_CHANGES = ['message', 'read', 'blocked', 'hidden'] as const
export type ChatChange = (typeof CHAT_CHANGES)[number]
