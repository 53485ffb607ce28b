/** The avatars frame: deltas a client applies to end with exactly the server's view, whole or not at all. */
import { describe, expect, it } from 'vitest'
import { ZONE_IDS } from '../../src/content/schema'
import {
  FRAME_DELTA,
  FRAME_FULL,
  avatarsOf,
  emptyAvatarView,
  quantiseAvatar,
  quantiseYaw,
  readAvatarFrame,
  writeAvatarFrame,
  writeUpdateFrame,
  yawOf,
  type AvatarView,
} from '../../src/live/avatarFrame'
import { MAX_AVATARS, type AvatarState } from '../../src/live/protocol'
import { seededRandom } from '../../src/seededRandom'

const avatar = (id: string, x: number, z = 0, more: Partial<AvatarState> = {}): AvatarState => ({ id, zoneId: 'ai', x, z, yaw: 0, name: null, idle: false, ...more })

/** What the client should see: the server's avatars as the frame quantises them. */
const quantised = (avatars: AvatarState[]) =>
  avatars.map((a) => ({ ...a, x: Math.round(a.x * 10) / 10, z: Math.round(a.z * 10) / 10, yaw: yawOf(quantiseYaw(a.yaw)) }))
const byId = (avatars: AvatarState[]) => [...avatars].sort((a, b) => (a.id < b.id ? -1 : 1))
const snapshot = (view: AvatarView) => ({ slots: view.slots.map((s) => (s ? { ...s } : null)), slotOf: new Map(view.slotOf) })

