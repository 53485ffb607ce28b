/**
 * Bottom-left on touch screens in walk mode: a thumb pad that walks the visitor (push up to walk ahead, sideways to
 * step aside). Hidden from screen readers: keyboard users walk with the keys, and the plan view serves the rest.
 */
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react'
import { JOYSTICK, joystickReading, pushJoystick, releaseJoystick } from '../controls/joystick'
import { useExpoStore } from '../state/store'

/** True while the primary pointer is a finger (phones, tablets): the joystick and gyroscope toggle show only then. */
export function useCoarsePointer(): boolean {
  const query = '(pointer: coarse)'
  const [coarse, setCoarse] = useState(() => typeof window.matchMedia === 'function' && window.matchMedia(query).matches)
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return
    const list = window.matchMedia(query)
    const update = () => setCoarse(list.matches)
    update()
    list.addEventListener?.('change', update)
    return () => list.removeEventListener?.('change', update)
  }, [])
  return coarse
}

/** Pad and knob diameters, CSS pixels: the knob stays a comfortable target well over 44 px. */
export const JOYSTICK_PAD = JOYSTICK.radius * 2 + 40
const KNOB = 56

export default function Joystick() {
  const coarse = useCoarsePointer()
  const shown = useExpoStore((s) => s.mode === 'walk' && s.view === 'hall')
  const pad = useRef<HTMLDivElement>(null)
  const knob = useRef<HTMLDivElement>(null)
  const finger = useRef<{ id: number; x: number; y: number } | null>(null)

  const place = (x: number, y: number) => {
    if (knob.current) knob.current.style.transform = `translate(${x}px, ${y}px)`
  }
  // Only refs and module state: one function for the component's life.
  const release = useCallback(() => {
    if (!finger.current) return
    finger.current = null
    if (knob.current) knob.current.style.transform = 'translate(0px, 0px)'
    pad.current?.classList.remove('is-active')
    releaseJoystick()
  }, [])
  // Hidden mid-walk (mode switched, panel opened over it): stop, or the visitor would walk on by themselves.
  useEffect(() => release, [release])
  useEffect(() => {
    if (!shown) release()
  }, [shown, release])

  if (!coarse || !shown) return null

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (finger.current || (event.pointerType === 'mouse' && event.button !== 0)) return
    event.preventDefault()
    const rect = event.currentTarget.getBoundingClientRect()
    finger.current = { id: event.pointerId, x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
    // The thumb may slide off the pad and keep walking.
    event.currentTarget.setPointerCapture?.(event.pointerId)
    event.currentTarget.classList.add('is-active')
    onPointerMove(event)
  }
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const held = finger.current
    if (!held || event.pointerId !== held.id) return
    const reading = joystickReading(event.clientX - held.x, event.clientY - held.y)
    place(reading.knobX, reading.knobY)
    pushJoystick(reading)
  }
  const onPointerEnd = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (finger.current && event.pointerId === finger.current.id) release()
  }

  return (
    <div
      ref={pad}
      className="joystick"
      aria-hidden="true"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onLostPointerCapture={onPointerEnd}
      onContextMenu={(event) => event.preventDefault()}
      style={{
        position: 'absolute',
        // Placed by the overlay's stylesheet through these variables; the defaults suit a phone held upright.
        left: 'var(--joystick-left, calc(16px + env(safe-area-inset-left, 0px)))',
        bottom: 'var(--joystick-bottom, calc(76px + env(safe-area-inset-bottom, 0px)))',
        zIndex: 12,
        width: JOYSTICK_PAD,
        height: JOYSTICK_PAD,
        borderRadius: '50%',
        background: 'rgba(255, 255, 255, 0.55)',
        border: '2px solid rgba(255, 255, 255, 0.9)',
        boxShadow: '0 6px 24px rgba(20, 34, 56, 0.16)',
        display: 'grid',
        placeItems: 'center',
        // The browser must not scroll, zoom or select while a thumb is on the pad.
        touchAction: 'none',
        userSelect: 'none',
        WebkitUserSelect: 'none',
      }}
    >
      <div
        ref={knob}
        className="joystick-knob"
        style={{
          width: KNOB,
          height: KNOB,
          borderRadius: '50%',
          background: 'var(--accent, #0b5cad)',
          boxShadow: '0 2px 8px rgba(20, 34, 56, 0.3)',
          pointerEvents: 'none',
        }}
      />
    </div>
  )
}
