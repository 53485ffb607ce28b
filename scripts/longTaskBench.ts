/**
 * Long-task benchmark for `npm run bench` (or alone on a built folder: `npx tsx scripts/longTaskBench.ts [dist]`): the
 * browser test's walk (a 50-stop route on the 1,000-booth hall: load, search, open a booth, optimise) in headless
 * Chromium, with the route worker and with the worker refused, reporting the longest main-thread tasks.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from '@playwright/test'
import { longTaskFlow, type LongTaskReport } from '../tests/helpers/longTasks'
import { runAloneOnPreview } from './serve'

const summary = (report: LongTaskReport) => ({
  longestWorkMs: report.longestWorkMs,
  longestFrameMs: report.longestFrameMs,
  longestByPhase: report.longestByPhase,
  longestBeforeFirstFrameMs: report.longestBeforeFirstFrameMs,
  tasks: report.tasks.map((t) => `${t.phase}: ${t.duration} ms ${t.kind}`),
})

export async function longTaskBenchmarks(browser: Browser, url: string) {
  const run = async (refuseWorker: boolean) => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 820 } })
    let fellBack = false
    page.on('console', (message) => (fellBack ||= message.text().includes('Route worker unavailable')))
    try {
      const report = summary(await longTaskFlow(page, { base: url, refuseWorker }))
      return { orderedOnTheMainThread: fellBack, ...report }
    } finally {
      await page.close()
    }
  }
  return { withWorker: await run(false), workerRefused: await run(true) }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) runAloneOnPreview(longTaskBenchmarks)
