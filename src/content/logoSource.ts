/**
 * Where the app finds each exhibitor's logo: the pack's own files (their addresses in the pack download, fetched only
 * when a logo is shown), or for a `?synthetic=N` hall, logos invented in memory the first time each is asked for.
 */
import type { Exhibitor } from './schema'
import { logoMark } from './logoMark'

export interface LogoSource {
  /** The image address of the exhibitor's logo, or undefined when it has none. */
  url(exhibitorId: string): string | undefined
}

/** A logo's address in the pack download: a plain relative path to an SVG file, nothing that leaves it. */
const RELATIVE_SVG = /^(?:[\w-]+\/)*[\w-]+\.svg(?:\?v=[\w-]+)?$/

/** The pack's logos, `relative` (exhibitor id → address relative to the pack file) resolved against `packUrl`. */
export function packLogoSource(relative: unknown, packUrl: string): LogoSource {
  const urls = new Map<string, string>()
  if (relative !== null && typeof relative === 'object' && !Array.isArray(relative)) {
    for (const [id, path] of Object.entries(relative)) {
      // anything else is not what the build writes: that exhibitor is shown without a logo
      if (typeof path === 'string' && RELATIVE_SVG.test(path)) urls.set(id, new URL(path, new URL(packUrl, 'http://pack.invalid/').href).href.replace(/^http:\/\/pack\.invalid/, ''))
    }
  }
  return { url: (id) => urls.get(id) }
}

/** Invented logos for generated exhibitors, made once each, on first use (3,000 at once would hold up the start). */
export function generatedLogoSource(exhibitors: readonly Exhibitor[]): LogoSource {
  const byId = new Map(exhibitors.map((e) => [e.id, e]))
  const made = new Map<string, string>()
  return {
    url(id) {
      const cached = made.get(id)
      if (cached) return cached
      const exhibitor = byId.get(id)
      if (!exhibitor) return undefined
      const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(logoMark(exhibitor.id, exhibitor.name))}`
      made.set(id, url)
      return url
    },
  }
}
