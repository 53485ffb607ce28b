/**
 * Lowers the pixel ratio when frames come too slowly, and gives it back when they come fast again. Only frames drawn
 * back to back count: drei's PerformanceMonitor would read the idle gaps of an on-demand hall as a slow frame rate.
 */
import { addAfterEffect, useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { FrameRateJudge, type DprGovernor } from './renderQuality'

export function AdaptiveQuality({ governor, onLevel }: { governor: DprGovernor; onLevel: (level: number) => void }) {
  const get = useThree((s) => s.get)

  useEffect(() => {
    const judge = new FrameRateJudge()
    let last = -1
    let chained = false
    return addAfterEffect((timestamp) => {
      // A frame that asked for another one (motion in progress) makes the next interval a real frame time.
      if (chained && last >= 0) {
        if (governor.judge(judge.add((timestamp - last) / 1000))) onLevel(governor.level)
      }
      chained = get().internal.frames > 0
      last = timestamp
    })
  }, [get, governor, onLevel])

  return null
}
