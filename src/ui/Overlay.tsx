/** The DOM overlay around the canvas: top bar, zone menu, minimap, panels, hints and notices. */
import { useEffect } from 'react'
import { pageTitle } from '../i18n/pageLanguage'
import { useExpoStore } from '../state/store'
import AgendaPanel from './AgendaPanel'
import BoothPanel from './BoothPanel'
import BookingDialog from './BookingDialog'
import ContentErrorScreen from './ContentErrorScreen'
import DebugOverlay from './DebugOverlay'
import GyroToggle from './GyroToggle'
import HelpDialog from './HelpDialog'
import Joystick from './Joystick'
import LoadingScreen from './LoadingScreen'
import Minimap from './Minimap'
import ModeSwitch from './ModeSwitch'
import Notices from './Notices'
import RoutePanel from './RoutePanel'
import LobbyProgramme from './sessions/LobbyProgramme'
import ScreenSound from './ScreenSound'
import TopBar from './TopBar'
import TourControls from './TourControls'
import UpdateBanner from './UpdateBanner'
import ZoneMenu from './ZoneMenu'
import { useGlobalShortcuts } from './shortcuts'

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
          <BoothPanel />
          <BookingDialog />
          <RoutePanel />
          <AgendaPanel />
          <TourControls />
        </>
      )}
      <HelpDialog />
      <Notices />
      <UpdateBanner />
      <LoadingScreen />
      {debug && <DebugOverlay />}
    </>
  )
}
