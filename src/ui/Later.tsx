/**
 * Where a lazily loaded part of the overlay goes (a panel, a dialog, the plan view): its own Suspense, so one still
 * loading never hides another, and its own error boundary, so a chunk that cannot be fetched (the network gone before
 * the service worker kept it) leaves that part out with a notice instead of taking the whole page down.
 */
import { Component, Suspense, type ReactNode } from 'react'
import { useExpoStore } from '../state/store'

class PartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  componentDidCatch(error: unknown) {
    console.warn('A part of the page could not be loaded', error)
    useExpoStore.getState().actions.notify({ kind: 'error', key: 'notice.partFailed' })
  }

  render() {
    return this.state.failed ? null : this.props.children
  }
}

/** The parts render nothing while closed, so they wait for their chunk showing nothing either. */
export default function Later({ children }: { children: ReactNode }) {
  return (
    <PartBoundary>
      <Suspense fallback={null}>{children}</Suspense>
    </PartBoundary>
  )
}
