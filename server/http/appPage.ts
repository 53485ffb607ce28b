/**
 * The built app's HTML shell as this server sends it: marked as served beside the booking server, its policy widened
 * for the stream origins, and in the visitor's language before any script runs (`lang` and `<title>` from `?lang=`
 * or Accept-Language), so a screen reader, a search engine and the tab strip get the right one from the first byte.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { LANGUAGES, type Language } from '../../src/content/schema'
import { CONTENT_SECURITY_POLICY_META } from '../../src/contentSecurityPolicy'
import { pageLanguage, pageTitle } from '../../src/i18n/pageLanguage'

/** The page tells the app, before any request, that its bookings live on this server (see detectBookingServer). */
export const BOOKING_SERVER_META = '<meta name="expo-booking-server" content="/api" />'

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The shell in one language: its `<html>`'s `lang` set and its `<title>` rewritten. */
export function localizedShell(html: string, language: Language): string {
  return html
    .replace(/<html\b([^>]*)>/, (_, attributes: string) => {
      const withoutLang = attributes.replace(/\slang="[^"]*"/, '')
      return `<html lang="${language}"${withoutLang}>`
    })
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(pageTitle(language))}</title>`)
}

/** The staff consoles' paths, as main.tsx tells them from the hall's. */
export const isConsolePath = (path: string) => /^\/(exhibitor|organiser)(\/|$)/.test(path)

/**
 * The shell without the preloads of the hall and its content loader, links and the hall's list alike (marked
 * `data-expo-hall` by vite.config.ts): a console never loads them, so its staff should not download them.
 */
export function withoutHallPreloads(html: string): string {
  return html.replace(/[ \t]*<(?:link|meta)\b[^>]*\sdata-expo-hall\b[^>]*>\r?\n?/g, '')
}

/** The built page, prepared once per language and for the hall and the consoles; the answer to a page request picks one. */
export function appPageSender(builtPage: string, policyMeta: string) {
  const page = withStreamOrigins(withServerMarker(builtPage), policyMeta)
  const pages = new Map<Language, string>(LANGUAGES.map((language) => [language, localizedShell(page, language)]))
  const consolePages = new Map<Language, string>(LANGUAGES.map((language) => [language, withoutHallPreloads(pages.get(language)!)]))
  return (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const lang = (request.query as { lang?: unknown } | undefined)?.lang
    const language = pageLanguage(typeof lang === 'string' ? lang : null, request.headers['accept-language'])
    const forConsole = isConsolePath(request.url.split('?')[0])
    // the page differs by the header: a shared cache must keep one per language
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'Accept-Language')
      .send((forConsole ? consolePages : pages).get(language))
  }
}

function withServerMarker(html: string): string {
  return html.replace('</head>', `    ${BOOKING_SERVER_META}\n  </head>`)
}

/** Both policies are enforced, so the page's own <meta> must let the stream origins in as the header does. */
function withStreamOrigins(html: string, meta: string): string {
  return meta === CONTENT_SECURITY_POLICY_META ? html : html.replace(`content="${CONTENT_SECURITY_POLICY_META}"`, `content="${meta}"`)
}
