/**
 * Live screens in real Chromium against the booking server: staff set their booth's stream in the console; a visitor
 * already standing at the booth sees it play without a reload (frames drawn, time running), turns the sound on, and walking away or hiding the
 * tab stops it; a booth without a stream shows its title card; a broken stream falls back without a loop; and a hall
 * with no video in view draws nothing. The stream is made by ffmpeg at test time and served from loopback.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import { E2E_STREAM_ORIGIN, E2E_STREAM_PORT, inviteStaff } from '../../helpers/e2eServer'
import { watchPolicy } from '../../helpers/contentSecurityPolicy'
import { framesDuring, hallFrames } from '../../helpers/hallFrames'
import { cameraSettled, openHall, watchConsole } from '../../helpers/page'
import { makeTestStream, serveTestStream, type StreamServer } from '../../helpers/testStream'

/** Booths no other browser test uses: the database lives for the whole run. */
const BOOTH = {
  /** Its stream is set through the console (native HLS where Chromium has it). */
  stream: 'hefei-lanjing-display-technology',
  /** Its stream goes through hls.js (the browser's own HLS hidden from the app). */
  hlsJs: 'xinzhan-micro-display-optoelectronics',
  /** A screen and no stream: its title card. */
  card: 'anhui-xingchen-zhitu',
  /** A playlist that is not there, and an MP4 that is: the MP4 plays. */
  fallback: 'chuzhou-carbon-fibre-composites',
  /** A playlist that is not there and nothing else: the title card, once. */
  broken: 'huaibei-taoxin-advanced-ceramics',
} as const

