/**
 * The booking server's programme of live sessions in the store: fetched at start, and again whenever the event
 * stream says it changed or comes back after a break (followServer.ts). Hosted as static files there is no server:
 * only the content pack's sessions show.
 */
import type { BookingBackend } from '../booking/types'
import { liveSessionSchema, type LiveSession } from '../live/sessions'
import { followServerList } from './followServer'

export const PROGRAMME_URL = '/api/sessions'

/** The valid sessions of an answer; a malformed item is left out, never shown. */
export function readProgramme(body: unknown): LiveSession[] | null {
  const list = typeof body === 'object' && body !== null ? (body as { sessions?: unknown }).sessions : undefined
  if (!Array.isArray(list)) return null
  return list.flatMap((item) => {
    const parsed = liveSessionSchema.safeParse(item)
    return parsed.success ? [parsed.data] : []
  })
}

/** Keeps `receive` fed with the server's programme; returns the way to stop. */
export function followProgramme(backend: Pick<BookingBackend, 'kind' | 'subscribe'>, receive: (sessions: LiveSession[]) => void, fetcher: typeof fetch = (...args) => globalThis.fetch(...args)): () => void {
  return followServerList(backend, 'programme-changed', async (stopped) => {
    const response = await fetcher(PROGRAMME_URL, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    const sessions = response.ok ? readProgramme(await response.json()) : null
    // a failed fetch keeps what is shown
    if (sessions && !stopped()) receive(sessions)
  })
}
