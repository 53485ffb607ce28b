/**
 * The live screens' sources (from `GET /api/screens`, read once when a page served by the booking server starts) and
 * what the hall is playing now, shared by the scene (which plays) and the overlay (its "Sound on" control). A source
 * changed in the console reaches visitors on their next load.
 */
import { create } from 'zustand'
import { screensResponseSchema, type ScreenSource } from '../../live/screens'

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

/** The key a failure is remembered by: a new URL set in the console gets a fresh chance on the next load. */
export const sourceKey = (screen: string, source: ScreenSource) => `${screen}|${source.hls ?? ''}|${source.mp4 ?? ''}`

/** Reads the sources once; a failure leaves every screen on its title card. */
export async function loadScreenSources(fetcher: typeof fetch = (...args) => globalThis.fetch(...args)): Promise<void> {
  try {
    const response = await fetcher('/api/screens', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    if (!response.ok) throw new Error(`GET /api/screens answered ${response.status}`)
    const parsed = screensResponseSchema.safeParse(await response.json())
    if (!parsed.success) throw new Error('GET /api/screens answered an unexpected shape')
    useScreenSources.setState({ sources: new Map(parsed.data.screens.map(({ screen, ...source }) => [screen, source])) })
  } catch (error) {
    console.warn('Live screens stay on their title cards:', error)
  }
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
