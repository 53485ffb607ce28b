/** The console's one zustand store: who is signed in, the language, the view, the inbox and the live connection. */
import { create } from 'zustand'
import type { ConsoleBooking } from '../booking/api'
import type { BookingStatus } from '../booking/types'
import type { Language } from '../content/schema'
import { ConsoleApiError, consoleApi, whenSessionEnds, type ConsoleMe } from './api'
import { inboxRange, newRequests } from './inbox'
import { initialLanguage } from './language'
import type { ConsoleMessageKey } from './messages'
import type { LiveState } from './liveStream'

export type ConsoleArea = 'exhibitor' | 'organiser'
export const CONSOLE_VIEWS = ['inbox', 'messages', 'calendar', 'hours', 'programme', 'settings'] as const
export type ConsoleView = (typeof CONSOLE_VIEWS)[number]

export type SignedOutReason = 'none' | 'link-invalid' | 'signed-out' | 'session-ended'

export type Session =
  | { status: 'checking' }
  | { status: 'redeeming' }
  /** The server did not answer the first call: nothing is known yet. */
  | { status: 'unreachable' }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'exhibitor'; me: ConsoleMe }
  | { status: 'organiser' }

/** What became of a staff member's last action on a booking, shown on its card wherever the card is. */
export interface Feedback {
  kind: 'done' | 'error'
  key: ConsoleMessageKey
  params?: Record<string, string | number>
  /** An error is about the booking as it was: once its status moves on (a lost reply that went through after all), it no longer applies. */
  status?: BookingStatus
}

/** The answer being written in a dialog: kept here, so a live refresh that moves the card does not close it. */
export interface Answering {
  kind: 'decline' | 'cancel' | 'propose'
  booking: ConsoleBooking
}

export interface Announcement {
  /** Counts up so the same words are announced again. */
  id: number
  key: ConsoleMessageKey
  params?: Record<string, string | number>
}

interface ConsoleState {
  area: ConsoleArea
  language: Language
  session: Session
  view: ConsoleView
  inbox: { bookings: ConsoleBooking[] | null; failed: boolean }
  live: LiveState
  /** Goes up whenever the server says bookings changed (or the stream reconnected): views with their own data refetch. */
  revision: number
  /** Goes up whenever the programme of sessions changed (a colleague's change too) or the stream reconnected. */
  programmeRevision: number
  announcement: Announcement | null
  feedback: Record<string, Feedback>
  answering: Answering | null
  actions: ConsoleActions
}

interface ConsoleActions {
  /** Redeems a sign-in link in the address, then finds out who is signed in. */
  start(): Promise<void>
  setLanguage(language: Language): void
  showView(view: ConsoleView, options?: { fromHistory?: boolean }): void
  refreshInbox(): Promise<void>
  /** A booking as the server answered an action: shown at once, before the stream's refresh. */
  applyBooking(booking: ConsoleBooking): void
  setFeedback(bookingId: string, feedback: Feedback | null): void
  startAnswer(answering: Answering): void
  endAnswer(): void
  updateMe(change: (me: ConsoleMe) => ConsoleMe): void
  setLive(state: LiveState): void
  /** The server said something changed (`inbox`, `overview`) or the stream (re)connected (`ready`). */
  liveEvent(name: string): void
  signOut(): Promise<void>
}

function viewFromUrl(): ConsoleView {
  const asked = new URLSearchParams(location.search).get('view')
  return (CONSOLE_VIEWS as readonly string[]).includes(asked ?? '') ? (asked as ConsoleView) : 'inbox'
}

/** The address without the sign-in token: it must not stay in history, bookmarks or a screenshot. */
function takeSignInToken(): string | null {
  const url = new URL(location.href)
  const token = url.searchParams.get('signin')
  if (token === null) return null
  url.searchParams.delete('signin')
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`)
  return token
}

function moveToArea(area: ConsoleArea) {
  const url = new URL(location.href)
  url.pathname = `/${area}`
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`)
}

// Coalesces refreshes: events arriving while one runs cause exactly one more.
let inboxFetch: Promise<void> | null = null
let inboxAgain = false
// React's strict mode runs effects twice in development: a sign-in link must be redeemed once.
let starting: Promise<void> | null = null
let unredeemedToken: string | null = null

