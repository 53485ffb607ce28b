/**
 * For scene parts that follow the camera at most every so often in a hall that draws on demand: work held back
 * while the camera moved must still happen once it comes to rest, so one frame is asked for when it is due.
 */
import { useCallback, useEffect, useRef } from 'react'

/**
 * Answers `holdBack(wait, invalidate)`: true when `wait` seconds remain before the next run, having asked for one
 * frame at that time (one timer at most); false when the run is due now.
 */
export function useHeldBackFrame() {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )
  return useCallback((wait: number, invalidate: () => void) => {
    if (wait <= 0) return false
    timer.current ??= setTimeout(() => {
      timer.current = null
      invalidate()
    }, wait * 1000)
    return true
  }, [])
}
