/** Mounts the app: the overlay paints at once, the 3D hall arrives as its own chunk. */
// first of all: the hall's chunks start downloading (not on a 360° link) while the rest of the start-up runs
import './hallPreload'
// first, before any module builds a schema
import './zodJitless'
import { StrictMode, Suspense, lazy } from 'react'
import { createRoot } from 'react-dom/client'
import App from './App'
import { registerServiceWorker } from './offline/registerServiceWorker'
import { bootExpo } from './state/boot'
import './ui/overlay.css'

// Exhibitor staff and organisers get their console, a chunk of its own; the hall is neither booted nor cached for them.
const isConsole = /^\/(exhibitor|organiser)(\/|$)/.test(location.pathname)

if (isConsole) {
  const ConsoleApp = lazy(() => import('./console/ConsoleApp'))
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Suspense fallback={null}>
        <ConsoleApp />
      </Suspense>
    </StrictMode>,
  )
} else {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
  void bootExpo()
  // Production only: a worker in dev would serve stale modules over Vite's hot updates.
  if (import.meta.env.PROD && 'serviceWorker' in navigator) registerServiceWorker()
}
