/**
 * Starts the live layer for a page served by the booking server: counts into the store, avatars into their
 * transient module, and the visitor's booth chat (its own small store, see src/chat/chatClient.ts) fed by the
 * same socket.
 */
import { ChatClient } from '../../chat/chatClient'
import { bookingBackend } from '../bookings/bookingService'
import { HttpBookingBackend } from '../bookings/httpBackend'
import { useExpoStore } from '../store'
import { cameraPose } from '../transient'
import { clearAvatars, receiveAvatars } from './avatars'
import { LiveConnection, liveUrl, type LiveConnectionOptions } from './liveConnection'

let running: { connection: LiveConnection; chat: ChatClient; unsubscribe: () => void } | null = null

/** The visitor's booth chat while the live layer runs (only beside the booking server). */
export function visitorChat(): ChatClient | null {
  return running?.chat ?? null
}

export function startLive(overrides: Partial<LiveConnectionOptions> = {}): LiveConnection {
  stopLive()
  const { actions } = useExpoStore.getState()
  let connection: LiveConnection | null = null
  const chat = new ChatClient({
    side: 'visitor',
    ensureSession: async () => {
      const backend = bookingBackend()
      return backend instanceof HttpBookingBackend ? backend.ensureVisitorSession() : false
    },
    identityChanged: () => connection?.reopen(),
  })
  connection = new LiveConnection({
    url: liveUrl(),
    presence: () => useExpoStore.getState().presence,
    zoneId: () => useExpoStore.getState().currentZoneId,
    pose: () => cameraPose,
    onCounts: (counts) => actions.setLiveCounts(counts),
    onAvatars: (avatars) => (avatars.length ? receiveAvatars(avatars) : clearAvatars()),
    onChatNotice: (message) => chat.live(message),
    onConnected: (up) => chat.connected(up),
    visibility: typeof document !== 'undefined' ? document : undefined,
    ...overrides,
  })
  const unsubscribe = useExpoStore.subscribe((s) => s.presence, () => connection.presenceChanged())
  running = { connection, chat, unsubscribe }
  actions.setLiveAvailable(true)
  connection.start()
  return connection
}

export function stopLive(): void {
  if (!running) return
  running.unsubscribe()
  running.connection.dispose()
  running.chat.dispose()
  running = null
  useExpoStore.getState().actions.setLiveAvailable(false)
}
