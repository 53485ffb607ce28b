/**
 * Live screens' contract: what a screen may play (an HLS playlist and/or an MP4 file, from an allowed origin), the
 * bodies the console sends and the public list the hall reads. Shared by the server, the console and the hall.
 */
import { z } from 'zod'

/** The lobby's big screen; every other screen is named by its exhibitor's id. */
export const LOBBY_SCREEN = 'lobby'
export const SCREEN_URL_MAX_LENGTH = 500

export type ScreenUrlKind = 'hls' | 'mp4'
/** Why a URL cannot be a screen's source; the console translates each. */
export type ScreenUrlProblem = 'not-a-url' | 'too-long' | 'not-https' | 'has-credentials' | 'wrong-kind' | 'origin-not-allowed'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * An allowed stream origin as the server is configured with it (`STREAM_ORIGINS`): https, or http on this machine's
 * loopback when `allowLoopback` (development and tests). Answers the normalised origin, or null when it is not one.
 */
export function parseStreamOrigin(raw: string, allowLoopback: boolean): string | null {
  if (!URL.canParse(raw)) return null
  const url = new URL(raw)
  if (url.origin === 'null' || url.username || url.password) return null
  // an origin, not a page: nothing after the host and port
  if (url.pathname !== '/' || url.search || url.hash || raw.replace(/\/$/, '') !== url.origin) return null
  if (url.protocol === 'https:') return url.origin
  if (url.protocol === 'http:' && allowLoopback && LOOPBACK_HOSTS.has(url.hostname)) return url.origin
  return null
}

/** Checks one source URL against the rules and the allowed origins; null when it may play. */
export function checkScreenUrl(raw: string, kind: ScreenUrlKind, allowedOrigins: readonly string[]): ScreenUrlProblem | null {
  if (raw.length > SCREEN_URL_MAX_LENGTH) return 'too-long'
  if (!URL.canParse(raw)) return 'not-a-url'
  const url = new URL(raw)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not-https'
  if (url.username || url.password) return 'has-credentials'
  // http only where the server itself allows a loopback origin (development, tests): the origin check decides
  if (url.protocol === 'http:' && !(LOOPBACK_HOSTS.has(url.hostname) && allowedOrigins.includes(url.origin))) return 'not-https'
  const path = url.pathname.toLowerCase()
  if (kind === 'hls' ? !path.endsWith('.m3u8') : !path.endsWith('.mp4')) return 'wrong-kind'
  if (!allowedOrigins.includes(url.origin)) return 'origin-not-allowed'
  return null
}

const sourceUrl = z.string().max(SCREEN_URL_MAX_LENGTH)

/** PUT body of a screen's source: both null takes the screen back to its title card. */
export const screenSourceBodySchema = z.strictObject({ hls: sourceUrl.nullable(), mp4: sourceUrl.nullable() })
export type ScreenSourceBody = z.infer<typeof screenSourceBodySchema>

/** A URL as the hall receives it: only http(s), whatever the server answered. */
const playableUrl = sourceUrl.refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an http(s) link')

export const screenSourceSchema = z.object({ hls: playableUrl.optional(), mp4: playableUrl.optional() })
export type ScreenSource = z.infer<typeof screenSourceSchema>

/** `GET /api/screens`: every screen with a source, by screen id (`lobby` or an exhibitor id). */
export const screensResponseSchema = z.object({
  screens: z.array(screenSourceSchema.extend({ screen: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/) })).max(10_000),
})
export type ScreensResponse = z.infer<typeof screensResponseSchema>

/** What the console shows and edits: this screen's source and the origins the server lets play. */
export const screenSettingsSchema = z.object({ source: screenSourceSchema.nullable(), allowedOrigins: z.array(z.string()) })
export type ScreenSettings = z.infer<typeof screenSettingsSchema>

/** Checks a body field by field: the problems, keyed `hls` / `mp4`, or none. */
export function checkScreenSource(body: ScreenSourceBody, allowedOrigins: readonly string[]): Partial<Record<ScreenUrlKind, ScreenUrlProblem>> {
  const problems: Partial<Record<ScreenUrlKind, ScreenUrlProblem>> = {}
  for (const kind of ['hls', 'mp4'] as const) {
    const value = body[kind]
    if (value === null) continue
    const problem = checkScreenUrl(value, kind, allowedOrigins)
    if (problem) problems[kind] = problem
  }
  return problems
}
