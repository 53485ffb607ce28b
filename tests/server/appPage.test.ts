/** The page the server sends: the hall's preloads for the hall, none of them for the staff consoles, who never load it. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withoutHallPreloads } from '../../server/http/appPage'
import { startTestApp, type TestApp } from '../helpers/serverApp'

/** The built page's head as vite.config.ts writes it: the entry's own preloads, then the content's and the hall's list, marked. */
const BUILT_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" />
    <title>t</title>
    <script type="module" crossorigin src="/assets/index-a1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/store-b2.js">
    <link rel="stylesheet" crossorigin href="/assets/index-c3.css">
    <link rel="modulepreload" crossorigin href="/assets/contentStart-d4.js" data-expo-hall>
    <meta name="expo-hall-chunks" content="/assets/Hall-e5.js /assets/three-f6.js" data-expo-hall>
  </head><body><div id="root"></div></body></html>`

let server: TestApp
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'cloud-expo-page-'))
  writeFileSync(join(root, 'index.html'), BUILT_PAGE)
  server = await startTestApp({ config: { staticDir: root } })
}, 60_000)
afterAll(() => server?.stop())

const page = async (url: string) => (await server.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })).body

describe('the hall preloads in the served page', () => {
  it.each(['/', '/index.html', '/?booth=luyang-vision-inspection&lang=ko', '/exhibitors-guide'])('keeps them for %s', async (url) => {
    const body = await page(url)
    expect(body).toContain('content="/assets/Hall-e5.js /assets/three-f6.js" data-expo-hall>')
    expect(body).toContain('href="/assets/contentStart-d4.js" data-expo-hall>')
  })

  it.each(['/exhibitor', '/exhibitor/', '/organiser?lang=en', '/exhibitor/inbox?x=1'])('leaves them out for the console at %s, and only them', async (url) => {
    const body = await page(url)
    expect(body).not.toContain('data-expo-hall')
    expect(body).not.toContain('Hall-e5.js')
    expect(body).toContain('<link rel="modulepreload" crossorigin href="/assets/store-b2.js">')
    expect(body).toContain('<script type="module" crossorigin src="/assets/index-a1.js"></script>')
    expect(body).toContain('<meta name="expo-booking-server" content="/api" />')
  })

  it('removes whole lines, whatever the attribute order', () => {
    const html = '  <link data-expo-hall rel="modulepreload" href="/a.js">\n  <link rel="icon" href="/favicon.svg">\n'
    expect(withoutHallPreloads(html)).toBe('  <link rel="icon" href="/favicon.svg">\n')
  })
})
