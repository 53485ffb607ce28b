import { describe, expect, it } from 'vitest'
import { ZONE_IDS } from '../../src/content/schema'
import { SHARE_NAME_MAX_BYTES, decodeRoute, encodeRoute, type SharedRoute } from '../../src/routes/shareCode'
import type { RouteStop } from '../../src/routes/types'
import { buildPlanInput } from '../helpers/planFixture'
import { seededRandom } from '../../src/seededRandom'

const catalogue = buildPlanInput(1000).exhibitors.map((e) => e.id)
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const REFUSALS = ['not-a-code', 'not-base64url', 'unsupported-version', 'bad-checksum', 'malformed']
/** Two ids whose 64-bit FNV-1a hashes share their first 4 bytes (found by a birthday search): cac9cd96… */
const CLASH = ['collide-142741', 'collide-753110']

/** A route of `count` distinct stops, about one in five a zone. */
function routeOf(count: number, seed: number, name?: string): SharedRoute {
  const next = seededRandom(seed)
  const stops: RouteStop[] = []
  const used = new Set<string>()
  while (stops.length < count) {
    const stop: RouteStop =
      next() < 0.2
        ? { kind: 'zone', zoneId: ZONE_IDS[Math.floor(next() * ZONE_IDS.length)] }
        : { kind: 'booth', exhibitorId: catalogue[Math.floor(next() * catalogue.length)] }
    const key = stop.kind === 'zone' ? stop.zoneId : stop.exhibitorId
    if (used.has(key)) continue
    used.add(key)
    stops.push(stop)
  }
  return name === undefined ? { stops } : { name, stops }
}

function expectRefused(code: string, cat: readonly string[] = catalogue) {
  let result: ReturnType<typeof decodeRoute> | undefined
  expect(() => (result = decodeRoute(code, cat))).not.toThrow()
  expect(result!.route, JSON.stringify(code)).toBeNull()
  expect(result!.problems).toHaveLength(1)
  expect(REFUSALS).toContain(result!.problems[0].code)
  expect(result!.problems[0].message.length).toBeGreaterThan(0)
}

