/**
 * The Content-Security-Policy the built app runs under, defined once: the build writes it into the page as a
 * `<meta>` for static hosting (vite.config.ts), and the booking server sends it as a header (server/app.ts). A server
 * with live screens (`STREAM_ORIGINS`) widens `media-src` and `connect-src` by exactly those origins, in its header
 * and in the page's `<meta>` alike (`contentSecurityPolicy(origins)`).
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  // no 'unsafe-eval': zod runs jitless (src/zodJitless.ts)
  'script-src': ["'self'"],
  // no 'unsafe-inline': React's style prop writes element.style through the CSSOM, which style-src leaves alone
  'style-src': ["'self'"],
  // canvases and decoded textures
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  // live screens: hls.js plays through MediaSource, a blob: URL; streams' own origins are added by the server
  'media-src': ["'self'", 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  // a `?booth=…&book=1` link must not be framed; honoured in a header only
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>

export type ContentSecurityPolicyDirective = keyof typeof CONTENT_SECURITY_POLICY

/** Browsers ignore these in a `<meta>` policy (and say so in the console), so the page's copy leaves them out. */
const HEADER_ONLY: readonly ContentSecurityPolicyDirective[] = ['frame-ancestors']

export type ContentSecurityPolicy = Record<ContentSecurityPolicyDirective, readonly string[]>

/** The policy of a server whose screens play from `streamOrigins`: hls.js fetches the playlist and segments, the video plays them. */
export function contentSecurityPolicy(streamOrigins: readonly string[] = []): ContentSecurityPolicy {
  if (streamOrigins.length === 0) return CONTENT_SECURITY_POLICY
  return {
    ...CONTENT_SECURITY_POLICY,
    'connect-src': [...CONTENT_SECURITY_POLICY['connect-src'], ...streamOrigins],
    'media-src': [...CONTENT_SECURITY_POLICY['media-src'], ...streamOrigins],
  }
}

/** A policy as the `content` of the page's `<meta http-equiv="Content-Security-Policy">`. */
export function contentSecurityPolicyMeta(policy: ContentSecurityPolicy = CONTENT_SECURITY_POLICY): string {
  return (Object.keys(policy) as ContentSecurityPolicyDirective[])
    .filter((name) => !HEADER_ONLY.includes(name))
    .map((name) => `${name} ${policy[name].join(' ')}`)
    .join('; ')
}

/** The built page's own policy, for static hosting: no stream origins, so no screen can play there. */
export const CONTENT_SECURITY_POLICY_META = contentSecurityPolicyMeta()
