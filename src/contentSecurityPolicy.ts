/**
 * The Content-Security-Policy the built app runs under, defined once: the build writes it into the page as a
 * `<meta>` for static hosting (vite.config.ts), and the booking server sends it as a header (server/app.ts).
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
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  // a `?booth=…&book=1` link must not be framed; honoured in a header only
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>

export type ContentSecurityPolicyDirective = keyof typeof CONTENT_SECURITY_POLICY

/** Browsers ignore these in a `<meta>` policy (and say so in the console), so the page's copy leaves them out. */
const HEADER_ONLY: readonly ContentSecurityPolicyDirective[] = ['frame-ancestors']

/** The policy as the `content` of the page's `<meta http-equiv="Content-Security-Policy">`. */
export const CONTENT_SECURITY_POLICY_META = serialize(
  (Object.keys(CONTENT_SECURITY_POLICY) as ContentSecurityPolicyDirective[]).filter((name) => !HEADER_ONLY.includes(name)),
)

function serialize(directives: ContentSecurityPolicyDirective[]): string {
  return directives.map((name) => `${name} ${CONTENT_SECURITY_POLICY[name].join(' ')}`).join('; ')
}
