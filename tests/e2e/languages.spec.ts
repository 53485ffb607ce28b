/** Three languages in real Chromium: every screen a visitor reaches shows its own language, no raw keys, no {holes}. */
import { expect, test, type Page } from '@playwright/test'
import type { Language } from '../../src/content/schema'
import { catalogues, messageKeys, type MessageKey } from '../../src/i18n/messages'
import { openHall } from '../helpers/page'

const LANGUAGES: Language[] = ['zh-CN', 'en', 'ko']
/** A Korean Pavilion exhibitor with its name in all three languages. */
const BOOTH = 'ara-semiconductor'
const BOOTH_NAME: Record<Language, string> = { 'zh-CN': '阿拉半导体株式会社', en: 'Ara Semiconductor Co., Ltd.', ko: '아라반도체' }

const keySet = new Set<string>(messageKeys)
/** Messages without placeholders: these must never show up in another language's UI. */
const fixedMessages = messageKeys.filter((key) => !LANGUAGES.some((lang) => /\{\w+\}/.test(catalogues[lang][key])))

// A visitor in Berlin booking a Seoul exhibitor: both clocks are shown, so dates and times are exercised.
test.use({ timezoneId: 'Europe/Berlin' })

interface ShownText {
  /** What a sighted visitor reads. */
  visible: string
  /** Every text node, trimmed, plus labels a screen reader or tooltip reads. */
  pieces: string[]
}

async function shownText(page: Page): Promise<ShownText> {
  return page.evaluate(() => {
    const pieces: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (parent && ['SCRIPT', 'STYLE'].includes(parent.tagName)) continue
      const text = node.textContent?.trim()
      if (text) pieces.push(text)
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(attribute)?.trim()
        if (value) pieces.push(value)
      }
    }
    return { visible: document.body.innerText, pieces }
  })
}

/** Fails with what leaked: a raw catalogue key, an unfilled {placeholder}, or a fixed message of another language. */
async function expectOnlyLanguage(page: Page, language: Language, where: string) {
  const { visible, pieces } = await shownText(page)
  const everything = [visible, ...pieces]
  const rawKeys = new Set(
    everything.flatMap((text) => [...text.matchAll(/\b[a-z]+\.[a-zA-Z]+(\.[a-zA-Z-]+)*\b/g)].map((m) => m[0]).filter((m) => keySet.has(m))),
  )
  const holes = new Set(everything.flatMap((text) => text.match(/\{\w+\}/g) ?? []))
  const foreign = new Set(
    pieces.flatMap((text) =>
      fixedMessages.flatMap((key: MessageKey) =>
        LANGUAGES.filter((other) => other !== language && catalogues[other][key] === text && catalogues[language][key] !== text).map(
          (other) => `${key} in ${other}: “${text}”`,
        ),
      ),
    ),
  )
  expect([...rawKeys], `raw message keys on ${where}`).toEqual([])
  expect([...holes], `unfilled placeholders on ${where}`).toEqual([])
  expect([...foreign], `another language's strings on ${where}`).toEqual([])
}