describe('avatar frames', () => {
  it('a client applying every delta ends with exactly the server’s view, through enters, steps, jumps, renames, zone changes and leaves', () => {
    const random = seededRandom(7)
    const server = emptyAvatarView()
    const client = emptyAvatarView()
    // a pool of 120 visitors walking, jumping, renaming, going idle, changing zone; each round the client is told of up to 60 (the frame keeps 50)
    const pool = Array.from({ length: 120 }, (_, i) => avatar(`visitor-${i}`, random() * 200 - 100, random() * 200 - 100))
    let full = 0
    for (let round = 0; round < 400; round++) {
      for (const visitor of pool) {
        const r = random()
        if (r < 0.6) Object.assign(visitor, { x: visitor.x + random() * 2 - 1, z: visitor.z + random() * 2 - 1, yaw: random() * 20 - 10 })
        else if (r < 0.62) Object.assign(visitor, { x: random() * 4000 - 2000, z: random() * 4000 - 2000 })
        else if (r < 0.63) visitor.name = random() < 0.5 ? null : `名字 ${Math.floor(random() * 100)}`
        else if (r < 0.64) visitor.idle = !visitor.idle
        else if (r < 0.65) visitor.zoneId = ZONE_IDS[Math.floor(random() * ZONE_IDS.length)]
      }
      // two rounds in three choose who is near again; the others only update those already shown (some of whom left)
      let near: AvatarState[]
      let frame: Uint8Array | null
      if (round % 3 !== 2) {
        const start = Math.floor(random() * 60)
        near = pool.slice(start, start + Math.floor(random() * 61)).slice(0, MAX_AVATARS)
        frame = writeAvatarFrame(server, near, round % 97 === 0)
      } else {
        const gone = new Set(pool.filter(() => random() < 0.05).map((v) => v.id))
        near = pool.filter((v) => server.slotOf.has(v.id) && !gone.has(v.id))
        frame = writeUpdateFrame(server, (id) => {
          const visitor = pool.find((v) => v.id === id)!
          return gone.has(id) ? null : quantiseAvatar(visitor)
        })
      }
      if (frame) {
        if (frame[0] === FRAME_FULL) full++
        expect(readAvatarFrame(client, frame)).not.toBeNull()
      }
      expect(snapshot(client)).toEqual(snapshot(server))
      expect(byId(avatarsOf(client))).toEqual(byId(quantised(near)))
    }
    expect(full).toBe(4)
  })

  it('writes nothing when nothing changed, a few bytes for a step, and a leave when a slot is not reused', () => {
    const server = emptyAvatarView()
    const client = emptyAvatarView()
    const apply = (next: AvatarState[], full = false) => {
      const frame = writeAvatarFrame(server, next, full)
      if (frame) readAvatarFrame(client, frame)
      return frame
    }
    expect(apply([avatar('a', 1), avatar('b', 2)], true)![0]).toBe(FRAME_FULL)
    expect(apply([avatar('a', 1), avatar('b', 2)])).toBeNull()
    // moves under the quantum (a decimetre, a 256th of a turn) are standing still
    expect(apply([avatar('a', 1.04), avatar('b', 2, 0, { yaw: 0.01 })])).toBeNull()
    expect(apply([avatar('a', 1.5), avatar('b', 2)])).toEqual(new Uint8Array([FRAME_DELTA, 0, 5, 0, 0]))
    const leave = apply([avatar('a', 1.5)])!
    expect([...leave]).toEqual([FRAME_DELTA, (2 << 6) | 1])
    expect(avatarsOf(client).map((a) => a.id)).toEqual(['a'])
    // a full frame with nobody near still goes out: the client empties its view
    expect([...apply([], true)!]).toEqual([FRAME_FULL])
    expect(avatarsOf(client)).toEqual([])
  })

  it('a newcomer takes over a leaver’s slot without a separate leave', () => {
    const server = emptyAvatarView()
    const client = emptyAvatarView()
    readAvatarFrame(client, writeAvatarFrame(server, [avatar('a', 1), avatar('b', 2)], true)!)
    const frame = writeAvatarFrame(server, [avatar('a', 1), avatar('c', 3)])!
    expect(frame[1]).toBe((3 << 6) | 1)
    expect(readAvatarFrame(client, frame)).toEqual([1])
    expect(avatarsOf(client).map((a) => a.id)).toEqual(['a', 'c'])
    expect(client.slotOf.has('b')).toBe(false)
  })

  it('refuses a malformed frame whole and leaves the view as it was', () => {
    const server = emptyAvatarView()
    const client = emptyAvatarView()
    readAvatarFrame(client, writeAvatarFrame(server, [avatar('a', 1), avatar('b', 2)], true)!)
    const before = snapshot(client)
    const enter = writeAvatarFrame(emptyAvatarView(), [avatar('c', 3, 4, { name: 'Ana' })], true)!
    const bad = [
      new Uint8Array([]),
      new Uint8Array([9]),
      // a step of an empty slot, a slot past MAX_AVATARS, a record cut short
      new Uint8Array([FRAME_DELTA, 7, 1, 1, 0]),
      new Uint8Array([FRAME_DELTA, 60, 1, 1, 0]),
      new Uint8Array([FRAME_DELTA, 0, 1]),
      // a good step, then a leave of an empty slot: the good step is not applied either
      new Uint8Array([FRAME_DELTA, 0, 5, 0, 0, (2 << 6) | 9]),
      // an enter cut inside its name, an unknown zone, one visitor in two slots
      enter.slice(0, enter.length - 1),
      Uint8Array.from(enter, (byte, i) => (i === 2 ? 200 : byte)),
      new Uint8Array([FRAME_DELTA, ...Uint8Array.from(enter.subarray(1), (byte, i) => (i === 0 ? (3 << 6) | 5 : byte)), ...Uint8Array.from(enter.subarray(1), (byte, i) => (i === 0 ? (3 << 6) | 6 : byte))]),
      // a name that is not UTF-8
      Uint8Array.from(enter, (byte, i) => (i === enter.length - 1 ? 0xff : byte)),
    ]
    for (const frame of bad) {
      expect(readAvatarFrame(client, frame)).toBeNull()
      expect(snapshot(client)).toEqual(before)
    }
    expect(readAvatarFrame(client, new Uint8Array([FRAME_DELTA, 0, 5, 0, 0]))).toEqual([0])
  })

  it('keeps a heading to a 256th of a turn, the short way round', () => {
    for (const yaw of [0, 1, -1, 3.1, -3.1, Math.PI, 2 * Math.PI]) {
      const back = yawOf(quantiseYaw(yaw))
      expect(Math.abs(Math.atan2(Math.sin(back - yaw), Math.cos(back - yaw)))).toBeLessThanOrEqual(Math.PI / 256 + 1e-9)
      expect(back).toBeGreaterThanOrEqual(-Math.PI)
      expect(back).toBeLessThan(Math.PI)
    }
  })
})
