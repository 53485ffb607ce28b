/**
 * Long tasks of a first visit to the lobby, for `npm run bench` (or alone on a built folder, against the booking
 * server in production mode: `npx tsx scripts/startupBench.ts [dist]`): a fresh browser context opens the lobby and
 * nobody touches it; every main-thread task over 50 ms in the first 10 s from navigation start is counted, the
 * longest reported with when they began and whether they were frames (the hall drawn) or other work.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from '@playwright/test'
import { LONG_TASK_RECORDER, timeInFrames, type Span } from '../tests/helpers/longTasks'
import { startProductionServer } from './productionServer'
import { launchChromium } from './serve'

export const STARTUP_WINDOW_MS = 10_000

/**
 * Long animation frames (Chromium 123+) name the scripts that ran in them: the function, its file and what called it
 * (a script's evaluation, a promise, a timer, a frame callback), which a long task alone does not say.
 */
const ATTRIBUTION_RECORDER = `(() => {
  const frames = []
  window.__longFrames = frames
  if (!PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) return
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      frames.push({
        start: entry.startTime,
        duration: entry.duration,
        scripts: entry.scripts.map((script) => ({
          start: script.startTime,
          duration: script.duration,
          invoker: script.invoker.replace(location.origin, ''),
          source: (script.sourceURL.split('/').pop() || script.sourceURL) + (script.sourceFunctionName ? ' ' + script.sourceFunctionName : ''),
        })),
      })
    }
  }).observe({ type: 'long-animation-frame', buffered: true })
})()`

interface LongFrame extends Span {
  scripts: (Span & { invoker: string; source: string })[]
}

export interface StartupLongTasks {
  windowMs: number
  count: number
  totalMs: number
  /** The part of each task over 50 ms, summed: what Lighthouse calls blocking time, here without throttling. */
  blockingMs: number
  /** `scripts`: what ran in it, longest first (from the long animation frame around it, when the browser reports them). */
  longest: { startMs: number; durationMs: number; kind: 'frame' | 'work'; scripts: string[] }[]
  /** When the hall's first frame was drawn (ms from navigation start), if the debug bridge (`?debug=1`) reported it. */
  firstFrameMs: number | null
}

/**
 * `url` is the lobby; `debug=1` is added for the first frame's time (the bridge only reads numbers the renderer
 * keeps anyway). The context is new, so nothing is cached and no service worker is installed yet: a first visit.
 */
export async function startupLongTasks(browser: Browser, url: string, { windowMs = STARTUP_WINDOW_MS } = {}): Promise<StartupLongTasks> {
  const target = new URL(url)
  if (!target.searchParams.has('debug')) target.searchParams.set('debug', '1')
  const context = await browser.newContext({ viewport: { width: 1366, height: 820 } })
  try {
    const page = await context.newPage()
    await page.addInitScript(LONG_TASK_RECORDER)
    await page.addInitScript(ATTRIBUTION_RECORDER)
    await page.goto(target.href)
    // performance.now() counts from navigation start
    await page.waitForFunction((ms) => performance.now() >= ms, windowMs, { timeout: windowMs + 60_000, polling: 250 })
    const recorded = (await page.evaluate(
      `({ tasks: window.__longTasks.tasks, frames: window.__longTasks.frames, longFrames: window.__longFrames, firstFrameAt: window.__expoDebug?.firstFrameAt ?? 0 })`,
    )) as { tasks: Span[]; frames: Span[]; longFrames: LongFrame[]; firstFrameAt: number }
    // the scripts of the long animation frames that overlap the task, over 20 ms each, longest first
    const scriptsOf = (task: Span) =>
      recorded.longFrames
        .flatMap((frame) => frame.scripts)
        .filter((script) => script.duration >= 20 && timeInFrames(task, [script]) > 0)
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 3)
        .map((script) => `${Math.round(script.duration)} ms ${script.invoker} (${script.source})`)
    const tasks = recorded.tasks.filter((task) => task.start < windowMs)
    const total = (pick: (task: Span) => number) => Math.round(tasks.reduce((sum, task) => sum + pick(task), 0))
    return {
      windowMs,
      count: tasks.length,
      totalMs: total((task) => task.duration),
      blockingMs: total((task) => Math.max(0, task.duration - 50)),
      longest: [...tasks]
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 5)
        .map((task) => ({
          startMs: Math.round(task.start),
          durationMs: Math.round(task.duration),
          kind: timeInFrames(task, recorded.frames) >= task.duration / 2 ? 'frame' : 'work',
          scripts: scriptsOf(task),
        })),
      firstFrameMs: recorded.firstFrameAt > 0 ? Math.round(recorded.firstFrameAt) : null,
    }
  } finally {
    await context.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const main = async () => {
    const server = await startProductionServer(process.argv[2] ?? 'dist')
    try {
      const browser = await launchChromium()
      try {
        console.log(JSON.stringify(await startupLongTasks(browser, `${server.url}/`), null, 2))
      } finally {
        await browser.close()
      }
    } finally {
      await server.stop()
    }
  }
  main().catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
}
