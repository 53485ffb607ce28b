/**
 * The way into VR, small enough for the first paint: whether this browser offers an immersive VR session, and the
 * one call that starts it. The VR chunk (src/vr/VrLayer.tsx) loads only where a session is offered and registers
 * how to enter once it is ready; until then, and wherever VR is not offered, "Enter VR" is not shown.
 */
import { useExpoStore } from '../state/store'

type EnterSession = () => Promise<unknown>

let enterSession: EnterSession | null = null

/** Whether `immersive-vr` is offered now; false without WebXR, in an insecure page, or when the check fails. */
export async function offersImmersiveVr(): Promise<boolean> {
  const xr = typeof navigator === 'undefined' ? undefined : navigator.xr
  if (!xr) return false
  try {
    return await xr.isSessionSupported('immersive-vr')
  } catch {
    return false
  }
}

/** Calls `onChange` now and whenever a headset comes or goes (the `devicechange` event of WebXR). */
export function watchImmersiveVr(onChange: (offered: boolean) => void): () => void {
  const xr = navigator.xr
  let current = true
  const check = () => void offersImmersiveVr().then((offered) => current && onChange(offered))
  check()
  xr?.addEventListener('devicechange', check)
  return () => {
    current = false
    xr?.removeEventListener('devicechange', check)
  }
}

/** Set by the VR chunk when it is ready to start a session (null when it goes). */
export function registerVrEntry(enter: EnterSession | null) {
  enterSession = enter
  useExpoStore.getState().actions.setVrAvailable(enter !== null)
}

/** Starts the session from the visitor's click (browsers ask for one); a refusal becomes a notice, not an error. */
export async function enterVr() {
  const { actions } = useExpoStore.getState()
  if (!enterSession) return
  try {
    await enterSession()
  } catch (error) {
    actions.notify({ kind: 'warning', key: 'vr.failed', params: { reason: error instanceof Error ? error.message : String(error) } })
  }
}

