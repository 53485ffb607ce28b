/** Counts what the renderer draws (calls, triangles, fps) into `renderStats` a few times a second, and marks the hall ready after its first frame. */
import { addAfterEffect, useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { useExpoStore } from '../state/store'
import { renderStats } from '../state/transient'

/** Seconds between updates of the published numbers. */
const PUBLISH_EVERY = 0.25

export function StatsCollector({ ready }: { ready: boolean }) {
  const gl = useThree((s) => s.gl)

  useEffect(() => {
    // Count a whole frame (every pass), not just the last render call.
    gl.info.autoReset = false
    gl.info.reset()
    let last = performance.now()
    let sincePublish = 0
    let fps = 0
    let announced = false
    const off = addAfterEffect(() => {
      const now = performance.now()
      const dt = Math.max(1e-3, (now - last) / 1000)
      last = now
      fps = fps === 0 ? 1 / dt : fps * 0.9 + (1 / dt) * 0.1
      renderStats.frames++
      sincePublish += dt
      if (sincePublish >= PUBLISH_EVERY || renderStats.drawCalls === 0) {
        sincePublish = 0
        renderStats.drawCalls = gl.info.render.calls
        renderStats.triangles = gl.info.render.triangles
        renderStats.fps = Math.round(fps * 10) / 10
        renderStats.dpr = gl.getPixelRatio()
      }
      gl.info.reset()
      if (ready && !announced) {
        announced = true
        renderStats.firstFrameAt = now
        useExpoStore.getState().actions.setHallReady()
      }
    })
    return () => {
      off()
      gl.info.autoReset = true
    }
  }, [gl, ready])

  // A lost context is restored by the browser only when the loss is prevented.
  useEffect(() => {
    const canvas = gl.domElement
    const onLost = (event: Event) => event.preventDefault()
    canvas.addEventListener('webglcontextlost', onLost)
    return () => canvas.removeEventListener('webglcontextlost', onLost)
  }, [gl])

  return null
}
