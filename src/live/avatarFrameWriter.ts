/**
 * The server's side of the avatars frame (layout in avatarFrame.ts): who can be shown, and what each client was
 * last sent, in typed arrays. A round writes thousands of frames of up to MAX_AVATARS entries each; held as
 * objects (a copy per client per avatar, found again by id) that was 100,000 scattered objects and Map lookups a
 * round, and most of the round's time went to cache misses. Here a visitor is a small integer handle into one
 * table, a client's view is a few dozen bytes per slot, and writing a frame compares integers.
 *
 * A handle is reused only after `release()` (the round's start), so a round under way never mistakes a newcomer for
 * someone it listed; each reuse bumps the handle's identity, so a view still holding the old one sees it leave.
 * Pure TypeScript: no DOM, no Node.
 */
import { ZONE_IDS } from '../content/schema'
import { FRAME_DELTA, FRAME_FULL, ID_MAX_BYTES, NAME_MAX_BYTES, OP_ENTER, OP_LEAVE, OP_MOVE, OP_PLACE, FLAG_IDLE, FLAG_NAME, quantiseYaw } from './avatarFrame'
import { MAX_AVATARS, type AvatarState } from './protocol'

const ZONE_INDEX = new Map<string, number>(ZONE_IDS.map((zone, i) => [zone, i]))
const quantise = (metres: number) => Math.max(-32_768, Math.min(32_767, Math.round(metres * 10)))
const encoder = new TextEncoder()
/** A text's UTF-8, or null when it is longer than `max` bytes. */
const encodedIfFits = (text: string, max: number): Uint8Array | null => {
  const bytes = encoder.encode(text)
  return bytes.length <= max ? bytes : null
}

/** Everyone who can be shown, by handle: quantised as the frame carries them, ids and names encoded once. */
export class AvatarTable {
  /** The handle is in use (a visitor in sight). */
  alive = new Uint8Array(0)
  /** Bumped each time the handle is given to a visitor. */
  identity = new Uint32Array(0)
  /** Bumped when the visitor's zone, name or idle changes: a client that holds it is sent an ENTER again. */
  version = new Uint32Array(0)
  zone = new Uint8Array(0)
  /** Decimetres. */
  x = new Int16Array(0)
  z = new Int16Array(0)
  /** 256ths of a turn. */
  yaw = new Uint8Array(0)
  idle = new Uint8Array(0)
  readonly ids: string[] = []
  readonly names: (string | null)[] = []
  readonly idBytes: Uint8Array[] = []
  readonly nameBytes: (Uint8Array | null)[] = []
  private readonly free: number[] = []
  /** Removed since the last release: not given out again before the next round. */
  private readonly retired: number[] = []
  private used = 0

  /** Handles ever given out: every handle is below it. */
  get size(): number {
    return this.used
  }

  /** A handle for a visitor coming into sight, or -1 when it cannot go in a frame (an unknown zone, an id not ours). */
  add(avatar: AvatarState): number {
    const zone = ZONE_INDEX.get(avatar.zoneId)
    const idBytes = avatar.id === '' ? null : encodedIfFits(avatar.id, ID_MAX_BYTES)
    if (zone === undefined || !idBytes) return -1
    const handle = this.free.pop() ?? this.grow()
    this.alive[handle] = 1
    this.identity[handle]++
    this.ids[handle] = avatar.id
    this.idBytes[handle] = idBytes
    this.describe(handle, zone, avatar)
    this.place(handle, avatar)
    return handle
  }

  /** The visitor's latest pose and state, quantised in place. */
  update(handle: number, avatar: AvatarState): void {
    const zone = ZONE_INDEX.get(avatar.zoneId)
    if (zone === undefined) return
    if (zone !== this.zone[handle] || avatar.name !== this.names[handle] || Number(avatar.idle) !== this.idle[handle]) this.describe(handle, zone, avatar)
    this.place(handle, avatar)
  }

  private place(handle: number, avatar: AvatarState): void {
    this.x[handle] = quantise(avatar.x)
    this.z[handle] = quantise(avatar.z)
    this.yaw[handle] = quantiseYaw(avatar.yaw)
  }

  /** Zone, name and idle: what an ENTER carries, so a change is a new version. */
  private describe(handle: number, zone: number, avatar: AvatarState): void {
    this.zone[handle] = zone
    this.idle[handle] = avatar.idle ? 1 : 0
    this.names[handle] = avatar.name
    // a name too long for the frame (never one of ours: names are at most DISPLAY_NAME_MAX) is shown as no name
    this.nameBytes[handle] = avatar.name === null ? null : encodedIfFits(avatar.name, NAME_MAX_BYTES)
    this.version[handle]++
  }