export const useConsoleStore = create<ConsoleState>()((set, get) => {
  const signedOut = (reason: SignedOutReason) =>
    set({ session: { status: 'signed-out', reason }, inbox: { bookings: null, failed: false }, feedback: {}, answering: null })

  const loadInboxOnce = async () => {
    const previous = get().inbox.bookings
    try {
      const now = Date.now()
      const bookings = await consoleApi.bookings(inboxRange(now))
      if (get().session.status !== 'exhibitor') return
      set({ inbox: { bookings, failed: false } })
      if (previous) {
        const arrived = newRequests(previous, bookings, now)
        if (arrived.length > 0) {
          const id = (get().announcement?.id ?? 0) + 1
          set({ announcement: arrived.length === 1 ? { id, key: 'inbox.announceOne', params: announceParams(arrived[0], get().language) } : { id, key: 'inbox.announceMany', params: { count: arrived.length } } })
        }
      }
    } catch (error) {
      if (error instanceof ConsoleApiError && error.status === 401) return
      // the last list stays on screen; the failure shows only when there is none
      set((s) => ({ inbox: { bookings: s.inbox.bookings, failed: true } }))
    }
  }

  return {
    area: location.pathname.startsWith('/organiser') ? 'organiser' : 'exhibitor',
    language: initialLanguage(location.search, navigator.languages ?? [navigator.language]),
    session: { status: 'checking' },
    view: viewFromUrl(),
    inbox: { bookings: null, failed: false },
    live: 'connecting',
    revision: 0,
    programmeRevision: 0,
    announcement: null,
    feedback: {},
    answering: null,
    actions: {
      start() {
        starting ??= (async () => {
          whenSessionEnds(() => {
            const status = get().session.status
            if (status === 'exhibitor' || status === 'organiser') signedOut('session-ended')
          })
          // a token whose redemption the network interrupted is tried again, though the address no longer shows it
          const token = takeSignInToken() ?? unredeemedToken
          unredeemedToken = null
          if (token !== null) {
            set({ session: { status: 'redeeming' } })
            try {
              const redeemed = await consoleApi.redeem(token)
              const area: ConsoleArea = redeemed.role === 'organiser' ? 'organiser' : 'exhibitor'
              if (area !== get().area) {
                moveToArea(area)
                set({ area })
              }
            } catch (error) {
              const refused = error instanceof ConsoleApiError && error.status > 0 && error.status < 500 && error.status !== 429
              if (!refused) {
                unredeemedToken = token
                return set({ session: { status: 'unreachable' } })
              }
              // a link opened twice in a browser that is already signed in is no reason to stop anyone
              return checkSession('link-invalid')
            }
          }
          await checkSession('none')
        })().finally(() => {
          starting = null
        })
        return starting

        async function checkSession(reasonWhenSignedOut: SignedOutReason) {
          set({ session: { status: 'checking' } })
          try {
            if (get().area === 'organiser') {
              // organisers have no "me": the overview answers whether this browser is signed in as one
              const now = Date.now()
              await consoleApi.overview({ from: now, to: now + 86_400_000 })
              set({ session: { status: 'organiser' } })
            } else {
              const me = await consoleApi.me()
              set({ session: { status: 'exhibitor', me }, language: me.staff.language })
              void get().actions.refreshInbox()
            }
          } catch (error) {
            if (error instanceof ConsoleApiError && error.status === 401) signedOut(reasonWhenSignedOut)
            else set({ session: { status: 'unreachable' } })
          }
        }
      },

      setLanguage(language) {
        set({ language })
      },

      showView(view, options = {}) {
        if (!options.fromHistory) {
          const url = new URL(location.href)
          if (view === 'inbox') url.searchParams.delete('view')
          else url.searchParams.set('view', view)
          history.pushState(history.state, '', `${url.pathname}${url.search}${url.hash}`)
        }
        set({ view })
      },

      refreshInbox() {
        if (inboxFetch) {
          inboxAgain = true
          return inboxFetch
        }
        inboxFetch = (async () => {
          do {
            inboxAgain = false
            await loadInboxOnce()
          } while (inboxAgain)
        })().finally(() => {
          inboxFetch = null
        })
        return inboxFetch
      },

      applyBooking(booking) {
        set((s) => ({ inbox: { ...s.inbox, bookings: s.inbox.bookings?.map((b) => (b.id === booking.id ? booking : b)) ?? null }, revision: s.revision + 1 }))
      },

      setFeedback(bookingId, feedback) {
        set((s) => {
          const next = { ...s.feedback }
          if (feedback) next[bookingId] = feedback
          else delete next[bookingId]
          return { feedback: next }
        })
      },

      startAnswer(answering) {
        set({ answering })
      },

      endAnswer() {
        set({ answering: null })
      },

      updateMe(change) {
        const session = get().session
        if (session.status === 'exhibitor') set({ session: { status: 'exhibitor', me: change(session.me) } })
      },

      setLive(live) {
        set({ live })
      },

      liveEvent(name) {
        const { session } = get()
        if (session.status === 'exhibitor' && (name === 'inbox' || name === 'ready')) {
          set((s) => ({ revision: s.revision + 1 }))
          void get().actions.refreshInbox()
        }
        if (session.status === 'organiser' && (name === 'overview' || name === 'ready')) set((s) => ({ revision: s.revision + 1 }))
        if (name === 'sessions' || name === 'ready') set((s) => ({ programmeRevision: s.programmeRevision + 1 }))
      },

      async signOut() {
        // a failure throws to the button: the session cookie is still there, so the console must stay honest about it
        await consoleApi.signOut()
        signedOut('signed-out')
      },
    },
  }
})

/** When and what, for the announcement of a single new request. */
function announceParams(booking: ConsoleBooking, language: Language) {
  const when = new Intl.DateTimeFormat(language, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: booking.exhibitorTimeZone,
  }).format(booking.start)
  return { when, topic: booking.topic }
}

export const useConsoleActions = () => useConsoleStore((s) => s.actions)
