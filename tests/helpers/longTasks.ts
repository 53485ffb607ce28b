/**
 * The long-task walk shared by the browser test and `npm run bench`: a visitor opens a shared 50-stop route on the
 * 1,000-booth synthetic hall, searches for an exhibitor and opens its booth, then optimises the route. Every long
 * task the main thread runs after the hall's first frame is recorded, and each is told apart as a frame (mostly
 * animation-frame callbacks: three.js drawing through the software renderer, the scene's per-frame code) or the app's
 * other work (events, React, messages from the route worker).
 */
import { expect, type Page } from '@playwright/test'
import { generateSyntheticExhibitors } from '../../src/content/synthetic'
import { encodeRoute } from '../../src/routes/shareCode'
import type { RouteStop } from '../../src/routes/types'
import { cameraSettled } from './page'
import { loadRealPack } from './realPack'

/** The goal: no task over this long after the first frame. */
export const LONG_TASK_LIMIT_MS = 200
export const FLOW_BOOTHS = 1000
export const FLOW_STOPS = 50

/** A 50-stop route over the synthetic hall, scattered across it in no walking order, as a `?route=` link carries it. */
export function flowRouteCode(): string {
  const catalogue = generateSyntheticExhibitors(FLOW_BOOTHS, loadRealPack().zones).map((e) => e.id)
  // 141 and 1,000 share no factor: 50 distinct booths from all over the catalogue.
  const stops: RouteStop[] = Array.from({ length: FLOW_STOPS }, (_, k) => ({ kind: 'booth', exhibitorId: catalogue[(k * 141) % catalogue.length] }))
  return encodeRoute({ name: 'Fifty stands', stops }, catalogue)
}

export interface LongTask {
  start: number
  duration: number
  /** Which step of the walk it fell in. */
  phase: string
  /** Milliseconds of it spent in animation-frame callbacks. */
  inFrames: number
  kind: 'frame' | 'work'
}

export interface LongTaskReport {
  firstFrameAt: number
  tasks: LongTask[]
  longestMs: number
  longestFrameMs: number
  /** The longest task that was not a frame: the app's own work on the main thread. */
  longestWorkMs: number
  /** The longest task per step of the walk. */
  longestByPhase: Record<string, number>
  /** Before the first frame (content, floor plan, the shared route's walk, the 3D chunk): not counted, reported. */
  longestBeforeFirstFrameMs: number
}

/**
 * Installed before any script of the page (`page.addInitScript`): every long task from navigation start, and every
 * animation-frame callback over 5 ms, in `window.__longTasks`. Also used by scripts/startupBench.ts.
 * A string, not a function: the bench runs through tsx, which would wrap named inner functions in a helper the page lacks.
 */
export const LONG_TASK_RECORDER = `(() => {
  const tasks = []
  const frames = []
  const phases = []
  window.__longTasks = { tasks, frames, phases }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
  // Every animation-frame callback's own time, to tell a frame's long task from other work.
  const request = window.requestAnimationFrame.bind(window)
  window.requestAnimationFrame = (callback) =>
    request((time) => {
      const start = performance.now()
      try {
        callback(time)
      } finally {
        const duration = performance.now() - start
        if (duration > 5) frames.push({ start, duration })
      }
    })
})()`

const markPhase = (page: Page, name: string) => page.evaluate(`window.__longTasks.phases.push({ name: ${JSON.stringify(name)}, at: performance.now() })`)

/**
 * The route worker's script points nowhere, so it fails to load as when a proxy or a stale deploy refuses it.
 * (Not page.route: the app's service worker may serve the script from its cache, out of the route's reach.)
 */
const WORKER_REFUSER = `(() => {
  const RealWorker = window.Worker
  window.Worker = class extends RealWorker {
    constructor(url, options) {
      super(String(url).includes('routeOrder') ? '/refused/routeOrder.worker.js' : url, options)
    }
  }
})()`

/**
 * Runs the walk on a page (`base` is the app's origin, or '' for the test's baseURL) and reports its long tasks.
 * With `refuseWorker` the route worker's script cannot load.
 */
