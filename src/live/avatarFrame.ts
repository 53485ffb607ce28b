/**
 * The avatars frame: a binary WebSocket message that takes a client's view of the visitors near it from what it
 * knew to what the server sees now. 2,000 visitors at 5 poses a second, 50 shown to each, made the old full JSON
 * list about 20 KB/s per client; this frame carries only what changed, in a few bytes an avatar.
 *
 * Both ends keep the same `AvatarView`: MAX_AVATARS slots, each empty or holding one visitor as last told. The
 * server keeps one per client (what it has sent), writes a frame from it and the visitors the client should now
 * see, and updates it as it writes; the client applies the frame to its own copy. Poses are quantised before they
 * are compared, so both copies hold the very same integers and never drift apart.
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
const OP_MOVE = 0
const OP_PLACE = 1
const OP_LEAVE = 2
const OP_ENTER = 3
const FLAG_IDLE = 1
const FLAG_NAME = 2
/** Longer ids are not ours (the server makes 12 characters): such a visitor is left out rather than cut. */
const ID_MAX_BYTES = 64
const NAME_MAX_BYTES = 255
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

const ZONE_INDEX = new Map<string, number>(ZONE_IDS.map((zone, i) => [zone, i]))
const quantise = (metres: number) => Math.max(-32_768, Math.min(32_767, Math.round(metres * 10)))
export const quantiseYaw = (radians: number) => Math.round((radians / TURN) * 256) & 255
export const yawOf = (quantised: number) => ((quantised >= 128 ? quantised - 256 : quantised) / 256) * TURN

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })
/** Large enough for a full frame of MAX_AVATARS entries with the longest ids and names. */
const scratch = new Uint8Array(1 + MAX_AVATARS * (10 + 1 + ID_MAX_BYTES + 1 + NAME_MAX_BYTES))
const scratchView = new DataView(scratch.buffer)

/**
 * One visitor as a frame carries it (quantised, name fitted): what the server makes once per visitor and round,
 * however many clients it goes to. Null when it cannot go in a frame at all (an id that is not one of ours).
 */
export function quantiseAvatar(avatar: AvatarState): AvatarSlot | null {
  const zone = ZONE_INDEX.get(avatar.zoneId)
  if (zone === undefined || avatar.id === '' || !fits(avatar.id, ID_MAX_BYTES)) return null
  // a name too long for the frame (never one of ours: names are at most DISPLAY_NAME_MAX) is shown as no name
  const name = avatar.name !== null && fits(avatar.name, NAME_MAX_BYTES) ? avatar.name : null
  return { id: avatar.id, zone, x: quantise(avatar.x), z: quantise(avatar.z), yaw: quantiseYaw(avatar.yaw), name, idle: avatar.idle }
}

/**
 * The frame that takes a client holding `view` to seeing `next` (at most MAX_AVATARS, the rest ignored), and
 * `view` updated to match; null when nothing changed. `full` starts the client from nothing (after a
 * (re)connection, or a tab back from the background), so a full frame is written even when `next` is empty.
 */
export function writeAvatarFrame(view: AvatarView, next: readonly AvatarState[], full = false): Uint8Array | null {
  return writeQuantisedFrame(
    view,
    next.map(quantiseAvatar).filter((avatar) => avatar !== null),
    full,
  )
}

// reused from frame to frame: the server writes thousands a second
const wanted = new Map<string, AvatarSlot>()
const freed: number[] = []

/** Where a written frame is copied to: its own bytes by default; the server passes Node's pooled Buffer. */
export type FrameAllocator = (length: number) => Uint8Array
const ownBytes: FrameAllocator = (length) => new Uint8Array(length)

function finish(at: number, allocate: FrameAllocator): Uint8Array {
  const frame = allocate(at)
  frame.set(scratch.subarray(0, at))
  return frame
}

