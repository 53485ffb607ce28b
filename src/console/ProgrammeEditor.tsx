/**
 * The venue's programme in the console: exhibitor staff schedule launches, talks and tours at their booth, organisers
 * forums in the lobby. Times are entered in the browser's own zone and shown with it; the server refuses a clash.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { LANGUAGES, type Language } from '../content/schema'
import { SESSION_KINDS, SESSION_LIMITS, sessionText, type LiveSession, type SessionBody, type SessionKind } from '../live/sessions'
import { consoleApi, performChange } from './api'
import { describeFailure, type FailureMessage } from './failures'
import { formatTimeRange, timeZoneLabel } from './format'
import { LANGUAGE_NAMES } from './messages'
import { useLanguage, useT } from './i18n'
import ViewHeading from './ViewHeading'
import { useConsoleStore } from './store'
import './programme.css'

const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240, 480] as const
const MINUTE = 60_000

type Draft = { kind: SessionKind; titles: Record<Language, string>; description: string; start: string; minutes: number }
type Loaded = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; sessions: LiveSession[] }
type Result = { kind: 'saved' | 'removed' } | { kind: 'failed'; failure: FailureMessage } | { kind: 'invalid'; key: 'programme.titleRequired' | 'programme.startRequired' }

const pad = (n: number) => String(n).padStart(2, '0')
/** `datetime-local` speaks the browser's wall clock: "2026-12-01T10:00". */
function localInput(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

function emptyDraft(venue: 'booth' | 'lobby'): Draft {
  return { kind: venue === 'lobby' ? 'forum' : 'launch', titles: { 'zh-CN': '', en: '', ko: '' }, description: '', start: '', minutes: 60 }
}

function draftOf(session: LiveSession, language: Language): Draft {
  return {
    kind: session.kind,
    titles: { 'zh-CN': session.title['zh-CN'] ?? '', en: session.title.en ?? '', ko: session.title.ko ?? '' },
    description: session.description ? sessionText(session.description, language).text : '',
    start: localInput(session.start),
    minutes: Math.round((session.end - session.start) / MINUTE),
  }
}

export default function ProgrammeEditor({ venue, asView }: { venue: 'booth' | 'lobby'; asView: boolean }) {
  const t = useT()
  const language = useLanguage()
  const ids = useId()
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(venue))
  const [editing, setEditing] = useState<LiveSession | null>(null)
  const [result, setResult] = useState<Result | null>(null)
  const [working, setWorking] = useState(false)

  const load = useCallback(async () => {
    try {
      setLoaded({ status: 'ready', sessions: await consoleApi.sessions() })
    } catch {
      setLoaded({ status: 'failed' })
    }
  }, [])
  // again whenever the programme changes, a colleague's change included
  const programmeRevision = useConsoleStore((s) => s.programmeRevision)
  useEffect(() => void load(), [load, programmeRevision])

  const edit = (change: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...change }))
    setResult(null)
  }

  /** Back to an empty form for a new session. */
  const closeEditor = () => {
    setEditing(null)
    setDraft(emptyDraft(venue))
  }

  /** Sends one change to the programme with the form busy meanwhile; on success the list is read again. */
  const change = async (send: () => Promise<unknown>, outcome: { done: 'saved' | 'removed'; closeEditor: boolean }) => {
    setWorking(true)
    try {
      await send()
      setResult({ kind: outcome.done })
      if (outcome.closeEditor) closeEditor()
      await load()
    } catch (error) {
      setResult({ kind: 'failed', failure: describeFailure(error) })
    } finally {
      setWorking(false)
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const title = Object.fromEntries(LANGUAGES.map((l) => [l, draft.titles[l].trim()]).filter(([, v]) => v)) as SessionBody['title']
    if (Object.keys(title).length === 0) return setResult({ kind: 'invalid', key: 'programme.titleRequired' })
    const start = Date.parse(draft.start)
    if (!draft.start || Number.isNaN(start)) return setResult({ kind: 'invalid', key: 'programme.startRequired' })
    const description = draft.description.trim()
    const body: SessionBody = {
      kind: draft.kind,
      title,
      ...(description ? { description: { [language]: description } } : {}),
      start,
      end: start + draft.minutes * MINUTE,
    }
    await change(
      () => (editing ? consoleApi.updateSession(editing.id, body) : performChange('programme:new', JSON.stringify(body), (key) => consoleApi.createSession(body, key))),
      { done: 'saved', closeEditor: true },
    )
  }

  const remove = async (session: LiveSession) => {
    if (!window.confirm(t('programme.removeConfirm', { title: sessionText(session.title, language).text }))) return
    await change(() => consoleApi.removeSession(session.id), { done: 'removed', closeEditor: editing?.id === session.id })
  }

  const now = Date.now()
  const dayFormat = new Intl.DateTimeFormat(language, { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric' })
  const heading = t(venue === 'lobby' ? 'programme.lobbyHeading' : 'programme.heading')
  return (
    <section className="programme-editor" aria-labelledby={asView ? undefined : `${ids}-heading`}>
      {asView ? (
        <ViewHeading>{heading}</ViewHeading>
      ) : (
        <h2 id={`${ids}-heading`} className="console-view-heading">
          {heading}
        </h2>
      )}
      <p className="hint">{t(venue === 'lobby' ? 'programme.lobbyIntro' : 'programme.intro')}</p>
      {loaded.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {loaded.status === 'failed' && (
        <p className="refusal" role="alert">
          {t('programme.loadFailed')}{' '}
          <button type="button" className="button-link" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {loaded.status === 'ready' &&
        (loaded.sessions.length === 0 ? (
          <p>{t('programme.empty')}</p>
        ) : (
          <ul className="programme-list">
            {loaded.sessions.map((session) => {
              const title = sessionText(session.title, language)
              const state = session.end <= now ? 'ended' : session.start <= now ? 'live' : 'upcoming'
              return (
                <li key={session.id} className={`programme-item is-${state}`}>
                  <p className="programme-when">
                    <span className="programme-state">{t(`programme.state.${state}`)}</span> {dayFormat.format(session.start)} {formatTimeRange(session.start, session.end, zone, language)}
                  </p>
                  <p className="programme-title" lang={title.language}>
                    {t(`programme.kind.${session.kind}`)} · {title.text}
                  </p>
                  {state !== 'ended' && (
                    <div className="programme-actions">
                      <button
                        type="button"
                        disabled={working}
                        aria-label={t('programme.editNamed', { title: title.text })}
                        onClick={() => {
                          setEditing(session)
                          setDraft(draftOf(session, language))
                          setResult(null)
                        }}
                      >
                        {t('programme.edit')}
                      </button>
                      <button type="button" disabled={working} aria-label={t('programme.removeNamed', { title: title.text })} onClick={() => void remove(session)}>
                        {t('programme.remove')}
                      </button>
                    </div>
                  )}
                </li>
              )
            })}
          </ul>
        ))}
      <form className="programme-form" onSubmit={submit} noValidate aria-labelledby={`${ids}-form-title`}>
        <h3 id={`${ids}-form-title`}>{t(editing ? 'programme.editTitle' : 'programme.newTitle')}</h3>
        <div className="field">
          <label htmlFor={`${ids}-kind`}>{t('programme.kind')}</label>
          <select id={`${ids}-kind`} value={draft.kind} onChange={(e) => edit({ kind: e.target.value as SessionKind })}>
            {SESSION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`programme.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="programme-titles">
          <legend>{t('programme.titles')}</legend>
          {LANGUAGES.map((l) => (
            <div className="field" key={l}>
              <label htmlFor={`${ids}-title-${l}`}>{t('programme.titleIn', { language: LANGUAGE_NAMES[l] })}</label>
              <input
                id={`${ids}-title-${l}`}
                lang={l}
                maxLength={SESSION_LIMITS.title}
                value={draft.titles[l]}
                onChange={(e) => edit({ titles: { ...draft.titles, [l]: e.target.value } })}
              />
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${ids}-description`}>{t('programme.description')}</label>
          <textarea id={`${ids}-description`} rows={2} maxLength={SESSION_LIMITS.description} value={draft.description} onChange={(e) => edit({ description: e.target.value })} />
        </div>
        <div className="programme-time">
          <div className="field">
            <label htmlFor={`${ids}-start`}>{t('programme.start', { zone: timeZoneLabel(zone, language) })}</label>
            <input id={`${ids}-start`} type="datetime-local" value={draft.start} onChange={(e) => edit({ start: e.target.value })} />
          </div>
          <button type="button" onClick={() => edit({ start: localInput(Math.floor(Date.now() / MINUTE) * MINUTE) })}>
            {t('programme.now')}
          </button>
          <div className="field">
            <label htmlFor={`${ids}-length`}>{t('programme.length')}</label>
            <select id={`${ids}-length`} value={draft.minutes} onChange={(e) => edit({ minutes: Number(e.target.value) })}>
              {[...new Set([...DURATIONS, draft.minutes])]
                .sort((a, b) => a - b)
                .map((m) => (
                  <option key={m} value={m}>
                    {t('programme.minutes', { minutes: m })}
                  </option>
                ))}
            </select>
          </div>
        </div>
        {result && (
          <p className={result.kind === 'failed' || result.kind === 'invalid' ? 'refusal' : 'hours-saved'} role={result.kind === 'failed' || result.kind === 'invalid' ? 'alert' : 'status'}>
            {result.kind === 'failed' ? t(result.failure.key, result.failure.params) : result.kind === 'invalid' ? t(result.key) : t(result.kind === 'saved' ? 'programme.saved' : 'programme.removed')}
          </p>
        )}
        <div className="programme-actions">
          <button type="submit" className="button-primary" disabled={working}>
            {t(editing ? 'programme.saveChanges' : 'programme.schedule')}
          </button>
          {editing && (
            <button
              type="button"
              onClick={() => {
                closeEditor()
                setResult(null)
              }}
            >
              {t('programme.cancelEdit')}
            </button>
          )}
        </div>
      </form>
    </section>
  )
}
