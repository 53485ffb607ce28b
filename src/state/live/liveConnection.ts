/**
 * The live layer's client: one WebSocket to `/api/live` on the page's own origin, speaking src/live/protocol.ts.
 * It says hello with how the visitor wants to appear, sends a pose only while the camera moves (at most every
 * POSE_MIN_INTERVAL_MS, never while the tab is hidden), and hands counts and nearby avatars on: the avatars arrive as
 * binary frames of what changed (src/live/avatarFrame.ts), applied to the view this connection keeps. A lost
 * connection is tried again with jittered back-off and resumed with a fresh hello (and a full frame).
 */
import { z } from 'zod'
import { ZONE_IDS, type ZoneId } from '../../content/schema'
import { avatarsOf, emptyAvatarView, readAvatarFrame } from '../../live/avatarFrame'
import { POSE_MIN_INTERVAL_MS, type AvatarState, type ClientMessage, type ServerMessage, type ZoneCounts } from '../../live/protocol'
import { reconnectDelay } from '../reconnect'
import { cleanDisplayName, type PresenceSettings } from './presenceSettings'

export interface LiveCounts {
  zones: ZoneCounts
  online: number
  crowded: ZoneId[]
}

const zoneId = z.enum(ZONE_IDS)
const count = z.number().int().min(0).max(10_000_000)
/** What the server may say in text; anything else is ignored. Typed against the protocol so the two cannot drift apart. */
export const serverMessageSchema: z.ZodType<ServerMessage> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), id: z.string().min(1).max(200) }),
  z.object({
    type: z.literal('counts'),
    zones: z.partialRecord(zoneId, count),
    online: count,
    crowded: z.array(zoneId).max(ZONE_IDS.length),
  }),
  z.object({ type: z.literal('refused'), code: z.enum(['bad-message', 'rate-limited']) }),
])

/** The part of a browser WebSocket this client uses (tests pass a fake). */
export interface LiveSocket {
  readonly readyState: number
  /** Set to 'arraybuffer': avatar frames are binary. */
  binaryType: string
  send(data: string): void
  close(code?: number): void
  onopen: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  onclose: ((event: unknown) => void) | null
  onerror: ((event: unknown) => void) | null
}

const OPEN = 1

export interface VisibilitySource {
  readonly hidden: boolean
  addEventListener(type: 'visibilitychange', listener: () => void): void
  removeEventListener(type: 'visibilitychange', listener: () => void): void
}

export interface LiveConnectionOptions {
  url: string
  createSocket?: (url: string) => LiveSocket
  presence(): PresenceSettings
  zoneId(): ZoneId
  /** The camera on the floor plan (plan metres, heading in radians), read as often as a pose may go out. */
  pose(): { x: number; z: number; yaw: number }
  onCounts(counts: LiveCounts | null): void
  onAvatars(avatars: AvatarState[]): void
  visibility?: VisibilitySource
  random?: () => number
  now?: () => number
}

/** Smaller moves than these are standing still: no pose goes out for them. */
const STILL_METRES = 0.05
const STILL_RADIANS = 0.01

interface SentPose {
  zoneId: ZoneId
  x: number
  z: number
  yaw: number
}

export class LiveConnection {
  private socket: LiveSocket | null = null
  private open = false
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null
  private poseTimer: ReturnType<typeof setInterval> | null = null
  private attempt = 0
  private disposed = false
  private selfId: string | null = null
  private lastPose: SentPose | null = null
  private lastPoseAt = -Infinity
  /** The avatars near this visitor as the server last told, slot by slot; each frame changes it. */
  private view = emptyAvatarView()
  private readonly now: () => number
  private readonly onVisibility = () => this.visibilityChanged()

  constructor(private readonly options: LiveConnectionOptions) {
    this.now = options.now ?? (() => Date.now())
  }

  start(): void {
    this.options.visibility?.addEventListener('visibilitychange', this.onVisibility)
    this.connect()
  }

  /** The visitor changed their name or invisibility: told at once, or with the next hello when not connected. */
  presenceChanged(): void {
    const { name, invisible } = this.options.presence()
    this.send({ type: 'status', name: cleanDisplayName(name), invisible })
  }

  dispose(): void {
    this.disposed = true
    this.options.visibility?.removeEventListener('visibilitychange', this.onVisibility)
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    this.reconnectTimer = null
    this.dropSocket()
    this.options.onCounts(null)
    this.options.onAvatars([])
  }

  private get hidden() {
    return this.options.visibility?.hidden === true
  }

