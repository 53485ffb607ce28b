/**
 * Compression of what the server sends of the built app. The static files are compressed once, at build time
 * (`precompressFolder`, called by vite.config.ts): a `.br` and a `.gz` beside each text file, which @fastify/static
 * serves with `preCompressed`. The HTML shell is made per visitor's language at start (http/appPage.ts), so it is
 * compressed here, in the process, once per page and encoding. The API's larger JSON answers (a booth's free slots
 * over four weeks are about 45 KB) are compressed as they go, with settings fast enough for every request.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions, type ZlibOptions } from 'node:zlib'
import type { FastifyInstance } from 'fastify'

/** Text the browser fetches of the app: scripts, styles, content, icons, the manifest, the pages, robots.txt. */
const COMPRESSIBLE = /\.(?:m?js|css|json|svg|webmanifest|html|txt|xml)$/i
/**
 * Under this a compressed copy saves a few hundred bytes at most, within the packet the headers take anyway: the web
 * manifest (under 1 KB, sent on every first visit) is just over it, the favicon (about 330 bytes) under. The shell is compressed
 * whatever its size.
 */
export const PRECOMPRESS_MIN_BYTES = 512
/** The encodings the files are stored in, the server's preference first (brotli is 15–20 % smaller on our JS). */
export const ENCODINGS = ['br', 'gzip'] as const
export type Encoding = (typeof ENCODINGS)[number]
export const ENCODING_EXTENSION: Record<Encoding, string> = { br: '.br', gzip: '.gz' }

/** Brotli's highest quality and gzip's highest level: time spent once (at build, or once per page), bytes saved on every visit. */
const brotliOptions = (data: Buffer): BrotliOptions => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
  },
})
const GZIP_OPTIONS: ZlibOptions = { level: 9 }

export function compress(data: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br' ? brotliCompressSync(data, brotliOptions(data)) : gzipSync(data, GZIP_OPTIONS)
}

const brotliAsync = promisify<Buffer, BrotliOptions, Buffer>(brotliCompress)
const gzipAsync = promisify<Buffer, ZlibOptions, Buffer>(gzip)
/** The same off the main thread (libuv's pool), so a build compresses its files side by side. */
const compressAsync = (data: Buffer, encoding: Encoding): Promise<Buffer> =>
  encoding === 'br' ? brotliAsync(data, brotliOptions(data)) : gzipAsync(data, GZIP_OPTIONS)

export interface PrecompressedFile {
  /** Relative to the folder, with `/`. */
  name: string
  bytes: number
  br?: number
  gzip?: number
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of the folder over PRECOMPRESS_MIN_BYTES, where
 * the encoding makes it smaller. Vite's own manifest (`.vite/`) is never served and is left alone.
 */
export async function precompressFolder(root: string): Promise<PrecompressedFile[]> {
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]))
  const compressible = filesUnder(root)
    .map((path) => ({ path, name: relative(root, path).split(sep).join('/') }))
    .filter(({ path, name }) => isPrecompressible(name) && statSync(path).size >= PRECOMPRESS_MIN_BYTES)
  return Promise.all(
    compressible.map(async ({ path, name }) => {
      const data = readFileSync(path)
      const file: PrecompressedFile = { name, bytes: data.length }
      for (const encoding of ENCODINGS) {
        const packed = await compressAsync(data, encoding)
        if (packed.length >= data.length) continue
        writeFileSync(path + ENCODING_EXTENSION[encoding], packed)
        file[encoding] = packed.length
      }
      return file
    }),
  )
}

export const isPrecompressible = (name: string) => COMPRESSIBLE.test(name) && !name.startsWith('.vite/')

/** A compressed copy the build wrote (`x.js.br`, `x.js.gz`): for whoever lists the build's files (the bench). */
export const isPrecompressedCopy = (name: string) => /\.(?:br|gz)$/.test(name)