let dir: string
let streams: StreamServer
test.beforeAll(async () => {
  dir = makeTestStream()
  streams = await serveTestStream(dir, E2E_STREAM_PORT)
})
test.afterAll(async () => {
  await streams?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

interface VideoState {
  screen: string
  path: string | null
  drawn: boolean
  paused: boolean
  muted: boolean
  currentTime: number
  frames: number
}
const screens = (page: Page): Promise<{ cards: string[]; videos: VideoState[] }> => page.evaluate(() => (window as any).__expoDebug.screens())

/** Sets a booth's screen through the API as its staff's console does (a session from their invitation link). */
async function setScreenByApi(request: APIRequestContext, exhibitorId: string, source: { hls: string | null; mp4: string | null }) {
  const link = new URL(inviteStaff(`screen.${randomUUID().slice(0, 8)}@example.com`, exhibitorId))
  const origin = link.origin
  const redeemed = await request.post('/api/auth/redeem', { data: { token: link.searchParams.get('signin') }, headers: { origin } })
  expect(redeemed.ok()).toBe(true)
  const saved = await request.put('/api/console/screen', { data: source, headers: { origin } })
  expect(saved.ok(), await saved.text()).toBe(true)
}

/** Walk mode, standing in front of the booth and facing it, its panel closed. */
async function standAt(page: Page, exhibitorId: string) {
  if ((await page.getByRole('button', { name: 'Walk', exact: true }).getAttribute('aria-pressed')) !== 'true') {
    await page.getByRole('button', { name: 'Walk', exact: true }).click()
    await cameraSettled(page)
  }
  await page.evaluate((id) => (window as any).__expoStore.getState().actions.openBooth(id, { fly: true }), exhibitorId)
  await cameraSettled(page)
  await page.keyboard.press('Escape')
}

/** Hidden as a background tab is: the page's visibility and its event (headless Chromium has no real tab to switch to). */
const setHidden = (page: Page, hidden: boolean) =>
  page.evaluate((value) => {
    Object.defineProperty(document, 'hidden', { value, configurable: true })
    Object.defineProperty(document, 'visibilityState', { value: value ? 'hidden' : 'visible', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
  }, hidden)

test('staff set their booth’s stream in the console; a visitor already at the booth sees it play without a reload, turns the sound on, and it stops when they leave or hide the tab', async ({
  page,
  browser,
  request,
}) => {
  // The visitor stands at the booth first: no stream yet (none left by an earlier try either), so no video.
  await setScreenByApi(request, BOOTH.stream, { hls: null, mp4: null })
  const errors = watchConsole(page)
  const policy = await watchPolicy(page)
  await openHall(page)
  await standAt(page, BOOTH.stream)
  expect((await screens(page)).videos).toEqual([])

  // The console: an origin the server does not allow is refused with the reason, then the test stream is saved.
  const link = new URL(inviteStaff(`screen.${randomUUID().slice(0, 8)}@example.com`, BOOTH.stream))
  const staffPage = await browser.newPage()
  await staffPage.goto(`${link.pathname}${link.search}`)
  await staffPage.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: 'Settings' }).click()
  const card = staffPage.getByRole('region', { name: 'Booth screen' })
  await expect(card).toContainText(`Links may come from: ${E2E_STREAM_ORIGIN}`)
  await card.getByLabel('Live stream (HLS link ending in .m3u8)').fill('https://streams.example.net/live/index.m3u8')
  await card.getByRole('button', { name: 'Save the screen' }).click()
  await expect(card.getByText('Links from https://streams.example.net are not allowed on this server.', { exact: false })).toBeVisible()
  await card.getByLabel('Live stream (HLS link ending in .m3u8)').fill(`${E2E_STREAM_ORIGIN}/index.m3u8`)
  await card.getByRole('button', { name: 'Save the screen' }).click()
  await expect(card.getByText('Saved.')).toBeVisible()
  await staffPage.close()

  // The visitor's hall hears of it and the booth's screen gets a video that draws frames while its time runs.
  const nativeHls = await page.evaluate(() => document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== '')
  await expect.poll(async () => (await screens(page)).videos.find((v) => v.screen === BOOTH.stream)?.drawn ?? false, { timeout: 30_000 }).toBe(true)
  const first = (await screens(page)).videos[0]
  expect(first).toMatchObject({ screen: BOOTH.stream, path: nativeHls ? 'native-hls' : 'hls.js', paused: false, muted: true })
  const before = await hallFrames(page)
  await expect.poll(async () => (await screens(page)).videos[0]?.currentTime ?? 0).toBeGreaterThan(first.currentTime + 1)
  // a software GPU on a busy machine draws a few frames a second, not the stream's 15: new frames, not their rate
  await expect.poll(() => hallFrames(page), { message: 'the hall draws the new video frames' }).toBeGreaterThan(before + 3)
  expect(streams.requests).toContain('/index.m3u8')

  // Sound: off until asked for, by one clear control.
  const playing = page.getByText('Playing: ', { exact: false })
  await expect(playing).toBeVisible()
  await page.getByRole('button', { name: 'Sound on' }).click()
  await expect.poll(async () => (await screens(page)).videos[0]?.muted).toBe(false)
  await page.getByRole('button', { name: 'Sound off' }).click()
  await expect.poll(async () => (await screens(page)).videos[0]?.muted).toBe(true)

  // Hiding the tab stops and lets go of the video; coming back starts it again.
  await setHidden(page, true)
  await expect.poll(async () => (await screens(page)).videos).toEqual([])
  await expect(page.getByRole('button', { name: 'Sound on' })).toHaveCount(0)
  await setHidden(page, false)
  await expect.poll(async () => (await screens(page)).videos[0]?.drawn ?? false, { timeout: 30_000 }).toBe(true)

  // Walking away to a booth of another zone: the video stops, and with no video in view the hall rests.
  await standAt(page, BOOTH.card)
  await expect.poll(async () => (await screens(page)).videos).toEqual([])
  await expect(page.getByRole('button', { name: /^Sound (on|off)$/ })).toHaveCount(0)
  expect(errors).toEqual([])
  expect(policy.violations, 'the stream origin is in media-src and connect-src of the header and the meta').toEqual([])
})

test('a booth without a stream shows its title card, and an idle hall with no video in view draws nothing', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await openHall(page)
  await standAt(page, BOOTH.card)
  await expect.poll(async () => (await screens(page)).cards).toContain(BOOTH.card)
  expect((await screens(page)).videos).toEqual([])
  await expect.poll(async () => (await framesDuring(page, 1500)).hall, { timeout: 30_000 }).toBe(0)
  const quiet = await framesDuring(page, 3000)
  expect(quiet.browser).toBeGreaterThan(20)
  expect(quiet.hall).toBe(0)
})

test('where the browser has no HLS of its own, hls.js is fetched then and plays the stream', async ({ page, request }) => {
  await setScreenByApi(request, BOOTH.hlsJs, { hls: `${E2E_STREAM_ORIGIN}/index.m3u8`, mp4: null })
  // as in Chrome before its own HLS, Firefox, or an Android WebView
  await page.addInitScript(() => {
    const canPlayType = HTMLMediaElement.prototype.canPlayType
    HTMLMediaElement.prototype.canPlayType = function (type: string) {
      return /mpegurl/i.test(type) ? '' : canPlayType.call(this, type)
    }
  })
  const chunks: string[] = []
  page.on('request', (r) => chunks.push(new URL(r.url()).pathname))
  const policy = await watchPolicy(page)
  await openHall(page)
  expect(chunks.some((path) => /\/assets\/hls\./.test(path)), 'hls.js is not part of opening the hall').toBe(false)
  await standAt(page, BOOTH.hlsJs)
  await expect.poll(async () => (await screens(page)).videos[0]?.drawn ?? false, { timeout: 30_000 }).toBe(true)
  expect((await screens(page)).videos[0]).toMatchObject({ screen: BOOTH.hlsJs, path: 'hls.js', paused: false })
  expect(chunks.some((path) => /\/assets\/hls\.[^/]*\.js$/.test(path))).toBe(true)
  const at = (await screens(page)).videos[0].currentTime
  await expect.poll(async () => (await screens(page)).videos[0]?.currentTime ?? 0).toBeGreaterThan(at + 1)
  // hls.js fetches the playlist and segments (connect-src), plays them through a blob: (media-src) from a worker
  expect(policy.violations).toEqual([])
})

test('a broken stream falls back to the MP4, or to the title card once, without a loop', async ({ page, request }) => {
  await setScreenByApi(request, BOOTH.fallback, { hls: `${E2E_STREAM_ORIGIN}/gone/index.m3u8`, mp4: `${E2E_STREAM_ORIGIN}/loop.mp4` })
  await setScreenByApi(request, BOOTH.broken, { hls: `${E2E_STREAM_ORIGIN}/missing/index.m3u8`, mp4: null })
  await openHall(page)
  await standAt(page, BOOTH.fallback)
  await expect.poll(async () => (await screens(page)).videos[0]?.drawn ?? false, { timeout: 30_000 }).toBe(true)
  expect((await screens(page)).videos[0]).toMatchObject({ screen: BOOTH.fallback, path: 'mp4', paused: false })

  await standAt(page, BOOTH.broken)
  await expect.poll(async () => streams.requests.filter((p) => p === '/missing/index.m3u8').length, { timeout: 30_000 }).toBeGreaterThan(0)
  await expect.poll(async () => (await screens(page)).videos).toEqual([])
  expect((await screens(page)).cards).toContain(BOOTH.broken)
  const asked = streams.requests.filter((p) => p === '/missing/index.m3u8').length
  // looking away and back does not try the failed source again this visit
  await page.keyboard.down('ArrowLeft')
  await page.waitForTimeout(1200)
  await page.keyboard.up('ArrowLeft')
  await standAt(page, BOOTH.broken)
  await page.waitForTimeout(2000)
  expect(streams.requests.filter((p) => p === '/missing/index.m3u8').length).toBe(asked)
  await expect.poll(async () => (await framesDuring(page, 1500)).hall, { timeout: 30_000 }).toBe(0)
})

test('organisers set the lobby’s big screen in their overview, and the hall is told of it', async ({ page, request }) => {
  const link = new URL(inviteStaff(`lobby.${randomUUID().slice(0, 8)}@example.com`, null))
  await page.goto(`${link.pathname}${link.search}`)
  const card = page.getByRole('region', { name: 'The lobby’s big screen' })
  await card.getByLabel('Video (MP4 link, also played if the stream fails)').fill(`${E2E_STREAM_ORIGIN}/loop.mp4`)
  await card.getByRole('button', { name: 'Save the screen' }).click()
  await expect(card.getByText('Saved.')).toBeVisible()
  expect((await (await request.get('/api/screens')).json()).screens).toContainEqual({ screen: 'lobby', mp4: `${E2E_STREAM_ORIGIN}/loop.mp4` })
  await card.getByRole('button', { name: 'Show the title card instead' }).click()
  await expect(card.getByRole('status')).toHaveText('The lobby’s board shows the convention’s figures.')
  expect((await (await request.get('/api/screens')).json()).screens.map((s: { screen: string }) => s.screen)).not.toContain('lobby')
})
