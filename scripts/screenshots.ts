/**
 * `npm run screenshots`: README pictures made from the running app (lobby, a zone in walk mode, a booth panel) and,
 * with the booking server over a fresh embedded database, a visitor's agenda and the exhibitor console.
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { inviteStaff } from '../tests/helpers/e2eServer'
import { cameraSettled } from '../tests/helpers/page'
import { PROFILE } from '../tests/helpers/serverApp'
import { startServerProcess } from '../tests/helpers/serverProcess'
import { build, launchChromium, preview } from './serve'

const PORT = 4192
const OUT = 'assets/screenshots'

async function settle(page: Page) {
  await page.waitForFunction(() => (window as any).__expoDebug?.frames > 0, null, { timeout: 120_000 })
  await cameraSettled(page)
  await page.waitForTimeout(800)
  // `?debug=1` is only there to know when the camera has settled; its overlay stays out of the pictures. Set through
  // the element's style object: the page's Content-Security-Policy refuses an added <style>.
  await page.locator('.debug-overlay').evaluateAll((overlays) => overlays.forEach((overlay) => ((overlay as HTMLElement).style.display = 'none')))
}

async function main() {
  build()
  mkdirSync(OUT, { recursive: true })
  const server = await preview(PORT)
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 } })
    await page.goto(`${server.url}/?lang=zh-CN&debug=1`)
    await settle(page)
    await page.screenshot({ path: `${OUT}/lobby.png` })

    await page.goto(`${server.url}/?lang=en&debug=1&zone=nev`)
    await settle(page)
    await page.getByRole('button', { name: 'Walk', exact: true }).click()
    await settle(page)
    await page.screenshot({ path: `${OUT}/zone-walk.png` })

    const boothId = await page.evaluate(() => (window as any).__expoStore.getState().pack.exhibitors.find((e: any) => e.zone === 'korea-pavilion').id)
    await page.goto(`${server.url}/?lang=zh-CN&debug=1&booth=${boothId}`)
    await settle(page)
    await page.screenshot({ path: `${OUT}/booth-panel.png` })
    await bookingScreens(browser)
    console.log(`Screenshots written to ${OUT}/`)
  } finally {
    await browser.close()
    server.stop()
  }
}

/** Three requests to one exhibitor, answered three ways in its console, as the visitor and the staff see them. */
async function bookingScreens(browser: Browser) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cloud-expo-shots-'))
  const server = await startServerProcess({ STATIC_DIR: 'dist', DATA_DIR: dataDir, RATE_LIMITS: 'off' })
  try {
    const exhibitorId = 'hefei-shengmai-intelligence'
    const visitor = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 860 }, timezoneId: 'Europe/Berlin' })
    await visitor.request.post('/api/visitor', { data: { language: 'en' } })
    const now = Date.now()
    const { slots } = await (await visitor.request.get(`/api/exhibitors/${exhibitorId}/slots?from=${now + 2 * 86_400_000}&to=${now + 9 * 86_400_000}`)).json()
    const online = slots.filter((s: { mode: string }) => s.mode === 'online')
    const topics = ['Speech modules for our ticket machines', 'Offline transcription for court rooms', 'In-car voice assistant, 20,000 units a year']
    const booked = []
    for (const [i, topic] of topics.entries()) {
      const slot = online[i * 9]
      const answer = await visitor.request.post('/api/bookings', {
        headers: { 'Idempotency-Key': randomUUID() },
        data: { exhibitorId, start: slot.start, end: slot.end, mode: slot.mode, topic, profile: PROFILE, visitorTimeZone: 'Europe/Berlin', language: 'en', shareProfile: i !== 1 },
      })
      booked.push((await answer.json()).booking)
    }
    const staff = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 860 }, timezoneId: 'Asia/Shanghai' })
    const link = new URL(inviteStaff(`li.na@${exhibitorId}.example.com`, exhibitorId, 'zh-CN', dataDir))
    const console_ = await staff.newPage()
    await console_.goto(`${link.pathname}${link.search}`)
    await console_.getByRole('article').first().waitFor()
    const answer = (id: string, action: string, data: object) => staff.request.post(`/api/console/bookings/${id}/${action}`, { headers: { 'Idempotency-Key': randomUUID() }, data })
    await answer(booked[0].id, 'accept', {})
    const later = online[40]
    await answer(booked[2].id, 'propose', { start: later.start, end: later.end, mode: later.mode, message: 'Our voice team is in Hefei that week' })

    const page = await visitor.newPage()
    await page.goto('/?lang=en&debug=1&zone=ai')
    await settle(page)
    await page.getByRole('button', { name: /^My agenda/ }).click()
    const proposal = page.getByRole('complementary', { name: 'My agenda' }).getByText('The exhibitor proposes this time instead')
    await proposal.waitFor()
    await proposal.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${OUT}/agenda-states.png` })

    // a fresh request from another visitor (the first holds the three a visitor may), so the console shows one waiting
    const other = await browser.newContext({ baseURL: server.url })
    await other.request.post('/api/visitor', { data: { language: 'en' } })
    await other.request.post('/api/bookings', {
      headers: { 'Idempotency-Key': randomUUID() },
      data: { exhibitorId, start: online[20].start, end: online[20].end, mode: 'online', topic: '展厅语音导览合作', profile: PROFILE, visitorTimeZone: 'Europe/Berlin', language: 'en', shareProfile: true },
    })
    await console_.reload()
    await console_.getByRole('article').filter({ hasText: '展厅语音导览合作' }).waitFor()
    await console_.screenshot({ path: `${OUT}/console-inbox.png` })
    await console_.setViewportSize({ width: 390, height: 844 })
    await console_.screenshot({ path: `${OUT}/console-phone.png` })
    await visitor.close()
    await other.close()
    await staff.close()
  } finally {
    await server.kill()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