  /** Idle or not, as the others should be told (an ENTER again when it changes). */
  setIdle(handle: number, idle: boolean): void {
    if (Number(idle) === this.idle[handle]) return
    this.idle[handle] = idle ? 1 : 0
    this.version[handle]++
  }

  /** Out of sight at once; the handle is given out again only after the next `release()`. */
  remove(handle: number): void {
    if (!this.alive[handle]) return
    this.alive[handle] = 0
    this.retired.push(handle)
  }

  /** The round's start: handles removed before now may be given out again. */
  release(): void {
    for (const handle of this.retired) this.free.push(handle)
    this.retired.length = 0
  }

  private grow(): number {
    if (this.used === this.alive.length) {
      const capacity = Math.max(256, this.used * 2)
      const widen = <T extends Uint8Array | Uint32Array | Int16Array>(old: T, make: (n: number) => T): T => {
        const next = make(capacity)
        next.set(old)
        return next
      }
      this.alive = widen(this.alive, (n) => new Uint8Array(n))
      this.identity = widen(this.identity, (n) => new Uint32Array(n))
      this.version = widen(this.version, (n) => new Uint32Array(n))
      this.zone = widen(this.zone, (n) => new Uint8Array(n))
      this.x = widen(this.x, (n) => new Int16Array(n))
      this.z = widen(this.z, (n) => new Int16Array(n))
      this.yaw = widen(this.yaw, (n) => new Uint8Array(n))
      this.idle = widen(this.idle, (n) => new Uint8Array(n))
    }
    return this.used++
  }
}

/** What one client was last sent, slot by slot: a handle (-1: empty) and the state it was told of. */
export class SentView {
  readonly handle = new Int32Array(MAX_AVATARS).fill(-1)
  readonly identity = new Uint32Array(MAX_AVATARS)
  readonly version = new Uint32Array(MAX_AVATARS)
  readonly x = new Int16Array(MAX_AVATARS)
  readonly z = new Int16Array(MAX_AVATARS)
  readonly yaw = new Uint8Array(MAX_AVATARS)

  clear(): void {
    this.handle.fill(-1)
  }
}

/** Where a written frame is copied to: its own bytes by default; the server passes Node's pooled Buffer. */
export type FrameAllocator = (length: number) => Uint8Array
const ownBytes: FrameAllocator = (length) => new Uint8Array(length)

/** Large enough for a full frame of MAX_AVATARS entries with the longest ids and names. */
const scratch = new Uint8Array(1 + MAX_AVATARS * (10 + 1 + ID_MAX_BYTES + 1 + NAME_MAX_BYTES))
const scratchView = new DataView(scratch.buffer)
/** Per handle, while a selection frame is written: 0 not wanted, -1 wanted and new, s + 1 kept in slot s. */
let marks = new Int32Array(256)
const freed: number[] = []

function finish(at: number, allocate: FrameAllocator): Uint8Array {
  const frame = allocate(at)
  frame.set(scratch.subarray(0, at))
  return frame
}

/**
 * The frame that takes a client holding `view` to seeing the visitors `selected[0..count)` (handles; at most
 * MAX_AVATARS, the rest and repeats ignored), and `view` updated to match; null when nothing changed. `full` starts
 * the client from nothing (after a (re)connection, or a tab back from the background), so a full frame is written
 * even when nobody is selected.
 */
