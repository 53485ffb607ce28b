/** The console's front door: what it is, why the link did not work when it did not, and a new sign-in link by e-mail. */
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { consoleApi } from './api'
import { describeFailure, type FailureMessage } from './failures'
import { useLanguage, useT } from './i18n'
import LanguagePicker from './LanguagePicker'
import { useConsoleActions, type ConsoleArea, type SignedOutReason } from './store'

interface SignInProps {
  area: ConsoleArea
  /** Why there is no session; `unreachable` when the server did not answer. */
  reason: SignedOutReason | 'unreachable'
}

export default function SignIn({ area, reason }: SignInProps) {
  const t = useT()
  const actions = useConsoleActions()
  return (
    <SignInFrame>
      <h1>{t(area === 'organiser' ? 'signin.heading.organiser' : 'signin.heading.exhibitor')}</h1>
      <p className="signin-intro">{t(area === 'organiser' ? 'signin.intro.organiser' : 'signin.intro.exhibitor')}</p>
      {reason === 'link-invalid' && (
        <p className="refusal" role="alert">
          {t('signin.linkInvalid')}
        </p>
      )}
      {reason === 'session-ended' && (
        <p className="refusal" role="alert">
          {t('signin.sessionEnded')}
        </p>
      )}
      {reason === 'signed-out' && (
        <p className="signin-note" role="status">
          {t('signin.signedOut')}
        </p>
      )}
      {reason === 'unreachable' && (
        <p className="refusal" role="alert">
          {t('signin.unreachable')}{' '}
          <button type="button" className="button-link" onClick={() => void actions.start()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      <LinkRequestForm />
    </SignInFrame>
  )
}

/** The frame of the sign-in and loading screens: brand, language, and the page's one main landmark. */
export function SignInFrame({ children }: { children: ReactNode }) {
  const t = useT()
  return (
    <div className="console console-signin">
      <main id="console-main" className="signin-card">
        <div className="signin-top">
          <p className="console-brand">
            <span className="topbar-logo" aria-hidden="true" />
            <span className="signin-app">{t('app.name')}</span>
          </p>
          <LanguagePicker className="field-inline signin-language" />
        </div>
        {children}
      </main>
    </div>
  )
}

function LinkRequestForm() {
  const t = useT()
  const language = useLanguage()
  const ids = useId()
  const [email, setEmail] = useState('')
  const [emailError, setEmailError] = useState(false)
  const [sending, setSending] = useState(false)
  const [sent, setSent] = useState(false)
  const [failure, setFailure] = useState<FailureMessage | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const address = email.trim()
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return setEmailError(true)
    setEmailError(false)
    setFailure(null)
    setSending(true)
    try {
      await consoleApi.requestSignInLink(address, language)
      setSent(true)
    } catch (error) {
      const described = describeFailure(error)
      if (described.key === 'signin.emailInvalid') setEmailError(true)
      else setFailure(described)
    } finally {
      setSending(false)
    }
  }

  return (
    <form className="signin-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${ids}-email`}>{t('signin.email')}</label>
        <input
          id={`${ids}-email`}
          type="email"
          autoComplete="email"
          inputMode="email"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value)
            setSent(false)
          }}
          required
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? `${ids}-error` : undefined}
        />
        {emailError && (
          <p id={`${ids}-error`} className="field-error">
            {t('signin.emailInvalid')}
          </p>
        )}
      </div>
      <button type="submit" className="button-primary" disabled={sending} aria-busy={sending}>
        {sending ? t('signin.sending') : t('signin.send')}
      </button>
      <div aria-live="polite">{sent && <p className="signin-sent">{t('signin.sent')}</p>}</div>
      {failure && (
        <p className="refusal" role="alert">
          {t(failure.key, failure.params)}
        </p>
      )}
    </form>
  )
}
