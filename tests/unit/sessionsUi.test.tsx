// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useExpoStore } from '../../src/state/store'
import AgendaSessions from '../../src/ui/sessions/AgendaSessions'
import BoothProgramme from '../../src/ui/sessions/BoothProgramme'
import LobbyProgramme from '../../src/ui/sessions/LobbyProgramme'
import { startWithRealPack } from '../helpers/store'

const MINUTE = 60_000
const NOW = Date.UTC(2027, 2, 1, 2, 0)
const BOOTH = 'hefei-shengmai-intelligence'
const launch = {
  id: '0b7e5c1a-1111-4c3b-9d2e-5a6b7c8d9e0f',
  kind: 'launch' as const,
  title: { 'zh-CN': '机械臂发布会', en: 'Robot arm launch' },
  venue: { kind: 'booth' as const, exhibitorId: BOOTH },
  start: NOW + 10 * MINUTE,
  end: NOW + 40 * MINUTE,
  precision: 'minute' as const,
}

describe('the programme in the overlay', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.setSystemTime(NOW)
    startWithRealPack()
    useExpoStore.getState().actions.setVisitorTimeZone('Europe/Berlin')
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('turns "Next" into "Live now" at the start and takes it away at the end, with one timer per boundary and no reload', () => {
    useExpoStore.getState().actions.setProgramme([launch])
    const timersBefore = vi.getTimerCount()
    render(<BoothProgramme exhibitorId={BOOTH} />)
    expect(within(screen.getByRole('region', { name: 'Next' })).getByText('Robot arm launch')).toBeTruthy()
    expect(screen.queryByRole('region', { name: 'Live now' })).toBeNull()
    // one timer, for the start: nothing re-renders every second
    expect(vi.getTimerCount() - timersBefore).toBe(1)
    act(() => void vi.advanceTimersByTime(10 * MINUTE + 1000))
    expect(within(screen.getByRole('region', { name: 'Live now' })).getByText('Robot arm launch')).toBeTruthy()
    expect(screen.queryByRole('region', { name: 'Next' })).toBeNull()
    act(() => void vi.advanceTimersByTime(30 * MINUTE))
    expect(screen.queryByText('Robot arm launch')).toBeNull()
  })

  it('shows times in the visitor’s clock and keeps a session added to the agenda', () => {
    useExpoStore.getState().actions.setProgramme([launch])
    render(<BoothProgramme exhibitorId={BOOTH} />)
    // 02:10 UTC is 03:10 in Berlin
    expect(screen.getByRole('listitem', { name: /Robot arm launch, .*03:10–03:40/ })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Add to agenda' }))
    expect(useExpoStore.getState().agendaSessions).toEqual([launch])
    expect(screen.getByRole('button', { name: /In your agenda/ }).getAttribute('aria-pressed')).toBe('true')
  })

  it('shows the lobby’s past forums from the pack with their dates, never as live, and nothing to add', () => {
    render(<LobbyProgramme />)
    const card = screen.getByRole('region', { name: 'In the lobby' })
    expect(within(card).queryByRole('region', { name: 'Live now' })).toBeNull()
    expect(within(card).getByText('Nothing is live or scheduled right now')).toBeTruthy()
    expect(within(card).getByRole('listitem', { name: /^Opening ceremony and keynote forum, During the convention \(Nov 19, 2021/ })).toBeTruthy()
    expect(within(card).queryByRole('button', { name: 'Add to agenda' })).toBeNull()
  })

  it('says in the agenda where each session runs: the booth by its exhibitor’s name in the visitor’s language, or the lobby', () => {
    const forum = { ...launch, id: '0b7e5c1a-2222-4c3b-9d2e-5a6b7c8d9e0f', kind: 'forum' as const, title: { en: 'Supply chain forum' }, venue: { kind: 'lobby' as const } }
    useExpoStore.getState().actions.toggleAgendaSession(launch)
    useExpoStore.getState().actions.toggleAgendaSession(forum)
    render(<AgendaSessions />)
    expect(within(screen.getByRole('listitem', { name: /^Robot arm launch, / })).getByText('Booth of Hefei Shengmai Intelligence Co., Ltd.')).toBeTruthy()
    expect(within(screen.getByRole('listitem', { name: /^Supply chain forum, / })).getByText('Lobby')).toBeTruthy()
    cleanup()
    act(() => useExpoStore.getState().actions.setLanguage('ko'))
    render(<AgendaSessions />)
    expect(screen.getByText('허페이 성마이 스마트테크놀로지 유한공사 부스')).toBeTruthy()
  })

  it('follows a session the server changed into the agenda', () => {
    useExpoStore.getState().actions.toggleAgendaSession(launch)
    useExpoStore.getState().actions.setProgramme([{ ...launch, end: launch.end + 15 * MINUTE }])
    expect(useExpoStore.getState().agendaSessions[0].end).toBe(launch.end + 15 * MINUTE)
  })
})