export function writeSelectionFrame(table: AvatarTable, view: SentView, selected: ArrayLike<number>, count: number, full = false, allocate = ownBytes): Uint8Array | null {
  if (full) view.clear()
  if (marks.length < table.size) marks = new Int32Array(Math.max(table.size, marks.length * 2))
  let at = 0
  scratch[at++] = full ? FRAME_FULL : FRAME_DELTA
  let wanted = 0
  for (let i = 0; i < count && wanted < MAX_AVATARS; i++) {
    const handle = selected[i]
    if (marks[handle] !== 0) continue
    marks[handle] = -1
    wanted++
  }
  // slots whose visitor is no longer wanted: a newcomer takes them over (one ENTER, no LEAVE), or they are emptied.
  // A slot whose handle went to someone else since is kept for that someone: a new holder is a new version, so an
  // ENTER replaces the old visitor in the slot.
  freed.length = 0
  for (let slot = 0; slot < MAX_AVATARS; slot++) {
    const handle = view.handle[slot]
    if (handle < 0) continue
    if (marks[handle] === -1) {
      marks[handle] = slot + 1
    } else {
      view.handle[slot] = -1
      freed.push(slot)
    }
  }
  let reuse = 0
  let empty = 0
  wanted = 0
  for (let i = 0; i < count && wanted < MAX_AVATARS; i++) {
    const handle = selected[i]
    const mark = marks[handle]
    if (mark === 0) continue
    // written once: a repeat finds its mark cleared
    marks[handle] = 0
    wanted++
    if (mark > 0) {
      const slot = mark - 1
      if (view.version[slot] !== table.version[handle]) at = writeEnter(at, slot, table, view, handle)
      else at = writeStep(at, slot, table, view, handle)
      continue
    }
    let slot: number
    if (reuse < freed.length) slot = freed[reuse++]
    else {
      while (view.handle[empty] >= 0) empty++
      slot = empty
    }
    at = writeEnter(at, slot, table, view, handle)
  }
  for (; reuse < freed.length; reuse++) scratch[at++] = (OP_LEAVE << 6) | freed[reuse]
  return at === 1 && !full ? null : finish(at, allocate)
}

/**
 * The frame for a round that keeps the client's visitors and only passes on what became of each: a visitor out of
 * sight, or no longer in a zone `around` marks, leaves. Slot by slot, integers only: the server's common round,
 * four in five. The view is updated to match; null when nothing changed.
 */
export function writeFollowFrame(table: AvatarTable, view: SentView, around: Uint8Array, allocate = ownBytes): Uint8Array | null {
  let at = 1
  scratch[0] = FRAME_DELTA
  for (let slot = 0; slot < MAX_AVATARS; slot++) {
    const handle = view.handle[slot]
    if (handle < 0) continue
    if (!table.alive[handle] || table.identity[handle] !== view.identity[slot] || !around[table.zone[handle]]) {
      view.handle[slot] = -1
      scratch[at++] = (OP_LEAVE << 6) | slot
    } else if (view.version[slot] !== table.version[handle]) {
      at = writeEnter(at, slot, table, view, handle)
    } else {
      at = writeStep(at, slot, table, view, handle)
    }
  }
  return at === 1 ? null : finish(at, allocate)
}

/** A MOVE (or a PLACE when the step is too long for a byte) when the visitor moved, and the view moved to match. */
function writeStep(at: number, slot: number, table: AvatarTable, view: SentView, handle: number): number {
  const x = table.x[handle]
  const z = table.z[handle]
  const yaw = table.yaw[handle]
  if (x === view.x[slot] && z === view.z[slot] && yaw === view.yaw[slot]) return at
  const dx = x - view.x[slot]
  const dz = z - view.z[slot]
  if (dx >= -128 && dx <= 127 && dz >= -128 && dz <= 127) {
    scratch[at] = (OP_MOVE << 6) | slot
    scratchView.setInt8(at + 1, dx)
    scratchView.setInt8(at + 2, dz)
    at += 3
  } else {
    scratch[at] = (OP_PLACE << 6) | slot
    scratchView.setInt16(at + 1, x, true)
    scratchView.setInt16(at + 3, z, true)
    at += 5
  }
  scratch[at++] = yaw
  view.x[slot] = x
  view.z[slot] = z
  view.yaw[slot] = yaw
  return at
}

/** An ENTER: the visitor in full, and the slot made to hold it. */
function writeEnter(at: number, slot: number, table: AvatarTable, view: SentView, handle: number): number {
  view.handle[slot] = handle
  view.identity[slot] = table.identity[handle]
  view.version[slot] = table.version[handle]
  view.x[slot] = table.x[handle]
  view.z[slot] = table.z[handle]
  view.yaw[slot] = table.yaw[handle]
  scratch[at++] = (OP_ENTER << 6) | slot
  scratch[at++] = table.zone[handle]
  scratchView.setInt16(at, table.x[handle], true)
  scratchView.setInt16(at + 2, table.z[handle], true)
  at += 4
  scratch[at++] = table.yaw[handle]
  const name = table.nameBytes[handle]
  scratch[at++] = (table.idle[handle] ? FLAG_IDLE : 0) | (name ? FLAG_NAME : 0)
  at = writeBytes(at, table.idBytes[handle])
  return name ? writeBytes(at, name) : at
}

function writeBytes(at: number, bytes: Uint8Array): number {
  scratch[at++] = bytes.length
  scratch.set(bytes, at)
  return at + bytes.length
}
