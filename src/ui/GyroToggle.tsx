/**
 * On touch screens in walk mode and in the 360° view: a toggle to look around by turning the phone. It asks for motion
 * access on the tap (iOS requires that), keeps the heading the visitor has, and falls back to drag-to-look with a
 * notice when access is refused or the device sends no readings.
 */
import { useEffect } from 'react'
import { startGyroscope, stopGyroscope } from '../controls/gyroscope'
import { useTranslate } from '../i18n/translate'
import { useExpoActions, useExpoStore, type ExpoState } from '../state/store'
import { JOYSTICK_PAD, useCoarsePointer } from './Joystick'

/** Where turning the phone turns the view: walking in the hall, or the 360° view. */
const canLookAround = (s: ExpoState) => (s.mode === 'walk' && s.view === 'hall') || s.view === 'panorama'

let starting = false

/**
 * Switches the look on, straight from a tap (the permission prompt needs the user's gesture); tells the visitor when
 * it cannot. Shared by this toggle and the 360° view's Cardboard switch.
 */
export function startGyroLook() {
  const { actions } = useExpoStore.getState()
  if (starting || useExpoStore.getState().gyroLook) return
  starting = true
  void startGyroscope().then((result) => {
    starting = false
    if (result === 'on') {
      // The visitor may have left walk mode (or the 360° view) while the first reading was awaited.
      if (canLookAround(useExpoStore.getState())) actions.setGyroLook(true)
      else stopGyroscope()
    } else actions.notify({ kind: 'info', key: result === 'denied' ? 'notice.gyroDenied' : 'notice.gyroUnavailable' })
  })
}

export default function GyroToggle() {
  const t = useTranslate()
  const coarse = useCoarsePointer()
  const walking = useExpoStore(canLookAround)
  const on = useExpoStore((s) => s.gyroLook)
  const actions = useExpoActions()

  // Off whenever the store says so (the plan view took over, walk mode ended) and when this control goes away.
  useEffect(() => {
    if (!on) stopGyroscope()
  }, [on])
  useEffect(() => {
    if (!walking && useExpoStore.getState().gyroLook) actions.setGyroLook(false)
  }, [walking, actions])
  useEffect(
    () => () => {
      stopGyroscope()
      if (useExpoStore.getState().gyroLook) useExpoStore.getState().actions.setGyroLook(false)
    },
    [],
  )

  const supported = typeof window !== 'undefined' && typeof window.DeviceOrientationEvent !== 'undefined'
  if (!coarse || !walking || !supported) return null

  const toggle = () => {
    if (on) actions.setGyroLook(false)
    else startGyroLook()
  }

  return (
    <button
      type="button"
      className="gyro-toggle"
      aria-pressed={on}
      aria-label={t('gyro.label')}
      title={t('gyro.label')}
      onClick={toggle}
      style={{
        position: 'absolute',
        // Just above the joystick's pad, clear of the thumb; the stylesheet moves both through the same variables.
        left: 'var(--joystick-left, calc(16px + env(safe-area-inset-left, 0px)))',
        bottom: `calc(var(--joystick-bottom, calc(76px + env(safe-area-inset-bottom, 0px))) + ${JOYSTICK_PAD + 12}px)`,
        zIndex: 12,
        width: 48,
        height: 48,
        padding: 0,
        borderRadius: '50%',
        display: 'grid',
        placeItems: 'center',
        boxShadow: '0 6px 24px rgba(20, 34, 56, 0.16)',
      }}
    >
      {/* A phone between two turning arrows. */}
      <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
        <rect x="9" y="4" width="10" height="20" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M5 9a11 11 0 0 0 0 10M23 9a11 11 0 0 1 0 10" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        <path d="M3 17l2 2.5L7.5 17M25 11l-2-2.5L20.5 11" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    </button>
  )
}
