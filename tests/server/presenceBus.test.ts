/** The presence notices between processes: compact, cut under PostgreSQL's NOTIFY limit, read defensively. */
import { describe, expect, it } from 'vitest'
import { ZONE_IDS } from '../../src/content/schema'
import { decodeNotice, encodeNotices, type SharedVisitor } from '../../server/live/presenceBus'

const visitors: SharedVisitor[] = Array.from({ length: 600 }, (_, i) => ({
  id: `v${String(i).padStart(11, '0')}`,
  zoneId: ZONE_IDS[i % ZONE_IDS.length],
  x: i / 7,
  z: -i / 3,
  yaw: (i % 60) / 10 - 3,
  // the longest display names, in the script that takes most bytes and with characters JSON escapes
  name: i % 2 ? '世'.repeat(38) + '"\\' : null,
  idle: i % 5 === 0,
}))

describe('presence notices', () => {
  it('cut a round into notices under 8,000 bytes that together carry every visitor, rounded for the wire', () => {
    const notices = encodeNotices('proc1', visitors)
    expect(notices.length).toBeGreaterThan(1)
    for (const notice of notices) expect(Buffer.byteLength(notice)).toBeLessThan(8_000)
    const decoded = notices.map((n) => decodeNotice(n)!)
    expect(decoded.map((d) => [d.process, d.part, d.parts])).toEqual(notices.map((_, i) => ['proc1', i, notices.length]))
    const all = decoded.flatMap((d) => d.visitors)
    expect(all).toHaveLength(visitors.length)
    expect(all[7]).toEqual({ ...visitors[7], x: Math.round(visitors[7].x * 10) / 10, z: Math.round(visitors[7].z * 10) / 10 })
  })

  it('send an empty round once, so the others hear that the last visitor left', () => {
    expect(encodeNotices('proc1', []).map(decodeNotice)).toEqual([{ process: 'proc1', part: 0, parts: 1, visitors: [] }])
  })

  it('drop a malformed notice whole and a malformed visitor alone', () => {
    expect(decodeNotice('not json')).toBeUndefined()
    expect(decodeNotice('{"p":1}')).toBeUndefined()
    expect(decodeNotice('{"p":"x","i":0,"n":1,"v":[["a",99,0,0,0,null,0],["b",1,"1",0,0,null,0],["c",2,1,2,3,"Li",1]]}')!.visitors).toEqual([
      { id: 'c', zoneId: ZONE_IDS[2], x: 1, z: 2, yaw: 3, name: 'Li', idle: true },
    ])
  })
})
