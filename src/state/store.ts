/** The app's one zustand store, split into slices by concern; components select narrowly. */
import { create } from 'zustand'
import { persist, subscribeWithSelector } from 'zustand/middleware'
import type { ContentPack, Language, ZoneId } from '../content/schema'
import { formatSlotTimes } from '../booking/slots'
import type { Booking, BookResult, MeetingMode, CancelResult, ConnectionState, ProposalResult, RescheduleResult, SlotRef, VisitorProfile } from '../booking/types'
import { localized } from '../i18n/format'
import type { LiveSession } from '../live/sessions'
import { isNews, readAgendaSeen, seenNow, writeAgendaSeen, type SeenStatuses } from './agendaSeen'
import type { FloorPlan, Point } from '../plan/types'
import { bookingBackend } from './bookings/bookingService'
import { parseLinkParams } from './linkParams'
import { browserTimeZone, pickPersisted, visitorPersistOptions, visitorStorageKey, VisitorStorage, VISITOR_LIMITS } from './persistence'
import { createRouteSlice, type RouteActions, type RouteSlice } from './routeSlice'
import type { LiveCounts } from './live/liveConnection'
import { readPresenceSettings, writePresenceSettings, type PresenceSettings } from './live/presenceSettings'

export type ViewMode = 'overview' | 'walk'
/** What takes the canvas's place: the 3D hall, the plan view or the current zone's 360° picture. */
export type HallView = 'hall' | 'plan' | 'panorama'

/** A request to move the camera; the scene's rig animates it. `nonce` makes a repeated request distinct. */
export type CameraRequest =
  | { kind: 'zone'; zoneId: ZoneId; nonce: number }
  | { kind: 'booth'; exhibitorId: string; nonce: number }
  | { kind: 'point'; point: Point; nonce: number }
  | { kind: 'table'; tableId: string; nonce: number }

export interface Notice {
  id: number
  kind: 'info' | 'warning' | 'error'
  /** Message key in the catalogue and its parameters: notices are translated when shown. */
  key: string
  params?: Record<string, string | number>
}

export type LoadState =
  | { status: 'loading'; loaded: number; total: number }
  | { status: 'ready' }
  | { status: 'error'; message: string }

interface ContentSlice {
  load: LoadState
  pack: ContentPack | null
  plan: FloorPlan | null
  /** Set when the hall is built from `?synthetic=N` instead of the pack's exhibitors. */
  syntheticCount: number | null
}

interface UiSlice {
  language: Language
  /** The language the visitor chose (menu or link), kept for the next visit; null means follow the browser. */
  savedLanguage: Language | null
  mode: ViewMode
  searchOpen: boolean
  helpOpen: boolean
  routePanelOpen: boolean
  /** The zone menu as a sheet on phones (always shown on wide screens). */
  zoneMenuOpen: boolean
  debug: boolean
  /** Benchmark yardstick: draw an empty scene (`?debug=1&scene=empty`). */
  emptyScene: boolean
  notices: Notice[]
  /** The first frame of the 3D hall has been drawn (loading screen goes away). */
  hallReady: boolean
  /**
   * The 3D hall, the accessible plan view (SVG floor plan and lists), which offers the same capabilities, or the light
   * 360° view of the current zone (src/panorama/), for phones too weak for the hall.
   */
  view: HallView
  /** Whether WebGL works here; 'unavailable' or 'lost' (a context that could not be restored) switch to the plan view. */
  webgl: 'unknown' | 'ok' | 'unavailable' | 'lost'
  /** Look around by turning the phone (walk mode), asked for on a tap. */
  gyroLook: boolean
  /** The browser offers an immersive VR session (a headset is there or can be): "Enter VR" shows only then. */
  vrAvailable: boolean
  /** A VR session is running: the page's camera waits, moves cut instead of flying, booths open where they stand. */
  vrPresenting: boolean
}

interface SelectionSlice {
  hoveredBoothId: string | null
  openBoothId: string | null
  favourites: string[]
}

/** What the booking picker is doing: a new booking with an exhibitor, or moving an existing one. */
/** `proposed`: a time staff offered in the chat, chosen in the picker as it opens (if it is still free). */
export type BookingPicker = { exhibitorId: string; rescheduling: Booking | null; proposed?: { start: number; end: number; mode: MeetingMode } }

