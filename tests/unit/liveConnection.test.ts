import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ZoneId } from '../../src/content/schema'
import { HEARTBEAT_MS, POSE_MIN_INTERVAL_MS, type AvatarState, type ClientMessage } from '../../src/live/protocol'
import { avatarPose, avatarsMoving, avatarTracks, clearAvatars, receiveAvatars } from '../../src/state/live/avatars'
import { LIVE_RECONNECT_MAX_MS, LiveConnection, SILENT_AFTER_MS, type LiveCounts, type LiveSocket, type VisibilitySource } from '../../src/state/live/liveConnection'
import { readPresenceSettings, writePresenceSettings, PRESENCE_STORAGE_KEY } from '../../src/state/live/presenceSettings'
import { RECONNECT } from '../../src/state/reconnect'
import { FrameWriter, fullFrameOf } from '../helpers/avatarFrames'

/** A WebSocket the test opens, feeds and closes by hand; it records what the client sends. */
class FakeSocket implements LiveSocket {
  readyState = 0
  binaryType = 'blob'
  sent: ClientMessage[] = []
  /** Date.now() of each pose sent. */
  poseTimes: number[] = []
  closed = false
  onopen: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onclose: ((event: unknown) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  constructor(readonly url: string) {}
  send(data: string) {
    if (this.readyState !== 1) throw new Error('not open')
    const message = JSON.parse(data) as ClientMessage
    this.sent.push(message)
    if (message.type === 'pose') this.poseTimes.push(Date.now())
  }
  close() {
    this.closed = true
    this.readyState = 3
  }
  acceptConnection() {
    this.readyState = 1
    this.onopen?.({})
  }
  receive(data: unknown) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) })
  }
  /** A binary frame as a browser hands it over with binaryType 'arraybuffer'. */
  receiveFrame(frame: Uint8Array) {
    expect(this.binaryType).toBe('arraybuffer')
    this.onmessage?.({ data: frame.slice().buffer })
  }
  drop() {
    this.readyState = 3
    this.onclose?.({})
  }
}

class FakeVisibility implements VisibilitySource {
  hidden = false
  private listeners = new Set<() => void>()
  addEventListener(_type: 'visibilitychange', listener: () => void) {
    this.listeners.add(listener)
  }
  removeEventListener(_type: 'visibilitychange', listener: () => void) {
    this.listeners.delete(listener)
  }
  set(hidden: boolean) {
    this.hidden = hidden
    this.listeners.forEach((listener) => listener())
  }
}

function setUp(options: { random?: () => number } = {}) {
  const sockets: FakeSocket[] = []
  const camera = { x: 10, z: 20, yaw: 0 }
  const state = { zoneId: 'lobby' as ZoneId, presence: { name: null as string | null, invisible: false } }
  const counts: (LiveCounts | null)[] = []
  const avatarLists: unknown[][] = []
  const visibility = new FakeVisibility()
  const connection = new LiveConnection({
    url: 'ws://expo.test/api/live',
    createSocket: (url) => {
      const socket = new FakeSocket(url)
      sockets.push(socket)
      return socket
    },
    presence: () => state.presence,
    zoneId: () => state.zoneId,
    pose: () => camera,
    onCounts: (c) => counts.push(c),
    onAvatars: (a) => avatarLists.push(a),
    visibility,
    random: options.random ?? (() => 0.5),
  })
  connection.start()
  const socket = () => sockets.at(-1)!
  const poses = () => socket().sent.filter((m) => m.type === 'pose')
  return { connection, sockets, socket, camera, state, counts, avatarLists, visibility, poses }
}

/** The camera walking for `ms`, moved a little on every 16 ms frame. */
function walk(camera: { x: number }, ms: number) {
  for (let t = 0; t < ms; t += 16) {
    camera.x += 0.03
    vi.advanceTimersByTime(16)
  }
}

