/**
 * The lobby's programme card in the overlay while the visitor is in the lobby: its forums and launches live now and
 * next, and the convention's own past sessions with their dates (a never-closing expo shows its past honestly).
 */
import { useState } from 'react'
import { useTranslate } from '../../i18n/translate'
import { liveNow, pastSessions } from '../../live/sessions'
import { useExpoStore } from '../../state/store'
import ProgrammeLists from './ProgrammeLists'
import SessionItem from './SessionItem'
import { useProgramme, useProgrammeNow } from './useProgramme'
import './sessions.css'

const LOBBY = { kind: 'lobby' as const }

export default function LobbyProgramme() {
  // a card floating over the 3D hall; the plan view's own lists would sit beneath it
  const inLobby = useExpoStore((s) => s.currentZoneId === 'lobby' && s.view === 'hall')
  // the right-hand column holds one panel at a time: the card steps aside for the booth, agenda and route panels
  const panelOpen = useExpoStore((s) => s.openBoothId !== null || s.agendaOpen || s.routePanelOpen)
  if (!inLobby || panelOpen) return null
  return <LobbyProgrammeCard />
}

function LobbyProgrammeCard() {
  const t = useTranslate()
  const programme = useProgramme()
  const lobby = programme.filter((s) => s.venue.kind === 'lobby')
  const now = useProgrammeNow(lobby)
  // phones start with the card folded to one line, so the hall stays in view
  const [open, setOpen] = useState(() => !window.matchMedia?.('(max-width: 760px)').matches)
  const live = liveNow(lobby, now, LOBBY)
  const past = pastSessions(lobby, now, LOBBY)
  return (
    <section className="lobby-programme" aria-labelledby="lobby-programme-title">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2 id="lobby-programme-title">
            {t('sessions.lobbyTitle')}
            {live.length > 0 && (
              <span className="lobby-programme-live">
                <span className="live-dot" aria-hidden="true" />
                {t('sessions.liveNow')}
              </span>
            )}
          </h2>
        </summary>
        <div className="lobby-programme-body">
          <ProgrammeLists sessions={lobby} now={now} venue={LOBBY} headingLevel={3} />
          {past.length > 0 && (
            <details className="session-past">
              <summary>
                {t('sessions.past')} ({past.length})
              </summary>
              <p className="hint">{t('sessions.sourceNote')}</p>
              <ul className="session-list">
                {past.map((session) => (
                  <SessionItem key={session.id} session={session} canAdd={false} />
                ))}
              </ul>
            </details>
          )}
        </div>
      </details>
    </section>
  )
}
