// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { NOTICE_NAME_MAX_GRAPHEMES, cleanDisplayText, displayNoticeParams, shortDisplayText } from '../../src/i18n/displayText'
import { SHARE_NAME_MAX_BYTES, decodeRoute, encodeRoute } from '../../src/routes/shareCode'
import { useExpoStore } from '../../src/state/store'
import Notices from '../../src/ui/Notices'
import { craftedShareCode as craftedCode } from '../helpers/craftedShareCode'
import { realPack, startWithRealPack } from '../helpers/store'

const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']
// eslint-disable-next-line no-control-regex -- finding control characters is what this is for
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]/
const graphemes = (text: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment)

describe('cleanDisplayText', () => {
  it('drops every bidi control character, so a name cannot turn the sentence around it', () => {
    for (const c of BIDI) expect(cleanDisplayText(`Tour${c} of ${c}Hefei`), JSON.stringify(c)).toBe('Tour of Hefei')
    // the classic: "exe.txt" shown as "txt.exe"
    expect(cleanDisplayText('invoice\u202Etxt.exe')).toBe('invoicetxt.exe')
  })

  it('turns control characters and line breaks into single spaces and drops lone surrogates', () => {
    expect(cleanDisplayText('  A\u0000B\tC\r\nD\u0085E\u2028F\u007f \uD800G\uDC00  ')).toBe('A B C D E F G')
  })

  it('leaves Chinese, Korean, Arabic and emoji sequences alone', () => {
    for (const text of ['合肥智造之旅', '한국관 투어', 'جولة المعرض', '👩🏽‍🔧 🇰🇷 e\u0301']) expect(cleanDisplayText(text)).toBe(text)
  })
})

describe('shortDisplayText', () => {
  it(`cuts at ${NOTICE_NAME_MAX_GRAPHEMES} graphemes with an ellipsis, never splitting an emoji or a syllable`, () => {
    expect(shortDisplayText('x'.repeat(40))).toBe('x'.repeat(40))
    expect(shortDisplayText('x'.repeat(500))).toBe(`${'x'.repeat(39)}…`)
    const family = '👨‍👩‍👧‍👦'
    const cut = shortDisplayText(family.repeat(60))
    expect(graphemes(cut)).toHaveLength(40)
    expect(cut).toBe(`${family.repeat(39)}…`)
    const korean = shortDisplayText('한국관'.repeat(20))
    expect(korean).toBe(`${'한국관'.repeat(13)}…`)
  })

  it('counts what is left after cleaning', () => {
    expect(shortDisplayText(`${'\u202E'.repeat(100)}short`)).toBe('short')
  })
})

describe('displayNoticeParams', () => {
  it('cleans every text parameter, shortens names, keeps a storage key whole and numbers as they are', () => {
    const key = 'cloud-expo.visitor.v3:backup:2027-03-02T02:00:00.000Z#2'
    expect(displayNoticeParams({ name: `\u202Eevil${'x'.repeat(100)}`, exhibitor: 'Hefei\u2066 Co.', key, count: 3 })).toEqual({
      name: `evil${'x'.repeat(35)}…`,
      exhibitor: 'Hefei Co.',
      key,
      count: 3,
    })
  })
})

describe('a shared route name from a crafted link', () => {
  const catalogue = realPack.exhibitors.map((e) => e.id)

  it('is read without bidi or control characters and no longer than an honest code can carry', () => {
    const decoded = decodeRoute(craftedCode(`\u202Egnp.exe\u202C\u0000 ${'長'.repeat(500)}`), catalogue)
    expect(decoded.problems).toEqual([])
    const name = decoded.route!.name!
    expect(name).not.toMatch(UNSAFE)
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(SHARE_NAME_MAX_BYTES)
    expect(name.startsWith('gnp.exe 長長')).toBe(true)
    expect(decoded.route!.stops).toHaveLength(2)
  })

  it('is not written into a code either', () => {
    const code = encodeRoute({ name: 'Tour\u202E\u0007 A', stops: [{ kind: 'zone', zoneId: 'ai' }] }, catalogue)
    expect(decodeRoute(code, catalogue).route!.name).toBe('Tour A')
  })

  it('leaves a route without a name when its name was nothing but unsafe characters', () => {
    expect(decodeRoute(craftedCode('\u202E\u2066\u0000'), catalogue).route).not.toHaveProperty('name')
  })
})

describe('notices', () => {
  afterEach(cleanup)

  it('show a name from anywhere cleaned and shortened, the rest of the sentence intact', () => {
    startWithRealPack()
    useExpoStore.getState().actions.notify({ kind: 'info', key: 'route.imported', params: { name: `\u202Eevil\u2066${'N'.repeat(500)}`, count: 2 } })
    render(<Notices />)
    const text = screen.getByRole('status').textContent!
    expect(text).not.toMatch(UNSAFE)
    expect(text).toContain(`Opened a shared route: evil${'N'.repeat(35)}… (2 stops)`)
  })
})
