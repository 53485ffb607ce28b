/** The `?route=` share code: a route's name and stops packed into a short, URL-safe, checksummed string, and read back against the current catalogue. */
import { ZONE_IDS } from '../content/schema'
import { cleanDisplayText } from '../i18n/displayText'
import type { RouteStop } from './types'

export interface SharedRoute {
  name?: string
  stops: RouteStop[]
}

export type ShareProblemCode =
  /** The whole code is refused: */
  | 'not-a-code'
  | 'not-base64url'
  | 'unsupported-version'
  | 'bad-checksum'
  | 'malformed'
  /** One stop is dropped, the rest kept: */
  | 'unknown-booth'
  | 'ambiguous-booth'
  | 'unknown-zone'

export interface ShareProblem {
  code: ShareProblemCode
  /** English, for logs; the notice shown to visitors is chosen by `code`. */
  message: string
  /** Position of the stop in the shared route, for stop-level problems. */
  stop?: number
}

export interface DecodedRoute {
  /** Null when the code is refused as a whole (then `problems` says why). */
  route: SharedRoute | null
  /** Stops left out because this catalogue cannot resolve them. */
  dropped: number
  problems: ShareProblem[]
}

export const SHARE_CODE_VERSION = 1
/** Longest name kept, in UTF-8 bytes (16 Chinese or Korean characters, 48 Latin letters): it must leave room for 30 stops in a 400-character link. */
export const SHARE_NAME_MAX_BYTES = 48
/** Booth keys are this many bytes of the id's 64-bit FNV-1a hash, more only if another catalogue id shares them. */
const MIN_KEY_BYTES = 4
const MAX_KEY_BYTES = 8
const CHECKSUM_BYTES = 4
/** Longer input is refused before any work: no real route needs it. */
const MAX_CODE_LENGTH = 4096
const HAS_NAME = 0x10
const UNKNOWN_ZONE = 0xff

/*
 * Layout, version 1, before base64url:
 *   version · flags (low nibble: key bytes; 0x10: has a name) · [varint name length · UTF-8 name]
 *   · varint stop count · kind bitmap (bit set = zone), ⌈count/8⌉ bytes
 *   · per stop: booth key (key bytes, big-endian hash prefix) or zone index in ZONE_IDS (1 byte)
 *   · FNV-1a 32 of everything before it (4 bytes).
 */

/** Packs a route into its share code. Names lose bidi and control characters; longer than SHARE_NAME_MAX_BYTES, they are cut at a character boundary. */
export function encodeRoute(route: SharedRoute, catalogue: readonly string[]): string {
  const keyBytes = keyLengthFor(route.stops, catalogue)
  const name = truncateUtf8(cleanDisplayText(route.name ?? ''), SHARE_NAME_MAX_BYTES)
  const bytes: number[] = [SHARE_CODE_VERSION, keyBytes | (name.length > 0 ? HAS_NAME : 0)]
  if (name.length > 0) {
    writeVarint(bytes, name.length)
    bytes.push(...name)
  }
  const { stops } = route
  writeVarint(bytes, stops.length)
  const bitmap = new Array<number>(Math.ceil(stops.length / 8)).fill(0)
  stops.forEach((stop, i) => {
    if (stop.kind === 'zone') bitmap[i >> 3] |= 1 << (i & 7)
  })
  bytes.push(...bitmap)
  for (const stop of stops) {
    if (stop.kind === 'zone') {
      const index = ZONE_IDS.indexOf(stop.zoneId)
      // A zone this build does not know is written as 255, which every reader drops as unknown rather than misreads.
      bytes.push(index < 0 ? UNKNOWN_ZONE : index)
    } else bytes.push(...hashBytes(stop.exhibitorId).subarray(0, keyBytes))
  }
  const sum = fnv1a32(bytes)
  bytes.push(sum >>> 24, (sum >>> 16) & 0xff, (sum >>> 8) & 0xff, sum & 0xff)
  return toBase64Url(bytes)
}

/**
 * Reads a share code against the current catalogue (its exhibitor ids). Bad encoding, another version or a wrong
 * checksum refuse the whole code; booths this catalogue no longer has are dropped and the rest kept. Never throws.
 */
export function decodeRoute(code: string, catalogue: readonly string[]): DecodedRoute {
  try {
    return decode(code, catalogue)
  } catch {
    // Every path above is checked; this only guards against a case nobody foresaw reaching the visitor as a crash.
    return refuse('malformed', 'the code could not be read')
  }
}

