/** The message catalogue: every key in every language, the same placeholders, real Korean, numbers through Intl. */
import { describe, expect, it } from 'vitest'
import { LANGUAGES, type Language } from '../../src/content/schema'
import { icsLabels } from '../../src/i18n/icsLabels'
import { catalogues, messageKeys, type MessageKey } from '../../src/i18n/messages'
import { formatNumber, translate } from '../../src/i18n/translate'

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

/** Messages that are only punctuation or a unit symbol around placeholders: no words to translate. */
const SYMBOLS_ONLY = new Set<MessageKey>(['booking.slotDayShift', 'route.metres'])

describe('the message catalogue', () => {
  it('has keys to check', () => {
    expect(messageKeys.length).toBeGreaterThan(200)
    expect(messageKeys).toContain('booth.book')
  })

  it.each(LANGUAGES)('has a non-empty %s message for every key', (language) => {
    const missing = messageKeys.filter((key) => typeof catalogues[language][key] !== 'string' || catalogues[language][key].trim() === '')
    expect(missing).toEqual([])
  })

  it.each(LANGUAGES)('has no %s key that Chinese lacks', (language) => {
    const extra = Object.keys(catalogues[language]).filter((key) => !(messageKeys as string[]).includes(key))
    expect(extra).toEqual([])
  })

  it('uses the same placeholders in every language', () => {
    const mismatches = messageKeys.flatMap((key) => {
      const expected = placeholders(catalogues['zh-CN'][key])
      return LANGUAGES.filter((language) => placeholders(catalogues[language][key]).join() !== expected.join()).map(
        (language) => `${key} (${language}): ${placeholders(catalogues[language][key]).join()} ≠ ${expected.join()}`,
      )
    })
    expect(mismatches).toEqual([])
  })

  it('writes placeholders only as {name}, never half-open or empty', () => {
    const broken = LANGUAGES.flatMap((language) =>
      messageKeys.filter((key) => {
        const withoutPlaceholders = catalogues[language][key].replace(/\{\w+\}/g, '')
        return /[{}]/.test(withoutPlaceholders)
      }).map((key) => `${key} (${language})`),
    )
    expect(broken).toEqual([])
  })

  it('translates Korean rather than repeating English', () => {
    const untranslated = messageKeys.filter((key) => !SYMBOLS_ONLY.has(key) && catalogues.ko[key] === catalogues.en[key])
    expect(untranslated).toEqual([])
  })

  it('writes Korean in Hangul and Chinese in Han characters', () => {
    const withoutHangul = messageKeys.filter((key) => !SYMBOLS_ONLY.has(key) && !/\p{Script=Hangul}/u.test(catalogues.ko[key]))
    const withoutHan = messageKeys.filter((key) => !/\p{Script=Han}/u.test(catalogues['zh-CN'][key]))
    expect(withoutHangul).toEqual([])
    // Chinese strings that are codes or punctuation only
    expect(withoutHan).toEqual(['booking.slotDayShift'])
  })

  it('says “상담 예약”, “부스”, “전시구역” and “내 일정” in Korean', () => {
    expect(translate('ko', 'booth.book')).toBe('상담 예약')
    expect(translate('ko', 'booth.zone')).toBe('전시구역')
    expect(translate('ko', 'zones.boothCount', { count: 3 })).toBe('부스 3개')
    expect(translate('ko', 'agenda.title')).toBe('내 일정')
    expect(translate('ko', 'tour.label')).toBe('가이드 투어')
  })
})

describe('translate', () => {
  it('needs no fallback: every language answers every key from its own catalogue', () => {
    for (const language of LANGUAGES)
      for (const key of messageKeys) expect(translate(language, key), `${key} (${language})`).toBe(catalogues[language][key])
  })

  it('falls back along ko → en → zh-CN only if a key were ever missing', () => {
    const ko = catalogues.ko as Partial<Record<MessageKey, string>>
    const en = catalogues.en as Partial<Record<MessageKey, string>>
    const saved = { ko: ko['booth.book'], en: en['booth.book'] }
    try {
      delete ko['booth.book']
      expect(translate('ko', 'booth.book')).toBe('Book a negotiation')
      delete en['booth.book']
      expect(translate('ko', 'booth.book')).toBe('预约洽谈')
    } finally {
      ko['booth.book'] = saved.ko
      en['booth.book'] = saved.en
    }
  })

  it('fills every placeholder it is given and leaves unknown ones visible', () => {
    expect(translate('en', 'booking.title', { name: 'Acme' })).toBe('Book a negotiation with Acme')
    expect(translate('ko', 'booking.title', { name: 'Acme' })).toBe('Acme 상담 예약')
    expect(translate('en', 'booking.title', {})).toBe('Book a negotiation with {name}')
  })

  it.each(LANGUAGES)('formats numbers with Intl in %s', (language: Language) => {
    const intl = new Intl.NumberFormat(language)
    expect(formatNumber(language, 12345.5)).toBe(intl.format(12345.5))
    expect(translate(language, 'zones.boothCount', { count: 12345 })).toContain(intl.format(12345))
    expect(translate(language, 'route.metres', { value: 1200 })).toContain(intl.format(1200))
    // strings pass through untouched, even when they look like numbers
    expect(translate(language, 'agenda.table', { table: '1200' })).toContain('1200')
  })

  it('groups thousands as each language does', () => {
    expect(translate('en', 'zones.boothCount', { count: 3000 })).toBe('3,000 booths')
    expect(translate('zh-CN', 'zones.boothCount', { count: 3000 })).toBe('3,000 个展位')
    expect(translate('ko', 'zones.boothCount', { count: 3000 })).toBe('부스 3,000개')
  })
})

describe('calendar files', () => {
  it.each(LANGUAGES)('word the .ics export in %s', (language) => {
    const labels = icsLabels(language)
    expect(labels.summary('Acme')).toBe(translate(language, 'ics.summary', { name: 'Acme' }))
    expect(labels.reminder('Acme')).toContain('Acme')
    expect(labels.calendarName).toBe(catalogues[language]['ics.calendarName'])
  })
})
