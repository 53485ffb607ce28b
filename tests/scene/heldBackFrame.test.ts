// @vitest-environment jsdom
/** A scene part that follows the camera every so often still follows it once it comes to rest, with one timer at most. */
import { renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useHeldBackFrame } from '../../src/scene/heldBackFrame'

describe('held-back frame', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('runs at once when due, and otherwise asks for one frame when it will be', () => {
    const invalidate = vi.fn()
    const { result } = renderHook(() => useHeldBackFrame())
    expect(result.current(0, invalidate)).toBe(false)
    expect(result.current(-2, invalidate)).toBe(false)
    expect(vi.getTimerCount()).toBe(0)

    expect(result.current(0.3, invalidate)).toBe(true)
    // frames drawn meanwhile ask again: still one timer, one frame
    expect(result.current(0.2, invalidate)).toBe(true)
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(299)
    expect(invalidate).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(invalidate).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1000)
    expect(invalidate).toHaveBeenCalledTimes(1)

    // once it has fired, the next hold asks again
    expect(result.current(0.1, invalidate)).toBe(true)
    vi.advanceTimersByTime(100)
    expect(invalidate).toHaveBeenCalledTimes(2)
  })

  it('asks for nothing after the part is gone', () => {
    const invalidate = vi.fn()
    const { result, unmount } = renderHook(() => useHeldBackFrame())
    result.current(0.5, invalidate)
    unmount()
    vi.advanceTimersByTime(1000)
    expect(invalidate).not.toHaveBeenCalled()
  })
})
