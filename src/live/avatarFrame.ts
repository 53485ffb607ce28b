/**
 * The avatars frame: a binary WebSocket message that takes a client's view of the visitors near it from what it
 * knew to what the server sees now. 2,000 visitors at 5 poses a second, 50 shown to each, made the old full JSON
 * list about 20 KB/s per client; this frame carries only what changed, in a few bytes an avatar.
 *
 * Both ends keep the same view: MAX_AVATARS slots, each empty or holding one visitor as last told. The server keeps
 * one per client (what it has sent, in typed arrays: avatarFrameWriter.ts), writes a frame from it and the visitors
 * the client should now see, and updates it as it writes; the client applies the frame to its `AvatarView`. Poses
 * are quantised before they are compared, so both copies hold the very same integers and never drift apart.
 *
 * Layout (little-endian): byte 0 is the kind (FULL: the client empties its view first; DELTA: changes only), then
 * records, each opening with one byte `op << 6 | slot`:
 *   MOVE  (0): dx int8, dz int8, yaw uint8       a step of under 12.8 m from the slot's last position
 *   PLACE (1): x int16, z int16, yaw uint8       anywhere else
 *   LEAVE (2):                                   the slot is empty now
 *   ENTER (3): zone uint8, x int16, z int16, yaw uint8, flags uint8 (1: idle, 2: has a name),
 *              id length uint8 + UTF-8, [name length uint8 + UTF-8]   a visitor (new, or its zone, name or idle changed)
 * Positions are decimetres, the heading is a 256th of a turn. Pure TypeScript: no DOM, no Node.
 */
import { ZONE_IDS } from '../content/schema'
import { MAX_AVATARS, type AvatarState } from './protocol'

export const FRAME_FULL = 1
export const FRAME_DELTA = 2
export const OP_MOVE = 0
export const OP_PLACE = 1
export const OP_LEAVE = 2
export const OP_ENTER = 3
export const FLAG_IDLE = 1
export const FLAG_NAME = 2
/** Longer ids are not ours (the server makes 12 characters): such a visitor is left out rather than cut. */
export const ID_MAX_BYTES = 64
export const NAME_MAX_BYTES = 255
const TURN = 2 * Math.PI

/** One visitor in a slot, quantised: exactly what both ends hold. */
export interface AvatarSlot {
  id: string
  zone: number
  /** Decimetres. */
  x: number
  z: number
  /** 256ths of a turn, 0..255. */
  yaw: number
  name: string | null
  idle: boolean
}

export interface AvatarView {
  readonly slots: (AvatarSlot | null)[]
  readonly slotOf: Map<string, number>
}

export function emptyAvatarView(): AvatarView {
  return { slots: Array.from({ length: MAX_AVATARS }, () => null), slotOf: new Map() }
}

function clearView(view: AvatarView): void {
  view.slots.fill(null)
  view.slotOf.clear()
}

export const quantiseYaw = (radians: number) => Math.round((radians / TURN) * 256) & 255
export const yawOf = (quantised: number) => ((quantised >= 128 ? quantised - 256 : quantised) / 256) * TURN

const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * Applies a frame to the client's view, whole or not at all: anything malformed (cut short, a slot out of range,
 * a move of an empty slot, an unknown zone, one visitor in two slots) leaves the view as it was and returns null.
 * Otherwise returns the slots the frame touched. Two passes over the bytes, the first only checking, so a frame
 * costs no allocation beyond its newcomers.
 */
export function readAvatarFrame(view: AvatarView, frame: Uint8Array): number[] | null {
  if (frame.length === 0 || (frame[0] !== FRAME_FULL && frame[0] !== FRAME_DELTA)) return null
  const data = new DataView(frame.buffer, frame.byteOffset, frame.byteLength)
  const full = frame[0] === FRAME_FULL
  // who is where as the frame goes on, checked on a copy
  const occupied = full ? new Array<string | null>(MAX_AVATARS).fill(null) : view.slots.map((slot) => slot?.id ?? null)
  const entries: AvatarSlot[] = []
  try {
    for (let at = 1; at < frame.length; ) {
      const op = frame[at] >> 6
      const slot = frame[at++] & 63
      if (slot >= MAX_AVATARS) return null
      if (op === OP_ENTER) {
        const zone = data.getUint8(at)
        const flags = data.getUint8(at + 6)
        const [id, afterId] = readText(frame, at + 7)
        const [name, afterName] = flags & FLAG_NAME ? readText(frame, afterId) : [null, afterId]
        if (zone >= ZONE_IDS.length || id === '') return null
        const elsewhere = occupied.indexOf(id)
        if (elsewhere !== -1 && elsewhere !== slot) return null
        entries.push({ id, zone, x: data.getInt16(at + 1, true), z: data.getInt16(at + 3, true), yaw: data.getUint8(at + 5), name, idle: (flags & FLAG_IDLE) !== 0 })
        occupied[slot] = id
        at = afterName
        continue
      }
      if (occupied[slot] === null) return null
      if (op === OP_LEAVE) occupied[slot] = null
      at += op === OP_MOVE ? 3 : op === OP_PLACE ? 5 : 0
      // a read past the end throws, as a cut-short enter does
      if (at > frame.length) throw new RangeError('cut short')
    }
  } catch {
    // cut short, or a text that is not UTF-8
    return null
  }
  if (full) clearView(view)
  const touched: number[] = []
  let entered = 0
  for (let at = 1; at < frame.length; ) {
    const op = frame[at] >> 6
    const slot = frame[at++] & 63
    const held = view.slots[slot]
    touched.push(slot)
    if (op === OP_MOVE) {
      held!.x += data.getInt8(at)
      held!.z += data.getInt8(at + 1)
      held!.yaw = frame[at + 2]
      at += 3
    } else if (op === OP_PLACE) {
      held!.x = data.getInt16(at, true)
      held!.z = data.getInt16(at + 2, true)
      held!.yaw = frame[at + 4]
      at += 5
    } else {
      if (held) view.slotOf.delete(held.id)
      view.slots[slot] = null
      if (op === OP_ENTER) {
        const entry = entries[entered++]
        view.slots[slot] = entry
        view.slotOf.set(entry.id, slot)
        // past the fixed part, the id and the name
        at += 7
        at += 1 + frame[at]
        if (entry.name !== null) at += 1 + frame[at]
      }
    }
  }
  return touched
}

function readText(frame: Uint8Array, at: number): [string, number] {
  const length = frame[at]
  if (length === undefined || at + 1 + length > frame.length) throw new RangeError('cut short')
  return [decoder.decode(frame.subarray(at + 1, at + 1 + length)), at + 1 + length]
}

/** One slot as the app uses it: metres and radians. */
export function avatarOf(slot: AvatarSlot): AvatarState {
  return { id: slot.id, zoneId: ZONE_IDS[slot.zone], x: slot.x / 10, z: slot.z / 10, yaw: yawOf(slot.yaw), name: slot.name, idle: slot.idle }
}

/** Everyone in the view, in slot order. */
export function avatarsOf(view: AvatarView): AvatarState[] {
  const avatars: AvatarState[] = []
  for (const slot of view.slots) if (slot) avatars.push(avatarOf(slot))
  return avatars
}