// An independent reading of the byte layout, to craft codes that pass the checksum but break a rule.
const bytesOf = (code: string) => {
  const bits = [...code].map((c) => ALPHABET.indexOf(c).toString(2).padStart(6, '0')).join('')
  return Array.from({ length: Math.floor(bits.length / 8) }, (_, i) => parseInt(bits.slice(8 * i, 8 * i + 8), 2))
}
const codeOf = (bytes: number[]) => {
  const bits = bytes.map((b) => b.toString(2).padStart(8, '0')).join('')
  const padded = bits.padEnd(Math.ceil(bits.length / 6) * 6, '0')
  return Array.from({ length: padded.length / 6 }, (_, i) => ALPHABET[parseInt(padded.slice(6 * i, 6 * i + 6), 2)]).join('')
}
const withChecksum = (body: number[]) => {
  let h = 0x811c9dc5
  for (const b of body) h = Math.imul(h ^ b, 0x01000193) >>> 0
  return [...body, h >>> 24, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff]
}
const fnv64 = (text: string) => {
  let h = 0xcbf29ce484222325n
  for (const b of new TextEncoder().encode(text)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn
  return h
}

describe('encodeRoute and decodeRoute', () => {
  it('round-trips routes of 1 to 30 stops, booths and zones, in order', () => {
    for (let count = 1; count <= 30; count++) {
      const route = routeOf(count, count)
      const code = encodeRoute(route, catalogue)
      expect(decodeRoute(code, catalogue)).toEqual({ route, dropped: 0, problems: [] })
    }
  })

  it.each(['合肥智造之旅', '한국관 투어', 'NEV chain · 新能源汽车 · 전기차'])('keeps the name %s', (name) => {
    const route = routeOf(12, 3, name)
    expect(decodeRoute(encodeRoute(route, catalogue), catalogue).route).toEqual(route)
  })

  it('round-trips an empty route and a route of zones only', () => {
    const zones: SharedRoute = { name: 'zones', stops: ZONE_IDS.map((zoneId) => ({ kind: 'zone', zoneId })) }
    expect(decodeRoute(encodeRoute({ stops: [] }, catalogue), catalogue).route).toEqual({ stops: [] })
    expect(decodeRoute(encodeRoute(zones, catalogue), catalogue).route).toEqual(zones)
  })

  it('fits a named 30-stop route in a link under 400 characters, using only URL-safe characters', () => {
    for (const name of ['集成电路与新型显示·芯片之旅', 'x'.repeat(200), undefined]) {
      for (let seed = 0; seed < 5; seed++) {
        const code = encodeRoute(routeOf(30, 100 + seed, name), catalogue)
        const url = `https://expo.wmc2021.cn/?route=${code}`
        expect(url.length).toBeLessThan(400)
        expect(encodeURIComponent(code)).toBe(code)
        expect(new URL(url).searchParams.get('route')).toBe(code)
      }
    }
  })

  it('cuts a long name at a character boundary', () => {
    const name = '长三角一体化'.repeat(10) + '🚗'
    const decoded = decodeRoute(encodeRoute({ name, stops: [] }, catalogue), catalogue).route!
    expect(name.startsWith(decoded.name!)).toBe(true)
    expect(new TextEncoder().encode(decoded.name).length).toBeLessThanOrEqual(SHARE_NAME_MAX_BYTES)
    expect(decoded.name!.length).toBeGreaterThan(10)
  })

  it('works with any catalogue of ids, synthetic or real', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `synthetic-yrd-${String(i).padStart(4, '0')}`)
    const route: SharedRoute = { stops: ids.filter((_, i) => i % 100 === 7).map((exhibitorId) => ({ kind: 'booth', exhibitorId })) }
    expect(decodeRoute(encodeRoute(route, ids), ids).route).toEqual(route)
  })
})

describe('decodeRoute refuses tampered input with a reason, never throwing', () => {
  const code = encodeRoute(routeOf(10, 42, '芯片之旅'), catalogue)

  it('refuses a code with any one character changed', () => {
    for (let i = 0; i < code.length; i++) {
      const other = ALPHABET[(ALPHABET.indexOf(code[i]) + 1 + (i % 63)) % 64]
      expectRefused(code.slice(0, i) + other + code.slice(i + 1))
    }
  })

  it('refuses a code cut short or run on', () => {
    for (let length = 0; length < code.length; length++) expectRefused(code.slice(0, length))
    expectRefused(code + 'A')
    expectRefused(code + code)
  })

  it('refuses another version even with a valid checksum', () => {
    const body = bytesOf(code).slice(0, -4)
    const result = decodeRoute(codeOf(withChecksum([2, ...body.slice(1)])), catalogue)
    expect(result.route).toBeNull()
    expect(result.problems[0].code).toBe('unsupported-version')
  })

  it('refuses a well-checksummed code whose contents break the layout', () => {
    const body = bytesOf(code).slice(0, -4)
    for (const broken of [[...body, 0], body.slice(0, -1), [1, 0x03, 0], [1, 0x04, 0x7f], [1, 0x44, 0xff, 0xff, 0xff, 0xff, 0x7f]]) {
      const result = decodeRoute(codeOf(withChecksum(broken)), catalogue)
      expect(result.route, JSON.stringify(broken)).toBeNull()
      expect(result.problems[0].code).toBe('malformed')
    }
  })

  it('refuses what is not base64url: padding, other alphabets, unicode, junk', () => {
    for (const junk of [code + '=', code.replace(/./, '+'), code.slice(0, 5) + '/' + code.slice(6), '合肥', '🚗🚗🚗🚗', 'route=abc', ' ', '', code.slice(0, 1)]) {
      expectRefused(junk)
    }
    const result = decodeRoute('%%%', catalogue)
    expect(result.problems[0].code).toBe('not-base64url')
  })

  it('refuses input that is not a string or far too long', () => {
    expectRefused(null as unknown as string)
    expectRefused(42 as unknown as string)
    expectRefused('A'.repeat(100_000))
  })

  it('survives thousands of random strings and mutations', () => {
    const next = seededRandom(7)
    const pool = ALPHABET + '=+/ .%~\u0000\u00e9\u4e2d\ud55c\ud83d\ude97'
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(next() * 80)
      const junk = Array.from({ length }, () => pool[Math.floor(next() * pool.length)]).join('')
      expectRefused(junk)
    }
    for (let i = 0; i < 1000; i++) {
      const chars = [...code]
      const at = Math.floor(next() * chars.length)
      const c = ALPHABET[Math.floor(next() * 64)]
      const edit = Math.floor(next() * 3)
      if (edit === 0) chars.splice(at, 1)
      else if (edit === 1) chars.splice(at, 0, c)
      else if (chars[at] !== c) chars[at] = c
      else continue
      expectRefused(chars.join(''))
    }
  })
})

