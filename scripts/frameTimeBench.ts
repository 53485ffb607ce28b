/**
 * Frame time of the 1,000-booth hall against the previous build, in the same run (issue 12: at most 1.5 × today's),
 * for `npm run bench` or alone (`npx tsx scripts/frameTimeBench.ts [dist]`, the current build in `dist` by default).
 *
 * The previous build is the commit `BENCH_BASELINE_REF` names (default: b70142b, the last commit before issue 12),
 * built into a temporary folder from a detached git worktree that borrows this checkout's node_modules; the worktree
 * is removed once built. Both builds are served side by side and measured interleaved (the baseline, the current,
 * the baseline…), so a machine that gets busier in the middle of the run slows both alike. Each round walks the same
 * camera path through the debug API and the store (the lobby and four zones seen from above, each a cut as motion is
 * reduced), asks the hall for a frame at every browser frame at each stop, and keeps the time between them.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from '@playwright/test'
import { freePort } from '../tests/helpers/serverProcess'
import { build, hallAtRest, launchChromium, preview } from './serve'

export const DEFAULT_BASELINE_REF = 'b70142b'
/** Today's frame time may grow by half at most. */
export const FRAME_TIME_RATIO_BUDGET = 1.5

/** The path: the lobby, then four zones spread over the hall, each seen from above. */
const PATH_ZONES = ['lobby', 'next-gen-it', 'nev', 'korea-pavilion', 'high-end-equipment'] as const
const FRAMES_PER_STOP = 8
const ROUNDS = 3

/** Builds `ref` into a temporary folder and returns that folder (the caller removes it). */
export function buildBaseline(ref: string): string {
  const root = mkdtempSync(join(tmpdir(), 'expo-baseline-'))
  const tree = join(root, 'tree')
  const dist = join(root, 'dist')
  const git = (...args: string[]) => {
    const run = spawnSync('git', args, { encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr.trim()}`)
    return run.stdout.trim()
  }
  git('worktree', 'add', '--detach', tree, ref)
  try {
    // The previous build's own lock file may differ in a patch version or two; the bench compares the app's code.
    symlinkSync(realpathSync('node_modules'), join(tree, 'node_modules'), 'dir')
    const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], { cwd: tree, stdio: ['ignore', 'inherit', 'inherit'] })
    if (result.status !== 0) throw new Error(`vite build of ${ref} failed`)
  } finally {
    git('worktree', 'remove', '--force', tree)
  }
  return dist
}

/**
 * Opens the 1,000-booth hall in a page of its own (reduced motion: flights cut, the cube still) and waits for rest.
 */
async function openHall(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 820 }, reducedMotion: 'reduce', serviceWorkers: 'block' })
  const page = await context.newPage()
  await page.goto(`${url}/?debug=1&lang=en&synthetic=1000`)
  await page.waitForFunction(() => (window as any).__expoDebug?.frames > 0, null, { timeout: 180_000 })
  await hallAtRest(page)
  return page
}


/** One walk along the path: milliseconds between frames the hall drew, at every stop. */
async function walkPath(page: Page): Promise<number[]> {
  await page.bringToFront()
  const times: number[] = []
  for (const zone of PATH_ZONES) {
    // A cut (motion is reduced) to the zone's view from above, then rest: labels and textures the view asked for
    // arrive before the frames are timed.
    await page.evaluate((id) => (window as any).__expoStore.getState().actions.goToZone(id), zone)
    await hallAtRest(page)
    const gaps = (await page.evaluate(`new Promise((resolve) => {
      const stamps = []
      const tick = (t) => {
        window.__expoDebug.invalidate()
        stamps.push(t)
        if (stamps.length <= ${FRAMES_PER_STOP}) requestAnimationFrame(tick)
        else resolve(stamps.slice(1).map((s, i) => s - stamps[i]))
      }
      requestAnimationFrame(tick)
    })`)) as number[]
    times.push(...gaps)
  }
  return times
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits

export interface FrameTimeVsBaseline {
  baselineRef: string
  path: string
  frames: { baseline: number; current: number }
  baseline: { p50Ms: number; p95Ms: number }
  current: { p50Ms: number; p95Ms: number }
  /** Current p50 over the baseline's: at most FRAME_TIME_RATIO_BUDGET. */
  ratioP50: number
  /** Each round's p50, baseline then current, to show how steady the machine was. */
  roundsP50Ms: { baseline: number; current: number }[]
}

/** Measures the current build (served at `currentUrl`) against `ref`, built here and served on a port of its own. */
export async function frameTimeVsBaseline(browser: Browser, currentUrl: string, ref = process.env.BENCH_BASELINE_REF ?? DEFAULT_BASELINE_REF): Promise<FrameTimeVsBaseline> {
  const baselineDist = buildBaseline(ref)
  const server = await preview(await freePort(), baselineDist)
  try {
    const pages = { baseline: await openHall(browser, server.url), current: await openHall(browser, currentUrl) }
    const all = { baseline: [] as number[], current: [] as number[] }
    const roundsP50Ms: FrameTimeVsBaseline['roundsP50Ms'] = []
    for (let r = 0; r < ROUNDS; r++) {
      const baseline = await walkPath(pages.baseline)
      const current = await walkPath(pages.current)
      all.baseline.push(...baseline)
      all.current.push(...current)
      roundsP50Ms.push({ baseline: round(percentile(baseline, 50)), current: round(percentile(current, 50)) })
    }
    await pages.baseline.context().close()
    await pages.current.context().close()
    const stats = (values: number[]) => ({ p50Ms: round(percentile(values, 50)), p95Ms: round(percentile(values, 95)) })
    return {
      baselineRef: ref,
      path: `${PATH_ZONES.join(', ')} from above; ${FRAMES_PER_STOP} frames a stop, ${ROUNDS} rounds interleaved`,
      frames: { baseline: all.baseline.length, current: all.current.length },
      baseline: stats(all.baseline),
      current: stats(all.current),
      ratioP50: round(percentile(all.current, 50) / percentile(all.baseline, 50), 2),
      roundsP50Ms,
    }
  } finally {
    server.stop()
    rmSync(resolve(baselineDist, '..'), { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const main = async () => {
    const dist = process.argv[2] ?? 'dist'
    if (dist === 'dist' && !existsSync('dist/index.html')) build()
    const server = await preview(await freePort(), dist)
    const browser = await launchChromium()
    try {
      console.log(JSON.stringify(await frameTimeVsBaseline(browser, server.url), null, 2))
    } finally {
      await browser.close()
      server.stop()
    }
  }
  main().catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
}
