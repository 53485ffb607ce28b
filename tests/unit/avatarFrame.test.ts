/** The avatars frame: deltas a client applies to end with exactly the server's view, whole or not at all. */
import { describe, expect, it } from 'vitest'
import { ZONE_IDS } from '../../src/content/schema'
import { FRAME_DELTA, FRAME_FULL, avatarsOf, emptyAvatarView, quantiseYaw, readAvatarFrame, yawOf, type AvatarView } from '../../src/live/avatarFrame'
import { AvatarTable, SentView, writeFollowFrame, writeSelectionFrame } from '../../src/live/avatarFrameWriter'
import { MAX_AVATARS, type AvatarState } from '../../src/live/protocol'
import { seededRandom } from '../../src/seededRandom'
import { FrameWriter, fullFrameOf } from '../helpers/avatarFrames'

const avatar = (id: string, x: number, z = 0, more: Partial<AvatarState> = {}): AvatarState => ({ id, zoneId: 'ai', x, z, yaw: 0, name: null, idle: false, ...more })

/** What the client should see: the server's avatars as the frame quantises them. */
const quantised = (avatars: AvatarState[]) =>
  avatars.map((a) => ({ ...a, x: Math.round(a.x * 10) / 10, z: Math.round(a.z * 10) / 10, yaw: yawOf(quantiseYaw(a.yaw)) }))
const byId = (avatars: AvatarState[]) => [...avatars].sort((a, b) => (a.id < b.id ? -1 : 1))
const snapshot = (view: AvatarView) => ({ slots: view.slots.map((s) => (s ? { ...s } : null)), slotOf: new Map(view.slotOf) })
/** The client's view must hold exactly what the server's says it sent, and find each visitor in its slot. */
const expectSame = (client: AvatarView, server: FrameWriter) => {
  expect(client.slots).toEqual(server.sent())
  expect(new Map(client.slots.flatMap((slot, i) => (slot ? [[slot.id, i] as const] : [])))).toEqual(client.slotOf)
}

describe('avatar frames', () => {
  it('a client applying every delta ends with exactly the server’s view, through enters, steps, jumps, renames, zone changes and leaves', () => {
    const random = seededRandom(7)
    const server = new FrameWriter()
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
        frame = server.select(near, round % 97 === 0)
      } else {
        const gone = new Set(pool.filter(() => random() < 0.05).map((v) => v.id))
        const shown = new Set(server.sent().map((slot) => slot?.id))
        near = pool.filter((v) => shown.has(v.id) && !gone.has(v.id))
        frame = server.follow((id) => (gone.has(id) ? null : pool.find((v) => v.id === id)!))
      }
      if (frame) {
        if (frame[0] === FRAME_FULL) full++
        expect(readAvatarFrame(client, frame)).not.toBeNull()
      }
      expectSame(client, server)
      expect(byId(avatarsOf(client))).toEqual(byId(quantised(near)))
    }
    expect(full).toBe(4)
  })

  it('writes nothing when nothing changed, a few bytes for a step, and a leave when a slot is not reused', () => {
    const server = new FrameWriter()
    const client = emptyAvatarView()
    const apply = (next: AvatarState[], full = false) => {
      const frame = server.select(next, full)
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
    const server = new FrameWriter()
    const client = emptyAvatarView()
    readAvatarFrame(client, server.select([avatar('a', 1), avatar('b', 2)], true)!)
    const frame = server.select([avatar('a', 1), avatar('c', 3)])!
    expect(frame[1]).toBe((3 << 6) | 1)
    expect(readAvatarFrame(client, frame)).toEqual([1])
    expect(avatarsOf(client).map((a) => a.id)).toEqual(['a', 'c'])
    expect(client.slotOf.has('b')).toBe(false)
  })

  it('follows the visitors shown: one who went out of sight or out of the zones around leaves, a new zone, name or idle is an enter again', () => {
    const table = new AvatarTable()
    const view = new SentView()
    const client = emptyAvatarView()
    const ana = table.add(avatar('ana', 1))
    const ben = table.add(avatar('ben', 2))
    const cho = table.add(avatar('cho', 3))
    readAvatarFrame(client, writeSelectionFrame(table, view, [ana, ben, cho], 3, true)!)
    const around = new Uint8Array(ZONE_IDS.length)
    around[ZONE_IDS.indexOf('ai')] = 1
    expect(writeFollowFrame(table, view, around)).toBeNull()
    table.update(ana, avatar('ana', 1, 0, { name: 'Ana' }))
    table.update(ben, avatar('ben', 2, 0, { zoneId: 'korea-pavilion' }))
    table.remove(cho)
    const frame = writeFollowFrame(table, view, around)!
    // ana again in full (op 3, slot 0), ben (slot 1) and cho (slot 2) leave
    expect([frame[1], frame.at(-2), frame.at(-1)]).toEqual([(3 << 6) | 0, (2 << 6) | 1, (2 << 6) | 2])
    expect(readAvatarFrame(client, frame)).toEqual([0, 1, 2])
    expect(avatarsOf(client)).toEqual([{ ...avatar('ana', 1, 0, { name: 'Ana' }) }])
    table.setIdle(ana, true)
    expect(readAvatarFrame(client, writeFollowFrame(table, view, around)!)).toEqual([0])
    expect(avatarsOf(client)[0].idle).toBe(true)
  })

  it('never takes a newcomer for the visitor whose handle it was given: not before the round ends, and not in a view that held the old one', () => {
    const table = new AvatarTable()
    const view = new SentView()
    const client = emptyAvatarView()
    const ana = table.add(avatar('ana', 1))
    readAvatarFrame(client, writeSelectionFrame(table, view, [ana], 1, true)!)
    table.remove(ana)
    // the round under way may still list ana's handle: a newcomer gets another
    const ben = table.add(avatar('ben', 2))
    expect(ben).not.toBe(ana)
    table.release()
    const cho = table.add(avatar('cho', 3))
    expect(cho).toBe(ana)
    // the view held ana under that handle: ana leaves, and cho is not shown in her place
    const follow = writeFollowFrame(table, view, new Uint8Array(ZONE_IDS.length).fill(1))!
    expect([...follow]).toEqual([FRAME_DELTA, (2 << 6) | 0])
    readAvatarFrame(client, follow)
    expect(avatarsOf(client)).toEqual([])
    // chosen, cho enters; repeats and more than MAX_AVATARS are ignored
    const many = [cho, cho, ben, ...Array.from({ length: MAX_AVATARS + 5 }, (_, i) => table.add(avatar(`v${i}`, i)))]
    expect(readAvatarFrame(client, writeSelectionFrame(table, view, many, many.length)!)).not.toBeNull()
    expect(avatarsOf(client).map((a) => a.id).slice(0, 3)).toEqual(['cho', 'ben', 'v0'])
    expect(avatarsOf(client)).toHaveLength(MAX_AVATARS)
    // chosen again in the slot of the visitor whose handle it got, a newcomer replaces that visitor
    const gone = many[3]
    table.remove(gone)
    table.release()
    const dae = table.add(avatar('dae', 9))
    expect(dae).toBe(gone)
    expect(readAvatarFrame(client, writeSelectionFrame(table, view, [dae], 1)!)).not.toBeNull()
    expect(avatarsOf(client)).toEqual([avatar('dae', 9)])
  })

  it('refuses a malformed frame whole and leaves the view as it was', () => {
    const client = emptyAvatarView()
    readAvatarFrame(client, fullFrameOf([avatar('a', 1), avatar('b', 2)]))
    const before = snapshot(client)
    const enter = fullFrameOf([avatar('c', 3, 4, { name: 'Ana' })])
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
