/** Settings and team: auto-accept, the staff member's language, the booth's screen, and the colleagues who can sign in (invite, remove). */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { LANGUAGES, type Language } from '../content/schema'
import { localized } from '../i18n/format'
import { checkScreenSource, type ScreenSettings, type ScreenUrlKind, type ScreenUrlProblem } from '../live/screens'
import { ConsoleApiError, consoleApi, type ConsoleMe, type StaffMember } from './api'
import { describeFailure, type FailureMessage } from './failures'
import { useLanguage, useT } from './i18n'
import { LANGUAGE_NAMES, type ConsoleMessageKey } from './messages'
import { useConsoleActions } from './store'
import ViewHeading from './ViewHeading'

type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'failed'; failure: FailureMessage }

export default function Settings({ me }: { me: ConsoleMe }) {
  const t = useT()
  return (
    <>
      <ViewHeading>{t('settings.heading')}</ViewHeading>
      <div className="settings-grid">
        <AnswerSettings me={me} />
        <LanguageSetting me={me} />
        <ScreenSetting />
        <Team me={me} />
      </div>
    </>
  )
}

function SaveStatus({ state }: { state: SaveState }) {
  const t = useT()
  if (state.status === 'failed')
    return (
      <p className="refusal" role="alert">
        {t(state.failure.key, state.failure.params)}
      </p>
    )
  return (
    <p className="hint settings-status" aria-live="polite">
      {state.status === 'saving' ? t('settings.saving') : state.status === 'saved' ? t('settings.saved') : ''}
    </p>
  )
}

function AnswerSettings({ me }: { me: ConsoleMe }) {
  const t = useT()
  const actions = useConsoleActions()
  const id = useId()
  const [state, setState] = useState<SaveState>({ status: 'idle' })
  const autoAccept = me.exhibitor.autoAccept

  const toggle = async (next: boolean) => {
    setState({ status: 'saving' })
    try {
      await consoleApi.saveSettings({ autoAccept: next })
      actions.updateMe((m) => ({ ...m, exhibitor: { ...m.exhibitor, autoAccept: next } }))
      setState({ status: 'saved' })
    } catch (error) {
      setState({ status: 'failed', failure: describeFailure(error) })
    }
  }

  return (
    <section className="settings-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('settings.answers')}</h3>
      <div className="switch-row">
        <input
          id={id}
          type="checkbox"
          role="switch"
          className="switch"
          checked={autoAccept}
          disabled={state.status === 'saving'}
          onChange={(e) => void toggle(e.target.checked)}
          aria-describedby={`${id}-hint`}
        />
        <label htmlFor={id}>{t('settings.autoAccept')}</label>
      </div>
      <p id={`${id}-hint`} className="hint">
        {t('settings.autoAcceptHint')}
      </p>
      <SaveStatus state={state} />
    </section>
  )
}

function LanguageSetting({ me }: { me: ConsoleMe }) {
  const t = useT()
  const actions = useConsoleActions()
  const id = useId()
  const [state, setState] = useState<SaveState>({ status: 'idle' })

  const change = async (language: Language) => {
    setState({ status: 'saving' })
    try {
      await consoleApi.saveSettings({ language })
      actions.updateMe((m) => ({ ...m, staff: { ...m.staff, language } }))
      actions.setLanguage(language)
      setState({ status: 'saved' })
    } catch (error) {
      setState({ status: 'failed', failure: describeFailure(error) })
    }
  }

  return (
    <section className="settings-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('common.language')}</h3>
      <div className="field">
        <label htmlFor={id}>{t('settings.language')}</label>
        <select id={id} value={me.staff.language} disabled={state.status === 'saving'} onChange={(e) => void change(e.target.value as Language)}>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
        </select>
      </div>
      <SaveStatus state={state} />
    </section>
  )
}

type TeamState = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; staff: StaffMember[] }

