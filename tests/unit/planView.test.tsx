// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Booking } from '../../src/booking/types'
import { useExpoStore } from '../../src/state/store'
import BoothPanel from '../../src/ui/BoothPanel'
import HallBoundary from '../../src/ui/planView/HallBoundary'
import LiveAnnouncer from '../../src/ui/planView/LiveAnnouncer'
import PlanView from '../../src/ui/planView/PlanView'
import ViewSwitch from '../../src/ui/planView/ViewSwitch'
import { boothInDirection, wrapLabel } from '../../src/ui/planView/planGeometry'
import { realPack as pack, realPlan as plan, startWithRealPack } from '../helpers/store'

const koreans = pack.exhibitors.filter((e) => e.zone === 'korea-pavilion')
const actions = () => useExpoStore.getState().actions

function renderPlan() {
  return render(
    <>
      <PlanView />
      <BoothPanel />
      <LiveAnnouncer />
    </>,
  )
}

const main = () => screen.getByRole('main', { name: 'Floor plan' })
const floorPlan = () => within(main()).getByRole('group', { name: 'Hall floor plan' })

describe('the plan view', () => {
  beforeEach(() => {
    startWithRealPack()
    actions().setView('plan')
  })
  afterEach(cleanup)

  it('lists every zone and draws every booth as a button named by its exhibitor', () => {
    renderPlan()
    const zones = within(main()).getByRole('region', { name: 'Zones' })
    for (const zone of pack.zones) expect(within(zones).getByRole('button', { name: new RegExp(`^${zone.name.en}`) })).toBeTruthy()
    const booths = within(floorPlan()).getAllByRole('button')
    expect(booths).toHaveLength(plan.booths.length)
    for (const exhibitor of koreans) expect(within(floorPlan()).getByRole('button', { name: exhibitor.name.en })).toBeTruthy()
  })

  it('shows the current zone marked, with its booths by name, size and country', () => {
    actions().goToZone('korea-pavilion')
    renderPlan()
    const zones = within(main()).getByRole('region', { name: 'Zones' })
    expect(within(zones).getByRole('button', { name: /^Korea National Pavilion/ }).getAttribute('aria-current')).toBe('location')
    const details = within(main()).getByRole('region', { name: 'Korea National Pavilion' })
    const buttons = within(details).getAllByRole('button')
    expect(buttons).toHaveLength(koreans.length)
    const large = koreans.find((e) => e.boothSize === 'large')!
    expect(within(details).getByRole('button', { name: new RegExp(`^${large.name.en}`) }).textContent).toContain('Large booth · South Korea')
  })

  it('opens the booth panel when Enter is pressed on a booth of the plan', () => {
    renderPlan()
    const target = koreans[0]
    const booth = within(floorPlan()).getByRole('button', { name: target.name.en })
    booth.focus()
    fireEvent.keyDown(booth, { key: 'Enter' })
    expect(useExpoStore.getState().openBoothId).toBe(target.id)
    expect(screen.getByRole('complementary', { name: target.name.en })).toBeTruthy()
    // The current zone follows the booth, and the list shows it pressed.
    const details = within(main()).getByRole('region', { name: 'Korea National Pavilion' })
    expect(within(details).getByRole('button', { name: new RegExp(`^${target.name.en}`) }).getAttribute('aria-pressed')).toBe('true')
  })

  it('opens the booth panel from the zone’s list of booths', () => {
    actions().goToZone('korea-pavilion')
    renderPlan()
    const details = within(main()).getByRole('region', { name: 'Korea National Pavilion' })
    fireEvent.click(within(details).getByRole('button', { name: new RegExp(`^${koreans[1].name.en}`) }))
    expect(screen.getByRole('complementary', { name: koreans[1].name.en })).toBeTruthy()
  })

  it('announces the zone the visitor chooses to screen readers', () => {
    renderPlan()
    const zones = within(main()).getByRole('region', { name: 'Zones' })
    fireEvent.click(within(zones).getByRole('button', { name: /^Korea National Pavilion/ }))
    expect(useExpoStore.getState().currentZoneId).toBe('korea-pavilion')
    const live = screen.getByTestId('live-announcer')
    expect(live.getAttribute('aria-live')).toBe('polite')
    expect(live.textContent).toBe('Now in: Korea National Pavilion')
    expect(within(main()).getByRole('region', { name: 'Korea National Pavilion' })).toBeTruthy()
  })

  it('is one Tab stop: the current zone’s first booth, and arrow keys move focus between booths', () => {
    actions().goToZone('korea-pavilion')
    renderPlan()
    const tabbable = within(floorPlan())
      .getAllByRole('button')
      .filter((b) => b.getAttribute('tabindex') === '0')
    expect(tabbable).toHaveLength(1)
    const first = plan.booths.find((b) => b.zoneId === 'korea-pavilion')!
    expect(tabbable[0].getAttribute('data-exhibitor-id')).toBe(first.exhibitorId)

    tabbable[0].focus()
    const direction = (['right', 'left', 'up', 'down'] as const).find((d) => boothInDirection(plan.booths, first, d))!
    const key = { right: 'ArrowRight', left: 'ArrowLeft', up: 'ArrowUp', down: 'ArrowDown' }[direction]
    fireEvent.keyDown(tabbable[0], { key })
    const next = boothInDirection(plan.booths, first, direction)!
    expect((document.activeElement as Element).getAttribute('data-exhibitor-id')).toBe(next.exhibitorId)
    expect(document.activeElement!.getAttribute('tabindex')).toBe('0')
  })

  it('draws the active route with numbered stops and marks the visitor’s booked tables', () => {
    actions().addStop({ kind: 'booth', exhibitorId: koreans[0].id })
    actions().addStop({ kind: 'booth', exhibitorId: koreans[1].id })
    const start = Date.now() + 86_400_000
    const booking = { id: 'b1', exhibitorId: koreans[0].id, start, end: start + 1_800_000, status: 'confirmed', tableId: 'table-4', exhibitorTimeZone: 'Asia/Seoul' }
    actions().setBookings([booking as Booking])
    const { container } = renderPlan()
    expect(container.querySelectorAll('.plan-route polyline').length).toBeGreaterThan(0)
    expect([...container.querySelectorAll('.plan-stop text')].map((t) => t.textContent)).toEqual(['1', '2'])
    expect([...container.querySelectorAll('.plan-table.is-booked text')].map((t) => t.textContent)).toEqual(['4'])
    expect(within(main()).getByText(/on foot · about \d+ min/)).toBeTruthy()
  })

  it('cuts a guided tour from stop to stop, opening each booth as the walk in 3D would', async () => {
    renderPlan()
    act(() => actions().startTour({ routeId: 'r', name: 'Korea', stops: [{ kind: 'booth', exhibitorId: koreans[0].id }] }))
    await waitFor(() => expect(useExpoStore.getState().guidedTour?.status).toBe('dwelling'))
    expect(useExpoStore.getState().openBoothId).toBe(koreans[0].id)
  })

  it('says why the 3D hall is missing and offers no way back to it when WebGL is unavailable', () => {
    actions().setWebglStatus('unavailable')
    renderPlan()
    expect(within(main()).getByText(/cannot show the 3D hall/)).toBeTruthy()
    expect(within(main()).queryByRole('button', { name: 'Back to the 3D hall' })).toBeNull()
  })
})

