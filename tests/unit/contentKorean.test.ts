/** Issue 5: every exhibitor and product in the real pack has a Korean name, not only the Korea pavilion's. */
import { describe, expect, it } from 'vitest'
import { loadRealPack } from '../helpers/realPack'

const pack = loadRealPack()
/** Hangul syllables or jamo, or Latin letters (brand names such as "VR", "MEMS"). */
const KOREAN_OR_LATIN = /[\p{Script=Hangul}A-Za-z]/u
const HANGUL = /\p{Script=Hangul}/u

describe('Korean content names', () => {
  it('reads the real pack with its exhibitors', () => {
    expect(pack.exhibitors.length).toBeGreaterThanOrEqual(185)
  })

  it('gives every exhibitor a non-empty Korean name in Hangul or Latin letters', () => {
    const missing = pack.exhibitors.filter((e) => !e.name.ko?.trim() || !KOREAN_OR_LATIN.test(e.name.ko)).map((e) => e.id)
    expect(missing).toEqual([])
  })

  it('writes the Korean names in Hangul, not a copy of the Chinese or English name', () => {
    const copied = pack.exhibitors
      .filter((e) => !HANGUL.test(e.name.ko ?? '') || e.name.ko === e.name.en || e.name.ko === e.name['zh-CN'])
      .map((e) => e.id)
    expect(copied).toEqual([])
  })

  it('gives every product a non-empty Korean name', () => {
    const missing = pack.exhibitors.flatMap((e) =>
      e.products.filter((p) => !p.name.ko?.trim() || !KOREAN_OR_LATIN.test(p.name.ko)).map((p) => `${e.id}: ${p.name.en}`),
    )
    expect(missing).toEqual([])
  })
})
