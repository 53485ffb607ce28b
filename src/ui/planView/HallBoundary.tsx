/** Catches a 3D hall that cannot start (no WebGL, a chunk that failed to load) and hands over to the plan view. */
import { Component, type ReactNode } from 'react'
import { useExpoStore } from '../../state/store'

export default class HallBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  componentDidCatch(error: unknown) {
    const { actions } = useExpoStore.getState()
    const message = error instanceof Error ? error.message : String(error)
    // three.js says "Error creating WebGL context." when the browser has no WebGL to give.
    if (/webgl|context/i.test(message)) actions.setWebglStatus('unavailable')
    else {
      actions.setView('plan')
      actions.notify({ kind: 'error', key: 'planView.hallFailed' })
    }
  }

  render() {
    // Unmounted with the hall: going back to 3D mounts a fresh boundary, which tries again.
    return this.state.failed ? null : this.props.children
  }
}