/**
 * The encoding to answer an `Accept-Encoding` with: the highest q-value among ours (`*` stands for any), br on a tie,
 * none (identity) when nothing acceptable is asked. Anything unreadable in the header counts as not asked.
 */
export function negotiateEncoding(header: string | string[] | undefined): Encoding | undefined {
  if (header === undefined) return undefined
  const asked = new Map<string, number>()
  // a header of thousands of entries is someone's test, not a browser: the first 32 are enough
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',', 32)) {
    const [token, ...parameters] = part.trim().toLowerCase().split(';')
    if (!token) continue
    let q = 1
    for (const parameter of parameters) {
      const [key, value] = parameter.trim().split('=')
      if (key === 'q') q = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value?.trim() ?? '') ? Number(value) : 0
    }
    if (!asked.has(token)) asked.set(token, q)
  }
  let best: Encoding | undefined
  let bestQ = 0
  for (const encoding of ENCODINGS) {
    const q = asked.get(encoding) ?? asked.get('*') ?? 0
    if (q > bestQ) [best, bestQ] = [encoding, q]
  }
  return best
}

/** Appends a header name to `Vary` unless it (or `*`) is already there. */
export function addVary(current: unknown, name: string): string {
  const value = Array.isArray(current) ? current.join(', ') : typeof current === 'string' ? current : ''
  const names = value.split(',').map((v) => v.trim().toLowerCase()).filter(Boolean)
  if (names.includes(name.toLowerCase()) || names.includes('*')) return value
  return value ? `${value}, ${name}` : name
}

/**
 * Every HTML page the server sends (the shell, from its routes and the not-found handler's client-side routes) in
 * the encoding the client asks for. The pages are a few fixed strings (one per language), so each compressed
 * form is made once and kept; the cache is bounded all the same.
 */
export function installPageCompression(app: FastifyInstance, { maxCached = 12 } = {}) {
  const cache = new Map<string, Buffer>()
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload
    // the answer differs by the header whatever it is this time, so a shared cache must keep one per encoding
    void reply.header('vary', addVary(reply.getHeader('vary'), 'Accept-Encoding'))
    const encoding = negotiateEncoding(request.headers['accept-encoding'])
    if (!encoding) return payload
    const key = `${encoding}\0${payload}`
    let packed = cache.get(key)
    if (!packed) {
      packed = compress(Buffer.from(payload), encoding)
      if (cache.size >= maxCached) cache.delete(cache.keys().next().value!)
      cache.set(key, packed)
    }
    void reply.header('content-encoding', encoding)
    return packed
  })
}

/** Under this an API answer goes as it is: most are a few hundred bytes, where compressing saves nothing. */
export const API_COMPRESS_MIN_BYTES = 1024
/**
 * Per request, not once: brotli's quality 5 and gzip's level 6 compress 45 KB of slots in about a millisecond to
 * within a few per cent of their best (the slots' repeated keys and times are most of their bytes).
 */
const API_BROTLI: BrotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }
const API_GZIP: ZlibOptions = { level: 6 }

/**
 * JSON answers of the API over API_COMPRESS_MIN_BYTES in the encoding the client asks for, off the event loop. The
 * event stream and the live WebSocket are not JSON answers and pass untouched.
 */
export function installApiCompression(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload
    if (reply.getHeader('content-encoding')) return payload
    void reply.header('vary', addVary(reply.getHeader('vary'), 'Accept-Encoding'))
    if (Buffer.byteLength(payload) < API_COMPRESS_MIN_BYTES) return payload
    const encoding = negotiateEncoding(request.headers['accept-encoding'])
    if (!encoding) return payload
    const data = Buffer.from(payload)
    const packed = encoding === 'br' ? await brotliAsync(data, API_BROTLI) : await gzipAsync(data, API_GZIP)
    void reply.header('content-encoding', encoding)
    // set by the route for the plain answer, it would now be wrong; Fastify counts the buffer it is given
    reply.removeHeader('content-length')
    return packed
  })
}