function Team({ me }: { me: ConsoleMe }) {
  const t = useT()
  const language = useLanguage()
  const id = useId()
  const [team, setTeam] = useState<TeamState>({ status: 'loading' })
  const [confirming, setConfirming] = useState<string | null>(null)
  const [removing, setRemoving] = useState<string | null>(null)
  const [notice, setNotice] = useState<{ kind: 'done' | 'error'; message: FailureMessage } | null>(null)

  const load = useCallback(async () => {
    try {
      setTeam({ status: 'ready', staff: await consoleApi.staff() })
    } catch {
      setTeam({ status: 'failed' })
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  const remove = async (member: StaffMember) => {
    setRemoving(member.id)
    setNotice(null)
    try {
      await consoleApi.removeStaff(member.id)
      setNotice({ kind: 'done', message: { key: 'settings.removed', params: { name: member.name || member.email } } })
      setConfirming(null)
      await load()
    } catch (error) {
      setNotice({ kind: 'error', message: describeFailure(error) })
    } finally {
      setRemoving(null)
    }
  }

  return (
    <section className="settings-card settings-team" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('settings.team')}</h3>
      <p className="hint">{t('settings.teamIntro', { exhibitor: localized(me.exhibitor.name, language) })}</p>
      {team.status === 'loading' && (
        <p role="status" className="hint">
          {t('common.loading')}
        </p>
      )}
      {team.status === 'failed' && (
        <p className="refusal" role="alert">
          {t('settings.teamLoadFailed')}{' '}
          <button type="button" className="button-link" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {team.status === 'ready' && (
        <ul className="team-list">
          {team.staff.map((member) => {
            const name = member.name || member.email
            return (
              <li key={member.id}>
                <div className="team-member">
                  <span className="team-name">
                    {name}
                    {member.you && <span className="team-you"> ({t('settings.you')})</span>}
                  </span>
                  <span className="team-meta">
                    {member.name && <>{member.email} · </>}
                    {LANGUAGE_NAMES[member.language]}
                  </span>
                </div>
                {!member.you &&
                  (confirming === member.id ? (
                    <div className="team-confirm" role="group" aria-label={t('settings.removeConfirm', { name })}>
                      <span>{t('settings.removeConfirm', { name })}</span>
                      <button type="button" className="button-danger" onClick={() => void remove(member)} disabled={removing === member.id} aria-busy={removing === member.id}>
                        {t('settings.removeYes')}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)} disabled={removing === member.id}>
                        {t('settings.removeNo')}
                      </button>
                    </div>
                  ) : (
                    <button type="button" onClick={() => setConfirming(member.id)} aria-label={t('settings.remove', { name })}>
                      {t('settings.removeButton')}
                    </button>
                  ))}
              </li>
            )
          })}
        </ul>
      )}
      {notice && (
        <p className={notice.kind === 'error' ? 'refusal' : 'hint'} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {t(notice.message.key, notice.message.params)}
        </p>
      )}
      <InviteForm me={me} onInvited={() => void load()} />
    </section>
  )
}

function InviteForm({ me, onInvited }: { me: ConsoleMe; onInvited(): void }) {
  const t = useT()
  const language = useLanguage()
  const ids = useId()
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [inviteLanguage, setInviteLanguage] = useState<Language>(me.staff.language)
  const [emailError, setEmailError] = useState(false)
  const [sending, setSending] = useState(false)
  const [result, setResult] = useState<{ kind: 'sent' | 'failed'; message: FailureMessage } | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const address = email.trim()
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return setEmailError(true)
    setEmailError(false)
    setSending(true)
    setResult(null)
    try {
      const invited = await consoleApi.inviteStaff({ email: address, language: inviteLanguage, ...(name.trim() ? { name: name.trim() } : {}) })
      const until = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(invited.expiresAt)
      setResult({ kind: 'sent', message: { key: 'settings.inviteSent', params: { email: address, date: until } } })
      setEmail('')
      setName('')
      onInvited()
    } catch (error) {
      const failure = describeFailure(error)
      if (failure.key === 'signin.emailInvalid') setEmailError(true)
      else setResult({ kind: 'failed', message: failure })
    } finally {
      setSending(false)
    }
  }

  return (
    <form className="invite-form" onSubmit={submit} noValidate aria-labelledby={`${ids}-heading`}>
      <h4 id={`${ids}-heading`}>{t('settings.invite')}</h4>
      <div className="field">
        <label htmlFor={`${ids}-email`}>{t('settings.inviteEmail')}</label>
        <input
          id={`${ids}-email`}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? `${ids}-email-error` : undefined}
        />
        {emailError && (
          <p id={`${ids}-email-error`} className="field-error">
            {t('signin.emailInvalid')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-name`}>{t('settings.inviteName')}</label>
        <input id={`${ids}-name`} type="text" autoComplete="off" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-language`}>{t('settings.inviteLanguage')}</label>
        <select id={`${ids}-language`} value={inviteLanguage} onChange={(e) => setInviteLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button-primary" disabled={sending} aria-busy={sending}>
        {sending ? t('settings.inviteSending') : t('settings.inviteSend')}
      </button>
      {result && (
        <p className={result.kind === 'failed' ? 'refusal' : 'hours-saved'} role={result.kind === 'failed' ? 'alert' : 'status'}>
          {t(result.message.key, result.message.params)}
        </p>
      )}
    </form>
  )
}

/** A URL's problem in the staff's words; an origin not allowed names it and the ones that are. */
function screenProblem(problem: ScreenUrlProblem, kind: ScreenUrlKind, url: string, allowed: readonly string[]): FailureMessage {
  if (problem === 'wrong-kind') return { key: kind === 'hls' ? 'screen.problem.wrong-kind-hls' : 'screen.problem.wrong-kind-mp4' }
  if (problem === 'origin-not-allowed') return { key: 'screen.problem.origin-not-allowed', params: { origin: URL.canParse(url) ? new URL(url).origin : url, origins: allowed.join(', ') } }
  return { key: `screen.problem.${problem}` as ConsoleMessageKey }
}

type ScreenLoad = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; settings: ScreenSettings }

/** Where a screen's settings live: the booth's for staff, the lobby's for organisers. */
export interface ScreenSettingTarget {
  load(): Promise<ScreenSettings>
  save(source: { hls: string | null; mp4: string | null }): Promise<ScreenSettings>
  heading: ConsoleMessageKey
  intro: ConsoleMessageKey
  /** Said when the source is removed: what the screen shows instead. */
  cleared: ConsoleMessageKey
}

const BOOTH_SCREEN: ScreenSettingTarget = { load: () => consoleApi.screen(), save: (source) => consoleApi.saveScreen(source), heading: 'screen.heading', intro: 'screen.intro', cleared: 'screen.cleared' }

/** A screen's source: a live stream (HLS) and/or a video (MP4), checked here as the server checks it. */
export function ScreenSetting({ target = BOOTH_SCREEN }: { target?: ScreenSettingTarget }) {
  const t = useT()
  const id = useId()
  const [load, setLoad] = useState<ScreenLoad>({ status: 'loading' })
  const [draft, setDraft] = useState({ hls: '', mp4: '' })
  const [problems, setProblems] = useState<Partial<Record<ScreenUrlKind, FailureMessage>>>({})
  const [state, setState] = useState<SaveState>({ status: 'idle' })
  const [cleared, setCleared] = useState(false)

  const fetchSettings = useCallback(async () => {
    setLoad({ status: 'loading' })
    try {
      const settings = await target.load()
      setLoad({ status: 'ready', settings })
      setDraft({ hls: settings.source?.hls ?? '', mp4: settings.source?.mp4 ?? '' })
    } catch {
      setLoad({ status: 'failed' })
    }
  }, [target])
  useEffect(() => {
    void fetchSettings()
  }, [fetchSettings])

  if (load.status !== 'ready')
    return (
      <section className="settings-card" aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`}>{t(target.heading)}</h3>
        {load.status === 'loading' ? (
          <p role="status" className="hint">
            {t('common.loading')}
          </p>
        ) : (
          <p className="refusal" role="alert">
            {t('screen.loadFailed')}{' '}
            <button type="button" className="button-link" onClick={() => void fetchSettings()}>
              {t('common.retry')}
            </button>
          </p>
        )}
      </section>
    )

  const allowed = load.settings.allowedOrigins
  const save = async (body: { hls: string | null; mp4: string | null }) => {
    const found = checkScreenSource(body, allowed)
    const messages: Partial<Record<ScreenUrlKind, FailureMessage>> = {}
    for (const kind of ['hls', 'mp4'] as const) {
      const problem = found[kind]
      if (problem) messages[kind] = screenProblem(problem, kind, body[kind] ?? '', allowed)
    }
    setProblems(messages)
    setCleared(false)
    if (Object.keys(messages).length > 0) return setState({ status: 'idle' })
    setState({ status: 'saving' })
    try {
      const settings = await target.save(body)
      setLoad({ status: 'ready', settings })
      setDraft({ hls: settings.source?.hls ?? '', mp4: settings.source?.mp4 ?? '' })
      setCleared(settings.source === null)
      setState({ status: 'saved' })
    } catch (error) {
      // the server's own check: its problems per field, in the same words
      if (error instanceof ConsoleApiError && error.code === 'screen-url-invalid' && error.fields) {
        const fromServer: Partial<Record<ScreenUrlKind, FailureMessage>> = {}
        for (const kind of ['hls', 'mp4'] as const) {
          const problem = error.fields[kind] as ScreenUrlProblem | undefined
          if (problem) fromServer[kind] = screenProblem(problem, kind, body[kind] ?? '', allowed)
        }
        setProblems(fromServer)
        setState({ status: 'idle' })
      } else setState({ status: 'failed', failure: describeFailure(error) })
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void save({ hls: draft.hls.trim() || null, mp4: draft.mp4.trim() || null })
  }
  const field = (kind: ScreenUrlKind) => (
    <div className="field">
      <label htmlFor={`${id}-${kind}`}>{t(kind === 'hls' ? 'screen.hls' : 'screen.mp4')}</label>
      <input
        id={`${id}-${kind}`}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        maxLength={500}
        placeholder={allowed[0] ? `${allowed[0]}/…${kind === 'hls' ? '.m3u8' : '.mp4'}` : undefined}
        value={draft[kind]}
        disabled={allowed.length === 0}
        onChange={(e) => setDraft((d) => ({ ...d, [kind]: e.target.value }))}
        aria-invalid={problems[kind] ? true : undefined}
        aria-describedby={problems[kind] ? `${id}-${kind}-error` : undefined}
      />
      {problems[kind] && (
        <p id={`${id}-${kind}-error`} className="field-error">
          {t(problems[kind].key, problems[kind].params)}
        </p>
      )}
    </div>
  )

  return (
    <section className="settings-card" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t(target.heading)}</h3>
      <p className="hint">{t(target.intro)}</p>
      <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
        {field('hls')}
        {field('mp4')}
        <p className="hint">{allowed.length ? t('screen.allowed', { origins: allowed.join(', ') }) : t('screen.disabled')}</p>
        <div className="settings-actions">
          <button type="submit" className="button-primary" disabled={allowed.length === 0 || state.status === 'saving'} aria-busy={state.status === 'saving'}>
            {t('screen.save')}
          </button>
          {load.settings.source && (
            <button type="button" disabled={state.status === 'saving'} onClick={() => void save({ hls: null, mp4: null })}>
              {t('screen.clear')}
            </button>
          )}
        </div>
      </form>
      {cleared ? (
        <p className="hint settings-status" role="status">
          {t(target.cleared)}
        </p>
      ) : (
        <SaveStatus state={state} />
      )}
    </section>
  )
}
