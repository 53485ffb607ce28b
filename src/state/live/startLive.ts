/** Starts the live layer for a page served by the booking server: counts into the store, avatars into their transient module. */
import { useExpoStore } from '../store'
import { cameraPose } from '../transient'
import { clearAvatars, receiveAvatars } from './avatars'
import { LiveConnection, liveUrl, type LiveConnectionOptions } from './liveConnection'

let running: { connection: LiveConnection; unsubscribe: () => void } | null = null

export function startLive(overrides: Partial<LiveConnectionOptions> = {}): LiveConnection {
  stopLive()
  const { actions } = useExpoStore.getState()
  const connection = new LiveConnection({
    url: liveUrl(),
    presence: () => useExpoStore.getState().presence,
    zoneId: () => useExpoStore.getState().currentZoneId,
    pose: () => cameraPose,
    onCounts: (counts) => actions.setLiveCounts(counts),
    onAvatars: (avatars) => (avatars.length ? receiveAvatars(avatars) : clearAvatars()),
    visibility: typeof document !== 'undefined' ? document : undefined,
    ...overrides,
  })
  const unsubscribe = useExpoStore.subscribe((s) => s.presence, () => connection.presenceChanged())
  actions.setLiveAvailable(true)
  connection.start()
  running = { connection, unsubscribe }
  return connection
}

export function stopLive(): void {
  if (!running) return
  running.unsubscribe()
  running.connection.dispose()
  running = null
  useExpoStore.getState().actions.setLiveAvailable(false)
}
