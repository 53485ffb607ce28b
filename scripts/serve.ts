/** Shared by the benchmark and the screenshot script: build once, serve with `vite preview`, drive system Chromium. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../tests/helpers/chromium'
import { freePort } from '../tests/helpers/serverProcess'

export function build() {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
  if (result.status !== 0) throw new Error('vite build failed')
}

/** Serves a built folder (`dist` by default, built first when missing) as static files with `vite preview`. */
export async function preview(port: number, dist = 'dist'): Promise<{ url: string; stop: () => void }> {
  if (dist === 'dist' && !existsSync('dist/index.html')) build()
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], {
    stdio: 'ignore',
    detached: true,
  })
  const url = `http://127.0.0.1:${port}`
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) break
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  return { url, stop: () => process.kill(-server.pid!, 'SIGTERM') }
}

/**
 * Until the hall drew nothing for a second while the browser kept running frames (or 30 s passed): what the view
 * asked for (labels, textures, a flight) has arrived. Needs `?debug=1`.
 */
export async function hallAtRest(page: Page) {
  // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
  await page.evaluate(`new Promise((resolve) => {
    const debug = window.__expoDebug
    const deadline = performance.now() + 30000
    let frames = debug.frames
    let quietSince = performance.now()
    const tick = (now) => {
      if (debug.frames !== frames) { frames = debug.frames; quietSince = now }
      if (now - quietSince > 1000 || now > deadline) resolve(undefined)
      else requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })`)
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions(), headless: true })
}

/**
 * A part of the bench run alone on a built folder (`npx tsx scripts/<part>.ts [dist]`): served by `vite preview` on a
 * free port, measured in system Chromium, its report printed as JSON.
 */
export function runAloneOnPreview(measure: (browser: Browser, url: string) => Promise<unknown>) {
  const main = async () => {
    const server = await preview(await freePort(), process.argv[2] ?? 'dist')
    try {
      const browser = await launchChromium()
      try {
        console.log(JSON.stringify(await measure(browser, server.url), null, 2))
      } finally {
        await browser.close()
      }
    } finally {
      server.stop()
    }
  }
  main().catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
}
