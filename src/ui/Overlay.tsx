/** The DOM overlay around the canvas: top bar, zone menu, minimap, panels, hints and notices. */
import { lazy, Suspense, useEffect, type ReactNode } from 'react'
import { pageTitle } from '../i18n/pageLanguage'
import { useExpoStore } from '../state/store'
import ContentErrorScreen from './ContentErrorScreen'
import GyroToggle from './GyroToggle'
import Joystick from './Joystick'
import LoadingScreen from './LoadingScreen'
import Minimap from './Minimap'
import ModeSwitch from './ModeSwitch'
import Notices from './Notices'
import LobbyProgramme from './sessions/LobbyProgramme'
import ScreenSound from './ScreenSound'
import TopBar from './TopBar'
import TourControls from './TourControls'
import UpdateBanner from './UpdateBanner'
import ZoneMenu from './ZoneMenu'
import { useGlobalShortcuts } from './shortcuts'

// What opens on interaction (or from a deep link) is not in the first paint: each is a chunk of its own, fetched once
// the content is ready (they mount closed then) or at once for help and debug. They render nothing while closed, so
// the fallback is nothing too.
const BoothPanel = lazy(() => import('./BoothPanel'))
const BookingDialog = lazy(() => import('./BookingDialog'))
const RoutePanel = lazy(() => import('./RoutePanel'))
const AgendaPanel = lazy(() => import('./AgendaPanel'))
const HelpDialog = lazy(() => import('./HelpDialog'))
const DebugOverlay = lazy(() => import('./DebugOverlay'))

/** Its own boundary per panel, so one still loading never hides another that is open. */
const Later = ({ children }: { children: ReactNode }) => <Suspense fallback={null}>{children}</Suspense>

export default function Overlay() {
  const status = useExpoStore((s) => s.load.status)
  const language = useExpoStore((s) => s.language)
  const debug = useExpoStore((s) => s.debug)
  // The plan view has its own zone list and map; the minimap and the overview/walk switch need the 3D hall.
  const hallShown = useExpoStore((s) => s.view === 'hall')
  useGlobalShortcuts()
  useEffect(() => {
    document.documentElement.lang = language
    document.title = pageTitle(language)
  }, [language])

  if (status === 'error') return <ContentErrorScreen />
  return (
    <>
      <TopBar />
      {status === 'ready' && (
        <>
          {hallShown && (
            <>
              <ZoneMenu />
              <Minimap />
              <ModeSwitch />
              <Joystick />
              <GyroToggle />
              <ScreenSound />
            </>
          )}
          <LobbyProgramme />
          <Later>
            <BoothPanel />
          </Later>
          <Later>
            <BookingDialog />
          </Later>
          <Later>
            <RoutePanel />
          </Later>
          <Later>
            <AgendaPanel />
          </Later>
          <TourControls />
        </>
      )}
      <Later>
        <HelpDialog />
      </Later>
      <Notices />
      <UpdateBanner />
      <LoadingScreen />
      {debug && (
        <Later>
          <DebugOverlay />
        </Later>
      )}
    </>
  )
}
