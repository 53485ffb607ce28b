/** Adaptive quality: phones start at a modest pixel ratio, and the ratio follows the frame rate of real motion. */
import { describe, expect, it } from 'vitest'
import { dprCap, DprGovernor, effectiveDpr, FrameRateJudge, isPhoneLike, QUALITY } from '../../src/scene/renderQuality'

function judgeAt(fps: number) {
  const judge = new FrameRateJudge()
  let verdict = null
  for (let i = 0; i < QUALITY.sampleFrames; i++) verdict = judge.add(1 / fps)
  return verdict
}

describe('render quality', () => {
  it('treats touch screens and small screens as phones, with a pixel ratio of at most 1.5', () => {
    expect(isPhoneLike(true, 1366, 1024)).toBe(true)
    expect(isPhoneLike(false, 390, 844)).toBe(true)
    expect(isPhoneLike(false, 1366, 820)).toBe(false)
    expect(dprCap(true)).toBeLessThanOrEqual(1.5)
    expect(dprCap(false)).toBe(2)
    expect(effectiveDpr(dprCap(true), 3)).toBe(1.5)
    expect(effectiveDpr(dprCap(false), 1)).toBe(1)
  })

  it('judges only after a full sample of frames', () => {
    const judge = new FrameRateJudge()
    for (let i = 0; i < QUALITY.sampleFrames - 1; i++) expect(judge.add(1 / 10)).toBeNull()
    expect(judge.add(1 / 10)).toBe('lower')
  })

  it('asks for less when frames are slow, more when they are fast, and nothing in between', () => {
    expect(judgeAt(12)).toBe('lower')
    expect(judgeAt(60)).toBe('raise')
    expect(judgeAt(45)).toBeNull()
  })

  it('lowers a phone a step at a time down to one pixel per CSS pixel, never below', () => {
    const governor = new DprGovernor(dprCap(true), 3)
    expect(governor.drawn).toBe(1.5)
    expect(governor.judge('lower')).toBe(true)
    expect(governor.drawn).toBe(1.25)
    governor.judge('lower')
    expect(governor.drawn).toBe(1)
    expect(governor.judge('lower')).toBe(false)
    expect(governor.drawn).toBe(1)
  })

  it('gives the ratio back when frames are fast again, up to the cap', () => {
    const governor = new DprGovernor(dprCap(true), 3)
    governor.judge('lower')
    governor.judge('lower')
    governor.judge('raise')
    governor.judge('raise')
    expect(governor.judge('raise')).toBe(false)
    expect(governor.drawn).toBe(1.5)
  })

  it('changes nothing on a screen with no pixels to spare', () => {
    const governor = new DprGovernor(dprCap(false), 1)
    expect(governor.judge('lower')).toBe(false)
    expect(governor.judge('raise')).toBe(false)
    expect(governor.drawn).toBe(1)
  })

  it('stops flip-flopping after a few changes of direction', () => {
    const governor = new DprGovernor(dprCap(false), 2)
    const moves: boolean[] = []
    for (let i = 0; i < 10; i++) moves.push(governor.judge(i % 2 === 0 ? 'lower' : 'raise'))
    expect(moves.filter(Boolean).length).toBe(QUALITY.maxFlips + 1)
  })
})
