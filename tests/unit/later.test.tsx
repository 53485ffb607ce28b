// @vitest-environment jsdom
/** Lazily loaded parts of the overlay: shown once their chunk is in; a chunk that cannot load leaves only that part out. */
import { act, cleanup, render, screen } from '@testing-library/react'
import { lazy } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useExpoStore } from '../../src/state/store'
import Later from '../../src/ui/Later'

const initial = useExpoStore.getState()

describe('a lazily loaded part', () => {
  afterEach(() => {
    cleanup()
    useExpoStore.setState(initial, true)
    vi.restoreAllMocks()
  })

  it('appears once its chunk has loaded, without holding back the parts beside it', async () => {
    let arrive!: (module: { default: () => React.JSX.Element }) => void
    const Panel = lazy(() => new Promise<{ default: () => React.JSX.Element }>((resolve) => (arrive = resolve)))
    render(
      <>
        <Later>
          <Panel />
        </Later>
        <p>top bar</p>
      </>,
    )
    expect(screen.getByText('top bar')).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
    await act(async () => arrive({ default: () => <div role="dialog">panel</div> }))
    expect(screen.getByRole('dialog').textContent).toBe('panel')
  })

  it('leaves a part whose chunk cannot be fetched out, tells the visitor, and keeps the rest of the page', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const Broken = lazy(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')))
    await act(async () => {
      render(
        <>
          <Later>
            <Broken />
          </Later>
          <p>top bar</p>
        </>,
      )
    })
    expect(screen.getByText('top bar')).toBeTruthy()
    expect(useExpoStore.getState().notices.map((n) => n.key)).toEqual(['notice.partFailed'])
  })
})
