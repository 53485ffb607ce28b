/** The console's root (its own lazily loaded chunk): signs in from a link, then the exhibitor's console or the organiser's overview. */
import { useEffect } from 'react'
import ExhibitorConsole from './ExhibitorConsole'
import { useT } from './i18n'
import OrganiserOverview from './OrganiserOverview'
import SignIn, { SignInFrame } from './SignIn'
import { useConsoleActions, useConsoleStore } from './store'
import './console.css'

export default function ConsoleApp() {
  const t = useT()
  const session = useConsoleStore((s) => s.session)
  const area = useConsoleStore((s) => s.area)
  const language = useConsoleStore((s) => s.language)
  const actions = useConsoleActions()

  useEffect(() => {
    void actions.start()
  }, [actions])

  useEffect(() => {
    document.documentElement.lang = language
  }, [language])

  useEffect(() => {
    if (session.status !== 'exhibitor' && session.status !== 'organiser')
      document.title = `${t(area === 'organiser' ? 'signin.heading.organiser' : 'signin.heading.exhibitor')} · ${t('app.name')}`
  }, [session.status, area, t])

  switch (session.status) {
    case 'checking':
    case 'redeeming':
      return (
        <SignInFrame>
          <p role="status" className="signin-progress">
            {t(session.status === 'redeeming' ? 'signin.redeeming' : 'common.loading')}
          </p>
        </SignInFrame>
      )
    case 'unreachable':
      return <SignIn area={area} reason="unreachable" />
    case 'signed-out':
      return <SignIn area={area} reason={session.reason} />
    case 'exhibitor':
      return <ExhibitorConsole me={session.me} />
    case 'organiser':
      return <OrganiserOverview />
  }
}
