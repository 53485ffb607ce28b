/**
 * The console's end of GET /api/events: named events to a callback, and the connection's state. When the stream
 * fails it is closed and opened again after a jittered, doubling pause (1 s up to 30 s), so a restarting server
 * is never met by every console at once.
 */

export type LiveState = 'connecting' | 'live' | 'reconnecting'

/** A stream that stayed up this long counts as healthy: the next failure starts the back-off from 1 s again. */
const HEALTHY_AFTER_MS = 30_000

import { reconnectDelay } from '../state/reconnect'

export interface LiveStreamOptions {
  /** Events besides `ready` to pass on (`inbox`, `overview`). */
  events: readonly string[]
  onEvent(name: string): void
  onState(state: LiveState): void
  url?: string
}

/** Opens the stream; the returned function closes it for good. */
export function openLiveStream(options: LiveStreamOptions): () => void {
  const url = options.url ?? '/api/events'
  let source: EventSource | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let attempt = 0
  let connectedAt = 0
  let stopped = false

  const connect = () => {
    if (stopped) return
    source = new EventSource(url)
    source.addEventListener('ready', () => {
      connectedAt = Date.now()
      options.onState('live')
      options.onEvent('ready')
    })
    for (const name of options.events) source.addEventListener(name, () => options.onEvent(name))
    // EventSource's own retry has no back-off: take over, close it and pace the next try ourselves
    source.onerror = () => {
      source?.close()
      source = null
      if (stopped) return
      if (connectedAt > 0 && Date.now() - connectedAt > HEALTHY_AFTER_MS) attempt = 0
      connectedAt = 0
      options.onState('reconnecting')
      timer = setTimeout(connect, reconnectDelay(attempt))
      attempt++
    }
  }

  options.onState('connecting')
  connect()
  return () => {
    stopped = true
    clearTimeout(timer)
    source?.close()
  }
}
