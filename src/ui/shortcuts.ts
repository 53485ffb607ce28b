/** Keyboard commands of the overlay (mode switch, close, search); movement keys belong to src/controls. */
import { useEffect } from 'react'
import { useExpoStore } from '../state/store'

/** Keys typed into a form field are text, never commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

interface Shortcut {
  name: string
  keyTest: (event: KeyboardEvent) => boolean
  /** Returns false when it had nothing to do, so the key keeps its default meaning. */
  perform: () => boolean
  allowWhileTyping?: boolean
}

export const shortcuts: Shortcut[] = [
  {
    name: 'closeTopmost',
    keyTest: (e) => e.key === 'Escape',
    allowWhileTyping: true,
    perform: () => {
      const { bookingPicker, openBoothId, helpOpen, searchOpen, routePanelOpen, agendaOpen, zoneMenuOpen, actions } = useExpoStore.getState()
      if (helpOpen) actions.setHelpOpen(false)
      else if (bookingPicker) actions.closeBooking()
      else if (searchOpen) actions.setSearchOpen(false)
      else if (openBoothId) actions.closeBooth()
      else if (agendaOpen) actions.setAgendaOpen(false)
      else if (routePanelOpen) actions.setRoutePanelOpen(false)
      else if (zoneMenuOpen) actions.setZoneMenuOpen(false)
      else return false
      return true
    },
  },
  {
    name: 'toggleMode',
    keyTest: (e) => (e.key === 'v' || e.key === 'V') && !e.ctrlKey && !e.metaKey && !e.altKey,
    perform: () => {
      useExpoStore.getState().actions.toggleMode()
      return true
    },
  },
  {
    name: 'focusSearch',
    keyTest: (e) => e.key === '/' && !e.ctrlKey && !e.metaKey,
    perform: () => {
      const input = document.getElementById('expo-search-input')
      if (!input) return false
      input.focus()
      return true
    },
  },
]

export function useGlobalShortcuts() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return
      const typing = isTypingTarget(event.target)
      for (const shortcut of shortcuts) {
        if ((typing && !shortcut.allowWhileTyping) || !shortcut.keyTest(event)) continue
        if (shortcut.perform()) event.preventDefault()
        return
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
