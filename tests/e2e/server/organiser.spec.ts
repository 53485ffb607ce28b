/** The organiser's overview in real Chromium: signed in by an organiser's link, it follows a new booking live. */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { inviteStaff } from '../../helpers/e2eServer'

const DAY = 86_400_000
/** The venue's zone, from the content pack the server runs with. */
const VENUE_ZONE: string = JSON.parse(readFileSync('assets/content/wmc2021/event.json', 'utf8')).timeZone
/** Offices from Beijing to Chicago: between them a weekday in Hefei has free slots from morning until midnight. */
const EXHIBITORS = ['hefei-huimeng-animation', 'lindenbach-medizintechnik', 'cedar-ridge-bioinstruments', 'harbor-oak-energy-controls', 'hoshizora-robotics']

interface FreeSlot {
  exhibitorId: string
  start: number
  end: number
  mode: string
}

const venueDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: VENUE_ZONE }).format(ms)
const venueHour = (ms: number) => Number(new Intl.DateTimeFormat('en', { timeZone: VENUE_ZONE, hour: '2-digit', hourCycle: 'h23' }).format(ms))
/** A venue date as the overview names its day, e.g. "Tue, Dec 1". */
const dayLabel = (isoDate: string) => new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${isoDate}T12:00:00Z`))

/** "Requested" of a day's counts; a day without bookings says "No negotiations". */
async function requestedOn(day: Locator): Promise<number> {
  const text = (await day.textContent()) ?? ''
  if (text.includes('No negotiations')) return 0
  return Number(/Requested(\d+)/.exec(text)?.[1] ?? Number.NaN)
}

test('an organiser sees a day’s negotiations and tables in use change live when a visitor books', async ({ page, playwright, baseURL }) => {
  const link = new URL(inviteStaff(`organiser.${randomUUID().slice(0, 8)}@example.com`, null))
  expect(link.pathname).toBe('/organiser')
  await page.goto(`${link.pathname}${link.search}`)
  await expect(page.getByRole('heading', { level: 2, name: 'Negotiations across the hall' })).toBeVisible()
  await expect(page).not.toHaveURL(/signin=/)
  await expect(page.getByRole('banner')).toContainText('Live')
  await expect(page.getByText(/Days and hours in venue time \(Beijing\); \d+ negotiation tables in the hall\./)).toBeVisible()

  // today when an office still has a free slot today, else the first day one has
  const visitor = await playwright.request.newContext({ baseURL })
  expect((await visitor.post('/api/visitor', { data: { language: 'en' } })).ok()).toBe(true)
  const now = Date.now()
  const candidates: FreeSlot[] = []
  for (const exhibitorId of EXHIBITORS) {
    const { slots } = await (await visitor.get(`/api/exhibitors/${exhibitorId}/slots?from=${now}&to=${now + 7 * DAY}`)).json()
    const first = slots.find((s: FreeSlot) => s.mode === 'online')
    if (first) candidates.push(first)
  }
  const slot = candidates.sort((a, b) => venueDate(a.start).localeCompare(venueDate(b.start)) || a.start - b.start)[0]
  const date = venueDate(slot.start)
  const today = venueDate(now)

  const day = page.getByRole('region', { name: new RegExp(`^${dayLabel(date)}${date === today ? ' · today' : ''}$`) })
  await expect(day).toBeVisible()
  const before = await requestedOn(day)
  expect(before).not.toBeNaN()
  await page.evaluate(() => ((window as unknown as { organiserTestMark: string }).organiserTestMark = 'still here'))

  const booked = await visitor.post('/api/bookings', {
    headers: { 'Idempotency-Key': randomUUID() },
    data: {
      exhibitorId: slot.exhibitorId,
      start: slot.start,
      end: slot.end,
      mode: slot.mode,
      topic: 'Organiser: a booking to count',
      profile: { name: 'Li Wei', company: 'Hefei Test Co.', email: 'li.wei@example.com', role: 'buyer' },
      visitorTimeZone: 'Asia/Shanghai',
      language: 'en',
      shareProfile: false,
    },
  })
  expect(booked.status(), await booked.text()).toBe(201)

  await expect.poll(() => requestedOn(day)).toBe(before + 1)
  const strip = day.getByRole('table', { name: `Tables in use per hour, ${dayLabel(date)}` })
  const inUse = strip.getByRole('row', { name: /^Tables in use/ }).getByRole('cell')
  await expect(inUse).toHaveCount(24)
  expect(Number(await inUse.nth(venueHour(slot.start)).textContent())).toBeGreaterThanOrEqual(1)
  await expect(day.getByText('Peak tables')).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { organiserTestMark?: string }).organiserTestMark)).toBe('still here')

  const issues = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(issues.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
})

test('an exhibitor’s staff cannot open the organiser overview', async ({ page }) => {
  const link = new URL(inviteStaff(`not-an-organiser.${randomUUID().slice(0, 8)}@example.com`, 'hoshizora-robotics'))
  await page.goto(`${link.pathname}${link.search}`)
  await expect(page.getByRole('heading', { level: 2, name: 'Inbox' })).toBeVisible()
  await page.goto('/organiser')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the organiser overview' })).toBeVisible()
})
