/** Start-up: link parameters → content pack → floor plan → store, then keeps the URL in step with the visitor. */
import type { ContentPack } from '../content/schema'
import { buildLinkSearch, parseLinkParams } from './linkParams'
import { detectBookingServer } from './bookings/bookingService'
import { languageOfTags } from '../i18n/pageLanguage'
import { followProgramme } from './programmeFeed'
import { followScreenSources } from './live/screenSources'
import { onStorageProblem, type StorageProblem } from './persistence'
import type { Notice } from './store'
import { useExpoStore } from './store'
import { hasPanorama } from '../panorama/panoramaPictures'

export async function bootExpo(search = window.location.search): Promise<void> {
  // Asked for first, so the loader's chunk downloads while the rest of the start-up runs.
  const starting = import('./contentStart')
  const { actions } = useExpoStore.getState()
  const link = parseLinkParams(search)
  const { savedLanguage } = useExpoStore.getState()
  if (link.lang) actions.setLanguage(link.lang)
  else if (savedLanguage) actions.setLanguage(savedLanguage)
  else actions.setLanguage(preferredLanguage(), { save: false })
  onStorageProblem((problem) => actions.notify(visitorStorageNotice(problem)))
  actions.setDebug(link.debug, link.emptyScene)
  // Automated checks read the store behind the debug flag only.
  if (link.debug) Object.assign(window, { __expoStore: useExpoStore })
  for (const notice of link.notices) actions.notify({ kind: 'warning', key: notice.key, params: notice.params })
  // Before the content is in, so the 3D hall is never mounted (nor its chunk fetched) on a panorama link.
  if (link.pano && hasPanorama(link.pano)) actions.openPanorama(link.pano)
  else if (link.pano) {
    actions.notify({ kind: 'warning', key: 'notice.noPanorama' })
    link.zone ??= link.pano
  }
  // A sign-in secret must not stay in the address bar, the history or a Referer: gone before anything loads.
  if (link.signIn || typeof link.agenda === 'string') {
    const query = new URLSearchParams(window.location.search)
    query.delete('signin')
    if (typeof link.agenda === 'string') query.delete('agenda')
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${query.size ? `?${query}` : ''}${window.location.hash}`)
  }

  let start: typeof import('./contentStart')
  try {
    start = await starting
  } catch (error) {
    // Offline before the worker has the chunk, or a deploy that removed it: told like a content file that failed.
    actions.setLoadError(`(app) › (file): could not be loaded: ${(error as Error).message}`)
    return
  }
  const { loadContentPack, formatContentProblem, generateSyntheticExhibitors, generatedLogoSource, computeFloorPlan, startBookingBackend } = start
  const loaded = await loadContentPack((done, total) => actions.setLoadProgress(done, total))
  if (!loaded.ok) {
    actions.setLoadError(loaded.problems.map(formatContentProblem).join('\n'))
    return
  }
  let pack: ContentPack = loaded.pack
  if (link.synthetic) {
    // Curated routes name real booths, which a synthetic catalogue does not have.
    const exhibitors = generateSyntheticExhibitors(link.synthetic, pack.zones)
    pack = { ...pack, exhibitors, routes: [], logos: generatedLogoSource(exhibitors) }
    actions.notify({ kind: 'info', key: 'notice.synthetic', params: { count: link.synthetic } })
  }
  const plan = computeFloorPlan({ zones: pack.zones, exhibitors: pack.exhibitors })
  const backend = startBookingBackend(pack, plan, {
    kind: detectBookingServer(),
    synthetic: Boolean(link.synthetic),
    language: () => useExpoStore.getState().language,
    onStorageProblem: (problem) => {
      if (problem.kind === 'corrupted')
        actions.notify({ kind: 'error', key: 'notice.bookingsCorrupt', params: { key: problem.backupKey, kept: problem.kept } })
      else if (problem.kind === 'newer-version') actions.notify({ kind: 'error', key: 'notice.bookingsNewer' })
      else if (problem.kind === 'backup-failed') actions.notify({ kind: 'error', key: 'notice.bookingsKeptInPlace' })
      else if (problem.kind === 'quota') actions.notify({ kind: 'error', key: 'notice.storageFull' })
      else actions.notify({ kind: 'error', key: 'notice.storageUnavailable' })
    },
  })
  actions.setBookingBackend(backend.kind, backend.connection())
  backend.subscribe((event) => {
    if (event.type === 'my-bookings') actions.receiveBookings(event.bookings)
    else if (event.type === 'connection') actions.setBookingConnection(event.state)
  })
  followProgramme(backend, actions.setProgramme)
  if (link.debug) Object.assign(window, { __expoBooking: backend })
  actions.setBookings(await backend.myBookings())
  const signInToken = link.signIn ?? (typeof link.agenda === 'string' ? link.agenda : undefined)
  if (signInToken) {
    const redeemed = backend.account ? await backend.account.redeem(signInToken) : { ok: false as const }
    actions.notify(redeemed.ok ? { kind: 'info', key: 'account.signedIn' } : { kind: 'warning', key: 'account.linkInvalid' })
  }
  actions.setContent(pack, plan, link.synthetic ?? null)
  // A tour saved mid-walk resumes paused at its stop: its dwell timer must not run on before the hall is back.
  actions.tourPause()

  if (link.booth) {
    if (pack.exhibitors.some((e) => e.id === link.booth)) {
      actions.openBooth(link.booth)
      if (link.book) actions.requestBooking(link.booth)
    } else actions.notify({ kind: 'warning', key: 'notice.unknownBooth' })
  } else if (link.zone && link.zone !== 'lobby') {
    actions.goToZone(link.zone)
  }
  // Who is here: only beside the booking server; hosted as static files the live parts are simply absent.
  // Loaded only there, so static hosting downloads none of it; a chunk that fails to load leaves the hall as it is.
  if (detectBookingServer() === 'server') {
    import('./live/startLive')
      .then(({ startLive }) => startLive())
      .catch((error: unknown) => console.warn('The live layer could not start', error))
    // the screens' streams and videos, read again whenever one is changed in the console
    followScreenSources(backend)
  }
  if (link.route) openSharedRoute(start.decodeRoute, link.route, pack)
  if (link.agenda || link.signIn) actions.setAgendaOpen(true)
  keepUrlInStep()
}

/** A shared route becomes one of the visitor's routes; stale stops are dropped with a notice, bad codes ignored. */
function openSharedRoute(decodeRoute: typeof import('./contentStart').decodeRoute, code: string, pack: ContentPack) {
  const { actions } = useExpoStore.getState()
  const decoded = decodeRoute(code, pack.exhibitors.map((e) => e.id))
  if (!decoded.route || decoded.route.stops.length === 0) {
    actions.notify({ kind: 'warning', key: 'route.badCode' })
    return
  }
  const name = decoded.route.name ?? ''
  if (!actions.saveRouteCopy({ name, stops: decoded.route.stops })) return
  actions.setRoutePanelOpen(true)
  actions.notify(
    decoded.dropped > 0
      ? { kind: 'warning', key: 'route.importedDropped', params: { dropped: decoded.dropped, count: decoded.route.stops.length } }
      : { kind: 'info', key: 'route.imported', params: { name, count: decoded.route.stops.length } },
  )
}

/** What the visitor is told of their stored data: only what truly happened, with the backup key only when one was written. */
function visitorStorageNotice(problem: StorageProblem): Omit<Notice, 'id'> {
  switch (problem.kind) {
    case 'corrupt':
      return problem.backupKey
        ? { kind: 'error', key: 'notice.storageCorrupt', params: { key: problem.backupKey } }
        : { kind: 'error', key: 'notice.storageCorruptKept' }
    case 'repaired':
      return problem.backupKey
        ? { kind: 'warning', key: 'notice.storageRepaired', params: { count: problem.dropped, key: problem.backupKey } }
        : { kind: 'warning', key: 'notice.storageRepairedKept', params: { count: problem.dropped } }
    case 'newer':
      return { kind: 'error', key: 'notice.storageNewer' }
    case 'quota':
      return { kind: 'error', key: 'notice.storageFull' }
    case 'unavailable':
      return { kind: 'error', key: 'notice.storageUnavailable' }
  }
}

/** The first of the browser's languages that is one of ours, as the server chose the page's (pageLanguage.ts). */
function preferredLanguage() {
  return languageOfTags(navigator.languages ?? [navigator.language])
}

let unsubscribeUrl: (() => void) | null = null

/** Writes `?zone=` (or `?pano=`), `?booth=` and `?lang=` as the visitor moves; replaceState so Back leaves the hall, not every step. */
function keepUrlInStep() {
  unsubscribeUrl?.()
  const write = () => {
    const { currentZoneId, openBoothId, language, bookingPicker, view } = useExpoStore.getState()
    const booking = Boolean(bookingPicker && !bookingPicker.rescheduling && bookingPicker.exhibitorId === openBoothId)
    const panorama = view === 'panorama'
    const next = buildLinkSearch(window.location.search, { zone: currentZoneId, panorama, booth: openBoothId, booking, lang: language })
    if (next !== window.location.search) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${next}${window.location.hash}`)
    }
  }
  write()
  unsubscribeUrl = useExpoStore.subscribe(
    (s) => [s.currentZoneId, s.openBoothId, s.language, s.bookingPicker, s.view] as const,
    write,
    { equalityFn: (a, b) => a.every((value, i) => value === b[i]) },
  )
}