describe('the live connection', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('says hello with how the visitor wants to appear and where they are', () => {
    const live = setUp()
    live.state.presence = { name: '  Mina  ', invisible: true }
    live.state.zoneId = 'korea-pavilion'
    live.socket().acceptConnection()
    expect(live.socket().url).toBe('ws://expo.test/api/live')
    expect(live.socket().sent[0]).toEqual({ type: 'hello', name: 'Mina', invisible: true, zoneId: 'korea-pavilion' })
    live.connection.dispose()
  })

  it('sends poses only while the camera moves, never more than five a second', () => {
    const live = setUp()
    live.socket().acceptConnection()
    const afterHello = live.poses().length
    expect(afterHello).toBe(1)
    // standing still for ten seconds: nothing
    vi.advanceTimersByTime(10_000)
    expect(live.poses()).toHaveLength(afterHello)
    // walking for three seconds: at most 5 a second, at least one per interval
    walk(live.camera, 3_000)
    const walking = live.poses().length - afterHello
    expect(walking).toBeLessThanOrEqual(3 * (1_000 / POSE_MIN_INTERVAL_MS))
    expect(walking).toBeGreaterThanOrEqual(3 * (1_000 / POSE_MIN_INTERVAL_MS) - 1)
    const gaps = live.socket().poseTimes.slice(1).map((time, i) => time - live.socket().poseTimes[i])
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(POSE_MIN_INTERVAL_MS)
    // still again: one last pose says where the camera stopped, then nothing
    vi.advanceTimersByTime(POSE_MIN_INTERVAL_MS)
    const stopped = live.poses().length
    vi.advanceTimersByTime(5_000)
    expect(live.poses()).toHaveLength(stopped)
    expect(live.poses().at(-1)).toMatchObject({ zoneId: 'lobby', x: expect.closeTo(live.camera.x, 0.2) })
    live.connection.dispose()
  })

  it('sends nothing while the tab is hidden, and says so', () => {
    const live = setUp()
    live.socket().acceptConnection()
    live.visibility.set(true)
    const sentBefore = live.socket().sent.length
    expect(live.socket().sent.at(-1)).toEqual({ type: 'hidden', hidden: true })
    walk(live.camera, 3_000)
    expect(live.socket().sent).toHaveLength(sentBefore)
    live.visibility.set(false)
    expect(live.socket().sent.at(-2)).toEqual({ type: 'hidden', hidden: false })
    expect(live.socket().sent.at(-1)).toMatchObject({ type: 'pose' })
    live.connection.dispose()
  })

  it('tells a change of name or invisibility at once', () => {
    const live = setUp()
    live.socket().acceptConnection()
    live.state.presence = { name: null, invisible: true }
    live.connection.presenceChanged()
    expect(live.socket().sent.at(-1)).toEqual({ type: 'status', name: null, invisible: true })
    live.connection.dispose()
  })

  it('reconnects with growing jittered pauses and resumes with a fresh hello', () => {
    const live = setUp({ random: () => 0 })
    live.socket().acceptConnection()
    live.socket().receive({ type: 'counts', zones: { lobby: 2 }, online: 2, crowded: [] })
    live.socket().drop()
    // nothing stale is shown while away
    expect(live.counts.at(-1)).toBeNull()
    for (let attempt = 0; attempt < 6; attempt++) {
      // doubling, then held at the live socket's cap (8 s) so a restarted server has the hall back quickly
      const ceiling = Math.min(LIVE_RECONNECT_MAX_MS, RECONNECT.firstMs * 2 ** attempt)
      const before = live.sockets.length
      vi.advanceTimersByTime(ceiling / 2 - 1)
      expect(live.sockets).toHaveLength(before)
      vi.advanceTimersByTime(1)
      expect(live.sockets).toHaveLength(before + 1)
      live.socket().drop()
    }
    vi.advanceTimersByTime(LIVE_RECONNECT_MAX_MS)
    live.state.presence = { name: 'Li', invisible: false }
    live.state.zoneId = 'nev'
    live.visibility.hidden = true
    live.socket().acceptConnection()
    expect(live.socket().sent).toEqual([
      { type: 'hello', name: 'Li', invisible: false, zoneId: 'nev' },
      { type: 'hidden', hidden: true },
    ])
    // a connection that opened starts the back-off from the beginning again
    live.socket().drop()
    const before = live.sockets.length
    vi.advanceTimersByTime(RECONNECT.firstMs / 2)
    expect(live.sockets).toHaveLength(before + 1)
    live.connection.dispose()
  })

  it('takes a connection that hears nothing for 2.5 heartbeats for dead, closes it and comes back with a fresh hello', () => {
    expect(SILENT_AFTER_MS).toBe(HEARTBEAT_MS * 2.5)
    const live = setUp({ random: () => 0 })
    live.socket().acceptConnection()
    live.socket().receive({ type: 'counts', zones: { lobby: 2 }, online: 2, crowded: [] })
    // a minute of beats, and of other messages between them: alive all along
    for (let t = 0; t < 60_000; t += HEARTBEAT_MS) {
      vi.advanceTimersByTime(HEARTBEAT_MS / 2)
      live.socket().receive({ type: 'counts', zones: { lobby: 3 }, online: 3, crowded: [] })
      vi.advanceTimersByTime(HEARTBEAT_MS / 2)
      live.socket().receive({ type: 'beat' })
    }
    expect(live.sockets).toHaveLength(1)
    expect(live.socket().closed).toBe(false)
    // the network goes away without a word: the socket still looks open, and nothing arrives
    vi.advanceTimersByTime(SILENT_AFTER_MS - 1)
    expect(live.socket().closed).toBe(false)
    expect(live.counts.at(-1)).not.toBeNull()
    vi.advanceTimersByTime(1)
    const dead = live.socket()
    expect(dead.closed).toBe(true)
    // nothing stale is shown, and a late frame from the dead socket changes nothing
    expect(live.counts.at(-1)).toBeNull()
    expect(live.avatarLists.at(-1)).toEqual([])
    dead.receive({ type: 'counts', zones: { lobby: 9 }, online: 9, crowded: [] })
    expect(live.counts.at(-1)).toBeNull()
    // the usual jittered back-off (first attempt: half a second at the least), then a fresh hello
    vi.advanceTimersByTime(RECONNECT.firstMs / 2 - 1)
    expect(live.sockets).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(live.sockets).toHaveLength(2)
    live.socket().acceptConnection()
    expect(live.socket().sent[0]).toEqual({ type: 'hello', name: null, invisible: false, zoneId: 'lobby' })
    live.connection.dispose()
  })

  it('gives up on an opening that hangs as on a quiet connection, and tries again', () => {
    const live = setUp({ random: () => 0 })
    vi.advanceTimersByTime(SILENT_AFTER_MS)
    expect(live.sockets[0].closed).toBe(true)
    vi.advanceTimersByTime(RECONNECT.firstMs / 2)
    expect(live.sockets).toHaveLength(2)
    live.connection.dispose()
  })

  it('ignores messages it cannot read or does not know, and passes good ones on', () => {
    const live = setUp()
    live.socket().acceptConnection()
    const bad = [
      'not json',
      '{"type":"counts"}',
      { type: 'counts', zones: { atlantis: 3 }, online: 3, crowded: [] },
      { type: 'counts', zones: { lobby: -1 }, online: 1, crowded: [] },
      { type: 'counts', zones: {}, online: 'many', crowded: [] },
      // avatars come only as binary frames
      { type: 'avatars', avatars: [{ id: 'a', zoneId: 'lobby', x: 1, z: 0, yaw: 0, name: null, idle: false }] },
      { type: 'surprise' },
      null,
      42,
    ]
    for (const message of bad) live.socket().receive(message)
    live.socket().onmessage?.({ data: new ArrayBuffer(8) })
    expect(live.counts).toEqual([])
    // nobody shown (an unreadable frame empties the view)
    expect(live.avatarLists.flat()).toEqual([])
    live.socket().receive({ type: 'welcome', id: 'me' })
    live.socket().receive({ type: 'counts', zones: { lobby: 2 }, online: 2, crowded: ['lobby'] })
    live.socket().receiveFrame(
      fullFrameOf([
        { id: 'me', zoneId: 'lobby', x: 1, z: 1, yaw: 0, name: null, idle: false },
        { id: 'other', zoneId: 'lobby', x: 2, z: 3, yaw: 0, name: 'Ana', idle: false },
      ]),
    )
    expect(live.counts).toEqual([{ zones: { lobby: 2 }, online: 2, crowded: ['lobby'] }])
    // never oneself
    expect(live.avatarLists.at(-1)).toEqual([{ id: 'other', zoneId: 'lobby', x: 2, z: 3, yaw: 0, name: 'Ana', idle: false }])
    live.connection.dispose()
  })

  it('applies each avatars frame to what it knew, starts again from nothing on a new connection, and asks for a full frame when one does not read', () => {
    const live = setUp()
    live.socket().acceptConnection()
    const server = new FrameWriter()
    const ana = (x: number): AvatarState => ({ id: 'ana', zoneId: 'lobby', x, z: 3, yaw: 0, name: 'Ana', idle: false })
    const ben = (x: number): AvatarState => ({ id: 'ben', zoneId: 'lobby', x, z: 4, yaw: 0, name: null, idle: true })
    live.socket().receiveFrame(server.select([ana(1), ben(2)], true)!)
    live.socket().receiveFrame(server.select([ana(1.5), ben(2)])!)
    expect(live.avatarLists.at(-1)).toEqual([ana(1.5), ben(2)])
    live.socket().receiveFrame(server.select([ben(2)])!)
    expect(live.avatarLists.at(-1)).toEqual([ben(2)])
    // a frame that does not read: nothing stale is kept, and the server is asked for the whole picture
    const sent = live.socket().sent.length
    live.socket().receiveFrame(new Uint8Array([2, 9, 1, 1, 0]))
    expect(live.avatarLists.at(-1)).toEqual([])
    expect(live.socket().sent.slice(sent)).toEqual([{ type: 'hidden', hidden: false }])
    live.socket().receiveFrame(server.select([ben(2)], true)!)
    expect(live.avatarLists.at(-1)).toEqual([ben(2)])
    // a new connection knows nobody until its full frame
    live.socket().drop()
    expect(live.avatarLists.at(-1)).toEqual([])
    vi.advanceTimersByTime(RECONNECT.maxMs)
    live.socket().acceptConnection()
    // a delta for slots this connection never heard of does not read
    live.socket().receiveFrame(new Uint8Array([2, 0, 1, 1, 0]))
    expect(live.avatarLists.at(-1)).toEqual([])
    live.connection.dispose()
  })

  it('disposes cleanly: socket closed, no timers left, nothing shown', () => {
    const live = setUp()
    live.socket().acceptConnection()
    const socket = live.socket()
    live.connection.dispose()
    expect(socket.closed).toBe(true)
    expect(live.counts.at(-1)).toBeNull()
    expect(vi.getTimerCount()).toBe(0)
    walk(live.camera, 1_000)
    live.visibility.set(true)
    expect(live.sockets).toHaveLength(1)
  })
})