for (const language of LANGUAGES) {
  test(`the hall, a booth, booking, the agenda, the route and the plan view speak ${language} with no missing keys`, async ({ page }) => {
    const m = catalogues[language]
    await openHall(page, `lang=${language}&booth=${BOOTH}`)
    await expect(page.locator('html')).toHaveAttribute('lang', language)

    const panel = page.getByRole('complementary', { name: BOOTH_NAME[language] })
    await expect(panel).toBeVisible()
    await expect(panel.locator('.next-slot')).toBeVisible()
    const book = panel.getByRole('button', { name: m['booth.book'], exact: true })
    await expect(book).toBeVisible()
    await panel.getByRole('button', { name: m['booth.addToRoute'], exact: true }).click()
    await expect(panel.getByRole('button', { name: m['booth.inRoute'], exact: true })).toBeVisible()
    await expectOnlyLanguage(page, language, 'the booth panel')

    // Booking: days and times come from Intl in this language, field errors from the catalogue.
    await book.click()
    await expect(page.getByRole('dialog', { name: m['booking.title'].replace('{name}', BOOTH_NAME[language]) })).toBeVisible()
    // Named by its heading, which becomes “booked” at the end.
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByRole('heading', { name: m['booking.days'], exact: true })).toBeVisible()
    await expectOnlyLanguage(page, language, 'the booking picker')
    await dialog.locator('.slot-list button').first().click()
    await dialog.getByRole('button', { name: m['booking.confirm'], exact: true }).click()
    await expect(dialog.getByText(m['booking.profile.name.required'])).toBeVisible()
    await expect(dialog.getByText(m['booking.topic.required'])).toBeVisible()
    await expectOnlyLanguage(page, language, 'the booking form with errors')
    await dialog.getByLabel(m['booking.profile.name'], { exact: true }).fill('김민준')
    await dialog.getByLabel(m['booking.profile.company'], { exact: true }).fill('Hanbit Robotics')
    await dialog.getByLabel(m['booking.profile.email'], { exact: true }).fill('minjun@example.com')
    await dialog.getByLabel(m['booking.profile.role'], { exact: true }).selectOption('buyer')
    await dialog.getByLabel(m['booking.topic'], { exact: true }).fill('Probe cards')
    await dialog.getByRole('button', { name: m['booking.confirm'], exact: true }).click()
    await expect(dialog.getByRole('heading', { name: m['booking.confirmedTitle'], exact: true })).toBeVisible()
    await expectOnlyLanguage(page, language, 'the booking confirmation')

    await dialog.getByRole('button', { name: m['booking.openAgenda'], exact: true }).click()
    const agenda = page.getByRole('complementary', { name: m['agenda.title'], exact: true })
    await expect(agenda.getByRole('listitem').filter({ hasText: BOOTH_NAME[language] })).toContainText(m['agenda.code'].replace(' {code}', ''))
    await expectOnlyLanguage(page, language, 'the agenda')

    // The top bar's button carries the number of stops as a badge.
    await page.getByRole('button', { name: new RegExp(`^${m['topbar.routes']}\\s*\\d*$`) }).click()
    const routes = page.getByRole('complementary', { name: m['route.title'], exact: true })
    await expect(routes.getByTestId('route-summary')).toBeVisible()
    await expect(routes.getByRole('heading', { name: m['route.curated'], exact: true })).toBeVisible()
    await expectOnlyLanguage(page, language, 'the route panel')

    await page.getByRole('button', { name: m['topbar.help'], exact: true }).click()
    await expect(page.getByRole('dialog', { name: m['help.title'], exact: true })).toBeVisible()
    await expectOnlyLanguage(page, language, 'the help dialog')
    await page.getByRole('button', { name: m['help.close'], exact: true }).click()

    // The plan view, with its lists, the route and the visitor's negotiation table.
    await page.getByRole('button', { name: m['planView.showPlan'], exact: true }).first().click()
    await expect(page.getByRole('heading', { name: m['planView.title'], exact: true })).toBeVisible()
    await expectOnlyLanguage(page, language, 'the plan view')
  })
}

test('switching the language in the top bar changes the whole UI and <html lang> at once', async ({ page }) => {
  await openHall(page, `lang=zh-CN&booth=${BOOTH}`)
  await page.getByRole('combobox', { name: catalogues['zh-CN']['topbar.language'] }).selectOption('ko')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
  await expect(page.getByRole('complementary', { name: BOOTH_NAME.ko }).getByRole('button', { name: '상담 예약', exact: true })).toBeVisible()
  await expect(page).toHaveURL(/[?&]lang=ko(&|$)/)
  await expectOnlyLanguage(page, 'ko', 'the hall after switching to Korean')
})

async function openWithoutLangParam(page: Page) {
  await page.goto('/?debug=1')
  await page.waitForFunction(() => (window as any).__expoDebug?.frames > 0, null, { timeout: 60_000 })
}

test.describe('a browser set to Korean', () => {
  test.use({ locale: 'ko-KR' })

  test('gets Korean first, then the saved choice, and ?lang over both', async ({ page }) => {
    await openWithoutLangParam(page)
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
    await expect(page.getByRole('button', { name: new RegExp(`^${catalogues.ko['agenda.open']}`) })).toBeVisible()

    // A link's language is kept as the visitor's choice…
    await openHall(page, 'lang=zh-CN')
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await openWithoutLangParam(page)
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    // …and a later link still wins over it.
    await openHall(page, 'lang=en')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  })
})