export async function longTaskFlow(page: Page, { base = '', refuseWorker = false } = {}): Promise<LongTaskReport> {
  await page.addInitScript(LONG_TASK_RECORDER)
  if (refuseWorker) await page.addInitScript(WORKER_REFUSER)
  await page.goto(`${base}/?lang=en&debug=1&synthetic=${FLOW_BOOTHS}&route=${flowRouteCode()}`)
  await page.waitForFunction(() => (window as any).__expoDebug?.frames > 0, null, { timeout: 120_000 })
  await markPhase(page, 'hall loading')
  await expect(page.getByRole('status').filter({ hasText: 'Opened a shared route' })).toBeVisible()
  await cameraSettled(page)

  await markPhase(page, 'search and open a booth')
  const { id, name } = await page.evaluate(() => {
    const exhibitor = (window as any).__expoStore.getState().pack.exhibitors[617]
    return { id: exhibitor.id as string, name: exhibitor.name.en as string }
  })
  await page.getByRole('combobox', { name: 'Search exhibitors, products or zones' }).fill(name)
  await page.getByRole('option', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click()
  await expect(page.getByRole('complementary', { name })).toBeVisible()
  await expect.poll(() => page.evaluate(() => (window as any).__expoStore.getState().openBoothId)).toBe(id)
  await cameraSettled(page)
  await page.keyboard.press('Escape')

  await markPhase(page, 'optimise 50 stops')
  await page.getByRole('button', { name: /^My route/ }).click()
  const panel = page.getByRole('complementary', { name: 'My route' })
  await expect(panel.getByRole('list', { name: /50 stops/ })).toBeVisible()
  await panel.getByRole('button', { name: 'Optimise order' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Ordered by walking distance' })).toBeVisible({ timeout: 60_000 })
  await expect(panel.getByRole('button', { name: 'Optimise order' })).toBeEnabled()
  // The reordered route is drawn in the hall and on the minimap.
  await cameraSettled(page)
  await page.waitForTimeout(1000)
  await markPhase(page, 'end')

  return longTaskReport((await page.evaluate(`({ ...window.__longTasks, firstFrameAt: window.__expoDebug.firstFrameAt })`)) as Recorded)
}

export interface Span {
  start: number
  duration: number
}

/** Milliseconds of a long task spent in animation-frame callbacks: over half, and the task was a frame. */
export function timeInFrames(task: Span, frames: Span[]): number {
  const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.start + a.duration, b.start + b.duration) - Math.max(a.start, b.start))
  return frames.reduce((sum, frame) => sum + overlap(task, frame), 0)
}

/** What the page recorded: long tasks, animation-frame callbacks over 5 ms, and when each step of the walk began. */
interface Recorded {
  tasks: Span[]
  frames: Span[]
  phases: { name: string; at: number }[]
  firstFrameAt: number
}

function longTaskReport({ tasks, frames, phases, firstFrameAt }: Recorded): LongTaskReport {
  const phaseAt = (at: number) => [...phases].reverse().find((p) => p.at <= at)?.name ?? 'hall loading'
  const after = tasks
    .filter((task) => task.start >= firstFrameAt)
    .map((task): LongTask => {
      const inFrames = timeInFrames(task, frames)
      return {
        start: Math.round(task.start),
        duration: Math.round(task.duration),
        phase: phaseAt(task.start),
        inFrames: Math.round(inFrames),
        kind: inFrames >= task.duration / 2 ? 'frame' : 'work',
      }
    })
  const longest = (list: LongTask[]) => list.reduce((m, t) => Math.max(m, t.duration), 0)
  const longestByPhase: Record<string, number> = {}
  for (const task of after) longestByPhase[task.phase] = Math.max(longestByPhase[task.phase] ?? 0, task.duration)
  return {
    firstFrameAt: Math.round(firstFrameAt),
    tasks: after,
    longestMs: longest(after),
    longestFrameMs: longest(after.filter((t) => t.kind === 'frame')),
    longestWorkMs: longest(after.filter((t) => t.kind === 'work')),
    longestByPhase,
    longestBeforeFirstFrameMs: Math.round(tasks.filter((t) => t.start < firstFrameAt).reduce((m, t) => Math.max(m, t.duration), 0)),
  }
}