describe('after a server restart', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('brings many visitors back spread over the back-off window, not all at once', () => {
    // a seeded stand-in for Math.random, so the spread is the same on every run
    let seed = 20_260_530
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed / 2 ** 31
    }
    const clients = Array.from({ length: 400 }, () => setUp({ random }))
    for (const client of clients) client.socket().acceptConnection()
    // the server restarts: every connection closes at the same instant
    const restartedAt = Date.now()
    for (const client of clients) client.socket().drop()
    const comeback: number[] = []
    for (let t = 0; t < RECONNECT.firstMs + 10; t += 10) {
      vi.advanceTimersByTime(10)
      for (const [i, client] of clients.entries()) if (client.sockets.length === 2 && comeback[i] === undefined) comeback[i] = Date.now() - restartedAt
    }
    expect(comeback.filter((ms) => ms !== undefined)).toHaveLength(clients.length)
    // within the first attempt's window (half the ceiling up to the ceiling) and spread across it: no tenth of
    // the window gets more than twice its share, and every tenth gets some
    expect(Math.min(...comeback)).toBeGreaterThanOrEqual(RECONNECT.firstMs / 2)
    expect(Math.max(...comeback)).toBeLessThanOrEqual(RECONNECT.firstMs)
    const tenths = Array.from({ length: 10 }, () => 0)
    for (const ms of comeback) tenths[Math.min(9, Math.floor(((ms - RECONNECT.firstMs / 2) / (RECONNECT.firstMs / 2)) * 10))]++
    for (const count of tenths) {
      expect(count).toBeGreaterThan(0)
      expect(count).toBeLessThanOrEqual((2 * clients.length) / 10)
    }
    for (const client of clients) client.connection.dispose()
  })
})

