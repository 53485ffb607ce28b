// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PRESENCE_STORAGE_KEY } from '../../src/state/live/presenceSettings'
import { useExpoStore } from '../../src/state/store'
import ZoneMenu from '../../src/ui/ZoneMenu'
import PlanView from '../../src/ui/planView/PlanView'
import { realPack as pack, startWithRealPack } from '../helpers/store'

const actions = () => useExpoStore.getState().actions
const zoneName = (id: string) => pack.zones.find((z) => z.id === id)!.name.en
const menu = () => screen.getByRole('navigation', { name: 'Zones' })

describe('who is here, in the overlay', () => {
  beforeEach(() => startWithRealPack())
  afterEach(cleanup)

  it('shows nothing live with static hosting: no counts, no presence controls', () => {
    render(<ZoneMenu />)
    expect(within(menu()).queryByText(/here|online/)).toBeNull()
    expect(within(menu()).queryByRole('switch')).toBeNull()
  })

  it('tells how many are in each zone before entering it, how many are online, and which zone is very full', () => {
    render(<ZoneMenu />)
    act(() => {
      actions().setLiveAvailable(true)
      actions().setLiveCounts({ zones: { lobby: 4, 'korea-pavilion': 151 }, online: 155, crowded: ['korea-pavilion'] })
    })
    // the count is part of the zone's button, read with its name (no live region announcing every change)
    expect(within(menu()).getByRole('button', { name: new RegExp(`^${zoneName('korea-pavilion')}.*151 here · very full`) })).toBeTruthy()
    expect(within(menu()).getByRole('button', { name: new RegExp(`^${zoneName('lobby')}.*4 here`) })).toBeTruthy()
    expect(within(menu()).getByText('155 online')).toBeTruthy()
    expect(within(menu()).queryAllByText(/ here/)).toHaveLength(2)
    expect(document.querySelector('[aria-live]')).toBeNull()
    // connection lost: nothing stale stays
    act(() => actions().setLiveCounts(null))
    expect(within(menu()).queryByText(/here|online/)).toBeNull()
  })

  it('shows the counts in the plan view too', () => {
    actions().setView('plan')
    render(<PlanView />)
    act(() => actions().setLiveCounts({ zones: { 'korea-pavilion': 7 }, online: 7, crowded: [] }))
    const zones = screen.getByRole('region', { name: 'Zones' })
    expect(within(zones).getByRole('button', { name: new RegExp(`^${zoneName('korea-pavilion')}.*7 here`) })).toBeTruthy()
    expect(within(zones).getByText('7 online')).toBeTruthy()
  })

  it('lets the visitor appear invisible and choose a display name, kept in this browser under its own key', () => {
    render(<ZoneMenu />)
    act(() => actions().setLiveAvailable(true))
    const invisible = within(menu()).getByRole('switch', { name: 'Appear invisible' })
    expect((invisible as HTMLInputElement).checked).toBe(false)
    fireEvent.click(invisible)
    expect(useExpoStore.getState().presence).toEqual({ name: null, invisible: true })
    const name = within(menu()).getByRole('textbox', { name: 'Display name (optional)' })
    fireEvent.change(name, { target: { value: '  Mina  ' } })
    // nothing goes out while typing
    expect(useExpoStore.getState().presence.name).toBeNull()
    fireEvent.blur(name)
    expect(useExpoStore.getState().presence).toEqual({ name: 'Mina', invisible: true })
    expect(JSON.parse(localStorage.getItem(PRESENCE_STORAGE_KEY)!)).toEqual({ version: 1, name: 'Mina', invisible: true })
    // not in the visitor document
    expect(localStorage.getItem('cloud-expo:visitor') ?? '').not.toContain('Mina')
  })
})
