/** Presence sheds before it slows anything else: a client that is not reading misses avatar frames, then is dropped. */
import { afterEach, describe, expect, it } from 'vitest'
import { avatarsOf, emptyAvatarView, readAvatarFrame } from '../../src/live/avatarFrame'
import type { AvatarState, ServerMessage } from '../../src/live/protocol'
import { PresenceWorld, type PresenceSocket } from '../../server/live/presence'
import { LocalPresenceBus } from '../../server/live/presenceBus'
import { testContent } from '../helpers/serverApp'

class FakeSocket implements PresenceSocket {
  bufferedAmount = 0
  terminated = false
  readonly sent: ServerMessage[] = []
  /** The avatars as a client applying every frame sees them, after each frame. */
  readonly frames: AvatarState[][] = []
  private readonly view = emptyAvatarView()
  send(data: string | Uint8Array) {
    if (typeof data === 'string') return void this.sent.push(JSON.parse(data) as ServerMessage)
    expect(readAvatarFrame(this.view, data)).not.toBeNull()
    this.frames.push(avatarsOf(this.view))
  }
  ping() {}
  terminate() {
    this.terminated = true
  }
  avatarFrames() {
    return this.frames.length
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
let world: PresenceWorld | undefined
afterEach(async () => {
  await world?.stop()
})

function join(world: PresenceWorld, socket: FakeSocket, x: number) {
  const id = world.connect(socket)
  const say = (message: object) => world.receive(id, Buffer.from(JSON.stringify(message)), false)
  say({ type: 'hello', name: null, invisible: false, zoneId: 'ai' })
  say({ type: 'pose', zoneId: 'ai', x, z: 40, yaw: 0 })
  return { id, say }
}

describe('shedding', () => {
  it('skips the avatar frames of a client whose socket is backed up, and catches it up once it drains', async () => {
    world = new PresenceWorld({ zones: testContent().zones, bus: new LocalPresenceBus(), timings: { avatarsMs: 20, countsMs: 20 } })
    await world.start()
    const slow = new FakeSocket()
    const other = new FakeSocket()
    join(world, slow, 10)
    slow.bufferedAmount = 200 * 1024
    const mover = join(world, other, 12)
    for (let i = 0; i < 5; i++) {
      mover.say({ type: 'pose', zoneId: 'ai', x: 12 + i, z: 40, yaw: 0 })
      await wait(30)
    }
    expect(slow.avatarFrames()).toBe(0)
    expect(other.avatarFrames()).toBeGreaterThan(0)
    slow.bufferedAmount = 0
    await wait(80)
    // its first frame after the backlog: the mover where it is now, not where it was when the frames were skipped
    expect(slow.frames.at(-1)).toMatchObject([{ id: mover.id, x: 16 }])
    expect(slow.terminated).toBe(false)
  })

  it('drops a client that stopped reading altogether instead of holding its frames in memory', async () => {
    world = new PresenceWorld({ zones: testContent().zones, bus: new LocalPresenceBus(), timings: { avatarsMs: 20, countsMs: 20 } })
    await world.start()
    const gone = new FakeSocket()
    join(world, gone, 10)
    gone.bufferedAmount = 2 * 1024 * 1024
    join(world, new FakeSocket(), 12)
    await wait(80)
    expect(gone.terminated).toBe(true)
    expect(world.counts()).toMatchObject({ online: 1 })
  })
})
