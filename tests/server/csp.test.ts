/** The server sends the app's Content-Security-Policy, with frame-ancestors, on the page and the API alike, agreeing with the page's own <meta>. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../src/contentSecurityPolicy'
import { directivesOf } from '../helpers/policyDirectives'
import { startTestApp, type TestApp } from '../helpers/serverApp'

/** The built page as vite.config.ts writes it: the policy's <meta> right after the charset. */
const BUILT_PAGE = `<!doctype html><html><head><meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}" />
    <title>t</title></head><body><div id="root"></div></body></html>`

let server: TestApp
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'cloud-expo-csp-'))
  writeFileSync(join(root, 'index.html'), BUILT_PAGE)
  server = await startTestApp({ config: { staticDir: root } })
}, 60_000)
afterAll(() => server?.stop())

const policyOf = async (url: string) => {
  const response = await server.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })
  return { response, directives: directivesOf(String(response.headers['content-security-policy'] ?? '')) }
}

describe('the Content-Security-Policy header', () => {
  it.each(['/', '/?booth=luyang-vision-inspection&book=1', '/exhibitor', '/api/health', '/api/openapi.json', '/api/nope'])(
    'GET %s carries exactly the app’s policy, frame-ancestors included',
    async (url) => {
      const { directives } = await policyOf(url)
      expect(directives).toEqual(CONTENT_SECURITY_POLICY)
      expect(directives['frame-ancestors']).toEqual(["'none'"])
      expect(JSON.stringify(directives)).not.toMatch(/unsafe-(eval|inline)/)
    },
  )

  it('agrees with the page’s own <meta>, which the server serves once and leaves as the build wrote it', async () => {
    const { response, directives } = await policyOf('/')
    const metas = [...response.body.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/gi)].map((match) => match[1])
    expect(metas).toEqual([CONTENT_SECURITY_POLICY_META])
    // the meta leaves out only what browsers ignore in a meta
    const { 'frame-ancestors': _headerOnly, ...rest } = directives
    expect(directivesOf(metas[0])).toEqual(rest)
    expect(response.body).toContain('<meta name="expo-booking-server" content="/api" />')
  })
})
