/**
 * The booking server's Content-Security-Policy header in real Chromium: on the page and the API, with
 * frame-ancestors, agreeing with the built page's <meta>; the visitor's screens and the staff's console meet no refusal.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { contentSecurityPolicy, contentSecurityPolicyMeta } from '../../../src/contentSecurityPolicy'
import { WALK_EXHIBITOR, expectPolicyEnforced, settle, walkMainScreens, watchPolicy, type PolicyWatch } from '../../helpers/contentSecurityPolicy'
import { E2E_STREAM_ORIGIN, inviteStaff } from '../../helpers/e2eServer'
import { directivesOf } from '../../helpers/policyDirectives'

const BOOKING_LINK = `/?booth=${WALK_EXHIBITOR}&book=1&lang=en`
/** The server under test lets the live screens' test stream host in (STREAM_ORIGINS): that and nothing more. */
const CONTENT_SECURITY_POLICY = contentSecurityPolicy([E2E_STREAM_ORIGIN])
const CONTENT_SECURITY_POLICY_META = contentSecurityPolicyMeta(CONTENT_SECURITY_POLICY)

test('the page and the API carry the policy with frame-ancestors, and the page’s meta agrees with it', async ({ request }) => {
  for (const url of [BOOKING_LINK, '/exhibitor', '/api/health', `/api/exhibitors/${WALK_EXHIBITOR}/slots?from=${Date.now()}&to=${Date.now() + 86_400_000}`]) {
    // as a browser asks: a deep link like /exhibitor is answered with the page
    const response = await request.get(url, { headers: { accept: 'text/html, */*' } })
    expect(response.ok(), url).toBe(true)
    expect(directivesOf(response.headers()['content-security-policy'] ?? ''), url).toEqual(CONTENT_SECURITY_POLICY)
  }
  const page = await (await request.get(BOOKING_LINK)).text()
  const metas = [...page.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/gi)].map((match) => match[1])
  expect(metas).toEqual([CONTENT_SECURITY_POLICY_META])
  const { 'frame-ancestors': headerOnly, ...inMeta } = CONTENT_SECURITY_POLICY
  expect(headerOnly).toEqual(["'none'"])
  expect(directivesOf(metas[0])).toEqual(inMeta)
})

test('a booking link cannot be framed, not even by a page of its own origin', async ({ page }) => {
  const refusals: string[] = []
  page.on('console', (message) => refusals.push(message.text()))
  // same origin, so X-Frame-Options: SAMEORIGIN alone would let the frame in; frame-ancestors 'none' does not
  await page.goto('/api/health')
  await page.evaluate(
    (url) =>
      new Promise((resolve) => {
        const frame = Object.assign(document.createElement('iframe'), { src: url, onload: resolve })
        document.body.append(frame)
        setTimeout(resolve, 10_000)
      }),
    BOOKING_LINK,
  )
  const framed = await page.evaluate(() => Boolean(document.querySelector('iframe')!.contentDocument?.querySelector('#root')))
  expect(framed).toBe(false)
  await expect.poll(() => refusals.join('\n')).toMatch(/frame-ancestors 'none'/)
})

test.describe('screens under the header and the meta together', () => {
  // The hall, a request, four panels, the plan view and a language switch on a software GPU.
  test.slow()

  test('a visitor’s walk through the main screens meets no refusal, while the policy refuses inline code', async ({ page }) => {
    const watch = await watchPolicy(page)
    await walkMainScreens(page)
    await expectNoRefusals(page, watch)
  })

  test('the exhibitor’s console and the organiser’s overview meet no refusal', async ({ page, browser, baseURL, playwright }) => {
    const watch = await watchPolicy(page)
    const topic = `Policy walk ${randomUUID().slice(0, 8)}`
    await visitorRequests(await playwright.request.newContext({ baseURL }), topic)

    const link = new URL(inviteStaff(`csp.${randomUUID().slice(0, 8)}@example.com`, WALK_EXHIBITOR))
    await page.goto(`${link.pathname}${link.search}`)
    await expect(page.getByRole('heading', { level: 2, name: 'Inbox' })).toBeVisible()
    const request = page.getByRole('article').filter({ hasText: topic })
    await request.getByRole('button', { name: 'Propose another time' }).click()
    await expect(page.getByRole('dialog', { name: 'Propose another time' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await page.getByRole('navigation').getByRole('link', { name: 'Calendar' }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Calendar' })).toBeVisible()
    await page.getByRole('navigation').getByRole('link', { name: 'Hours' }).click()
    await expect(page.getByRole('button', { name: 'Save hours' })).toBeVisible()
    await expectNoRefusals(page, watch)

    const organiser = await browser.newPage({ baseURL })
    const organiserWatch = await watchPolicy(organiser)
    const overview = new URL(inviteStaff(`csp.organiser.${randomUUID().slice(0, 8)}@example.com`, null))
    await organiser.goto(`${overview.pathname}${overview.search}`)
    await expect(organiser.getByRole('heading', { level: 2, name: 'Negotiations across the hall' })).toBeVisible()
    await expectNoRefusals(organiser, organiserWatch)
    await organiser.close()
  })
})

async function expectNoRefusals(page: Page, watch: PolicyWatch) {
  await settle(page)
  expect(watch.violations, 'securitypolicyviolation events').toEqual([])
  expect(watch.consoleReports, 'console reports about the policy').toEqual([])
  await expectPolicyEnforced(page, watch)
}

/** A visitor asks the walk's exhibitor for its first free online slot through the API, as the app does. */
async function visitorRequests(visitor: APIRequestContext, topic: string) {
  expect((await visitor.post('/api/visitor', { data: { language: 'en' } })).ok()).toBe(true)
  const from = Date.now() + 86_400_000
  const { slots } = await (await visitor.get(`/api/exhibitors/${WALK_EXHIBITOR}/slots?from=${from}&to=${from + 14 * 86_400_000}`)).json()
  const slot = slots.find((s: { mode: string }) => s.mode === 'online')
  const response = await visitor.post('/api/bookings', {
    headers: { 'Idempotency-Key': randomUUID() },
    data: {
      exhibitorId: WALK_EXHIBITOR,
      start: slot.start,
      end: slot.end,
      mode: slot.mode,
      topic,
      profile: { name: 'Anna Schmidt', company: 'Schmidt Antriebe GmbH', email: 'anna@example.com', role: 'buyer' },
      visitorTimeZone: 'Europe/Berlin',
      language: 'en',
      shareProfile: false,
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  await visitor.dispose()
}