describe('the view switch', () => {
  beforeEach(() => startWithRealPack())
  afterEach(cleanup)

  it('always offers the plan view, and back to 3D, keeping every other state', () => {
    actions().openBooth(koreans[0].id)
    actions().addStop({ kind: 'zone', zoneId: 'ai' })
    const before = useExpoStore.getState()
    render(<ViewSwitch />)
    fireEvent.click(screen.getByRole('button', { name: 'Plan view' }))
    expect(useExpoStore.getState().view).toBe('plan')
    fireEvent.click(screen.getByRole('button', { name: '3D hall' }))
    const after = useExpoStore.getState()
    expect(after.view).toBe('hall')
    expect([after.openBoothId, after.currentZoneId, after.routes]).toEqual([before.openBoothId, before.currentZoneId, before.routes])
  })

  it('hides the way back to 3D once WebGL is unavailable', () => {
    actions().setWebglStatus('lost')
    const { container } = render(<ViewSwitch />)
    expect(container.textContent).toBe('')
  })
})

describe('the hall boundary', () => {
  beforeEach(() => startWithRealPack())
  afterEach(cleanup)

  function Broken({ message }: { message: string }): never {
    throw new Error(message)
  }

  it('hands over to the plan view when the hall cannot create a WebGL context', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    render(
      <HallBoundary>
        <Broken message="Error creating WebGL context." />
      </HallBoundary>,
    )
    quiet.mockRestore()
    expect(useExpoStore.getState()).toMatchObject({ view: 'plan', webgl: 'unavailable', hallReady: true })
  })

  it('shows the plan but keeps 3D on offer when the hall fails for another reason', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    render(
      <HallBoundary>
        <Broken message="Failed to fetch dynamically imported module" />
      </HallBoundary>,
    )
    quiet.mockRestore()
    expect(useExpoStore.getState()).toMatchObject({ view: 'plan', webgl: 'unknown' })
    expect(useExpoStore.getState().notices.at(-1)?.key).toBe('planView.hallFailed')
  })
})

describe('plan geometry', () => {
  it('wraps zone names to fit, Latin at spaces and Chinese anywhere, with an ellipsis when too long', () => {
    expect(wrapLabel('Artificial Intelligence', 12, 2)).toEqual(['Artificial', 'Intelligence'])
    expect(wrapLabel('新一代信息技术', 4, 2)).toEqual(['新一代信', '息技术'])
    const cut = wrapLabel('New Energy, Energy Saving and Environmental Protection', 12, 2)
    expect(cut).toHaveLength(2)
    expect(cut[1].endsWith('…')).toBe(true)
  })

  it('moves along a row with left and right, and never onto the booth it starts from', () => {
    const row = plan.booths.filter((b) => b.zoneId === 'korea-pavilion')
    for (const booth of row) {
      const right = boothInDirection(plan.booths, booth, 'right')
      if (right) expect(right.rect.x + right.rect.width / 2).toBeGreaterThan(booth.rect.x + booth.rect.width / 2)
      expect(right).not.toBe(booth)
    }
  })
})
