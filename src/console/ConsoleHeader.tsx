/** The console's banner: whose console it is, whether live updates arrive, and signing out. */
import { useState, type ReactNode } from 'react'
import { describeFailure, type FailureMessage } from './failures'
import { useT } from './i18n'
import { useConsoleActions, useConsoleStore } from './store'

interface ConsoleHeaderProps {
  eyebrow: string
  title: string
  signedInAs?: string
  /** The exhibitor's logo beside its name (the server's /api/console/logo.svg); none on the organiser's console. */
  logoUrl?: string
  /** Extra controls before "sign out" (the organiser's language menu). */
  children?: ReactNode
}

export default function ConsoleHeader({ eyebrow, title, signedInAs, logoUrl, children }: ConsoleHeaderProps) {
  const t = useT()
  const live = useConsoleStore((s) => s.live)
  const actions = useConsoleActions()
  const [signingOut, setSigningOut] = useState(false)
  const [failure, setFailure] = useState<FailureMessage | null>(null)
  // a logo that cannot be loaded leaves the name alone, not a broken-image icon
  const [logoFailed, setLogoFailed] = useState(false)

  const signOut = async () => {
    setSigningOut(true)
    setFailure(null)
    try {
      await actions.signOut()
    } catch (error) {
      setFailure(describeFailure(error))
      setSigningOut(false)
    }
  }

  return (
    <header className="console-header">
      <div className="console-brand">
        <span className="topbar-logo" aria-hidden="true" />
        {logoUrl && !logoFailed && (
          <img className="console-exhibitor-logo" src={logoUrl} width={40} height={40} alt="" decoding="async" onError={() => setLogoFailed(true)} />
        )}
        <div className="console-brand-text">
          <p className="console-eyebrow">{eyebrow}</p>
          <h1>{title}</h1>
        </div>
      </div>
      <p className={`live-state is-${live}`} title={t('live.hint')}>
        <span className="live-dot" aria-hidden="true" />
        {t(live === 'live' ? 'live.live' : live === 'connecting' ? 'live.connecting' : 'live.reconnecting')}
        <span className="visually-hidden"> — {t('live.hint')}</span>
      </p>
      <div className="console-header-actions">
        {signedInAs && <span className="console-signed-in">{t('header.signedInAs', { name: signedInAs })}</span>}
        {children}
        <button type="button" className="console-sign-out" onClick={signOut} disabled={signingOut} aria-busy={signingOut}>
          {signingOut ? t('header.signingOut') : t('header.signOut')}
        </button>
      </div>
      {failure && (
        <p className="refusal console-header-failure" role="alert">
          {t(failure.key, failure.params)}
        </p>
      )}
    </header>
  )
}
