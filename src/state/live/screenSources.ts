/**
 * The live screens' sources (from `GET /api/screens`, read when a page served by the booking server starts and again
 * whenever the event stream says one changed) and what the hall is playing now, shared by the scene (which plays)
 * and the overlay (its "Sound on" control).
 */
import { create } from 'zustand'
import type { BookingBackend } from '../../booking/types'
import { screensResponseSchema, type ScreenSource } from '../../live/screens'
import { followServerList } from '../followServer'

export interface ScreenSourcesState {
  /** By screen id (`lobby` or an exhibitor id); a screen not here shows its title card. */
  sources: ReadonlyMap<string, ScreenSource>
  /** The screen whose video is drawing near the visitor, or null. */
  playing: string | null
  /** Videos start muted; the visitor turns sound on for the one playing. */
  muted: boolean
  /** Sources that failed this session (`screen|url`): back to the title card for good, never a retry loop. */
  failed: ReadonlySet<string>
}

export const useScreenSources = create<ScreenSourcesState>(() => ({ sources: new Map(), playing: null, muted: true, failed: new Set() }))

/** The key a failure is remembered by: a new URL set in the console gets a fresh chance. */
export const sourceKey = (screen: string, source: ScreenSource) => `${screen}|${source.hls ?? ''}|${source.mp4 ?? ''}`

/**
 * Keeps the sources in step with the server. A failed read keeps what the screens show (title cards at first), and
 * an answer that changes nothing leaves the store alone: a new list restarts the video playing now.
 */
export function followScreenSources(backend: Pick<BookingBackend, 'kind' | 'subscribe'>, fetcher: typeof fetch = (...args) => globalThis.fetch(...args)): () => void {
  return followServerList(backend, 'screens-changed', async (stopped) => {
    try {
      const response = await fetcher('/api/screens', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      if (!response.ok) throw new Error(`GET /api/screens answered ${response.status}`)
      const parsed = screensResponseSchema.safeParse(await response.json())
      if (!parsed.success) throw new Error('GET /api/screens answered an unexpected shape')
      const sources = new Map(parsed.data.screens.map(({ screen, ...source }) => [screen, source]))
      const before = useScreenSources.getState().sources
      const same = sources.size === before.size && [...sources].every(([screen, source]) => before.has(screen) && sourceKey(screen, before.get(screen)!) === sourceKey(screen, source))
      if (!same && !stopped()) useScreenSources.setState({ sources })
    } catch (error) {
      console.warn('Live screens keep what they show:', error)
    }
  })
}

export function setScreenPlaying(screen: string | null): void {
  if (useScreenSources.getState().playing === screen) return
  // every new video starts muted: sound is asked for per video, never carried on to the next booth
  useScreenSources.setState({ playing: screen, muted: true })
}

export function setScreenMuted(muted: boolean): void {
  useScreenSources.setState({ muted })
}

export function markScreenFailed(screen: string, source: ScreenSource): void {
  const failed = new Set(useScreenSources.getState().failed)
  failed.add(sourceKey(screen, source))
  useScreenSources.setState({ failed })
}