function decode(code: string, catalogue: readonly string[]): DecodedRoute {
  if (typeof code !== 'string') return refuse('not-a-code', 'the code is not text')
  const text = code.trim()
  if (text.length === 0) return refuse('not-a-code', 'the code is empty')
  if (text.length > MAX_CODE_LENGTH) return refuse('not-a-code', `the code is longer than ${MAX_CODE_LENGTH} characters`)
  const bytes = fromBase64Url(text)
  if (!bytes) return refuse('not-base64url', 'the code is not base64url')
  if (bytes[0] !== SHARE_CODE_VERSION) return refuse('unsupported-version', `share code version ${bytes[0]} is not supported`)
  if (bytes.length < 3 + CHECKSUM_BYTES) return refuse('malformed', 'the code is too short')
  const body = bytes.subarray(0, bytes.length - CHECKSUM_BYTES)
  const stored = bytes.subarray(bytes.length - CHECKSUM_BYTES)
  const sum = fnv1a32(body)
  const expected = [sum >>> 24, (sum >>> 16) & 0xff, (sum >>> 8) & 0xff, sum & 0xff]
  if (expected.some((b, i) => stored[i] !== b)) return refuse('bad-checksum', 'the code was changed or cut short')

  const reader = new Reader(body, 1)
  const flags = reader.byte()
  const keyBytes = flags & 0x0f
  if (keyBytes < MIN_KEY_BYTES || keyBytes > MAX_KEY_BYTES || (flags & ~(0x0f | HAS_NAME)) !== 0) {
    return refuse('malformed', 'unknown header flags')
  }
  let name: string | undefined
  if (flags & HAS_NAME) {
    const length = reader.varint()
    const raw = reader.take(length)
    if (!raw) return refuse('malformed', 'the name runs past the end')
    try {
      name = new TextDecoder('utf-8', { fatal: true }).decode(raw)
    } catch {
      return refuse('malformed', 'the name is not UTF-8')
    }
    // A crafted code can carry any name: it becomes a stored route's name as an honest one would be written.
    name = new TextDecoder().decode(truncateUtf8(cleanDisplayText(name), SHARE_NAME_MAX_BYTES)) || undefined
  }
  const count = reader.varint()
  // Each stop takes at least one byte: a larger count cannot be honest, and must not size an allocation.
  if (count < 0 || count > body.length) return refuse('malformed', 'the stop count does not fit the code')
  const bitmap = reader.take(Math.ceil(count / 8))
  if (!bitmap) return refuse('malformed', 'the stop kinds run past the end')

  const keys = catalogueKeys(catalogue, keyBytes)
  const stops: RouteStop[] = []
  const problems: ShareProblem[] = []
  for (let i = 0; i < count; i++) {
    if (bitmap[i >> 3] & (1 << (i & 7))) {
      const index = reader.byte()
      if (index < 0) return refuse('malformed', 'the stops run past the end')
      const zoneId = ZONE_IDS[index]
      if (zoneId) stops.push({ kind: 'zone', zoneId })
      else problems.push({ code: 'unknown-zone', message: `stop ${i + 1}: zone ${index} does not exist here`, stop: i })
      continue
    }
    const key = reader.take(keyBytes)
    if (!key) return refuse('malformed', 'the stops run past the end')
    const id = keys.get(hex(key))
    if (id === undefined) {
      problems.push({ code: 'unknown-booth', message: `stop ${i + 1}: the booth is not in this catalogue`, stop: i })
    } else if (id === AMBIGUOUS) {
      problems.push({ code: 'ambiguous-booth', message: `stop ${i + 1}: more than one booth matches`, stop: i })
    } else stops.push({ kind: 'booth', exhibitorId: id })
  }
  if (!reader.atEnd()) return refuse('malformed', 'unexpected bytes after the stops')
  return { route: name ? { name, stops } : { stops }, dropped: count - stops.length, problems }
}

function refuse(code: ShareProblemCode, message: string): DecodedRoute {
  return { route: null, dropped: 0, problems: [{ code, message }] }
}

/** Bounds-checked cursor over the decoded bytes: reading past the end yields -1 or null, never garbage. */
class Reader {
  constructor(
    private readonly bytes: Uint8Array,
    private at: number,
  ) {}
  byte(): number {
    return this.at < this.bytes.length ? this.bytes[this.at++] : -1
  }
  take(length: number): Uint8Array | null {
    if (length < 0 || this.at + length > this.bytes.length) return null
    const out = this.bytes.subarray(this.at, this.at + length)
    this.at += length
    return out
  }
  /** Unsigned LEB128 up to 28 bits; -1 when cut short or too long. */
  varint(): number {
    let value = 0
    for (let shift = 0; shift < 28; shift += 7) {
      const b = this.byte()
      if (b < 0) return -1
      value |= (b & 0x7f) << shift
      if (!(b & 0x80)) return value
    }
    return -1
  }
  atEnd(): boolean {
    return this.at === this.bytes.length
  }
}

function writeVarint(out: number[], value: number) {
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80)
    value >>>= 7
  }
  out.push(value)
}

