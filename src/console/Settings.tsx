/** Settings and team: auto-accept, the staff member's language, and the colleagues who can sign in (invite, remove). */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { LANGUAGES, type Language } from '../content/schema'
import { localized } from '../i18n/format'
import { consoleApi, type ConsoleMe, type StaffMember } from './api'
import { describeFailure, type FailureMessage } from './failures'
import { useLanguage, useT } from './i18n'
import { LANGUAGE_NAMES } from './messages'
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
