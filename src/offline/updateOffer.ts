/**
 * The offer of a newer build to an open tab: watches the service worker registration for a build installed behind
 * the running one, and on the visitor's word lets it take over and reloads onto it, once.
 */

/** What the tab knows about newer builds: nothing, or one waiting (or already running) that a reload will show. */
export type UpdateOffer = 'none' | 'ready' | 'reloading'

/** The message serviceWorker.js answers with `skipWaiting()`. */
export const SKIP_WAITING = 'skip-waiting'
// A build that is deployed while a tab stays open all day is found within the hour, or when the visitor comes back.
const CHECK_INTERVAL_MS = 60 * 60_000
// If the waiting worker never takes over (it broke, or was replaced), the page still reloads rather than hang.
const TAKEOVER_TIMEOUT_MS = 10_000

export interface UpdateWatchOptions {
  container?: ServiceWorkerContainer
  reload?: () => void
}

let offer: UpdateOffer = 'none'
const listeners = new Set<() => void>()
let accept: () => void = () => undefined

function setOffer(next: UpdateOffer) {
  if (next === offer) return
  offer = next
  listeners.forEach((listener) => listener())
}

/** For `useSyncExternalStore`. */
export function subscribeToUpdateOffer(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function currentUpdateOffer(): UpdateOffer {
  return offer
}

/** The visitor said "Reload": the waiting build takes over, and the page reloads onto it. */
export function acceptUpdate(): void {
  accept()
}

/** "Not now": the offer is hidden until the next page load or a newer build. */
export function dismissUpdate(): void {
  if (offer === 'ready') setOffer('none')
}

/**
 * Offers a build installed behind the one that controls this tab. A first install is no update: nothing controls the
 * tab yet, so nothing is offered. Returns a function that stops watching.
 */
export function watchForUpdates(registration: ServiceWorkerRegistration, options: UpdateWatchOptions = {}): () => void {
  const container = options.container ?? navigator.serviceWorker
  const reload = options.reload ?? (() => window.location.reload())
  let controlled = container.controller !== null
  let accepted = false
  let reloaded = false
  let takeoverTimer: number | undefined

  const offerNewBuild = () => {
    if (!accepted) setOffer('ready')
  }
  const reloadOnce = () => {
    // One reload per accepted offer: a worker that keeps changing never turns into a reload loop.
    if (reloaded) return
    reloaded = true
    window.clearTimeout(takeoverTimer)
    reload()
  }
  const watchInstalling = (worker: ServiceWorker) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && controlled) offerNewBuild()
    })
  }

  if (registration.waiting && controlled) offerNewBuild()
  if (registration.installing) watchInstalling(registration.installing)
  const onUpdateFound = () => {
    if (registration.installing) watchInstalling(registration.installing)
  }
  const onControllerChange = () => {
    if (accepted) reloadOnce()
    // Another tab accepted, so this one runs an older build than its worker now serves: offer the reload here too.
    else if (controlled) offerNewBuild()
    controlled = true
  }
  let checking = false
  const checkForUpdate = () => {
    if (checking || !navigator.onLine) return
    checking = true
    registration
      .update()
      .catch(() => undefined) // offline or the server is away: the next check will tell
      .finally(() => {
        checking = false
      })
  }
  const onVisibilityChange = () => {
    if (document.visibilityState === 'visible') checkForUpdate()
  }
  accept = () => {
    if (accepted) return
    accepted = true
    setOffer('reloading')
    const waiting = registration.waiting
    if (!waiting) return reloadOnce() // already running (another tab accepted): a reload shows it
    waiting.postMessage({ type: SKIP_WAITING })
    takeoverTimer = window.setTimeout(reloadOnce, TAKEOVER_TIMEOUT_MS)
  }

  registration.addEventListener('updatefound', onUpdateFound)
  container.addEventListener('controllerchange', onControllerChange)
  document.addEventListener('visibilitychange', onVisibilityChange)
  const interval = window.setInterval(checkForUpdate, CHECK_INTERVAL_MS)
  return () => {
    registration.removeEventListener('updatefound', onUpdateFound)
    container.removeEventListener('controllerchange', onControllerChange)
    document.removeEventListener('visibilitychange', onVisibilityChange)
    window.clearInterval(interval)
    window.clearTimeout(takeoverTimer)
    accept = () => undefined
    setOffer('none')
  }
}
