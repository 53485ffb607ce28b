// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Booking } from '../../src/booking/types'
import { useExpoStore } from '../../src/state/store'
import AgendaPanel from '../../src/ui/AgendaPanel'
import { realPack as pack, startWithRealPack } from '../helpers/store'

const exhibitor = pack.exhibitors[0]
const MINUTE = 60_000

function booking(id: string, startsIn: number, overrides: Partial<Booking> = {}): Booking {
  const start = Date.now() + startsIn
  return {
    id, exhibitorId: exhibitor.id, start, end: start + 30 * MINUTE, mode: 'online', visitorId: 'v', status: 'confirmed',
    confirmationCode: `C${id.toUpperCase()}`.padEnd(6, 'X'), tableId: 'table-4', meetingUrl: `https://meet.example.com/wmc-${id}`, topic: 'Batteries',
    profile: { name: 'A', company: 'B', email: 'a@example.com', role: 'buyer' }, visitorTimeZone: 'Europe/Berlin',
    exhibitorTimeZone: 'Asia/Shanghai', createdAt: Date.now(), ...overrides,
  }
}

describe('my agenda', () => {
  beforeEach(() => {
    startWithRealPack()
    useExpoStore.getState().actions.setVisitorTimeZone('Europe/Berlin')
    useExpoStore.getState().actions.setAgendaOpen(true)
  })
  afterEach(cleanup)

  it('lists bookings by time with both clocks, table and code', () => {
    useExpoStore.getState().actions.setBookings([booking('b2', 48 * 60 * MINUTE), booking('b1', 26 * 60 * MINUTE)])
    render(<AgendaPanel />)
    const items = within(screen.getByRole('complementary', { name: 'My agenda' })).getAllByRole('listitem')
    expect(items.map((i) => i.textContent?.match(/Code ([A-Z0-9]{6})/)?.[1])).toEqual(['CB1XXX', 'CB2XXX'])
    expect(items[0].textContent).toMatch(/\d\d:\d\d your time · \d\d:\d\d( \(.+\))? Beijing/)
    expect(items[0].textContent).toContain('Table 4')
  })

  it('offers "join" from ten minutes before the start, not earlier', () => {
    useExpoStore.getState().actions.setBookings([booking('soon', 8 * MINUTE), booking('later', 40 * MINUTE)])
    render(<AgendaPanel />)
    const [soon, later] = within(screen.getByRole('complementary', { name: 'My agenda' })).getAllByRole('listitem')
    expect(within(soon).getByRole('link', { name: 'Join' }).getAttribute('href')).toBe('https://meet.example.com/wmc-soon')
    expect(within(later).queryByRole('link', { name: 'Join' })).toBeNull()
  })

  it('moves cancelled and past meetings out of the upcoming list, without actions', () => {
    useExpoStore.getState().actions.setBookings([booking('gone', 60 * MINUTE, { status: 'cancelled' }), booking('next', 120 * MINUTE)])
    render(<AgendaPanel />)
    const panel = screen.getByRole('complementary', { name: 'My agenda' })
    expect(within(panel).getAllByRole('button', { name: 'Cancel booking' })).toHaveLength(1)
    expect(within(panel).getByText('Past, declined or cancelled')).toBeTruthy()
  })
})