/** writeAvatarFrame for visitors already quantised (the entries are copied into the view, never kept). */
export function writeQuantisedFrame(view: AvatarView, next: readonly AvatarSlot[], full = false, allocate = ownBytes): Uint8Array | null {
  if (full) clearView(view)
  let at = 0
  scratch[at++] = full ? FRAME_FULL : FRAME_DELTA
  wanted.clear()
  for (const avatar of next) {
    if (wanted.size >= MAX_AVATARS) break
    wanted.set(avatar.id, avatar)
  }
  // slots whose visitor is no longer wanted: a newcomer takes them over (one ENTER, no LEAVE), or they are emptied
  freed.length = 0
  for (let slot = 0; slot < view.slots.length; slot++) {
    const held = view.slots[slot]
    if (held && !wanted.has(held.id)) {
      view.slotOf.delete(held.id)
      view.slots[slot] = null
      freed.push(slot)
    }
  }
  let reuse = 0
  for (const avatar of wanted.values()) {
    let slot = view.slotOf.get(avatar.id)
    const held = slot === undefined ? null : view.slots[slot]
    if (held && held.zone === avatar.zone && held.name === avatar.name && held.idle === avatar.idle) {
      if (held.x !== avatar.x || held.z !== avatar.z || held.yaw !== avatar.yaw) at = writeStep(at, slot!, held, avatar)
      continue
    }
    if (slot === undefined) {
      slot = reuse < freed.length ? freed[reuse++] : view.slots.indexOf(null)
      view.slotOf.set(avatar.id, slot)
    }
    view.slots[slot] = { ...avatar }
    at = writeEnter(at, slot, avatar)
  }
  for (; reuse < freed.length; reuse++) scratch[at++] = (OP_LEAVE << 6) | freed[reuse]
  return at === 1 && !full ? null : finish(at, allocate)
}

/**
 * The frame for a round that keeps the client's visitors and only passes on what became of each: `now` gives a
 * visitor as it is (quantised), or null when it left the client's surroundings (a LEAVE). Slot by slot, with no
 * lookup by id beyond `now`'s: the server's common round, four in five. The view is updated to match.
 */
export function writeUpdateFrame(view: AvatarView, now: (id: string) => AvatarSlot | null, allocate = ownBytes): Uint8Array | null {
  let at = 1
  scratch[0] = FRAME_DELTA
  for (let slot = 0; slot < view.slots.length; slot++) {
    const held = view.slots[slot]
    if (!held) continue
    const avatar = now(held.id)
    if (!avatar) {
      view.slots[slot] = null
      view.slotOf.delete(held.id)
      scratch[at++] = (OP_LEAVE << 6) | slot
    } else if (held.zone !== avatar.zone || held.name !== avatar.name || held.idle !== avatar.idle) {
      view.slots[slot] = { ...avatar }
      at = writeEnter(at, slot, avatar)
    } else if (held.x !== avatar.x || held.z !== avatar.z || held.yaw !== avatar.yaw) {
      at = writeStep(at, slot, held, avatar)
    }
  }
  return at === 1 ? null : finish(at, allocate)
}

/** A MOVE (or a PLACE when the step is too long for a byte), and `held` moved to match. */
function writeStep(at: number, slot: number, held: AvatarSlot, avatar: AvatarSlot): number {
  const dx = avatar.x - held.x
  const dz = avatar.z - held.z
  if (dx >= -128 && dx <= 127 && dz >= -128 && dz <= 127) {
    scratch[at] = (OP_MOVE << 6) | slot
    scratchView.setInt8(at + 1, dx)
    scratchView.setInt8(at + 2, dz)
    at += 3
  } else {
    scratch[at] = (OP_PLACE << 6) | slot
    scratchView.setInt16(at + 1, avatar.x, true)
    scratchView.setInt16(at + 3, avatar.z, true)
    at += 5
  }
  scratch[at++] = avatar.yaw
  held.x = avatar.x
  held.z = avatar.z
  held.yaw = avatar.yaw
  return at
}

function writeEnter(at: number, slot: number, avatar: AvatarSlot): number {
  scratch[at++] = (OP_ENTER << 6) | slot
  scratch[at++] = avatar.zone
  scratchView.setInt16(at, avatar.x, true)
  scratchView.setInt16(at + 2, avatar.z, true)
  at += 4
  scratch[at++] = avatar.yaw
  const name = avatar.name === null ? null : encoder.encode(avatar.name)
  scratch[at++] = (avatar.idle ? FLAG_IDLE : 0) | (name ? FLAG_NAME : 0)
  at = writeBytes(at, encoder.encode(avatar.id))
  return name ? writeBytes(at, name) : at
}

/** Whether a text's UTF-8 fits in `max` bytes (at most 3 bytes per UTF-16 unit: encoded only when it might not). */
const fits = (text: string, max: number) => text.length * 3 <= max || encoder.encode(text).length <= max

function writeBytes(at: number, bytes: Uint8Array): number {
  scratch[at++] = bytes.length
  scratch.set(bytes, at)
  return at + bytes.length
}

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
