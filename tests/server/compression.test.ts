/**
 * The built app as the booking server sends it: brotli to a client that asks for it, gzip to one that asks only for
 * that, the file as it is otherwise, byte for byte the same once decoded, with the headers a browser and a CDN need.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_COMPRESS_MIN_BYTES, negotiateEncoding, precompressFolder, PRECOMPRESS_MIN_BYTES } from '../../server/http/compression'
import { startTestApp, type TestApp } from '../helpers/serverApp'

/** A built app's shape: the source page and public files, and assets made of real source text, as a build names them. */
function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'cloud-expo-dist-'))
  cpSync('public', root, { recursive: true })
  writeFileSync(join(root, 'index.html'), readFileSync('index.html'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'assets', 'index-abc123.js'), readFileSync('server/app.ts'))
  writeFileSync(join(root, 'assets', 'index-abc123.css'), readFileSync('src/ui/overlay.css'))
  writeFileSync(join(root, 'assets', 'zones-abc123.json'), readFileSync('assets/content/wmc2021/zones.json'))
  writeFileSync(join(root, 'assets', 'tiny-abc123.js'), 'export const tiny = 1\n')
  writeFileSync(join(root, 'assets', 'favicon-abc123.svg'), readFileSync('src/ui/favicon.svg'))
  writeFileSync(join(root, 'sw.js'), readFileSync('src/offline/serviceWorker.js'))
  mkdirSync(join(root, '.vite'))
  writeFileSync(join(root, '.vite', 'manifest.json'), JSON.stringify({ 'index.html': { file: 'assets/index-abc123.js' }, padding: 'x'.repeat(2000) }))
  return root
}

const decode = (body: Buffer, encoding: string | undefined) =>
  encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body

/** Each file a visitor's browser fetches, its type and cache policy: immutable when hashed, revalidated otherwise. */
const FILES = [
  { path: 'assets/index-abc123.js', type: 'application/javascript; charset=utf-8', cache: 'public, max-age=31536000, immutable' },
  { path: 'assets/index-abc123.css', type: 'text/css; charset=utf-8', cache: 'public, max-age=31536000, immutable' },
  { path: 'assets/zones-abc123.json', type: 'application/json; charset=utf-8', cache: 'public, max-age=31536000, immutable' },
  { path: 'sw.js', type: 'application/javascript; charset=utf-8', cache: 'no-cache' },
  { path: 'manifest.webmanifest', type: 'application/manifest+json', cache: 'no-cache' },
] as const

let root: string
let server: TestApp
beforeAll(async () => {
  root = fakeBuild()
  await precompressFolder(root)
  server = await startTestApp({ config: { staticDir: root } })
}, 60_000)
afterAll(async () => {
  await server?.stop()
  if (root) rmSync(root, { recursive: true, force: true })
})

const get = (url: string, acceptEncoding?: string, extra: Record<string, string> = {}) =>
  server.app.inject({ method: 'GET', url, headers: { ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }), ...extra } })

describe('precompression at build time', () => {
  it('writes a brotli and a gzip copy beside every text file over the threshold, and none beside small, binary or unserved files', () => {
    for (const { path } of FILES) {
      const original = readFileSync(join(root, path))
      expect(original.length, path).toBeGreaterThanOrEqual(PRECOMPRESS_MIN_BYTES)
      expect(brotliDecompressSync(readFileSync(join(root, `${path}.br`))).equals(original), path).toBe(true)
      expect(gunzipSync(readFileSync(join(root, `${path}.gz`))).equals(original), path).toBe(true)
      expect(readFileSync(join(root, `${path}.br`)).length, path).toBeLessThan(readFileSync(join(root, `${path}.gz`)).length)
    }
    for (const path of ['assets/tiny-abc123.js', 'assets/favicon-abc123.svg', 'robots.txt', 'icons/icon-512.png', '.vite/manifest.json']) {
      expect(existsSync(join(root, `${path}.br`)) || existsSync(join(root, `${path}.gz`)), path).toBe(false)
    }
  })
})

