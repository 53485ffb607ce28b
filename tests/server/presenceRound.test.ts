/**
 * A round that yields between its batches sends what arrived meanwhile: the clients still to come in the round get
 * a pose that arrived after it began, and never a visitor that went out of sight after it began.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ZONE_IDS } from '../../src/content/schema'
import { avatarsOf, emptyAvatarView, readAvatarFrame } from '../../src/live/avatarFrame'
import type { AvatarState } from '../../src/live/protocol'
import { PresenceWorld, type PresenceSocket } from '../../server/live/presence'
import { LocalPresenceBus } from '../../server/live/presenceBus'
import { testContent } from '../helpers/serverApp'

class FakeSocket implements PresenceSocket {
  bufferedAmount = 0
  /** The avatars as a client applying every frame sees them, after each frame. */
  readonly frames: AvatarState[][] = []
  /** Runs once, as the next avatar frame goes out. */
  onFrame: (() => void) | null = null
  private readonly view = emptyAvatarView()
  send(data: string | Uint8Array) {
    if (typeof data === 'string') return
    expect(readAvatarFrame(this.view, data)).not.toBeNull()
    this.frames.push(avatarsOf(this.view))
    const onFrame = this.onFrame
    this.onFrame = null
    onFrame?.()
  }
  ping() {}
  terminate() {}
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
let world: PresenceWorld | undefined
afterEach(async () => {
  await world?.stop()
})

/**
 * A first, then enough connections that never say hello to fill the round's first batch (200 clients), then B and
 * X: A is written in the first batch, B and X in the second, after the round has yielded once.
 */
async function hall() {
  // reselection only when needed: the rounds after the first write update frames
  world = new PresenceWorld({ zones: testContent().zones, bus: new LocalPresenceBus(), timings: { avatarsMs: 20, reselectMs: 600_000 } })
  const join = (socket: FakeSocket, x: number) => {
    const id = world!.connect(socket)
    const say = (message: object) => world!.receive(id, Buffer.from(JSON.stringify(message)), false)
    say({ type: 'hello', name: null, invisible: false, zoneId: 'ai' })
    say({ type: 'pose', zoneId: 'ai', x, z: 40, yaw: 0 })
    return { id, say }
  }
  const a = new FakeSocket()
  const b = new FakeSocket()
  join(a, 10)
  for (let i = 0; i < 199; i++) world.connect(new FakeSocket())
  join(b, 11)
  const x = join(new FakeSocket(), 12)
  return { a, b, x, start: () => world!.start() }
}

describe('an avatars round', () => {
  it('sends a pose that arrived while it yielded to the clients it has yet to reach', async () => {
    const { a, b, x, start } = await hall()
    await start()
    await wait(60)
    expect(b.frames.at(-1)).toContainEqual(expect.objectContaining({ id: x.id, x: 12 }))
    const seen = b.frames.length
    // the next round: while it writes A's frame (first batch), X moves again, as a message handled between batches
    a.onFrame = () => setImmediate(() => x.say({ type: 'pose', zoneId: 'ai', x: 14, z: 40, yaw: 0 }))
    x.say({ type: 'pose', zoneId: 'ai', x: 13, z: 40, yaw: 0 })
    await wait(60)
    // B's very next frame, in that same round, already has X at 14: it never saw 13
    expect(b.frames[seen]).toContainEqual(expect.objectContaining({ id: x.id, x: 14 }))
    expect(b.frames.slice(seen).some((avatars) => avatars.some((avatar) => avatar.id === x.id && avatar.x === 13))).toBe(false)
  })

  it('offers a visitor that went invisible while it yielded to none of the clients it has yet to reach', async () => {
    const { a, b, x, start } = await hall()
    // the first round chooses everyone's nearest: X turns invisible while A's frame goes out
    a.onFrame = () => setImmediate(() => x.say({ type: 'status', invisible: true }))
    await start()
    await wait(60)
    expect(a.frames[0].map((avatar) => avatar.id)).toContain(x.id)
    expect(b.frames.length).toBeGreaterThan(0)
    expect(b.frames.flat().map((avatar) => avatar.id)).not.toContain(x.id)
  })

  it('takes a visitor who walked out of the zones around a client out of its view before its nearest are chosen again', async () => {
    const { b, x, start } = await hall()
    await start()
    await wait(60)
    expect(b.frames.at(-1)!.map((avatar) => avatar.id)).toContain(x.id)
    const far = ZONE_IDS.find((zone) => zone !== 'ai' && !world!.neighboursOf('ai').includes(zone))!
    x.say({ type: 'pose', zoneId: far, x: 12, z: 40, yaw: 0 })
    await wait(60)
    expect(b.frames.at(-1)!.map((avatar) => avatar.id)).not.toContain(x.id)
  })
})