  private connect() {
    if (this.disposed) return
    this.reconnectTimer = null
    let socket: LiveSocket
    try {
      socket = (this.options.createSocket ?? ((url) => new WebSocket(url) as unknown as LiveSocket))(this.options.url)
    } catch {
      this.scheduleReconnect()
      return
    }
    this.socket = socket
    socket.binaryType = 'arraybuffer'
    socket.onopen = () => this.opened()
    socket.onmessage = (event) => this.received(event.data)
    socket.onerror = () => {} // a close always follows
    socket.onclose = () => {
      if (this.socket !== socket) return
      this.dropSocket()
      this.options.onCounts(null)
      this.options.onAvatars([])
      this.scheduleReconnect()
    }
  }

  private opened() {
    this.open = true
    this.attempt = 0
    const { name, invisible } = this.options.presence()
    this.send({ type: 'hello', name: cleanDisplayName(name), invisible, zoneId: this.options.zoneId() })
    if (this.hidden) this.send({ type: 'hidden', hidden: true })
    else this.sendPoseIfMoved(true)
    this.poseTimer = setInterval(() => this.sendPoseIfMoved(false), POSE_MIN_INTERVAL_MS / 4)
  }

  private scheduleReconnect() {
    if (this.disposed || this.reconnectTimer) return
    this.reconnectTimer = setTimeout(() => this.connect(), reconnectDelay(this.attempt++, this.options.random))
  }

  private dropSocket() {
    if (this.poseTimer) clearInterval(this.poseTimer)
    this.poseTimer = null
    const socket = this.socket
    this.socket = null
    this.open = false
    this.lastPose = null
    this.selfId = null
    this.view = emptyAvatarView()
    if (!socket) return
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null
    try {
      socket.close()
    } catch {
      // already closed
    }
  }

  private visibilityChanged() {
    const hidden = this.hidden
    this.send({ type: 'hidden', hidden })
    if (!hidden) this.sendPoseIfMoved(false)
  }

  /** A pose goes out only when it differs from the last one sent, and never sooner than POSE_MIN_INTERVAL_MS after it. */
  private sendPoseIfMoved(first: boolean) {
    if (!this.open || this.hidden) return
    const at = this.now()
    if (!first && at - this.lastPoseAt < POSE_MIN_INTERVAL_MS) return
    const camera = this.options.pose()
    const pose: SentPose = {
      zoneId: this.options.zoneId(),
      x: clamp(camera.x, 2_000),
      z: clamp(camera.z, 2_000),
      yaw: Math.atan2(Math.sin(camera.yaw), Math.cos(camera.yaw)),
    }
    if (![pose.x, pose.z, pose.yaw].every(Number.isFinite)) return
    const last = this.lastPose
    if (last && last.zoneId === pose.zoneId && Math.hypot(pose.x - last.x, pose.z - last.z) < STILL_METRES && Math.abs(angleBetween(pose.yaw, last.yaw)) < STILL_RADIANS) return
    if (this.send({ type: 'pose', ...pose })) {
      this.lastPose = pose
      this.lastPoseAt = at
    }
  }

  private send(message: ClientMessage): boolean {
    if (!this.socket || !this.open || this.socket.readyState !== OPEN) return false
    try {
      this.socket.send(JSON.stringify(message))
      return true
    } catch {
      return false // the close that follows reconnects
    }
  }

  private received(data: unknown) {
    if (data instanceof ArrayBuffer) return this.receivedAvatars(new Uint8Array(data))
    if (typeof data !== 'string' || data.length > 1_000_000) return
    let value: unknown
    try {
      value = JSON.parse(data)
    } catch {
      return
    }
    const parsed = serverMessageSchema.safeParse(value)
    if (!parsed.success) return
    const message = parsed.data
    if (message.type === 'welcome') this.selfId = message.id
    else if (message.type === 'counts') this.options.onCounts({ zones: message.zones, online: message.online, crowded: message.crowded })
  }

  private receivedAvatars(frame: Uint8Array) {
    if (!readAvatarFrame(this.view, frame)) {
      // A frame that does not read leaves this view behind the server's, and every later delta would build on it:
      // start again from nothing and ask for a full frame (the server sends one to a tab that says it is in front).
      this.view = emptyAvatarView()
      this.options.onAvatars([])
      if (!this.hidden) this.send({ type: 'hidden', hidden: false })
      return
    }
    this.options.onAvatars(avatarsOf(this.view).filter((a) => a.id !== this.selfId))
  }
}

const clamp = (value: number, limit: number) => Math.min(limit, Math.max(-limit, value))
const angleBetween = (a: number, b: number) => Math.atan2(Math.sin(a - b), Math.cos(a - b))

/** `/api/live` on the page's own origin, ws: or wss: as the page is served. */
export function liveUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`
}
