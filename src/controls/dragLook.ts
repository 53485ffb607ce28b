/** Drag to look in walk mode: a pointer drag on the canvas turns the view, as if pulling the scene round. */
import { clampPitch, WALK, type WalkPose } from './walkController'
import { wakeScene } from './wake'

/**
 * Listens on `element` while `active()` holds. Dragging right turns the view left (the scene follows the finger);
 * dragging down looks up. Returns the function that stops listening.
 */
export function installDragLook(element: HTMLElement, pose: WalkPose, active: () => boolean): () => void {
  let pointerId: number | null = null
  let lastX = 0
  let lastY = 0
  const onDown = (e: PointerEvent) => {
    if (!active() || pointerId !== null || (e.pointerType === 'mouse' && e.button !== 0)) return
    pointerId = e.pointerId
    lastX = e.clientX
    lastY = e.clientY
  }
  const onMove = (e: PointerEvent) => {
    if (e.pointerId !== pointerId || !active()) return
    const dx = e.clientX - lastX
    const dy = e.clientY - lastY
    lastX = e.clientX
    lastY = e.clientY
    pose.yaw -= dx * WALK.lookPerPixel
    pose.pitch = clampPitch(pose.pitch + dy * WALK.lookPerPixel)
    wakeScene()
  }
  const onUp = (e: PointerEvent) => {
    if (e.pointerId === pointerId) pointerId = null
  }
  element.addEventListener('pointerdown', onDown)
  window.addEventListener('pointermove', onMove)
  window.addEventListener('pointerup', onUp)
  window.addEventListener('pointercancel', onUp)
  return () => {
    element.removeEventListener('pointerdown', onDown)
    window.removeEventListener('pointermove', onMove)
    window.removeEventListener('pointerup', onUp)
    window.removeEventListener('pointercancel', onUp)
  }
}
