/** Live screens through inject(): staff set their own booth's source, organisers the lobby's, every URL checked; the policy lets the allowed origins in. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readConfig } from '../../server/config'
import { EVENTS_CHANNEL, type ChangeNotice } from '../../server/live/changes'
import { CONTENT_SECURITY_POLICY_META } from '../../src/contentSecurityPolicy'
import { directivesOf } from '../helpers/policyDirectives'
import { TestClient, signedInStaffClient, startTestApp, type TestApp } from '../helpers/serverApp'

const STREAMS = 'https://live.example.com'
const LOOPBACK = 'http://127.0.0.1:4481'
const HLS = `${STREAMS}/booth/index.m3u8`
const MP4 = `${STREAMS}/booth/loop.mp4`
const OWN = 'hefei-shengmai-intelligence'
const OTHER = 'luyang-vision-inspection'

let server: TestApp
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'cloud-expo-screens-'))
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><html><head><meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}" />\n  </head><body></body></html>`,
  )
  server = await startTestApp({ config: { rateLimits: false, streamOrigins: [STREAMS, LOOPBACK], staticDir: root } })
}, 60_000)
afterAll(() => server?.stop())

const signedIn = (exhibitorId: string | null) => signedInStaffClient(server, exhibitorId)

const put = (client: TestClient, url: string, body: unknown) => client.request('PUT', url, { body })
const rowCount = async () => (await server.db.query<{ n: number }>('select count(*)::int as n from screen_sources')).rows[0].n

describe('a booth screen’s source', () => {
  it('is set by that exhibitor’s staff, listed publicly, and cleared back to the title card', async () => {
    const staff = await signedIn(OWN)
    expect((await staff.get('/api/console/screen')).body).toEqual({ source: null, allowedOrigins: [STREAMS, LOOPBACK] })
    const saved = await put(staff, '/api/console/screen', { hls: HLS, mp4: MP4 })
    expect(saved).toMatchObject({ status: 200, body: { source: { hls: HLS, mp4: MP4 } } })
    const listed = await new TestClient(server.app).get('/api/screens')
    expect(listed.body.screens).toEqual([{ screen: OWN, hls: HLS, mp4: MP4 }])
    // the loopback origin the server was told of (development, tests) plays over http
    expect((await put(staff, '/api/console/screen', { hls: `${LOOPBACK}/s/index.m3u8`, mp4: null })).status).toBe(200)
    expect((await put(staff, '/api/console/screen', { hls: null, mp4: null })).body).toEqual({ source: null, allowedOrigins: [STREAMS, LOOPBACK] })
    expect((await new TestClient(server.app).get('/api/screens')).body.screens).toEqual([])
  })

  it('is only ever the staff’s own booth: another booth cannot be named, and visitors cannot set one', async () => {
    const staff = await signedIn(OWN)
    const before = await rowCount()
    expect(await put(staff, '/api/console/screen', { hls: HLS, mp4: null, screen: OTHER })).toMatchObject({ status: 400, body: { code: 'invalid-body' } })
    expect(await put(staff, '/api/organiser/screen', { hls: HLS, mp4: null })).toMatchObject({ status: 401, body: { code: 'unauthorised' } })
    expect(await put(new TestClient(server.app), '/api/console/screen', { hls: HLS, mp4: null })).toMatchObject({ status: 401, body: { code: 'unauthorised' } })
    expect(await rowCount()).toBe(before)
  })

  it.each([
    ['an origin not allowed', { hls: 'https://evil.example.net/a.m3u8', mp4: null }, { hls: 'origin-not-allowed' }],
    ['http from anywhere but the allowed loopback', { hls: 'http://live.example.com/a.m3u8', mp4: null }, { hls: 'not-https' }],
    ['http on another loopback port', { hls: 'http://127.0.0.1:9/a.m3u8', mp4: null }, { hls: 'not-https' }],
    ['javascript:', { hls: null, mp4: 'javascript:alert(1)//.mp4' }, { mp4: 'not-https' }],
    ['data:', { hls: null, mp4: 'data:video/mp4;base64,AAAA' }, { mp4: 'not-https' }],
    ['credentials in the link', { hls: 'https://user:pw@live.example.com/a.m3u8', mp4: null }, { hls: 'has-credentials' }],
    ['a playlist that is not .m3u8', { hls: `${STREAMS}/a.mp4`, mp4: null }, { hls: 'wrong-kind' }],
    ['a video that is not .mp4', { hls: null, mp4: `${STREAMS}/a.m3u8` }, { mp4: 'wrong-kind' }],
    ['not a URL', { hls: 'live stream please', mp4: null }, { hls: 'not-a-url' }],
  ])('refuses %s with a code and the field’s problem, writing nothing', async (_name, body, fields) => {
    const staff = await signedIn(OWN)
    const before = await rowCount()
    expect(await put(staff, '/api/console/screen', body)).toMatchObject({ status: 400, body: { code: 'screen-url-invalid', fields } })
    expect(await rowCount()).toBe(before)
  })

  it('tells every open hall when it changes (on commit), and nothing when a change is refused', async () => {
    const notices: ChangeNotice[] = []
    const stop = await server.db.listen(EVENTS_CHANNEL, (payload) => notices.push(JSON.parse(payload) as ChangeNotice))
    try {
      const staff = await signedIn(OWN)
      expect((await put(staff, '/api/console/screen', { hls: 'https://elsewhere.example.org/a.m3u8', mp4: null })).status).toBe(400)
      expect((await put(staff, '/api/console/screen', { hls: HLS, mp4: null })).status).toBe(200)
      await expect.poll(() => notices.length).toBe(1)
      expect(notices[0]).toMatchObject({ screens: true, visitors: [], exhibitors: [] })
      expect((await put(staff, '/api/console/screen', { hls: null, mp4: null })).status).toBe(200)
      await expect.poll(() => notices.length).toBe(2)
    } finally {
      await stop()
    }
  })

  it('refuses shapes that are not a source before looking at them', async () => {
    const staff = await signedIn(OWN)
    const before = await rowCount()
    expect(await put(staff, '/api/console/screen', { hls: `${STREAMS}/${'a'.repeat(600)}.m3u8`, mp4: null })).toMatchObject({ status: 400, body: { code: 'invalid-body' } })
    expect(await put(staff, '/api/console/screen', { hls: 42, mp4: null })).toMatchObject({ status: 400, body: { code: 'invalid-body' } })
    expect(await put(staff, '/api/console/screen', { hls: HLS })).toMatchObject({ status: 400, body: { code: 'invalid-body' } })
    expect((await staff.request('PUT', '/api/console/screen', { raw: '{"hls":' })).status).toBe(400)
    expect(await rowCount()).toBe(before)
  })

  it('is kept to links by the database too, whatever the code above it does', async () => {
    await expect(server.db.query(`insert into screen_sources (screen_id, exhibitor_id, hls_url) values ($1, $1, 'javascript:alert(1)//.m3u8')`, [OWN])).rejects.toThrow()
    await expect(server.db.query(`insert into screen_sources (screen_id, exhibitor_id) values ($1, $1)`, [OWN])).rejects.toThrow()
    await expect(server.db.query(`insert into screen_sources (screen_id, exhibitor_id, mp4_url) values ($1, $2, $3)`, [OWN, OTHER, MP4])).rejects.toThrow()
  })
})

describe('the lobby screen', () => {
  it('is set by organisers only and listed as `lobby`', async () => {
    const organiser = await signedIn(null)
    expect(await put(organiser, '/api/console/screen', { hls: HLS, mp4: null })).toMatchObject({ status: 401 })
    expect(await put(organiser, '/api/organiser/screen', { hls: null, mp4: MP4 })).toMatchObject({ status: 200, body: { source: { mp4: MP4 } } })
    expect((await new TestClient(server.app).get('/api/screens')).body.screens).toContainEqual({ screen: 'lobby', mp4: MP4 })
    expect((await organiser.request('PUT', '/api/organiser/screen', { body: { hls: null, mp4: null } })).status).toBe(200)
  })
})

describe('stream origins', () => {
  it('widen media-src and connect-src in the header and in the page’s meta alike', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } })
    const header = directivesOf(String(page.headers['content-security-policy']))
    expect(header['media-src']).toEqual(["'self'", 'blob:', STREAMS, LOOPBACK])
    expect(header['connect-src']).toEqual(["'self'", STREAMS, LOOPBACK])
    const metas = [...page.body.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/gi)].map((match) => match[1])
    expect(metas).toHaveLength(1)
    const { 'frame-ancestors': _headerOnly, ...inMeta } = header
    expect(directivesOf(metas[0])).toEqual(inMeta)
  })

  it('are https origins, with http only on loopback outside production', () => {
    expect(readConfig({ STREAM_ORIGINS: 'https://a.example.com, http://127.0.0.1:4481' }).streamOrigins).toEqual(['https://a.example.com', 'http://127.0.0.1:4481'])
    expect(() => readConfig({ STREAM_ORIGINS: 'http://a.example.com' })).toThrow(/STREAM_ORIGINS/)
    expect(() => readConfig({ STREAM_ORIGINS: 'https://a.example.com/path' })).toThrow(/STREAM_ORIGINS/)
    expect(() => readConfig({ STREAM_ORIGINS: 'http://127.0.0.1:4481', NODE_ENV: 'production' })).toThrow(/STREAM_ORIGINS/)
  })
})
