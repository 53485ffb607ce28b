/**
 * Counts what the renderer draws (frames, calls, triangles, fps) into `renderStats` after every frame, reports WebGL
 * as working once a frame is drawn, and marks the hall ready after its first frame with the hall in it.
 */
import { addAfterEffect, addEffect, useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { useExpoStore } from '../state/store'
import { renderStats } from '../state/transient'

export function StatsCollector({ ready }: { ready: boolean }) {
  const gl = useThree((s) => s.gl)

  useEffect(() => {
    // Count a whole frame (every pass), not just the last render call.
    gl.info.autoReset = false
    gl.info.reset()
    let last = performance.now()
    let fps = 0
    let announced = false
    let working = false
    const context = gl.getContext()
    let started = 0
    const offBefore = addEffect(() => {
      started = performance.now()
    })
    const off = addAfterEffect(() => {
      // three.js skips drawing while the context is lost: nothing was drawn, so nothing is counted.
      if (context.isContextLost()) return
      const now = performance.now()
      const dt = Math.max(1e-3, (now - last) / 1000)
      last = now
      fps = fps === 0 ? 1 / dt : fps * 0.9 + (1 / dt) * 0.1
      renderStats.frames++
      renderStats.lastFrameStartedAt = started
      // Every frame: the hall draws on demand, so the last frame before it rests must be the one on record.
      renderStats.drawCalls = gl.info.render.calls
      renderStats.triangles = gl.info.render.triangles
      renderStats.fps = Math.round(fps * 10) / 10
      renderStats.dpr = gl.getPixelRatio()
      gl.info.reset()
      if (!working) {
        working = true
        if (useExpoStore.getState().webgl !== 'ok') useExpoStore.getState().actions.setWebglStatus('ok')
      }
      if (ready && !announced) {
        announced = true
        renderStats.firstFrameAt = now
        useExpoStore.getState().actions.setHallReady()
      }
    })
    return () => {
      offBefore()
      off()
      gl.info.autoReset = true
    }
  }, [gl, ready])

  return null
}