interface BookingSlice {
  bookingPicker: BookingPicker | null
  agendaOpen: boolean
  /** This visitor's bookings as the backend last reported them (confirmed and cancelled, by start). */
  bookings: Booking[]
  /** Filled once and remembered, so the next booking is two clicks. */
  profile: VisitorProfile | null
  /** The zone times are shown in; the browser's unless the visitor picks another. */
  visitorTimeZone: string
  /** Where bookings live: on the booking server, or only on this device ('local': a demo without a server). */
  bookingBackendKind: 'local' | 'server'
  bookingConnection: ConnectionState
  /** Each booking's status when the visitor last had the agenda open; what changed since is news. */
  agendaSeen: SeenStatuses
  /** Live sessions the visitor keeps in the agenda (kept in the browser, merged across tabs). */
  agendaSessions: LiveSession[]
  /** The booking server's programme (live and upcoming sessions); the pack's own are in `pack.sessions`. */
  programme: LiveSession[]
  /** The server's programme has been read at least once (until then, nothing kept can be said to be withdrawn). */
  programmeRead: boolean
}

interface TourSlice {
  /** The zone the visitor is in or last flew to. */
  currentZoneId: ZoneId
  cameraRequest: CameraRequest | null
}

/** Who is here: only when the booking server serves the app; with static hosting the live parts are absent. */
interface LiveSlice {
  liveAvailable: boolean
  /** The latest counts; null while not connected (nothing stale is shown). */
  liveCounts: LiveCounts | null
  /** How this visitor appears to others (its own small key in this browser). */
  presence: PresenceSettings
}

export interface ExpoActions extends RouteActions {
  setLoadProgress(loaded: number, total: number): void
  setContent(pack: ContentPack, plan: FloorPlan, syntheticCount: number | null): void
  setLoadError(message: string): void
  setLanguage(language: Language, options?: { save?: boolean }): void
  setMode(mode: ViewMode): void
  toggleMode(): void
  setSearchOpen(open: boolean): void
  setHelpOpen(open: boolean): void
  setRoutePanelOpen(open: boolean): void
  setZoneMenuOpen(open: boolean): void
  setDebug(debug: boolean, emptyScene?: boolean): void
  notify(notice: Omit<Notice, 'id'>): void
  dismissNotice(id: number): void
  setHallReady(): void
  setView(view: HallView): void
  /** The zone's 360° view (the zone becomes current; an open booth of that zone stays open). */
  openPanorama(zoneId: ZoneId): void
  /** Reported by the hall; without working WebGL the plan view takes over, keeping all other state. */
  setWebglStatus(status: 'ok' | 'unavailable' | 'lost'): void
  setGyroLook(on: boolean): void
  setVrAvailable(available: boolean): void
  setVrPresenting(presenting: boolean): void
  hoverBooth(exhibitorId: string | null): void
  openBooth(exhibitorId: string, options?: { fly?: boolean }): void
  closeBooth(): void
  toggleFavourite(exhibitorId: string): void
  requestBooking(exhibitorId: string, proposed?: BookingPicker['proposed']): void
  requestReschedule(booking: Booking): void
  closeBooking(): void
  setAgendaOpen(open: boolean): void
  setBookings(bookings: Booking[]): void
  /** Bookings as the backend reports them after a change made elsewhere: the exhibitor's answers become notices. */
  receiveBookings(bookings: Booking[]): void
  setBookingBackend(kind: 'local' | 'server', connection: ConnectionState): void
  setBookingConnection(connection: ConnectionState): void
  markAgendaSeen(): void
  /** Adds a live session to the agenda, or takes it out when it is there. */
  toggleAgendaSession(session: LiveSession): void
  setProgramme(sessions: LiveSession[]): void
  saveProfile(profile: VisitorProfile): void
  setVisitorTimeZone(timeZone: string): void
  /** Every rule is checked behind the backend; these only pass requests on and keep the store in step. */
  book(slot: SlotRef, topic: string, options?: { shareProfile?: boolean }): Promise<BookResult>
  answerProposal(bookingId: string, accept: boolean): Promise<ProposalResult>
  withdrawConsent(bookingId: string): Promise<ProposalResult>
  cancelBooking(bookingId: string): Promise<CancelResult>
  rescheduleBooking(bookingId: string, slot: SlotRef): Promise<RescheduleResult>
  goToTable(tableId: string): void
  goToZone(zoneId: ZoneId): void
  goToPoint(point: Point): void
  /** Called by the scene when the camera enters another zone on foot. */
  enterZone(zoneId: ZoneId): void
  setLiveAvailable(available: boolean): void
  setLiveCounts(counts: LiveCounts | null): void
  setPresence(presence: PresenceSettings): void
}

