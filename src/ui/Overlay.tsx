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

// What opens on interaction (or from a deep link), and what is drawn under the loading screen until the hall's first
// frame (a far larger chunk), is not in the first paint: one chunk for all of them, fetched once the content is ready.
// Help (its shortcut works from the start), the update offer and the debug overlay mount at once: small chunks of their
// own. Each part sits in its own <Later>.
const ready = () => import('./overlayParts')
const BoothPanel = lazy(() => ready().then((m) => ({ default: m.BoothPanel })))
const BookingDialog = lazy(() => ready().then((m) => ({ default: m.BookingDialog })))
const RoutePanel = lazy(() => ready().then((m) => ({ default: m.RoutePanel })))
const AgendaPanel = lazy(() => ready().then((m) => ({ default: m.AgendaPanel })))
const Minimap = lazy(() => ready().then((m) => ({ default: m.Minimap })))
const ModeSwitch = lazy(() => ready().then((m) => ({ default: m.ModeSwitch })))
const LobbyProgramme = lazy(() => ready().then((m) => ({ default: m.LobbyProgramme })))
const TourControls = lazy(() => ready().then((m) => ({ default: m.TourControls })))
const Joystick = lazy(() => ready().then((m) => ({ default: m.Joystick })))
const GyroToggle = lazy(() => ready().then((m) => ({ default: m.GyroToggle })))
const ScreenSound = lazy(() => ready().then((m) => ({ default: m.ScreenSound })))
const HelpDialog = lazy(() => import('./HelpDialog'))
const UpdateBanner = lazy(() => import('./UpdateBanner'))
const DebugOverlay = lazy(() => import('./DebugOverlay'))

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