describe('serving the built app compressed', () => {
  it('sends brotli when asked, gzip when only gzip is asked, the file as it is otherwise: the same bytes once decoded', async () => {
    const cases: [string | undefined, string | undefined][] = [
      ['gzip, deflate, br, zstd', 'br'],
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=1, br;q=0.5', 'gzip'],
      [undefined, undefined],
      ['identity', undefined],
      ['deflate', undefined],
    ]
    for (const { path, type, cache } of FILES) {
      const original = readFileSync(join(root, path))
      for (const [acceptEncoding, expected] of cases) {
        const label = `${path} with Accept-Encoding: ${acceptEncoding}`
        const answer = await get(`/${path}`, acceptEncoding)
        expect(answer.statusCode, label).toBe(200)
        expect(answer.headers['content-encoding'], label).toBe(expected)
        expect(decode(answer.rawPayload, expected).equals(original), label).toBe(true)
        expect(Number(answer.headers['content-length']), label).toBe(answer.rawPayload.length)
        if (expected) expect(answer.rawPayload.length, label).toBeLessThan(original.length * 0.6)
        expect(answer.headers['content-type'], label).toBe(type)
        expect(answer.headers['cache-control'], label).toBe(cache)
        // a shared cache keeps one copy per encoding, and hands no brotli to a client that cannot read it
        expect(answer.headers.vary, label).toMatch(/accept-encoding/i)
      }
    }
  })

  it('sends a file too small to gain as it is, whatever is asked', async () => {
    for (const path of ['assets/favicon-abc123.svg', 'robots.txt', 'assets/tiny-abc123.js']) {
      const answer = await get(`/${path}`, 'br, gzip')
      expect(answer.statusCode, path).toBe(200)
      expect(answer.headers['content-encoding'], path).toBeUndefined()
      expect(answer.rawPayload.equals(readFileSync(join(root, path))), path).toBe(true)
    }
  })

  it('compresses the page in each language as the client asks, and varies it on both headers', async () => {
    for (const url of ['/', '/?lang=en', '/exhibitor?signin=abc', '/index.html']) {
      for (const language of ['zh-CN', 'ko']) {
        const headers = { accept: 'text/html', 'accept-language': language }
        const plain = await get(url, undefined, headers)
        expect(plain.statusCode, url).toBe(200)
        expect(plain.headers['content-encoding'], url).toBeUndefined()
        expect(plain.body, url).toContain('<meta name="expo-booking-server" content="/api" />')
        for (const [acceptEncoding, expected] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['identity', undefined]] as const) {
          const label = `${url} in ${language} with ${acceptEncoding}`
          const answer = await get(url, acceptEncoding, headers)
          expect(answer.statusCode, label).toBe(200)
          expect(answer.headers['content-encoding'], label).toBe(expected)
          expect(decode(answer.rawPayload, expected).equals(plain.rawPayload), label).toBe(true)
          expect(Number(answer.headers['content-length']), label).toBe(answer.rawPayload.length)
          expect(answer.headers['content-type'], label).toBe('text/html; charset=utf-8')
          expect(answer.headers['cache-control'], label).toBe('no-cache')
          expect(answer.headers.vary, label).toBe('Accept-Language, Accept-Encoding')
        }
      }
    }
    // the API's errors are not pages and stay JSON as they were
    const missing = await get('/api/nope', 'br', { accept: 'text/html' })
    expect(missing.statusCode).toBe(404)
    expect(missing.headers['content-encoding']).toBeUndefined()
    expect(missing.json()).toMatchObject({ code: 'no-such-endpoint' })
  })

  it('answers any Accept-Encoding, however odd, with a readable page and file, never a server error', async () => {
    const hostile = [
      '',
      ',,, ;;; ,',
      '*',
      '*;q=0',
      'identity;q=0',
      'identity;q=0, *;q=0',
      'br;q=',
      'br;q=2',
      'br;q=-1, gzip;q=nan',
      'br;q=0.5;q=1',
      'BR',
      ' gzip ; q = 0.8 ',
      'compress, x-gzip, zstd',
      'br'.repeat(4000),
      Array.from({ length: 3000 }, (_, i) => `enc${i};q=0.${i % 10}`).join(', '),
      'gzip;q=1e3, br;q=0x1',
      'gzip\tbr',
    ]
    const page = (await get('/', undefined, { accept: 'text/html' })).rawPayload
    const script = readFileSync(join(root, 'assets/index-abc123.js'))
    for (const acceptEncoding of hostile) {
      const label = `Accept-Encoding: ${acceptEncoding.slice(0, 60)}`
      const shell = await get('/', acceptEncoding, { accept: 'text/html' })
      expect(shell.statusCode, label).toBe(200)
      expect(decode(shell.rawPayload, shell.headers['content-encoding'] as string | undefined).equals(page), label).toBe(true)
      const file = await get('/assets/index-abc123.js', acceptEncoding)
      expect(file.statusCode, label).toBe(200)
      expect(decode(file.rawPayload, file.headers['content-encoding'] as string | undefined).equals(script), label).toBe(true)
    }
  })
})

describe('the API compressed', () => {
  it('sends a large JSON answer in the encoding asked for, the same once decoded, and a small one as it is', async () => {
    const plain = await get('/api/openapi.json')
    expect(plain.statusCode).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.rawPayload.length).toBeGreaterThan(API_COMPRESS_MIN_BYTES)
    for (const [asked, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip']] as const) {
      const answer = await get('/api/openapi.json', asked)
      expect(answer.statusCode).toBe(200)
      expect(answer.headers['content-encoding']).toBe(encoding)
      expect(answer.headers.vary).toMatch(/accept-encoding/i)
      expect(answer.headers['content-type']).toMatch(/^application\/json/)
      expect(answer.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3)
      expect(Number(answer.headers['content-length'])).toBe(answer.rawPayload.length)
      expect(decode(answer.rawPayload, encoding).equals(plain.rawPayload)).toBe(true)
    }
    const small = await get('/api/health', 'br')
    expect(small.statusCode).toBe(200)
    expect(small.rawPayload.length).toBeLessThan(API_COMPRESS_MIN_BYTES)
    expect(small.headers['content-encoding']).toBeUndefined()
  })
})

describe('negotiateEncoding', () => {
  it('picks the highest q-value among brotli and gzip, brotli on a tie, and nothing for anything unreadable', () => {
    expect(negotiateEncoding(undefined)).toBeUndefined()
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br')
    expect(negotiateEncoding('gzip')).toBe('gzip')
    expect(negotiateEncoding('gzip;q=1, br;q=0.5')).toBe('gzip')
    expect(negotiateEncoding('br;q=0, *')).toBe('gzip')
    expect(negotiateEncoding('*')).toBe('br')
    expect(negotiateEncoding('*;q=0')).toBeUndefined()
    expect(negotiateEncoding('br;q=2, gzip;q=abc')).toBeUndefined()
    expect(negotiateEncoding(['gzip', 'br'])).toBe('br')
    expect(negotiateEncoding('identity, deflate')).toBeUndefined()
  })
})
