/**
 * The service worker that keeps the hall open offline: it caches one build whole and serves from it.
 * Not bundled: `serviceWorkerPlugin` (vite.config.ts) prepends VERSION, SHELL_URL, ASSETS_PREFIX, PRECACHE and
 * KEPT_WHEN_FETCHED_PREFIXES and emits it as /sw.js.
 */
/* global VERSION, SHELL_URL, ASSETS_PREFIX, PRECACHE, KEPT_WHEN_FETCHED_PREFIXES */

const CACHE_PREFIX = 'cloud-expo-'
const CACHE = `${CACHE_PREFIX}${VERSION}`
// On a bad connection the cached page is better than a long wait for a fresh one.
const NETWORK_TIMEOUT_MS = 4000
const precached = new Set(PRECACHE.map((url) => new URL(url, self.location.href).href))
// The server answers `Vary: Origin`; the page's crossorigin scripts send an Origin the precache requests did not.
const MATCH = { ignoreVary: true }

/**
 * The precache request for a file of this build. A hashed name under ASSETS_PREFIX never changes content, so the
 * copy the page has just downloaded on this first visit (in the HTTP cache) is the right one: taken from there, not
 * downloaded a second time. The files that keep their names across builds (the page, icons, manifest) are
 * revalidated (`no-cache`: a 304 when unchanged), so the cache never keeps an older build's copy.
 */
const precacheRequest = (url) => new Request(url, { cache: url.startsWith(ASSETS_PREFIX) ? 'default' : 'no-cache' })

self.addEventListener('install', (event) => {
  // The cache holds exactly this build's files. One failure fails the install.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(precacheRequest))))
  // No skipWaiting here: a tab keeps the build it started with; this one takes over once every older tab is closed,
  // or when a visitor accepts the page's offer to reload onto it (the message below).
})

self.addEventListener('message', (event) => {
  // Sent by src/offline/updateOffer.ts (SKIP_WAITING) when the visitor chose "Reload".
  if (event.data?.type === 'skip-waiting') self.skipWaiting()
})

self.addEventListener('activate', (event) => {
  // Older builds' files are no longer served: the tabs that ran them reload (or are offered to) once this one controls them.
  // Claiming also takes the first visit's tab, so its lazily loaded chunks are served from this build's cache.
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(CACHE_PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (request.mode === 'navigate') event.respondWith(networkFirst(request, SHELL_URL))
  // Exhibitors' logos and the 360° pictures are not precached (each is fetched as the visitor comes near a booth or
  // opens a panorama): kept once fetched, so what was seen once shows offline too.
  else if (KEPT_WHEN_FETCHED_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) event.respondWith(cacheFirst(request, true))
  // Hashed file names never change content: the cache answers first.
  else if (url.pathname.startsWith(ASSETS_PREFIX)) event.respondWith(cacheFirst(request))
  // Icons and the manifest keep their names across builds: fresh when online, cached when not.
  else if (precached.has(url.href)) event.respondWith(networkFirst(request, url.pathname))
})

async function cacheFirst(request, keep = false) {
  const cache = await caches.open(CACHE)
  const cached = await cache.match(request, MATCH)
  if (cached) return cached
  const response = await fetch(request)
  // a failed put (storage full) must not cost the visitor the image
  if (keep && response.ok) cache.put(request, response.clone()).catch(() => undefined)
  return response
}

/** The network's answer, or this build's cached copy when the network fails or is too slow. */
async function networkFirst(request, cachedUrl) {
  const network = fetch(request)
  network.catch(() => undefined) // a late failure after the cache has answered is not an error
  const cached = caches.open(CACHE).then((cache) => cache.match(cachedUrl, MATCH))
  let timer
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, NETWORK_TIMEOUT_MS, undefined)
  })
  try {
    const response = await Promise.race([network, timeout])
    if (response) return response
    // Too slow: the cached copy if there is one, otherwise keep waiting for the network.
    return (await cached) ?? (await network)
  } catch {
    return (await cached) ?? Response.error()
  } finally {
    clearTimeout(timer)
  }
}