describe('decodeRoute against another catalogue', () => {
  it('drops booths it no longer has, keeps the rest in order and says how many were dropped', () => {
    const route = routeOf(20, 9, 'old route')
    const code = encodeRoute(route, catalogue)
    const gone = route.stops.flatMap((s, i) => (s.kind === 'booth' && i % 3 === 0 ? [s.exhibitorId] : []))
    const current = catalogue.filter((id) => !gone.includes(id))
    const result = decodeRoute(code, current)
    const kept = route.stops.filter((s) => s.kind === 'zone' || !gone.includes(s.exhibitorId))
    expect(gone.length).toBeGreaterThan(1)
    expect(result.route).toEqual({ name: 'old route', stops: kept })
    expect(result.dropped).toBe(gone.length)
    expect(result.problems.map((p) => p.code)).toEqual(gone.map(() => 'unknown-booth'))
    expect(result.problems.map((p) => route.stops[p.stop!])).toEqual(gone.map((exhibitorId) => ({ kind: 'booth', exhibitorId })))
  })

  it('drops every booth against an empty catalogue but keeps the zones', () => {
    const route = routeOf(15, 4)
    const result = decodeRoute(encodeRoute(route, catalogue), [])
    expect(result.route!.stops).toEqual(route.stops.filter((s) => s.kind === 'zone'))
    expect(result.dropped).toBe(route.stops.filter((s) => s.kind === 'booth').length)
  })

  it('lengthens booth keys when another id shares the short one, and never guesses between two', () => {
    expect(fnv64(CLASH[0]) >> 32n).toBe(fnv64(CLASH[1]) >> 32n)
    const withClash = [...catalogue, ...CLASH]
    const route: SharedRoute = { stops: [{ kind: 'booth', exhibitorId: CLASH[1] }, { kind: 'zone', zoneId: 'yrd' }] }
    const long = encodeRoute(route, withClash)
    const short = encodeRoute(route, catalogue)
    expect(long.length).toBeGreaterThan(short.length)
    expect(decodeRoute(long, withClash).route).toEqual(route)
    // A code made where there was no clash, read where there is one: the stop is dropped, not mistaken.
    const result = decodeRoute(short, withClash)
    expect(result.route!.stops).toEqual([{ kind: 'zone', zoneId: 'yrd' }])
    expect(result.problems.map((p) => p.code)).toEqual(['ambiguous-booth'])
  })

  it('drops a zone this build does not know', () => {
    const route = { stops: [{ kind: 'zone', zoneId: 'moon-base' }, { kind: 'zone', zoneId: 'ai' }] } as unknown as SharedRoute
    const result = decodeRoute(encodeRoute(route, catalogue), catalogue)
    expect(result.route!.stops).toEqual([{ kind: 'zone', zoneId: 'ai' }])
    expect(result.dropped).toBe(1)
    expect(result.problems[0]).toMatchObject({ code: 'unknown-zone', stop: 0 })
  })
})
