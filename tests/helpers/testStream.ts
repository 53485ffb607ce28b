/**
 * A small live-screen source made at test time: an HLS stream (H.264 in MPEG-TS, one-second segments) and an MP4 of
 * the same test pattern with a tone, written by ffmpeg, served from loopback with CORS as a stream host would.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'

export const FFMPEG = process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg'

/** Writes `index.m3u8` + segments and `loop.mp4` into a fresh folder; returns it. */
export function makeTestStream(seconds = 20): string {
  const dir = mkdtempSync(join(tmpdir(), 'cloud-expo-stream-'))
  const input = ['-f', 'lavfi', '-i', `testsrc=size=320x180:rate=15:duration=${seconds}`, '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`]
  const video = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-profile:v', 'baseline', '-g', '15', '-c:a', 'aac', '-b:a', '64k', '-shortest']
  const run = (args: string[]) => execFileSync(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', ...input, ...video, ...args], { stdio: 'pipe' })
  run(['-f', 'hls', '-hls_time', '1', '-hls_playlist_type', 'vod', '-hls_segment_filename', join(dir, 'seg%02d.ts'), join(dir, 'index.m3u8')])
  run(['-movflags', '+faststart', join(dir, 'loop.mp4')])
  return dir
}

const TYPES: Record<string, string> = { '.m3u8': 'application/vnd.apple.mpegurl', '.ts': 'video/mp2t', '.mp4': 'video/mp4' }

export interface StreamServer {
  origin: string
  /** Paths asked for, in order (to tell what the browser fetched). */
  requests: string[]
  close(): Promise<void>
}

/** Serves `dir` on 127.0.0.1:`port` with CORS for any origin; anything else is a 404 (a broken stream). */
export function serveTestStream(dir: string, port: number): Promise<StreamServer> {
  const requests: string[] = []
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    requests.push(path)
    response.setHeader('access-control-allow-origin', '*')
    response.setHeader('access-control-allow-headers', 'range')
    response.setHeader('access-control-expose-headers', 'content-length, content-range')
    if (request.method === 'OPTIONS') return void response.writeHead(204).end()
    const file = join(dir, normalize(path).replace(/^([/\\])+/, ''))
    if (!file.startsWith(dir) || !TYPES[extname(file)] || !statSync(file, { throwIfNoEntry: false })?.isFile()) return void response.writeHead(404).end('not found')
    const body = readFileSync(file)
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '')
    if (range) {
      const start = Number(range[1])
      const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1
      response.writeHead(206, { 'content-type': TYPES[extname(file)], 'content-range': `bytes ${start}-${end}/${body.length}`, 'accept-ranges': 'bytes' })
      return void response.end(body.subarray(start, end + 1))
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)], 'accept-ranges': 'bytes' })
    response.end(body)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((done) => server.close(() => done())) }),
    )
  })
}
