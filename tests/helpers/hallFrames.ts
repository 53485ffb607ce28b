/** What the hall drew, for browser tests that prove it draws on demand: its frame count, and its frames against the browser's over a span. */
import type { Page } from '@playwright/test'

/** Frames the hall has drawn since it started (the debug API's count, with `?debug=1`). */
export const hallFrames = (page: Page): Promise<number> => page.evaluate(() => (window as any).__expoDebug.frames)

/**
 * Frames the hall drew in `ms`, and animation frames the browser ran meanwhile. A software GPU can hold the next
 * frame back for seconds while it compiles shaders; only a browser that kept running frames proves the hall idle.
 */
export function framesDuring(page: Page, ms: number): Promise<{ hall: number; browser: number }> {
  return page.evaluate(async (span) => {
    const debug = (window as any).__expoDebug
    const before = debug.frames
    let browser = 0
    let counting = true
    const tick = () => {
      browser++
      if (counting) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
    await new Promise((resolve) => setTimeout(resolve, span))
    counting = false
    return { hall: debug.frames - before, browser }
  }, ms)
}

/**
 * Waits until the hall is idle: no frame drawn for `quietMs` while the browser kept running its own (so a software
 * GPU holding a frame back is not taken for rest). Everything the view asked for (labels, textures, a flight) has
 * then been drawn, and what is on screen stays as it is.
 */
export async function hallIdle(page: Page, { quietMs = 1200, timeout = 60_000 } = {}) {
  const deadline = Date.now() + timeout
  for (;;) {
    const quiet = await framesDuring(page, quietMs)
    if (quiet.hall === 0 && quiet.browser >= 5) return
    if (Date.now() > deadline) throw new Error(`the hall never came to rest (last ${quietMs} ms: ${quiet.hall} hall frames, ${quiet.browser} browser frames)`)
  }
}
