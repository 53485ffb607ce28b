/** Registers the offline service worker once the page has loaded, so its precaching never competes with the first paint. */
import { watchForUpdates } from './updateOffer'

export function registerServiceWorker(): void {
  const register = () => {
    navigator.serviceWorker
      .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
      .then((registration) => watchForUpdates(registration))
      .catch((error: unknown) => {
        // Without it the hall still works online; only the offline copy is missing.
        console.warn('Offline copy unavailable:', error)
      })
  }
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
