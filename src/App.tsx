/** The app: one lazily loaded 3D hall beside the DOM overlay; they talk only through the store. */
import { lazy, Suspense } from 'react'
import { useExpoStore } from './state/store'
import Overlay from './ui/Overlay'

const Hall = lazy(() => import('./scene/Hall'))

export default function App() {
  const ready = useExpoStore((s) => s.load.status === 'ready')
  const emptyScene = useExpoStore((s) => s.emptyScene)
  return (
    <div className="expo">
      <div className="expo-canvas">
        {ready && (
          <Suspense fallback={null}>
            <Hall empty={emptyScene} />
          </Suspense>
        )}
      </div>
      <Overlay />
    </div>
  )
}
