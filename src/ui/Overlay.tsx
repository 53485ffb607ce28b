/** The DOM overlay around the canvas: top bar, zone menu, minimap, panels, hints and notices. */
import { lazy, useEffect } from 'react'
import { pageTitle } from '../i18n/pageLanguage'
import { useExpoStore } from '../state/store'
import ContentErrorScreen from './ContentErrorScreen'
import Later from './Later'
import LoadingScreen from './LoadingScreen'
import Notices from './Notices'
import TopBar from './TopBar'
import ZoneMenu from './ZoneMenu'
import { useGlobalShortcuts } from './shortcuts'

// What opens on interaction (or from a deep link) is not in the first paint: each is a chunk of its own, fetched once
// the content is ready (they mount closed then) or at once for help and debug, each in its own <Later>.
const BoothPanel = lazy(() => import('./BoothPanel'))
const BookingDialog = lazy(() => import('./BookingDialog'))
const RoutePanel = lazy(() => import('./RoutePanel'))
const AgendaPanel = lazy(() => import('./AgendaPanel'))
const HelpDialog = lazy(() => import('./HelpDialog'))
const DebugOverlay = lazy(() => import('./DebugOverlay'))
// Drawn once the content is ready, under the loading screen until the hall's first frame (a far larger chunk than
// these): the minimap, the overview/walk switch and the lobby's programme card.
const Minimap = lazy(() => import('./Minimap'))
const ModeSwitch = lazy(() => import('./ModeSwitch'))
const LobbyProgramme = lazy(() => import('./sessions/LobbyProgramme'))
// Shown only when a newer build is offered.
const UpdateBanner = lazy(() => import('./UpdateBanner'))
// Shown only in a guided tour, on touch screens in walk mode, or while a screen plays with sound: not in the first look.
const TourControls = lazy(() => import('./TourControls'))
const Joystick = lazy(() => import('./Joystick'))
const GyroToggle = lazy(() => import('./GyroToggle'))
const ScreenSound = lazy(() => import('./ScreenSound'))

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
              <Later>
                <Minimap />
              </Later>
              <Later>
                <ModeSwitch />
              </Later>
              <Later>
                <Joystick />
              </Later>
              <Later>
                <GyroToggle />
              </Later>
              <Later>
                <ScreenSound />
              </Later>
            </>
          )}
          <Later>
            <LobbyProgramme />
          </Later>
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
          <Later>
            <TourControls />
          </Later>
        </>
      )}
      <Later>
        <HelpDialog />
      </Later>
      <Notices />
      <Later>
        <UpdateBanner />
      </Later>
      <LoadingScreen />
      {debug && (
        <Later>
          <DebugOverlay />
        </Later>
      )}
    </>
  )
}
