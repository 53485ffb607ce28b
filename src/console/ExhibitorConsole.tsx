/** The signed-in exhibitor's console: header, the four views as tabs (a bottom bar on phones), the live stream and the unread count. */
import { useEffect, useMemo, useRef } from 'react'
import { useStore } from 'zustand'
import { localized } from '../i18n/format'
import type { ConsoleMe } from './api'
import Calendar from './Calendar'
import ConsoleHeader from './ConsoleHeader'
import HoursEditor from './HoursEditor'
import { useConsoleChat } from './consoleChat'
import Inbox from './Inbox'
import Messages from './Messages'
import { useT } from './i18n'
import { waitingCount } from './inbox'
import { openLiveStream } from './liveStream'
import type { ConsoleMessageKey } from './messages'
import ProgrammeEditor from './ProgrammeEditor'
import ProposeDialog from './ProposeDialog'
import ReasonDialog from './ReasonDialog'
import Settings from './Settings'
import { CONSOLE_VIEWS, useConsoleActions, useConsoleStore, type ConsoleView } from './store'
import { useNow } from './useNow'
import { VIEW_HEADING_ID } from './ViewHeading'
import { ViewIcon } from './ViewIcon'


const VIEW_LABEL: Record<ConsoleView, ConsoleMessageKey> = { inbox: 'nav.inbox', messages: 'nav.messages', calendar: 'nav.calendar', hours: 'nav.hours', programme: 'nav.programme', settings: 'nav.settings' }

/** The view's own address, so a tab opens in a new browser tab as well. */
function viewHref(view: ConsoleView): string {
  const url = new URL(location.href)
  if (view === 'inbox') url.searchParams.delete('view')
  else url.searchParams.set('view', view)
  return `${url.pathname}${url.search}`
}

/** The signed-in staff's exhibitor's logo, from the content pack the server reads. */
const CONSOLE_LOGO_URL = '/api/console/logo.svg'

export default function ExhibitorConsole({ me }: { me: ConsoleMe }) {
  const t = useT()
  const language = useConsoleStore((s) => s.language)
  const view = useConsoleStore((s) => s.view)
  const bookings = useConsoleStore((s) => s.inbox.bookings)
  const announcement = useConsoleStore((s) => s.announcement)
  const answering = useConsoleStore((s) => s.answering)
  const actions = useConsoleActions()
  const now = useNow(30_000)
  const waiting = useMemo(() => waitingCount(bookings ?? [], now), [bookings, now])
  const exhibitorName = localized(me.exhibitor.name, language)
  const viewChanged = useRef(false)
  const chat = useConsoleChat()
  const unread = useStore(chat.store, (s) => s.conversations?.reduce((sum, c) => sum + c.unread, 0) ?? 0)
  useEffect(() => {
    void chat.loadConversations()
  }, [chat])

  useEffect(
    () => openLiveStream({ events: ['inbox', 'sessions'], onEvent: (name) => actions.liveEvent(name), onState: (state) => actions.setLive(state) }),
    [actions],
  )

  useEffect(() => {
    const onPopState = () => actions.showView((new URLSearchParams(location.search).get('view') as ConsoleView | null) ?? 'inbox', { fromHistory: true })
    addEventListener('popstate', onPopState)
    return () => removeEventListener('popstate', onPopState)
  }, [actions])

  useEffect(() => {
    document.title = `${waiting + unread > 0 ? `(${waiting + unread}) ` : ''}${t(VIEW_LABEL[view])} · ${exhibitorName} · ${t('console.title')}`
  }, [waiting, unread, view, exhibitorName, t])

  // Opening a view from the tabs moves focus to its heading; the first render leaves focus where the browser put it.
  useEffect(() => {
    if (!viewChanged.current) return
    document.getElementById(VIEW_HEADING_ID)?.focus()
  }, [view])

  const open = (next: ConsoleView) => {
    viewChanged.current = true
    actions.showView(next)
  }

  return (
    <div className="console">
      <a className="skip-link" href="#console-main">
        {t('common.skipToMain')}
      </a>
      <ConsoleHeader eyebrow={t('console.title')} title={exhibitorName} signedInAs={me.staff.name || me.staff.email} logoUrl={CONSOLE_LOGO_URL} />
      <nav className="console-tabs" aria-label={t('nav.label')}>
        <ul>
          {CONSOLE_VIEWS.map((v) => (
            <li key={v}>
              <a
                href={viewHref(v)}
                aria-current={v === view ? 'page' : undefined}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
                  event.preventDefault()
                  open(v)
                }}
              >
                <ViewIcon view={v} />
                <span className="console-tab-label">{t(VIEW_LABEL[v])}</span>
                {v === 'messages' && unread > 0 && (
                  <span className="badge console-badge">
                    <span aria-hidden="true">{unread}</span>
                    <span className="visually-hidden">{t('nav.unreadMessages', { count: unread })}</span>
                  </span>
                )}
                {v === 'inbox' && waiting > 0 && (
                  <span className="badge console-badge">
                    <span aria-hidden="true">{waiting}</span>
                    <span className="visually-hidden">{t('nav.waiting', { count: waiting })}</span>
                  </span>
                )}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="console-main" className="console-main" tabIndex={-1}>
        {view === 'inbox' && <Inbox />}
        {view === 'messages' && <Messages client={chat} me={me} />}
        {view === 'calendar' && <Calendar me={me} />}
        {view === 'hours' && <HoursEditor me={me} />}
        {view === 'programme' && <ProgrammeEditor venue="booth" asView />}
        {view === 'settings' && <Settings me={me} />}
        {answering?.kind === 'propose' && <ProposeDialog key={answering.booking.id} booking={answering.booking} onClose={actions.endAnswer} />}
        {(answering?.kind === 'decline' || answering?.kind === 'cancel') && (
          <ReasonDialog key={`${answering.kind}/${answering.booking.id}`} booking={answering.booking} action={answering.kind} onClose={actions.endAnswer} />
        )}
      </main>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement && <span key={announcement.id}>{t(announcement.key, announcement.params)}</span>}
      </p>
    </div>
  )
}
