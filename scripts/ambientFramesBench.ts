/**
 * Frames the hall draws in the first 30 s after load with no input (issue 11), for `npm run bench` or alone on a built
 * folder (`npx tsx scripts/ambientFramesBench.ts [dist]`): in the lobby, where the cube turns for 20 s after the hall
 * appears (at most 30 frames a second), and on a zone link, whose flight ends away from the cube (0 frames after it).
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from '@playwright/test'
import { runAloneOnPreview } from './serve'

const SPAN_MS = 30_000
/**
 * What the new view asked for arrives within this time after the camera rests, and draws once: labels, title cards,
 * and since issue 12 the logos of the stands near it, fetched then (two at a time, so no task holds the page). In
 * software rendering on two shared cores, while the first frames hold the main thread, that took over a second.
 */
const ARRIVAL_GRACE_MS = 2000

interface Sample {
  /** Milliseconds since navigation started. */
  at: number
  frames: number
  /** When the last of those frames began, in the same clock. */
  startedAt: number
  camera: string
}

export interface AmbientFrames {
  /** Frames the hall drew from navigation to 30 s. */
  framesIn30s: number
  /**
   * The hall's rate while it drew with the camera at rest, frames per second (the cube's turn, in the lobby); null
   * with fewer than 5 such frames.
   */
  restingFps: number | null
  /** When the camera last moved (the flight's end), in seconds after navigation; 0 when it never moved. */
  cameraSettledAtS: number
  /**
   * Frames begun from ARRIVAL_GRACE_MS after the camera came to rest (its last move, or the first frame when it never
   * moved) to 30 s. Counted by when a frame began: one drawing what arrived in time may end seconds later in software
   * rendering.
   */
  framesAfterCameraSettled: number
}

/**
 * Reads the debug API's frame count and the camera at every browser frame until 30 s after navigation, keeping one
 * sample per frame the hall drew (the browser's frames without the hall's draw nothing and are not kept).
 */
async function sample(browser: Browser, url: string): Promise<Sample[]> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 820 } })
  try {
    await page.goto(url)
    // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
    return (await page.evaluate(`new Promise((resolve) => {
      const samples = []
      let seen = 0
      const tick = (now) => {
        const debug = window.__expoDebug
        const frames = debug ? debug.frames : 0
        if (frames !== seen) { seen = frames; samples.push({ at: now, frames, startedAt: debug.lastFrameStartedAt, camera: JSON.stringify(debug.camera()) }) }
        if (performance.now() < ${SPAN_MS}) requestAnimationFrame(tick)
        else resolve(samples)
      }
      requestAnimationFrame(tick)
    })`)) as Sample[]
  } finally {
    await page.close()
  }
}

function summarise(samples: Sample[]): AmbientFrames {
  const first = samples[0]
  const last = samples[samples.length - 1]
  if (!first) return { framesIn30s: 0, restingFps: null, cameraSettledAtS: 0, framesAfterCameraSettled: 0 }
  const lastMove = samples.findLastIndex((s, i) => i > 0 && s.camera !== samples[i - 1].camera)
  const restAt = (lastMove >= 0 ? samples[lastMove] : first).at
  // the last sample whose frames all began within the grace (each sample's frames began after the previous sample's)
  const beforeRest = samples.findLast((s) => s.startedAt < restAt + ARRIVAL_GRACE_MS) ?? first
  const resting = samples.filter((s) => s.at > restAt)
  const restingSpanS = resting.length >= 5 ? (resting[resting.length - 1].at - resting[0].at) / 1000 : 0
  return {
    framesIn30s: last.frames,
    restingFps: restingSpanS > 0 ? Math.round(((resting.length - 1) / restingSpanS) * 10) / 10 : null,
    cameraSettledAtS: lastMove >= 0 ? Math.round(samples[lastMove].at / 100) / 10 : 0,
    framesAfterCameraSettled: last.frames - beforeRest.frames,
  }
}

/** The lobby and a zone link (the Korea pavilion, across the hall from the cube), each in a fresh page. */
export async function ambientFrames(browser: Browser, baseUrl: string) {
  return {
    lobby: summarise(await sample(browser, `${baseUrl}/?debug=1&lang=en`)),
    zone: summarise(await sample(browser, `${baseUrl}/?debug=1&lang=en&zone=korea-pavilion`)),
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) runAloneOnPreview(ambientFrames)
