/** The DOM overlay around the canvas: top bar, zone menu, minimap, panels, hints and notices. */
import { lazy, useEffect, useState } from 'react'
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
// frame (a far larger chunk), is not in the first paint: one chunk for all of them, preloaded by the built page and
// imported as the overlay first paints, so it is in before the content is. Not React.lazy: a suspended part retries
// at a priority below the hall's build, and on a slow phone a deep link's panel (the agenda from a mailed link)
// waited for the whole hall; the parts render in the update that brings the chunk.
// Help (its shortcut works from the start), the update offer and the debug overlay mount at once: small chunks of their
// own. Each part sits in its own <Later>.
type OverlayParts = typeof import('./overlayParts')
const loadOverlayParts = () => import('./overlayParts')

function useOverlayParts(): OverlayParts | null {
  const [parts, setParts] = useState<OverlayParts | null>(null)
  useEffect(() => {
    let live = true
    loadOverlayParts().then(
      (loaded) => live && setParts(loaded),
      (error: unknown) => {
        if (!live) return
        console.warn('The panels could not be loaded', error)
        useExpoStore.getState().actions.notify({ kind: 'error', key: 'notice.partFailed' })
      },
    )
    return () => {
      live = false
    }
  }, [])
  return parts
}

const HelpDialog = lazy(() => import('./HelpDialog'))
const UpdateBanner = lazy(() => import('./UpdateBanner'))
const DebugOverlay = lazy(() => import('./DebugOverlay'))

export default function Overlay() {
  const status = useExpoStore((s) => s.load.status)
  const language = useExpoStore((s) => s.language)
  const debug = useExpoStore((s) => s.debug)
  // The plan view has its own zone list and map; the minimap and the overview/walk switch need the 3D hall.
  const hallShown = useExpoStore((s) => s.view === 'hall')
  // The 360° view keeps the zone menu (it moves between zones' pictures) and turns with the phone too.
  const panoramaShown = useExpoStore((s) => s.view === 'panorama')
  useGlobalShortcuts()
  const parts = useOverlayParts()
  useEffect(() => {
    document.documentElement.lang = language
    document.title = pageTitle(language)
  }, [language])

  if (status === 'error') return <ContentErrorScreen />
  return (
    <>
      <TopBar />
      {status === 'ready' && (hallShown || panoramaShown) && <ZoneMenu />}
      {status === 'ready' && parts && (
        <>
          {hallShown && (
            <>
              <Later>
                <parts.Minimap />
              </Later>
              <Later>
                <parts.ModeSwitch />
              </Later>
              <Later>
                <parts.Joystick />
              </Later>
              <Later>
                <parts.ScreenSound />
              </Later>
            </>
          )}
          {(hallShown || panoramaShown) && (
            <Later>
              <parts.GyroToggle />
            </Later>
          )}
          <Later>
            <parts.LobbyProgramme />
          </Later>
          <Later>
            <parts.BoothPanel />
          </Later>
          <Later>
            <parts.BookingDialog />
          </Later>
          <Later>
            <parts.RoutePanel />
          </Later>
          <Later>
            <parts.AgendaPanel />
          </Later>
          <Later>
            <parts.TourControls />
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
