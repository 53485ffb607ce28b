/** The page's language before any script runs: `?lang=`, else Accept-Language by preference, else Chinese. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { acceptedLanguageTags, languageOfTags, pageLanguage, pageTitle } from '../../src/i18n/pageLanguage'
import { localizedShell } from '../../server/http/appPage'

describe('the page language', () => {
  it('reads Accept-Language by q-value, then order, leaving out refused and wildcard tags', () => {
    expect(acceptedLanguageTags('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual(['fr-CH', 'fr', 'en', 'de'])
    expect(acceptedLanguageTags('ko;q=0.2, en-GB;q=0.9, zh-CN;q=0')).toEqual(['en-GB', 'ko'])
    expect(acceptedLanguageTags(undefined)).toEqual([])
    expect(acceptedLanguageTags('')).toEqual([])
  })

  it('takes the first of ours, and Chinese when the browser names none', () => {
    expect(languageOfTags(['fr', 'en-GB', 'ko'])).toBe('en')
    expect(languageOfTags(['ko-KR'])).toBe('ko')
    expect(languageOfTags(['zh-TW', 'en'])).toBe('zh-CN')
    expect(languageOfTags(['de', 'fr'])).toBe('zh-CN')
  })

  it('lets ?lang= win when it names one of ours, and ignores it otherwise', () => {
    expect(pageLanguage('ko', 'en-US,en;q=0.9')).toBe('ko')
    expect(pageLanguage('xx', 'en-US,en;q=0.9')).toBe('en')
    expect(pageLanguage('<script>', undefined)).toBe('zh-CN')
    expect(pageLanguage(null, 'de;q=1, ko;q=0.5')).toBe('ko')
  })

  it('writes lang and title into the shell, whatever it had', () => {
    const shell = '<!doctype html>\n<html lang="zh-CN">\n<head><title>永不落幕云展 · WMC 2021 Cloud Expo</title></head><body></body></html>'
    const english = localizedShell(shell, 'en')
    expect(english).toContain('<html lang="en">')
    expect(english).toContain(`<title>${pageTitle('en')}</title>`)
    expect(pageTitle('en')).toBe('Cloud Expo · 2021世界制造业大会')
    expect(pageTitle('zh-CN')).toBe('永不落幕云展 · WMC 2021')
    expect(localizedShell('<html data-x="1"><head><title>t</title></head></html>', 'ko')).toBe(`<html lang="ko" data-x="1"><head><title>${pageTitle('ko')}</title></head></html>`)
  })

  it('has a robots.txt that lets the hall be found and keeps the API and the consoles out', () => {
    const robots = readFileSync('public/robots.txt', 'utf8')
    expect(robots).toMatch(/^User-agent: \*$/m)
    expect(robots).toMatch(/^Allow: \/$/m)
    for (const path of ['/api/', '/exhibitor', '/organiser']) expect(robots).toContain(`Disallow: ${path}\n`)
  })
})
