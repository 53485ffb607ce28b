import { describe, expect, it } from 'vitest'
import {
  FOV_RANGE,
  MAX_PITCH,
  START_LOOK,
  angleFromCentre,
  blendLook,
  clampLook,
  dragLook,
  lookTowards,
  projectDirection,
  unprojectPoint,
  wrapYaw,
  zoomLook,
} from '../../src/panorama/panoramaLook'

const DEG = Math.PI / 180
const [W, H] = [1366, 820]

describe('the panorama view’s projection', () => {
  it('puts the direction it looks along at the centre of the screen', () => {
    const look = { yaw: 1.2, pitch: -0.3, fov: 60 * DEG }
    const p = projectDirection(look, 1.2, -0.3, W, H)
    expect(p.x).toBeCloseTo(W / 2, 6)
    expect(p.y).toBeCloseTo(H / 2, 6)
    expect(p.onScreen).toBe(true)
  })

  it('puts a direction half the field of view up on the top edge, and one to the right right of the centre', () => {
    const look = { yaw: 0, pitch: 0, fov: 90 * DEG }
    expect(projectDirection(look, 0, 45 * DEG, W, H).y).toBeCloseTo(0, 6)
    expect(projectDirection(look, 10 * DEG, 0, W, H).x).toBeGreaterThan(W / 2)
    expect(projectDirection(look, -10 * DEG, 0, W, H).x).toBeLessThan(W / 2)
  })

  it('spans the field of view across the shorter side, so an upright phone sees as much across as a wide screen up', () => {
    const look = { yaw: 0, pitch: 0, fov: 90 * DEG }
    expect(projectDirection(look, 45 * DEG, 0, 390, 844).x).toBeCloseTo(390, 6)
    expect(projectDirection(look, 0, 45 * DEG, 1366, 820).y).toBeCloseTo(0, 6)
  })

  it('finds the direction back from its screen point, for any look', () => {
    for (const look of [START_LOOK, { yaw: 2.9, pitch: 0.6, fov: 40 * DEG }, { yaw: -3, pitch: -1.2, fov: 100 * DEG }]) {
      for (const [yaw, pitch] of [[look.yaw + 0.2, look.pitch - 0.1], [look.yaw - 0.35, look.pitch + 0.05]]) {
        const p = projectDirection(look, yaw, pitch, W, H)
        expect(p.ahead).toBe(true)
        const back = unprojectPoint(look, p.x, p.y, W, H)
        expect(wrapYaw(back.yaw - yaw)).toBeCloseTo(0, 6)
        expect(back.pitch).toBeCloseTo(pitch, 6)
      }
    }
  })

  it('tells a direction behind the viewer from one ahead', () => {
    const behind = projectDirection(START_LOOK, Math.PI, 0, W, H)
    expect(behind.ahead).toBe(false)
    expect(behind.onScreen).toBe(false)
    const farRight = projectDirection(START_LOOK, 80 * DEG, 0, W, H)
    expect(farRight.ahead).toBe(true)
    expect(farRight.onScreen).toBe(false)
  })
})

describe('moving the panorama view', () => {
  it('keeps the look within reach: yaw wrapped, pitch short of the poles, field of view 35°–100°', () => {
    expect(clampLook({ yaw: 3 * Math.PI, pitch: 2, fov: 3 })).toEqual({ yaw: Math.PI, pitch: MAX_PITCH, fov: FOV_RANGE.max })
    expect(clampLook({ yaw: -3.5, pitch: -2, fov: 0.1 })).toEqual({ yaw: -3.5 + 2 * Math.PI, pitch: -MAX_PITCH, fov: FOV_RANGE.min })
    expect(zoomLook(START_LOOK, 0.01).fov).toBe(FOV_RANGE.min)
    expect(zoomLook(START_LOOK, 100).fov).toBe(FOV_RANGE.max)
  })

  it('keeps what was under the finger under it as a drag turns the view', () => {
    const look = { yaw: 0.4, pitch: 0.1, fov: 70 * DEG }
    const under = unprojectPoint(look, W / 2, H / 2, W, H)
    const turned = dragLook(look, 120, -40, W, H)
    const moved = projectDirection(turned, under.yaw, under.pitch, W, H)
    // within a pixel or two: turning about the vertical carries a point above the horizon along a curve
    expect(Math.abs(moved.x - (W / 2 + 120))).toBeLessThan(2)
    expect(Math.abs(moved.y - (H / 2 - 40))).toBeLessThan(2)
  })

  it('turns to a hotspot, and eases there the short way round', () => {
    const look = { yaw: 3, pitch: 0, fov: 60 * DEG }
    const to = lookTowards(look, -3, 0.2)
    expect(angleFromCentre(to, -3, 0.2)).toBeCloseTo(0, 6)
    // from 3 to -3 is 0.28 rad through ±π, not 6 rad back through 0
    const halfway = blendLook(look, to, 0.5)
    expect(Math.abs(halfway.yaw)).toBeGreaterThan(3)
    expect(lookTowards(look, 0, Math.PI / 2).pitch).toBe(MAX_PITCH)
  })
})
