// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { activeRoute } from '../../src/state/routeSlice'
import { useExpoStore } from '../../src/state/store'
import BoothPanel from '../../src/ui/BoothPanel'
import ContentErrorScreen from '../../src/ui/ContentErrorScreen'
import { realPack as pack, startWithRealPack } from '../helpers/store'

const initial = useExpoStore.getState()
const korean = pack.exhibitors.find((e) => e.zone === 'korea-pavilion')!

describe('booth panel', () => {
  beforeEach(() => {
    startWithRealPack()
  })
  afterEach(cleanup)

  it('answers what the company makes, where it is from and how to reach it', () => {
    useExpoStore.getState().actions.openBooth(korean.id)
    render(<BoothPanel />)
    const panel = screen.getByRole('complementary', { name: korean.name.en })
    expect(within(panel).getByText('Sample exhibitor')).toBeTruthy()
    expect(within(panel).getByText('South Korea')).toBeTruthy()
    for (const product of korean.products) expect(within(panel).getByText(product.name.en)).toBeTruthy()
    expect(within(panel).getByRole('link', { name: korean.contact.email })).toBeTruthy()
    expect(within(panel).getByText(/Seoul time/)).toBeTruthy()
  })

  it('shows the exhibitor’s logo in its header, sized before it loads and silent beside the name', () => {
    const logos = { url: (id: string) => `/assets/logos/${id}-00.svg` }
    useExpoStore.setState({ pack: { ...pack, logos } })
    useExpoStore.getState().actions.openBooth(korean.id)
    const { container } = render(<BoothPanel />)
    const logo = container.querySelector('header img')!
    expect(logo.getAttribute('src')).toBe(`/assets/logos/${korean.id}-00.svg`)
    expect([logo.getAttribute('width'), logo.getAttribute('height'), logo.getAttribute('alt')]).toEqual(['56', '56', ''])
    // a logo that fails leaves the name alone
    fireEvent.error(logo)
    expect(container.querySelector('header img')).toBeNull()
    expect(screen.getByRole('heading', { name: korean.name.en })).toBeTruthy()
  })

  it('shows the next free negotiation time once it is computed, in both clocks', async () => {
    useExpoStore.getState().actions.setVisitorTimeZone('Europe/Berlin')
    useExpoStore.getState().actions.openBooth(korean.id)
    render(<BoothPanel />)
    expect((await screen.findByText(/^Next free:/)).textContent).toMatch(/your time · \d\d:\d\d Seoul/)
  })

  it('wires favourite, route and booking buttons to the store', () => {
    useExpoStore.getState().actions.openBooth(korean.id)
    render(<BoothPanel />)
    fireEvent.click(screen.getByRole('button', { name: /Add to favourites/ }))
    expect(useExpoStore.getState().favourites).toEqual([korean.id])
    fireEvent.click(screen.getByRole('button', { name: 'Add to my route' }))
    expect(activeRoute(useExpoStore.getState())!.stops).toEqual([{ kind: 'booth', exhibitorId: korean.id }])
    expect(screen.getByRole('button', { name: 'In my route' }).getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(screen.getByRole('button', { name: 'Book a negotiation' }))
    expect(useExpoStore.getState().bookingPicker).toEqual({ exhibitorId: korean.id, rescheduling: null })
  })

  it('shows Chinese content in Chinese', () => {
    useExpoStore.getState().actions.setLanguage('zh-CN')
    useExpoStore.getState().actions.openBooth(korean.id)
    render(<BoothPanel />)
    expect(screen.getByRole('complementary', { name: korean.name['zh-CN'] })).toBeTruthy()
    expect(screen.getByText('示例展商')).toBeTruthy()
  })
})

describe('content error screen', () => {
  afterEach(cleanup)
  it('lists every problem of a broken pack instead of a blank hall', () => {
    useExpoStore.setState(initial, true)
    useExpoStore.getState().actions.setLoadError('exhibitors/ai.json › #3 "x" › availability.slotMinutes: must be 15, 30, 45 or 60')
    render(<ContentErrorScreen />)
    expect(screen.getByRole('alert').textContent).toContain('availability.slotMinutes')
  })
})
