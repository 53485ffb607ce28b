/**
 * The exhibitor console in real Chromium against the booking server: sign-in links, requests arriving live,
 * accepting, declining, proposing another time, consent, weekly hours, the CSV, phones, languages and axe.
 * Visitors act through the API as the app does; the console is driven only by roles and labels.
 */
import { expect, test, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { blockingAxeIssues } from '../../helpers/axe'
import { inviteStaff, requestBookingByApi } from '../../helpers/e2eServer'

test.use({ timezoneId: 'Europe/Berlin' })

const DAY = 86_400_000
/** Every test has an exhibitor of its own: the database lives for the whole run. */
const EXHIBITOR = {
  signIn: 'hefei-huimeng-animation',
  live: 'anhui-huanjing-vr',
  reconnect: 'chaohu-yuxian-foods',
  accept: 'hefei-shucheng-digital-twin',
  decline: 'binhu-guangying-performing-arts',
  propose: 'hefei-xingyan-industrial-design',
  consent: 'dangshan-liyuan-foods',
  hours: 'anhui-shusheng-virtual-humans',
  csv: 'anhui-daoxiang-rice',
  phone: 'huangshan-langu-tea',
  chinese: 'fuyang-weizhen-foods',
  korean: 'anhui-lumu-dairy',
  axe: 'huaiyuan-liuxiang-agriculture',
} as const
/** All of them keep their hours in Beijing time. */
const OFFICE_ZONE = 'Asia/Shanghai'

type Language = 'zh-CN' | 'en' | 'ko'

interface VisitorBooking {
  id: string
  start: number
  end: number
  status: string
  topic: string
  declineReason?: string
  proposalMessage?: string
  cancelledBy?: string
}

/** Signs a new staff member of the exhibitor in through their invitation link; returns the link. */
async function openConsole(page: Page, exhibitorId: string, language: Language = 'en'): Promise<string> {
  const link = new URL(inviteStaff(`${exhibitorId}.${language}.${randomUUID().slice(0, 8)}@example.com`, exhibitorId, language))
  const path = `${link.pathname}${link.search}`
  await page.goto(path)
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toBeVisible()
  return path
}

/** A visitor (a cookie jar of their own) asks the exhibitor for one of its free online slots, as the app does. */
async function visitorAsks(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string | undefined,
  exhibitorId: string,
  options: { topic: string; pick?: number; shareProfile?: boolean },
): Promise<{ booking: VisitorBooking; visitor: APIRequestContext }> {
  const visitor = await playwright.request.newContext({ baseURL })
  return { booking: await requestBookingByApi<VisitorBooking>(visitor, exhibitorId, options), visitor }
}

async function visitorSees(visitor: APIRequestContext, bookingId: string): Promise<VisitorBooking> {
  const { bookings } = await (await visitor.get('/api/me/bookings')).json()
  return bookings.find((b: VisitorBooking) => b.id === bookingId)
}

const card = (page: Page, topic: string) => page.getByRole('article').filter({ hasText: topic })
const inboxTab = (page: Page) => page.getByRole('navigation').getByRole('link', { name: /^Inbox/ })

/** Marks the document, so a test can prove later that the page was never reloaded. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { consoleTestMark: string }).consoleTestMark = 'still here'))
const pageMark = (page: Page) => page.evaluate(() => (window as unknown as { consoleTestMark?: string }).consoleTestMark)

/** Weeks from this week to the meeting's, both in the office's clock (weeks start on Monday). */
function weeksAhead(start: number): number {
  const day = (ms: number) => Date.parse(`${new Intl.DateTimeFormat('en-CA', { timeZone: OFFICE_ZONE }).format(ms)}T00:00:00Z`) / DAY
  const monday = (d: number) => d - ((d + 3) % 7)
  return (monday(day(start)) - monday(day(Date.now()))) / 7
}

/** Everything inside the window's width, and no scroller wider than itself. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const offenders = [...document.querySelectorAll('body *')]
      .filter((element) => {
        const box = element.getBoundingClientRect()
        return box.width > 0 && (box.right > width + 1 || box.left < -1)
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} > ${width})`)
    const scrollers = [document.scrollingElement!, ...document.querySelectorAll('main, main *, body > div > div')]
      // visually hidden text is clipped to a pixel on purpose
      .filter((element) => element.clientWidth > 1 && element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'auto')
      .map((element) => `scrolls sideways: ${element.tagName.toLowerCase()}.${element.className}`)
    return [...offenders, ...scrollers]
  })
}

test('signs in with a link, takes the token out of the address, refuses the link a second time and signs out', async ({ page, browser, baseURL }) => {
  const link = await openConsole(page, EXHIBITOR.signIn)
  await expect(page.getByRole('heading', { level: 1, name: 'Hefei Huimeng Animation Co., Ltd.' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Inbox' })).toBeVisible()
  await expect(page).toHaveURL(/\/exhibitor$/)
  // a new tab's blank page, then the console: the address with the token was replaced, not kept behind it
  expect(await page.evaluate(() => history.length)).toBe(2)

  // the same link, opened anywhere else, is refused plainly and the form is offered
  const elsewhere = await browser.newContext({ baseURL })
  const second = await elsewhere.newPage()
  await second.goto(link)
  await expect(second.getByRole('alert')).toContainText('This sign-in link has already been used or has expired')
  await expect(second).not.toHaveURL(/signin=/)
  await second.getByLabel('Your work e-mail').fill('not an address')
  await second.getByRole('button', { name: 'E-mail me a new sign-in link' }).click()
  await expect(second.getByText('Enter an e-mail address such as name@company.com.')).toBeVisible()
  await second.getByLabel('Your work e-mail').fill('nobody-here@example.com')
  await second.getByRole('button', { name: 'E-mail me a new sign-in link' }).click()
  await expect(second.getByText('If this address has an account, a link is on its way.')).toBeVisible()
  await elsewhere.close()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByText('You are signed out.')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the exhibitor console' })).toBeVisible()
})

test('a new request appears live, without a reload, with the unread badge and the title counting it', async ({ page, playwright, baseURL }) => {
  await openConsole(page, EXHIBITOR.live)
  await expect(page.getByText('No request is waiting for an answer.')).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('Live')
  await expect(inboxTab(page)).not.toContainText(/\d/)
  await markPage(page)

  const topic = 'Live: VR training rooms for 40 staff'
  await visitorAsks(playwright, baseURL, EXHIBITOR.live, { topic })
  await expect(page.getByRole('region', { name: /Waiting for your answer/ }).getByRole('article').filter({ hasText: topic })).toBeVisible()
  await expect(inboxTab(page)).toHaveAccessibleName(/1 waiting for an answer/)
  await expect(page).toHaveTitle(/^\(1\) Inbox · /)
  await expect(page.getByText(`New request: `, { exact: false }).filter({ hasText: topic })).toBeAttached()

  const second = 'Live: a second request'
  await visitorAsks(playwright, baseURL, EXHIBITOR.live, { topic: second, pick: 3 })
  await expect(card(page, second)).toBeVisible()
  await expect(page).toHaveTitle(/^\(2\) Inbox · /)
  expect(await pageMark(page)).toBe('still here')
})

test('when the stream fails it tries again after growing pauses, then catches up on what it missed', async ({ page, playwright, baseURL }) => {
  const attempts: number[] = []
  let refuse = true
  await page.route('**/api/events', (route) => {
    attempts.push(Date.now())
    return refuse ? route.abort('connectionrefused') : route.continue()
  })
  await openConsole(page, EXHIBITOR.reconnect)
  await expect(page.getByText('No request is waiting for an answer.')).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('Reconnecting…')
  await expect.poll(() => attempts.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(4)

  // asked while no event can reach the console: only the refetch on `ready` can bring it
  const topic = 'Reconnect: asked while the stream was down'
  await visitorAsks(playwright, baseURL, EXHIBITOR.reconnect, { topic })
  refuse = false
  await expect(page.getByRole('banner')).toContainText('Live', { timeout: 40_000 })
  await expect(card(page, topic)).toBeVisible()

  // pauses of 0.5–1 s, 1–2 s, 2–4 s…: each at least half its doubled ceiling, never a burst
  const pauses = attempts.slice(1, 4).map((at, i) => at - attempts[i])
  pauses.forEach((pause, i) => {
    expect(pause).toBeGreaterThanOrEqual(500 * 2 ** i - 50)
    expect(pause).toBeLessThanOrEqual(1000 * 2 ** i + 1000)
  })
})

