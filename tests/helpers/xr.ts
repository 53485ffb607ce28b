/**
 * An emulated Meta Quest 3 in the browser under test: IWER (the runtime @react-three/xr also emulates with),
 * bundled once per test worker and installed before the page's own scripts. Chromium has a `navigator.xr` of its
 * own that finds no hardware, so IWER replaces it (`forceInstall`). The page must be a secure context:
 * http://127.0.0.1 is one.
 *
 * The device is `window.__xrDevice`; `aimController` points a controller's ray at a point of the hall.
 */
import { buildSync } from 'esbuild'
import type { Page } from '@playwright/test'

let bundle: string | null = null

function iwerBundle() {
  bundle ??= buildSync({
    stdin: {
      contents: `import { XRDevice, metaQuest3 } from 'iwer'
        const device = new XRDevice(metaQuest3)
        device.installRuntime({ forceInstall: true })
        window.__xrDevice = device`,
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].text
  return bundle
}

export async function installHeadset(page: Page) {
  await page.addInitScript({ content: iwerBundle() })
}

/** Where the right (or left) controller is held in the session's floor space: at the hip, a little forward. */
const held = (hand: 'left' | 'right') => [hand === 'right' ? 0.2 : -0.2, 1.3, -0.2] as const

/** A world point in the frame of the visitor's VR origin (the session's floor space). */
async function inOriginFrame(page: Page, world: readonly [number, number, number]) {
  const origin: { x: number; z: number; rotationY: number } = await page.evaluate(() => (window as any).__expoDebug.vrOrigin())
  const dx = world[0] - origin.x
  const dz = world[2] - origin.z
  const c = Math.cos(-origin.rotationY)
  const s = Math.sin(-origin.rotationY)
  return [c * dx + s * dz, world[1], -s * dx + c * dz] as const
}

/** Sets a controller's pose: held at the hip, turned by yaw about the vertical then pitched (its -z is its ray). */
async function holdController(page: Page, hand: 'left' | 'right', yaw: number, pitch: number) {
  const [sy, cy, sx, cx] = [Math.sin(yaw / 2), Math.cos(yaw / 2), Math.sin(pitch / 2), Math.cos(pitch / 2)]
  await page.evaluate(
    ({ hand, from, q }) => {
      const controller = (window as any).__xrDevice.controllers[hand]
      controller.position.set(from[0], from[1], from[2])
      controller.quaternion.set(q[0], q[1], q[2], q[3])
    },
    { hand, from: held(hand), q: [cy * sx, sy * cx, -sy * sx, cy * cx] },
  )
}

/** Points a controller's straight ray at a world point (a button of a panel, a stand). */
export async function aimController(page: Page, world: readonly [number, number, number], hand: 'left' | 'right' = 'right') {
  const local = await inOriginFrame(page, world)
  const from = held(hand)
  const d = [local[0] - from[0], local[1] - from[1], local[2] - from[2]]
  await holdController(page, hand, Math.atan2(-d[0], -d[2]), Math.asin(d[1] / Math.hypot(d[0], d[1], d[2])))
}

/**
 * Aims a controller's teleport arc to land on a floor point. @pmndrs/xr draws the arc as a quadratic Bézier from the
 * hand through (0, 0, -8) to (0, -20, -15) in the hand's frame, pitched 10° below the hand; a person raises the hand
 * until the arc's end sits where they want to go, and so does this, by bisection on the pitch.
 */
export async function aimTeleport(page: Page, world: readonly [number, number, number], hand: 'left' | 'right' = 'right') {
  const local = await inOriginFrame(page, world)
  const from = held(hand)
  const [dx, dz] = [local[0] - from[0], local[2] - from[2]]
  const wanted = Math.hypot(dx, dz)
  const reach = (pitch: number) => {
    for (let t = 0; t <= 1.5; t += 0.001) {
      const y = -20 * t * t * Math.cos(pitch) + (16 * t - t * t) * Math.sin(pitch)
      if (from[1] + y <= 0) return -(-20 * t * t * Math.sin(pitch) + (-16 * t + t * t) * Math.cos(pitch))
    }
    return Infinity
  }
  let [low, high] = [-Math.PI / 2 + 0.01, (1.1 * Math.PI) / 4]
  for (let i = 0; i < 40; i++) {
    const middle = (low + high) / 2
    if (reach(middle) < wanted) low = middle
    else high = middle
  }
  await holdController(page, hand, Math.atan2(-dx, -dz), (low + high) / 2 + (10 * Math.PI) / 180)
}

/** Waits until the page has drawn `count` more frames (XR frames come slowly in software rendering). */
export async function framesPass(page: Page, count = 2) {
  const from = await page.evaluate(() => (window as any).__expoDebug.frames as number)
  await page.waitForFunction((target) => (window as any).__expoDebug.frames >= target, from + count, { timeout: 30_000 })
}

/**
 * Presses and releases a controller's trigger as a quick click: IWER applies a button change at the start of the
 * next XR frame, so the press goes in after one frame starts and the release right after the next.
 */
export async function pull(page: Page, hand: 'left' | 'right' = 'right') {
  // the hand holds still a moment first, as a person's does: the teleport arc eases into the new aim over frames
  await framesPass(page, 8)
  await page.evaluate((hand) => (window as any).__xrDevice.controllers[hand].updateButtonValue('trigger', 1), hand)
  await framesPass(page, 1)
  await page.evaluate((hand) => (window as any).__xrDevice.controllers[hand].updateButtonValue('trigger', 0), hand)
  await framesPass(page, 2)
}