describe('avatars between updates', () => {
  afterEach(() => clearAvatars())

  it('glide from where they were drawn to the new pose, then rest', () => {
    receiveAvatars([{ id: 'a', zoneId: 'lobby', x: 0, z: 0, yaw: 0, name: null, idle: false }], 1_000)
    expect(avatarsMoving(1_000)).toBe(false)
    receiveAvatars([{ id: 'a', zoneId: 'lobby', x: 2, z: 0, yaw: 0, name: null, idle: false }], 1_200)
    const track = avatarTracks().get('a')!
    // a frame that moved someone else leaves this glide as it was
    receiveAvatars([{ id: 'a', zoneId: 'lobby', x: 2, z: 0, yaw: 0, name: null, idle: false }, { id: 'b', zoneId: 'lobby', x: 5, z: 5, yaw: 0, name: null, idle: false }], 1_250)
    expect(avatarPose(track, 1_300).x).toBeCloseTo(1)
    expect(avatarsMoving(1_300)).toBe(true)
    expect(avatarPose(track, 1_400).x).toBeCloseTo(2)
    expect(avatarsMoving(1_400)).toBe(false)
    // whoever the server no longer lists is gone
    receiveAvatars([], 1_500)
    expect(avatarTracks().size).toBe(0)
  })
})

describe('presence settings', () => {
  it('are anonymous and visible by default, and anything unreadable reads as that', () => {
    const storage = new Map<string, string>()
    const store = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) }
    expect(readPresenceSettings(store)).toEqual({ name: null, invisible: false })
    writePresenceSettings({ name: 'Mina', invisible: true }, store)
    expect(readPresenceSettings(store)).toEqual({ name: 'Mina', invisible: true })
    storage.set(PRESENCE_STORAGE_KEY, '{"version":99,"name":"x","invisible":true}')
    expect(readPresenceSettings(store)).toEqual({ name: null, invisible: false })
    storage.set(PRESENCE_STORAGE_KEY, '{broken')
    expect(readPresenceSettings(store)).toEqual({ name: null, invisible: false })
  })
})