test('accepting a request confirms it for the visitor, and the calendar shows the meeting with the same card', async ({ page, playwright, baseURL }) => {
  // its own topic each run: a retry finds the first attempt's booking still on the server
  const topic = `Accept: digital twin of a stamping line ${Date.now().toString(36)}`
  await openConsole(page, EXHIBITOR.accept)
  const { booking, visitor } = await visitorAsks(playwright, baseURL, EXHIBITOR.accept, { topic, pick: 2 })
  await page.reload()
  const request = card(page, topic)
  await expect(request).toContainText('New request')
  await expect(request).toContainText(/Answer by .+ \(in \d+ (hours|minutes)\)/)
  await expect(inboxTab(page)).toHaveAccessibleName(/1 waiting for an answer/)

  await request.getByRole('button', { name: 'Accept' }).click()
  await expect(request).toContainText('Accepted: the visitor has been told.')
  await expect(request.getByText('Confirmed', { exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Recent answers' }).getByRole('article').filter({ hasText: topic })).toBeVisible()
  await expect(inboxTab(page)).not.toContainText(/\d/)
  await expect.poll(async () => (await visitorSees(visitor, booking.id)).status).toBe('confirmed')

  await page.getByRole('link', { name: 'Calendar' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Calendar' })).toBeFocused()
  for (let week = weeksAhead(booking.start); week > 0; week--) await page.getByRole('button', { name: 'Next week' }).click()
  await page.getByRole('button', { name: new RegExp(topic) }).click()
  const meeting = page.getByRole('dialog', { name: 'Meeting' })
  await expect(meeting.getByRole('article')).toContainText('Confirmed')
  await expect(meeting.getByRole('button', { name: 'Cancel meeting' })).toBeVisible()
  await meeting.getByRole('button', { name: 'Close' }).click()
  await expect(meeting).toBeHidden()
  await expect(page.getByRole('button', { name: new RegExp(topic) })).toBeFocused()

  // cancelling a confirmed meeting asks for a reason too, and the calendar lets the meeting go
  await page.getByRole('button', { name: new RegExp(topic) }).click()
  await meeting.getByRole('button', { name: 'Cancel meeting' }).click()
  const cancel = page.getByRole('dialog', { name: 'Cancel this meeting' })
  await cancel.getByLabel('Reason (the visitor reads it)').fill('Our engineer is ill; please book another day')
  await cancel.getByRole('button', { name: 'Cancel the meeting' }).click()
  await expect(cancel).toBeHidden()
  await expect(meeting.getByRole('article')).toContainText('Cancelled: the visitor has been told, with your reason.')
  await meeting.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('button', { name: new RegExp(topic) })).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 2, name: 'Calendar' })).toBeFocused()
  await expect.poll(async () => visitorSees(visitor, booking.id)).toMatchObject({ status: 'cancelled', cancelledBy: 'exhibitor' })
})

test('declining asks for a reason, which the visitor is told', async ({ page, playwright, baseURL }) => {
  const topic = 'Decline: stage lighting for a theatre'
  await openConsole(page, EXHIBITOR.decline)
  const { booking, visitor } = await visitorAsks(playwright, baseURL, EXHIBITOR.decline, { topic })
  await page.reload()
  const request = card(page, topic)
  const declineButton = request.getByRole('button', { name: 'Decline' })
  await declineButton.click()

  const dialog = page.getByRole('dialog', { name: 'Decline this request' })
  await expect(dialog.getByLabel('Reason (the visitor reads it)')).toBeFocused()
  await dialog.getByRole('button', { name: 'Decline the request' }).click()
  await expect(dialog.getByText('Please give a reason.')).toBeVisible()
  await expect(dialog.getByLabel('Reason (the visitor reads it)')).toHaveAttribute('aria-invalid', 'true')
  // Escape leaves without a change, and focus returns to the button
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(declineButton).toBeFocused()
  expect((await visitorSees(visitor, booking.id)).status).toBe('requested')

  // the first answer reaches the server but its reply is lost: the retry carries the same key and gets that answer
  const keys: string[] = []
  await page.route('**/api/console/bookings/*/decline', async (route) => {
    keys.push(route.request().headers()['idempotency-key'])
    if (keys.length > 1) return route.continue()
    await route.fetch()
    await route.abort('connectionreset')
  })
  await declineButton.click()
  const reason = 'We only sell to venues in mainland China this year'
  await dialog.getByLabel('Reason (the visitor reads it)').fill(reason)
  await dialog.getByRole('button', { name: 'Decline the request' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('No connection to the server. Try again: the same change is never made twice.')
  await expect(dialog.getByRole('button', { name: 'Decline the request' })).toBeEnabled()
  await dialog.getByRole('button', { name: 'Decline the request' }).click()
  await expect(dialog).toBeHidden()
  expect(keys).toHaveLength(2)
  expect(keys[1]).toBe(keys[0])
  await expect(request).toContainText('Declined: the visitor has been told, with your reason.')
  await expect(request).toContainText(`Reason given: ${reason}`)
  await expect(request.getByRole('button', { name: 'Accept' })).toHaveCount(0)
  await expect.poll(async () => visitorSees(visitor, booking.id)).toMatchObject({ status: 'declined', declineReason: reason })
})

test('proposing another time moves the request to a free slot and waits for the visitor', async ({ page, playwright, baseURL }) => {
  const topic = 'Propose: industrial design for a kettle'
  await openConsole(page, EXHIBITOR.propose)
  const { booking, visitor } = await visitorAsks(playwright, baseURL, EXHIBITOR.propose, { topic })
  await page.reload()
  await card(page, topic).getByRole('button', { name: 'Propose another time' }).click()

  const dialog = page.getByRole('dialog', { name: 'Propose another time' })
  await expect(dialog.getByRole('radio').first()).toBeVisible()
  // another day than the one asked for, and the second time of that day
  await dialog.getByLabel('Day').selectOption({ index: 1 })
  await dialog.getByRole('radio').nth(1).check()
  await dialog.getByLabel('Message to the visitor (optional)').fill('Our designer is in the office that day')
  await dialog.getByRole('button', { name: 'Send the proposal' }).click()
  await expect(dialog).toBeHidden()

  const proposal = page.getByRole('region', { name: 'Waiting for the visitor' }).getByRole('article').filter({ hasText: topic })
  await expect(proposal).toContainText('You proposed this time')
  await expect(proposal).toContainText('Proposal sent: the visitor decides.')
  await expect(proposal).toContainText('Your message: Our designer is in the office that day')
  await expect(proposal).toContainText(/The visitor asked for /)
  const seen = await visitorSees(visitor, booking.id)
  expect(seen).toMatchObject({ status: 'proposed', proposalMessage: 'Our designer is in the office that day' })
  expect(seen.start).not.toBe(booking.start)
})

test('shows the visitor’s details only when they agreed to share them', async ({ page, playwright, baseURL }) => {
  await openConsole(page, EXHIBITOR.consent)
  await visitorAsks(playwright, baseURL, EXHIBITOR.consent, { topic: 'Consent: shared details', shareProfile: true })
  await visitorAsks(playwright, baseURL, EXHIBITOR.consent, { topic: 'Consent: kept private', pick: 2 })
  await page.reload()

  const shared = card(page, 'Consent: shared details')
  await expect(shared).toContainText('Anna Schmidt')
  await expect(shared).toContainText('Schmidt Elektronik GmbH')
  await expect(shared.getByRole('link', { name: 'anna@example.com' })).toHaveAttribute('href', 'mailto:anna@example.com')
  await expect(shared.getByRole('link', { name: '+49 30 1234567' })).toHaveAttribute('href', 'tel:+49301234567')
  await expect(shared).toContainText('Buyer')

  const kept = card(page, 'Consent: kept private')
  await expect(kept).toContainText('The visitor did not share their details')
  await expect(kept).not.toContainText('Anna')
  await expect(kept).not.toContainText('Schmidt')
  await expect(kept.getByRole('link')).toHaveCount(0)
})

test('edits the weekly hours, refuses a reversed range, saves, and visitors get the new slots', async ({ page, playwright, baseURL }) => {
  await openConsole(page, EXHIBITOR.hours)
  await page.getByRole('link', { name: 'Hours' }).click()
  await expect(page.getByText('Existing bookings stay as they are.')).toBeVisible()

  // Tuesday becomes one evening hour
  const removeTuesday = page.getByRole('button', { name: /^Remove Tuesday / })
  while ((await removeTuesday.count()) > 0) await removeTuesday.first().click()
  await page.getByRole('button', { name: 'Add hours on Tuesday' }).click()
  await page.getByLabel('Tuesday, hours 1: from').selectOption('19:00')
  await page.getByLabel('Tuesday, hours 1: to').selectOption('18:00')
  await page.getByRole('button', { name: 'Save hours' }).click()
  await expect(page.getByRole('alert')).toHaveText('Check the marked fields.')
  await expect(page.getByText('The end must be later than the start.')).toBeVisible()
  await expect(page.getByLabel('Tuesday, hours 1: to')).toHaveAttribute('aria-invalid', 'true')
  await page.getByLabel('Tuesday, hours 1: to').selectOption('20:00')

  // the Tuesday after next is blocked
  const blocked = await page.evaluate(({ zone, DAY }) => {
    const date = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(ms)
    let day = Date.now() + 8 * DAY
    while (new Intl.DateTimeFormat('en', { timeZone: zone, weekday: 'short' }).format(day) !== 'Tue') day += DAY
    return date(day)
  }, { zone: OFFICE_ZONE, DAY })
  await page.getByLabel('Date to block').fill(blocked)
  await page.getByRole('button', { name: 'Block this date' }).click()
  await expect(page.getByRole('button', { name: `Unblock ${blocked}` })).toBeVisible()
  await page.getByLabel('Meeting length').selectOption('60')
  await expect(page.getByText('Unsaved changes')).toBeVisible()
  await page.getByRole('button', { name: 'Save hours' }).click()
  await expect(page.getByText('Saved. New requests follow these hours; existing bookings stay as they are.')).toBeVisible()

  await page.reload()
  await expect(page.getByLabel('Tuesday, hours 1: from')).toHaveValue('19:00')
  await expect(page.getByLabel('Tuesday, hours 1: to')).toHaveValue('20:00')
  await expect(page.getByLabel('Tuesday, hours 2: from')).toHaveCount(0)
  await expect(page.getByLabel('Meeting length')).toHaveValue('60')
  await expect(page.getByRole('button', { name: `Unblock ${blocked}` })).toBeVisible()

  const visitor = await playwright.request.newContext({ baseURL })
  const now = Date.now()
  const { slots } = await (await visitor.get(`/api/exhibitors/${EXHIBITOR.hours}/slots?from=${now}&to=${now + 21 * DAY}`)).json()
  const weekday = (local: string) => new Date(`${local.slice(0, 10)}T12:00:00Z`).getUTCDay()
  const tuesdays = slots.filter((s: { exhibitorLocal: string }) => weekday(s.exhibitorLocal) === 2)
  expect(tuesdays.length).toBeGreaterThan(0)
  expect(tuesdays.every((s: { exhibitorLocal: string }) => s.exhibitorLocal.endsWith(' 19:00'))).toBe(true)
  expect(slots.every((s: { start: number; end: number }) => s.end - s.start === 60 * 60_000)).toBe(true)
  expect(slots.some((s: { exhibitorLocal: string }) => s.exhibitorLocal.startsWith(blocked))).toBe(false)
})

test('downloads the meetings as a CSV that opens in Excel with its Chinese intact', async ({ page, playwright, baseURL }) => {
  const topic = '采购有机大米，每月二十吨 · 유기농 쌀'
  await openConsole(page, EXHIBITOR.csv, 'zh-CN')
  await visitorAsks(playwright, baseURL, EXHIBITOR.csv, { topic, shareProfile: true })
  await page.getByRole('link', { name: '日程' }).click()
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: '下载洽谈记录（Excel 可打开的 CSV）' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(new RegExp(`^meetings-${EXHIBITOR.csv}-\\d{4}-\\d\\d-\\d\\d\\.csv$`))
  const bytes = readFileSync((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const [header, ...rows] = bytes.toString('utf8').slice(1).split('\r\n')
  expect(header).toContain('"日期","开始","结束"')
  expect(rows.find((row) => row.includes(topic))).toContain('"待确认"')
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })

  test('fits the screen: tabs at the bottom, full-width cards, 44 px targets, nothing scrolls sideways', async ({ page, playwright, baseURL }) => {
    const topic = 'Phone: 2 tonnes of Huangshan Maofeng a month'
    await openConsole(page, EXHIBITOR.phone)
    await visitorAsks(playwright, baseURL, EXHIBITOR.phone, { topic, shareProfile: true })
    await page.reload()
    const request = card(page, topic)
    await expect(request).toBeVisible()

    const tabs = (await page.getByRole('navigation').boundingBox())!
    expect(tabs.y + tabs.height).toBeCloseTo(844, 0)
    const box = (await request.boundingBox())!
    expect(box.width).toBeGreaterThanOrEqual(390 - 2 * 12)
    for (const target of [request.getByRole('button', { name: 'Accept' }), request.getByRole('button', { name: 'Decline' }), inboxTab(page), page.getByRole('button', { name: 'Sign out' })]) {
      const size = (await target.boundingBox())!
      expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(44)
    }
    expect(await sidewaysOverflow(page)).toEqual([])
    expect(await blockingAxeIssues(page, 'inbox on a phone')).toEqual([])

    for (const view of ['Calendar', 'Hours', 'Settings']) {
      await page.getByRole('navigation').getByRole('link', { name: view }).tap()
      await expect(page.getByRole('heading', { level: 2 })).toBeFocused()
      expect(await sidewaysOverflow(page), view).toEqual([])
    }

    await page.getByRole('navigation').getByRole('link', { name: /^Inbox/ }).tap()
    await card(page, topic).getByRole('button', { name: 'Decline' }).tap()
    const dialog = page.getByRole('dialog', { name: 'Decline this request' })
    const sheet = (await dialog.boundingBox())!
    expect(sheet.width).toBeCloseTo(390, 0)
    expect(await sidewaysOverflow(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Close' }).first().tap()
    await expect(dialog).toBeHidden()
  })
})

for (const { language, exhibitorId, inbox, calendar, hours, status, accept, topic } of [
  { language: 'zh-CN', exhibitorId: EXHIBITOR.chinese, inbox: '收件箱', calendar: '日程', hours: '洽谈时间', status: '新预约', accept: '接受', topic: '洽谈：食品出口' },
  { language: 'ko', exhibitorId: EXHIBITOR.korean, inbox: '받은 상담 신청', calendar: '상담 일정', hours: '상담 시간', status: '새 신청', accept: '수락', topic: '상담: 유제품 수입' },
] as const) {
  test(`speaks ${language} to staff whose language it is`, async ({ page, playwright, baseURL }) => {
    await openConsole(page, exhibitorId, language)
    await visitorAsks(playwright, baseURL, exhibitorId, { topic })
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('lang', language)
    await expect(page.getByRole('heading', { level: 2, name: inbox })).toBeVisible()
    await expect(page.getByRole('navigation').getByRole('link', { name: calendar })).toBeVisible()
    await expect(page.getByRole('navigation').getByRole('link', { name: hours })).toBeVisible()
    const request = card(page, topic)
    await expect(request.getByText(status, { exact: true })).toBeVisible()
    await expect(request.getByRole('button', { name: accept })).toBeVisible()
    // the date through Intl in the language: Chinese and Korean dates carry 月/日 and 월/일
    await expect(request.getByRole('heading', { level: 4 })).toContainText(language === 'zh-CN' ? /\d+月\d+日/ : /\d+월 \d+일/)
  })
}

test('has no serious or critical accessibility issue in the inbox, a dialog, the calendar, the hours and settings', async ({ page, playwright, baseURL, browser }) => {
  test.slow()
  await openConsole(page, EXHIBITOR.axe)
  const { booking } = await visitorAsks(playwright, baseURL, EXHIBITOR.axe, { topic: 'Axe: shared', shareProfile: true })
  await visitorAsks(playwright, baseURL, EXHIBITOR.axe, { topic: 'Axe: private', pick: 4 })
  await page.reload()
  await expect(card(page, 'Axe: private')).toBeVisible()
  const found: string[] = []
  found.push(...(await blockingAxeIssues(page, 'inbox')))

  await card(page, 'Axe: shared').getByRole('button', { name: 'Propose another time' }).click()
  await expect(page.getByRole('dialog').getByRole('radio').first()).toBeVisible()
  found.push(...(await blockingAxeIssues(page, 'propose dialog')))
  await page.keyboard.press('Escape')

  await card(page, 'Axe: shared').getByRole('button', { name: 'Accept' }).click()
  await expect(card(page, 'Axe: shared')).toContainText('Accepted')
  await page.getByRole('link', { name: 'Calendar' }).click()
  for (let week = weeksAhead(booking.start); week > 0; week--) await page.getByRole('button', { name: 'Next week' }).click()
  await expect(page.getByRole('button', { name: /Axe: shared/ })).toBeVisible()
  found.push(...(await blockingAxeIssues(page, 'calendar')))
  await page.getByRole('button', { name: /Axe: shared/ }).click()
  await expect(page.getByRole('dialog', { name: 'Meeting' })).toBeVisible()
  found.push(...(await blockingAxeIssues(page, 'meeting dialog')))
  await page.keyboard.press('Escape')

  await page.getByRole('link', { name: 'Hours' }).click()
  await page.getByRole('button', { name: 'Add hours on Sunday' }).click()
  await page.getByLabel('Sunday, hours 1: to').selectOption('08:00')
  await page.getByRole('button', { name: 'Save hours' }).click()
  await expect(page.getByText('The end must be later than the start.')).toBeVisible()
  found.push(...(await blockingAxeIssues(page, 'hours with an error')))

  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('listitem').filter({ hasText: '(you)' })).toBeVisible()
  found.push(...(await blockingAxeIssues(page, 'settings')))

  const signedOut = await (await browser.newContext({ baseURL })).newPage()
  await signedOut.goto('/exhibitor')
  await expect(signedOut.getByRole('button', { name: 'E-mail me a new sign-in link' })).toBeVisible()
  found.push(...(await blockingAxeIssues(signedOut, 'sign-in')))
  expect(found, `axe found:\n${found.join('\n')}`).toEqual([])
})
