/** Reads and writes the link parameters (`?zone=`, `?booth=`, `?lang=`…): values are checked, never executed or echoed as HTML. */
import { LANGUAGES, ZONE_IDS, type Language, type ZoneId } from '../content/schema'
import type { MessageKey } from '../i18n/messages'

export interface LinkNotice {
  key: MessageKey
  params?: Record<string, string>
}

export interface LinkParams {
  zone?: ZoneId
  /** `?pano=<zoneId>`: that zone's 360° view; whether the zone has a picture is the build's to say (boot.ts). */
  pano?: ZoneId
  /** Shape-checked only; whether the booth exists is known once the content is loaded. */
  booth?: string
  /** `?route=<code>`: a shared route, shape-checked here and decoded against the catalogue at start-up. */
  route?: string
  /** `?booth=<id>&book=1` opens the booking picker of that booth. */
  book: boolean
  lang?: Language
  debug: boolean
  synthetic?: number
  /** `?debug=1&scene=empty`: an empty canvas, the benchmark's yardstick. */
  emptyScene: boolean
  /** `?signin=<token>`: a single-use link mailed to a visitor, to open their agenda on this device. */
  signIn?: string
  /** `?agenda=1` opens the agenda; `?agenda=<token>` is a visitor's private link to it. */
  agenda?: true | string
  notices: LinkNotice[]
}

const EXHIBITOR_ID = /^[a-z0-9][a-z0-9-]{1,63}$/
export const SYNTHETIC_RANGE = { min: 10, max: 3000 } as const
/** Parameters we own; anything else (WeChat's `from=`, analytics tags) is left alone and kept in the URL. */
const OWN_PARAMS = ['zone', 'pano', 'booth', 'book', 'route', 'lang', 'debug', 'synthetic', 'scene', 'signin', 'agenda'] as const
/** Sign-in secrets: 32 random bytes in base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/

/** Shows a bad value safely in a notice: short, printable, no markup characters. */
export function describeBadValue(name: string, value: string): string {
  const printable = value.replace(/[^\p{L}\p{N} _.,:/-]/gu, '').slice(0, 24)
  return printable ? `${name}=${printable}` : name
}

export function parseLinkParams(search: string): LinkParams {
  const query = new URLSearchParams(search)
  const result: LinkParams = { debug: false, book: false, emptyScene: false, notices: [] }
  const bad = (name: string, value: string, key: MessageKey = 'notice.badParam') =>
    result.notices.push({ key, params: { param: describeBadValue(name, value) } })

  const zone = query.get('zone')
  if (zone !== null) {
    if ((ZONE_IDS as readonly string[]).includes(zone)) result.zone = zone as ZoneId
    else bad('zone', zone, 'notice.unknownZone')
  }
  const pano = query.get('pano')
  if (pano !== null) {
    if ((ZONE_IDS as readonly string[]).includes(pano)) result.pano = pano as ZoneId
    else bad('pano', pano, 'notice.unknownPanorama')
  }
  const booth = query.get('booth')
  if (booth !== null) {
    if (EXHIBITOR_ID.test(booth)) result.booth = booth
    else bad('booth', booth, 'notice.unknownBooth')
  }
  const route = query.get('route')
  if (route !== null) {
    if (/^[A-Za-z0-9_-]{4,600}$/.test(route)) result.route = route
    else result.notices.push({ key: 'route.badCode' })
  }
  const book = query.get('book')
  if (book !== null) {
    if (book === '1' || book === 'true') result.book = true
    else if (book !== '0' && book !== 'false') bad('book', book)
  }
  const lang = query.get('lang')
  if (lang !== null) {
    if ((LANGUAGES as readonly string[]).includes(lang)) result.lang = lang as Language
    else bad('lang', lang, 'notice.badLanguage')
  }
  const debug = query.get('debug')
  if (debug !== null) {
    if (debug === '1' || debug === 'true') result.debug = true
    else if (debug !== '0' && debug !== 'false') bad('debug', debug)
  }
  const synthetic = query.get('synthetic')
  if (synthetic !== null) {
    const count = /^\d{1,5}$/.test(synthetic) ? Number(synthetic) : NaN
    if (count >= SYNTHETIC_RANGE.min && count <= SYNTHETIC_RANGE.max) result.synthetic = count
    else bad('synthetic', synthetic, 'notice.badSynthetic')
  }
  const signIn = query.get('signin')
  if (signIn !== null) {
    if (TOKEN.test(signIn)) result.signIn = signIn
    else result.notices.push({ key: 'account.linkInvalid' })
  }
  const agenda = query.get('agenda')
  if (agenda !== null) {
    if (agenda === '1' || agenda === 'true') result.agenda = true
    else if (TOKEN.test(agenda)) result.agenda = agenda
    else result.notices.push({ key: 'account.linkInvalid' })
  }
  const scene = query.get('scene')
  if (scene !== null) {
    if (scene === 'empty' && result.debug) result.emptyScene = true
    else bad('scene', scene)
  }
  return result
}

export interface LinkLocation {
  zone: ZoneId
  /** In the zone's 360° view: written as `?pano=<zone>` in place of `?zone=`. */
  panorama?: boolean
  booth: string | null
  /** The booking picker of that booth is open. */
  booking?: boolean
  lang: Language
}

/**
 * The query string for where the visitor is now: our own parameters rewritten, foreign ones kept,
 * invalid values of ours dropped (they were reported when the page opened).
 */
export function buildLinkSearch(currentSearch: string, location: LinkLocation): string {
  const query = new URLSearchParams(currentSearch)
  const keep = new URLSearchParams()
  for (const [name, value] of query) {
    if (!(OWN_PARAMS as readonly string[]).includes(name)) keep.append(name, value)
  }
  const parsed = parseLinkParams(currentSearch)
  keep.set(location.panorama ? 'pano' : 'zone', location.zone)
  if (location.booth) keep.set('booth', location.booth)
  if (location.booth && location.booking) keep.set('book', '1')
  keep.set('lang', location.lang)
  if (parsed.debug) keep.set('debug', '1')
  if (parsed.synthetic) keep.set('synthetic', String(parsed.synthetic))
  if (parsed.emptyScene) keep.set('scene', 'empty')
  const text = keep.toString()
  return text ? `?${text}` : ''
}
