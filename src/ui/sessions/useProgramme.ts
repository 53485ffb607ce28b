/** The programme as the overlay shows it: the pack's sessions and the server's, and a clock that ticks only at a boundary. */
import { useEffect, useMemo, useState } from 'react'
import { mergeProgramme, nextBoundary, withdrawnSessions, type LiveSession } from '../../live/sessions'
import { useExpoStore } from '../../state/store'

const EMPTY: LiveSession[] = []
/** setTimeout's longest delay; a boundary further away is reached by waking up once on the way. */
const MAX_TIMER_MS = 2_147_483_647

/**
 * "Now" for the programme: re-renders when a session starts or ends (one timer at the next boundary, no
 * per-second render), and when the tab comes back into view, as timers of a sleeping tab run late.
 */
export function useProgrammeNow(sessions: readonly LiveSession[]): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const boundary = nextBoundary(sessions, now)
    const timer = boundary === null ? undefined : window.setTimeout(() => setNow(Date.now()), Math.min(Math.max(boundary - Date.now(), 0) + 25, MAX_TIMER_MS))
    const onVisible = () => document.visibilityState === 'visible' && setNow(Date.now())
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      window.clearTimeout(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [sessions, now])
  return now
}

/** The ids of the sessions kept in the agenda that their host removed (see withdrawnSessions). */
export function useWithdrawnSessions(now: number): Set<string> {
  const saved = useExpoStore((s) => s.agendaSessions)
  const server = useExpoStore((s) => (s.programmeRead ? s.programme : null))
  const pack = useExpoStore((s) => s.pack?.sessions)
  return useMemo(() => withdrawnSessions(saved, server, pack ?? [], now), [saved, server, pack, now])
}

/** The whole programme: the content pack's sessions (always, also without a server) and the booking server's. */
export function useProgramme(): LiveSession[] {
  const pack = useExpoStore((s) => s.pack?.sessions ?? EMPTY)
  const server = useExpoStore((s) => s.programme)
  return useMemo(() => mergeProgramme(pack, server), [pack, server])
}
