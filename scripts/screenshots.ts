/** `npm run screenshots`: README pictures made from the running app (lobby, a zone in walk mode, a booth panel). */
import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { cameraSettled } from '../tests/helpers/page'
import { build, launchChromium, preview } from './serve'

const PORT = 4192
const OUT = 'assets/screenshots'

async function settle(page: Page) {
  await page.waitForFunction(() => (window as any).__expoDebug?.frames > 0, null, { timeout: 120_000 })
  await cameraSettled(page)
  await page.waitForTimeout(800)
  // `?debug=1` is only there to know when the camera has settled; its overlay stays out of the pictures.
  await page.addStyleTag({ content: '.debug-overlay { display: none !important; }' })
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
    console.log(`Screenshots written to ${OUT}/`)
  } finally {
    await browser.close()
    server.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