const AMBIGUOUS = Symbol('ambiguous')
type KeyTable = Map<string, string | typeof AMBIGUOUS>

interface CatalogueIndex {
  /** Full 64-bit hash (hex) of each distinct id. */
  hashes: Map<string, string>
  /** Key prefix (hex) → exhibitor id, per key length. */
  tables: Map<number, KeyTable>
}

/** Per catalogue array: it is hashed once, not per stop or per key length. */
const catalogueIndexes = new WeakMap<readonly string[], CatalogueIndex>()

function catalogueKeys(catalogue: readonly string[], keyBytes: number): KeyTable {
  let index = catalogueIndexes.get(catalogue)
  if (!index) {
    index = { hashes: new Map(catalogue.map((id) => [id, hex(hashBytes(id))])), tables: new Map() }
    catalogueIndexes.set(catalogue, index)
  }
  let table = index.tables.get(keyBytes)
  if (!table) {
    table = new Map()
    for (const [id, hash] of index.hashes) {
      const key = hash.slice(0, 2 * keyBytes)
      table.set(key, table.has(key) ? AMBIGUOUS : id)
    }
    index.tables.set(keyBytes, table)
  }
  return table
}

/** The shortest key length at which no booth of the route shares its key with another id of the catalogue. */
function keyLengthFor(stops: readonly RouteStop[], catalogue: readonly string[]): number {
  const booths = new Set(stops.flatMap((s) => (s.kind === 'booth' ? [s.exhibitorId] : [])))
  for (let keyBytes = MIN_KEY_BYTES; keyBytes < MAX_KEY_BYTES; keyBytes++) {
    const table = catalogueKeys(catalogue, keyBytes)
    const clash = [...booths].some((id) => {
      const owner = table.get(hex(hashBytes(id).subarray(0, keyBytes)))
      return owner !== undefined && owner !== id
    })
    if (!clash) return keyBytes
  }
  return MAX_KEY_BYTES
}

const utf8 = new TextEncoder()

/** 64-bit FNV-1a of the id's UTF-8 bytes, big-endian; computed in four 16-bit limbs to stay in exact integers. */
function hashBytes(id: string): Uint8Array {
  // offset basis 0xcbf29ce484222325, limbs from least significant
  let h0 = 0x2325
  let h1 = 0x8422
  let h2 = 0x9ce4
  let h3 = 0xcbf2
  for (const byte of utf8.encode(id)) {
    h0 ^= byte
    // multiply by the FNV prime 0x100000001b3 = 2^40 + 0x1b3
    const t0 = h0 * 0x1b3
    const t1 = h1 * 0x1b3
    const t2 = h2 * 0x1b3 + (h0 << 8)
    const t3 = h3 * 0x1b3 + (h1 << 8)
    h0 = t0 & 0xffff
    const c1 = t1 + (t0 >>> 16)
    h1 = c1 & 0xffff
    const c2 = t2 + Math.floor(c1 / 0x10000)
    h2 = c2 & 0xffff
    h3 = (t3 + Math.floor(c2 / 0x10000)) & 0xffff
  }
  return Uint8Array.of(h3 >>> 8, h3 & 0xff, h2 >>> 8, h2 & 0xff, h1 >>> 8, h1 & 0xff, h0 >>> 8, h0 & 0xff)
}

/** 32-bit FNV-1a: the checksum. */
function fnv1a32(bytes: ArrayLike<number>): number {
  let h = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0
  return h >>> 0
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

/** Cuts UTF-8 at a character boundary: a half character would make the name undecodable. */
function truncateUtf8(text: string, maxBytes: number): Uint8Array {
  const out: number[] = []
  for (const char of text) {
    const bytes = utf8.encode(char)
    if (out.length + bytes.length > maxBytes) break
    out.push(...bytes)
  }
  return Uint8Array.from(out)
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]))

function toBase64Url(bytes: ArrayLike<number>): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i
    const n = (bytes[i] << 16) | ((rest > 1 ? bytes[i + 1] : 0) << 8) | (rest > 2 ? bytes[i + 2] : 0)
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63]
    if (rest > 1) out += ALPHABET[(n >> 6) & 63]
    if (rest > 2) out += ALPHABET[n & 63]
  }
  return out
}

/**
 * Strict base64url without padding: any other character, an impossible length or stray bits in the last character
 * mean null. Only the canonical spelling is accepted, so changing any one character of a code changes its bytes.
 */
function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null
  const out = new Uint8Array(Math.floor((text.length * 6) / 8))
  let buffer = 0
  let bits = 0
  let w = 0
  for (const char of text) {
    const v = VALUE.get(char)
    if (v === undefined) return null
    buffer = ((buffer << 6) | v) & 0xfff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[w++] = (buffer >> bits) & 0xff
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null
  return out
}
