/** Keyboard → named walking intents, in one map; keys typed into form fields never move the camera. */
import { walkIntent } from '../state/transient'
import { wakeScene } from './wake'

/** Physical keys (KeyboardEvent.code, so WASD works on every layout) and the intent each one names. */
export const KEY_INTENTS = {
  KeyW: 'forward',
  ArrowUp: 'forward',
  KeyS: 'backward',
  ArrowDown: 'backward',
  KeyA: 'strafeLeft',
  KeyD: 'strafeRight',
  ArrowLeft: 'turnLeft',
  ArrowRight: 'turnRight',
} as const

export type KeyIntent = (typeof KEY_INTENTS)[keyof typeof KEY_INTENTS]

const isKeyCode = (code: string): code is keyof typeof KEY_INTENTS => Object.hasOwn(KEY_INTENTS, code)

/** True for targets that take typing: text inputs, text areas, selects and contenteditable elements. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false
  const element = target as HTMLElement
  if (element.isContentEditable) return true
  return element.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null
}

/**
 * The walking intent of a set of held intents. Signs: forward +1 walks ahead, strafe +1 steps right, turn +1 turns
 * right (yaw grows towards +x). Opposite keys cancel.
 */
export function intentOf(held: ReadonlySet<KeyIntent>) {
  const axis = (plus: KeyIntent, minus: KeyIntent) => (held.has(plus) ? 1 : 0) - (held.has(minus) ? 1 : 0)
  return {
    forward: axis('forward', 'backward'),
    strafe: axis('strafeRight', 'strafeLeft'),
    turn: axis('turnRight', 'turnLeft'),
  }
}

/** Listens on the window, writes `walkIntent` as keys go down and up; returns the function that stops listening. */
export function installKeyboard(target: Window = window): () => void {
  const held = new Set<KeyIntent>()
  const write = () => {
    Object.assign(walkIntent, intentOf(held))
    wakeScene()
  }
  const clear = () => {
    if (held.size === 0) return
    held.clear()
    write()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isKeyCode(event.code) || event.ctrlKey || event.metaKey || event.altKey) return
    if (isTypingTarget(event.target)) return
    // Arrow keys would otherwise scroll the page under the canvas.
    event.preventDefault()
    const intent = KEY_INTENTS[event.code]
    if (held.has(intent)) return
    held.add(intent)
    write()
  }
  const onKeyUp = (event: KeyboardEvent) => {
    if (!isKeyCode(event.code)) return
    const intent = KEY_INTENTS[event.code]
    // Release even when focus moved into a field mid-press, or the walker would keep going.
    if (!held.delete(intent)) return
    write()
  }
  const onVisibility = () => {
    if (target.document?.visibilityState === 'hidden') clear()
  }
  target.addEventListener('keydown', onKeyDown)
  target.addEventListener('keyup', onKeyUp)
  target.addEventListener('blur', clear)
  target.document?.addEventListener('visibilitychange', onVisibility)
  return () => {
    target.removeEventListener('keydown', onKeyDown)
    target.removeEventListener('keyup', onKeyUp)
    target.removeEventListener('blur', clear)
    target.document?.removeEventListener('visibilitychange', onVisibility)
    clear()
  }
}
