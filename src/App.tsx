/**
 * The app: one lazily loaded 3D hall beside the DOM overlay; they talk only through the store. Without WebGL, or when
 * the visitor asks for it, the accessible plan view takes the hall's place with the same overlay and state; so does
 * the light 360° view of a zone (`?pano=`), which never loads the hall's chunk.
 */
import { lazy, Suspense } from 'react'
import { useTranslate } from './i18n/translate'
import { useExpoStore } from './state/store'
import Later from './ui/Later'
import Overlay from './ui/Overlay'
import HallBoundary from './ui/planView/HallBoundary'
import LiveAnnouncer from './ui/planView/LiveAnnouncer'

const Hall = lazy(() => import('./scene/Hall'))
// The plan view is a chunk of its own too: most visitors see the hall, and the plan is not in the first paint either way.
const PlanView = lazy(() => import('./ui/planView/PlanView'))
// Raw WebGL and the picture, a few KB: what a phone too weak for the hall loads instead of it.
const PanoramaView = lazy(() => import('./panorama/PanoramaView'))

export default function App() {
  const ready = useExpoStore((s) => s.load.status === 'ready')
  const emptyScene = useExpoStore((s) => s.emptyScene)
  const t = useTranslate()
  const showHall = useExpoStore((s) => s.view === 'hall' && s.webgl !== 'unavailable' && s.webgl !== 'lost')
  const showPanorama = useExpoStore((s) => s.view === 'panorama')
  return (
    <div className="expo">
      {/* The hall is the page's main content while it is shown; the plan view is the main content otherwise. */}
      {ready && showHall ? (
        <main className="expo-canvas" aria-label={t('app.hallLabel')}>
          <HallBoundary>
            <Suspense fallback={null}>
              <Hall empty={emptyScene} />
            </Suspense>
          </HallBoundary>
        </main>
      ) : (
        <div className="expo-canvas" />
      )}
      <Overlay />
      {/* After the overlay in the document, under it on screen: Tab and screen readers meet the top bar first, then the plan
          (or the 360° view's hotspots). */}
      {ready && showPanorama && (
        <main className="expo-canvas panorama-main">
          <Later>
            <PanoramaView />
          </Later>
        </main>
      )}
      {ready && !showHall && !showPanorama && (
        <Later>
          <PlanView />
        </Later>
      )}
      {ready && <LiveAnnouncer />}
    </div>
  )
}