export type ExpoState = ContentSlice & UiSlice & SelectionSlice & BookingSlice & TourSlice & RouteSlice & LiveSlice & { actions: ExpoActions }

let nextNoticeId = 1
let nextNonce = 1

/** The visitor's data of this page: a `?synthetic=N` load-test hall keeps its own, away from the visitor's real data. */
const visitorStorage = new VisitorStorage(
  visitorStorageKey(typeof window !== 'undefined' && parseLinkParams(window.location.search).synthetic !== undefined),
)

export const useExpoStore = create<ExpoState>()(
  subscribeWithSelector(persist((set, get) => {
    const { routeActions, ...routeState } = createRouteSlice(set, get)
    /** What the visitor just did is not news: it is seen as it is, then the bookings are reloaded. */
    const afterOwnChange = async (...changed: Booking[]) => {
      const agendaSeen = seenNow(changed, get().agendaSeen)
      writeAgendaSeen(agendaSeen)
      set({ agendaSeen, bookings: await bookingBackend().myBookings() })
    }
    return {
    load: { status: 'loading', loaded: 0, total: 1 },
    pack: null,
    plan: null,
    syntheticCount: null,

    language: 'zh-CN',
    savedLanguage: null,
    mode: 'overview',
    searchOpen: false,
    helpOpen: false,
    routePanelOpen: false,
    zoneMenuOpen: false,
    debug: false,
    emptyScene: false,
    notices: [],
    hallReady: false,
    view: 'hall',
    webgl: 'unknown',
    gyroLook: false,
    vrAvailable: false,
    vrPresenting: false,

    hoveredBoothId: null,
    openBoothId: null,
    favourites: [],

    bookingPicker: null,
    agendaOpen: false,
    bookings: [],
    profile: null,
    visitorTimeZone: browserTimeZone(),
    bookingBackendKind: 'local',
    bookingConnection: 'local',
    agendaSeen: readAgendaSeen() ?? {},
    agendaSessions: [],
    programme: [],
    programmeRead: false,

    currentZoneId: 'lobby',
    cameraRequest: null,

    liveAvailable: false,
    liveCounts: null,
    presence: readPresenceSettings(),

    ...routeState,

    actions: {
      setLoadProgress: (loaded, total) => set({ load: { status: 'loading', loaded, total } }),
      setContent: (pack, plan, syntheticCount) => {
        set({ pack, plan, syntheticCount, load: { status: 'ready' } })
        routeActions.refreshRouteWalk()
      },
      setLoadError: (message) => set({ load: { status: 'error', message } }),
      setLanguage: (language, options) =>
        set(options?.save === false ? { language } : { language, savedLanguage: language }),
      setMode: (mode) => set({ mode }),
      toggleMode: () => set({ mode: get().mode === 'walk' ? 'overview' : 'walk' }),
      setSearchOpen: (searchOpen) => set({ searchOpen }),
      setHelpOpen: (helpOpen) => set({ helpOpen }),
      // The right-hand column holds one panel at a time: booth, agenda or route.
      setRoutePanelOpen: (routePanelOpen) =>
        set(routePanelOpen ? { routePanelOpen, agendaOpen: false, openBoothId: null } : { routePanelOpen }),
      setDebug: (debug, emptyScene = false) => set({ debug, emptyScene }),
      notify: (notice) => set({ notices: [...get().notices, { ...notice, id: nextNoticeId++ }].slice(-4) }),
      dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
      setHallReady: () => set({ hallReady: true }),
      setView: (view) => set({ view }),
      openPanorama: (zoneId) => {
        const { openBoothId, plan, cameraRequest } = get()
        const keepBooth = openBoothId !== null && plan?.booths.some((b) => b.exhibitorId === openBoothId && b.zoneId === zoneId)
        // the camera request too, so the hall, when the visitor enters it from here, opens where they were
        set({
          view: 'panorama',
          currentZoneId: zoneId,
          zoneMenuOpen: false,
          openBoothId: keepBooth ? openBoothId : null,
          cameraRequest: keepBooth ? cameraRequest : { kind: 'zone', zoneId, nonce: nextNonce++ },
        })
      },
      setWebglStatus: (webgl) => set(webgl === 'ok' ? { webgl } : { webgl, view: 'plan', hallReady: true, gyroLook: false }),
      setGyroLook: (gyroLook) => set({ gyroLook }),
      setVrAvailable: (vrAvailable) => set({ vrAvailable }),
      // In a headset the page's walk carries the visitor: walk mode, the hall's panels closed on the page.
      setVrPresenting: (vrPresenting) => set(vrPresenting ? { vrPresenting, mode: 'walk', gyroLook: false } : { vrPresenting }),

      hoverBooth: (hoveredBoothId) => {
        if (get().hoveredBoothId !== hoveredBoothId) set({ hoveredBoothId })
      },
      openBooth: (exhibitorId, options) => {
        const booth = get().plan?.booths.find((b) => b.exhibitorId === exhibitorId)
        if (!booth) return
        set({
          openBoothId: exhibitorId,
          agendaOpen: false,
          routePanelOpen: false,
          currentZoneId: booth.zoneId,
          // in a headset a booth opens where the visitor stands: being carried off without asking makes people ill
          cameraRequest: options?.fly === false || get().vrPresenting ? get().cameraRequest : { kind: 'booth', exhibitorId, nonce: nextNonce++ },
        })
      },
      closeBooth: () => set({ openBoothId: null, bookingPicker: null }),
      toggleFavourite: (exhibitorId) => {
        const favourites = get().favourites
        if (favourites.includes(exhibitorId)) return set({ favourites: favourites.filter((id) => id !== exhibitorId) })
        if (favourites.length >= VISITOR_LIMITS.favourites) {
          return get().actions.notify({ kind: 'warning', key: 'notice.tooManyFavourites', params: { max: VISITOR_LIMITS.favourites } })
        }
        set({ favourites: [...favourites, exhibitorId] })
      },
      requestBooking: (exhibitorId, proposed) => set({ bookingPicker: { exhibitorId, rescheduling: null, ...(proposed ? { proposed } : {}) } }),
      requestReschedule: (booking) => set({ bookingPicker: { exhibitorId: booking.exhibitorId, rescheduling: booking } }),
      closeBooking: () => set({ bookingPicker: null }),
      setZoneMenuOpen: (zoneMenuOpen) => set({ zoneMenuOpen }),
      setAgendaOpen: (agendaOpen) => {
        set(agendaOpen ? { agendaOpen, routePanelOpen: false, openBoothId: null } : { agendaOpen })
        if (agendaOpen) get().actions.markAgendaSeen()
      },
      setBookings: (bookings) => {
        // a first visit (or a browser that kept nothing) starts with nothing new
        if (Object.keys(get().agendaSeen).length === 0 && bookings.length > 0) {
          const agendaSeen = seenNow(bookings, {})
          writeAgendaSeen(agendaSeen)
          set({ bookings, agendaSeen })
        } else set({ bookings })
        if (get().agendaOpen) get().actions.markAgendaSeen()
      },
      receiveBookings: (bookings) => {
        const { pack, language, visitorTimeZone, agendaSeen, bookings: before } = get()
        const previous = new Map(before.map((b) => [b.id, b.status]))
        for (const booking of bookings) {
          const was = previous.get(booking.id)
          // only changes the visitor did not make here: the exhibitor's answers, and holds running out
          if (!was || was === booking.status || !isNews(booking, { [booking.id]: was }) || agendaSeen[booking.id] === booking.status) continue
          if (was === 'proposed' && booking.status === 'confirmed') continue
          const exhibitor = pack?.exhibitors.find((e) => e.id === booking.exhibitorId)
          const times = formatSlotTimes(booking, visitorTimeZone, visitorTimeZone, language)
          const status = booking.status === 'cancelled' ? 'cancelled' : booking.status
          get().actions.notify({
            kind: booking.status === 'confirmed' ? 'info' : 'warning',
            key: `notice.booking.${status as 'confirmed' | 'declined' | 'proposed' | 'cancelled' | 'expired'}`,
            params: { exhibitor: exhibitor ? localized(exhibitor.name, language) : booking.exhibitorId, time: `${times.visitorDate} ${times.visitor}` },
          })
        }
        get().actions.setBookings(bookings)
      },
      setBookingBackend: (bookingBackendKind, bookingConnection) => set({ bookingBackendKind, bookingConnection }),
      setBookingConnection: (bookingConnection) => set({ bookingConnection }),
      markAgendaSeen: () => {
        const agendaSeen = seenNow(get().bookings, get().agendaSeen)
        writeAgendaSeen(agendaSeen)
        set({ agendaSeen })
      },
      toggleAgendaSession: (session) => {
        const saved = get().agendaSessions
        if (saved.some((s) => s.id === session.id)) return set({ agendaSessions: saved.filter((s) => s.id !== session.id) })
        if (saved.length >= VISITOR_LIMITS.agendaSessions) {
          return get().actions.notify({ kind: 'warning', key: 'sessions.tooMany', params: { max: VISITOR_LIMITS.agendaSessions } })
        }
        set({ agendaSessions: [...saved, session].sort((a, b) => a.start - b.start) })
      },
      setProgramme: (programme) => {
        // a session kept in the agenda follows the organiser's or exhibitor's changes to it
        const byId = new Map(programme.map((s) => [s.id, s]))
        const saved = get().agendaSessions
        const updated = saved.map((s) => byId.get(s.id) ?? s)
        set(updated.some((s, i) => s !== saved[i]) && JSON.stringify(updated) !== JSON.stringify(saved) ? { programme, programmeRead: true, agendaSessions: updated } : { programme, programmeRead: true })
      },
      saveProfile: (profile) => set({ profile }),
      setVisitorTimeZone: (visitorTimeZone) => set({ visitorTimeZone }),
      book: async (slot, topic, options) => {
        const { profile, visitorTimeZone } = get()
        if (!profile) return { ok: false, refusal: { code: 'invalid-profile', fields: { name: 'booking.profile.required' } } }
        const result = await bookingBackend().book({ ...slot, topic, profile, visitorTimeZone, shareProfile: options?.shareProfile === true })
        if (result.ok) await afterOwnChange(result.booking)
        return result
      },
      cancelBooking: async (bookingId) => {
        const result = await bookingBackend().cancel(bookingId)
        if (result.ok) await afterOwnChange(result.booking)
        return result
      },
      rescheduleBooking: async (bookingId, slot) => {
        const result = await bookingBackend().reschedule(bookingId, slot, { visitorTimeZone: get().visitorTimeZone })
        if (result.ok) await afterOwnChange(result.booking, result.previous)
        return result
      },
      answerProposal: async (bookingId, accept) => {
        const result = await bookingBackend().answerProposal(bookingId, accept)
        if (result.ok) await afterOwnChange(result.booking)
        return result
      },
      withdrawConsent: async (bookingId) => {
        const result = await bookingBackend().withdrawConsent(bookingId)
        if (result.ok) await afterOwnChange(result.booking)
        return result
      },
      goToTable: (tableId) => set({ openBoothId: null, cameraRequest: { kind: 'table', tableId, nonce: nextNonce++ } }),
      goToZone: (zoneId) => set({ currentZoneId: zoneId, openBoothId: null, zoneMenuOpen: false, cameraRequest: { kind: 'zone', zoneId, nonce: nextNonce++ } }),
      goToPoint: (point) => set({ cameraRequest: { kind: 'point', point, nonce: nextNonce++ } }),
      enterZone: (zoneId) => {
        if (get().currentZoneId !== zoneId) set({ currentZoneId: zoneId })
      },
      setLiveAvailable: (liveAvailable) => set({ liveAvailable }),
      setLiveCounts: (liveCounts) => set({ liveCounts }),
      setPresence: (presence) => {
        writePresenceSettings(presence)
        set({ presence })
      },
      ...routeActions,
    },
  }}, visitorPersistOptions<ExpoState>(visitorStorage))),
)

// Another tab's favourites, routes, profile or language are laid into this tab as they change there.
if (typeof window !== 'undefined') {
  visitorStorage.followOtherTabs({
    current: () => pickPersisted(useExpoStore.getState()),
    apply: (visitor) => {
      const { activeRouteId, guidedTour, actions } = useExpoStore.getState()
      // this tab keeps its open route and tour, unless the route was deleted elsewhere
      const stillThere = visitor.routes.some((r) => r.id === activeRouteId)
      useExpoStore.setState({ ...visitor, guidedTour, activeRouteId: stillThere ? activeRouteId : (visitor.routes.at(-1)?.id ?? null) })
      actions.refreshRouteWalk()
    },
  })
}

/** All actions through one stable selector. */
export const useExpoActions = () => useExpoStore((s) => s.actions)
