// @vitest-environment jsdom
/** Keys map to walking intents in one place; typing in a form field never moves the camera. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { installKeyboard, intentOf, KEY_INTENTS } from '../../src/controls/keyboard'
import { walkIntent } from '../../src/state/transient'

const press = (code: string, target: EventTarget = window) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { code, bubbles: true, cancelable: true }))
const release = (code: string, target: EventTarget = window) =>
  target.dispatchEvent(new KeyboardEvent('keyup', { code, bubbles: true, cancelable: true }))

describe('keyboard', () => {
  let uninstall: () => void
  beforeEach(() => {
    Object.assign(walkIntent, { forward: 0, strafe: 0, turn: 0 })
    uninstall = installKeyboard()
  })
  afterEach(() => {
    uninstall()
    document.body.innerHTML = ''
  })

  it('maps WASD and the arrow keys to walking intents', () => {
    expect(KEY_INTENTS.KeyW).toBe('forward')
    expect(KEY_INTENTS.ArrowUp).toBe('forward')
    press('KeyW')
    press('KeyD')
    expect(walkIntent).toEqual({ forward: 1, strafe: 1, turn: 0 })
    press('ArrowLeft')
    expect(walkIntent.turn).toBe(-1)
    release('KeyW')
    release('KeyD')
    release('ArrowLeft')
    expect(walkIntent).toEqual({ forward: 0, strafe: 0, turn: 0 })
  })

  it('cancels opposite keys', () => {
    expect(intentOf(new Set(['forward', 'backward', 'turnRight']))).toEqual({ forward: 0, strafe: 0, turn: 1 })
  })

  it('ignores keys typed into inputs, text areas, selects and editable elements', () => {
    document.body.innerHTML = '<input id="search"><textarea id="notes"></textarea><select id="lang"></select><div id="edit" contenteditable="true"><span id="inner">x</span></div>'
    for (const id of ['search', 'notes', 'lang', 'inner']) {
      press('KeyW', document.getElementById(id)!)
      expect(walkIntent.forward, id).toBe(0)
    }
  })

  it('lets go of every key when the window loses focus', () => {
    press('ArrowUp')
    press('KeyA')
    window.dispatchEvent(new Event('blur'))
    expect(walkIntent).toEqual({ forward: 0, strafe: 0, turn: 0 })
  })
})
