/**
 * Keeps the hall through a lost WebGL context: the browser is told we will restore (preventDefault), and once it
 * does, three.js re-uploads every mesh and texture from the copies it keeps and the hall redraws the same scene. A
 * context not back within RESTORE_WITHIN_MS hands over to the plan view; the store, and so the visit, is kept.
 */
import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { useExpoStore } from '../state/store'

export const RESTORE_WITHIN_MS = 4000

export function ContextRecovery() {
  const gl = useThree((s) => s.gl)
  const invalidate = useThree((s) => s.invalidate)

  useEffect(() => {
    const canvas = gl.domElement
    let timer: ReturnType<typeof setTimeout> | undefined
    const onLost = (event: Event) => {
      event.preventDefault()
      clearTimeout(timer)
      timer = setTimeout(() => {
        // The plan view explains itself (it knows why it took over).
        if (useExpoStore.getState().webgl !== 'lost') useExpoStore.getState().actions.setWebglStatus('lost')
      }, RESTORE_WITHIN_MS)
    }
    const onRestored = () => {
      clearTimeout(timer)
      invalidate()
    }
    canvas.addEventListener('webglcontextlost', onLost)
    canvas.addEventListener('webglcontextrestored', onRestored)
    return () => {
      clearTimeout(timer)
      canvas.removeEventListener('webglcontextlost', onLost)
      canvas.removeEventListener('webglcontextrestored', onRestored)
    }
  }, [gl, invalidate])

  return null
}
