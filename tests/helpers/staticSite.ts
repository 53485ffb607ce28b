/** A folder served as a static site on 127.0.0.1, the way a plain host serves the built app: files as they are, no fallback. */
import { createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

export interface StaticSite {
  url: string
  close(): Promise<void>
}

export async function serveFolder(folder: string): Promise<StaticSite> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    const path = normalize(join(folder, pathname.endsWith('/') ? `${pathname}index.html` : pathname))
    const file = path.startsWith(folder + sep) ? statSync(path, { throwIfNoEntry: false }) : undefined
    if (!file?.isFile()) {
      response.writeHead(404).end()
      return
    }
    // Revalidated on every load, as a host that deploys in place should serve them.
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' })
    createReadStream(path).pipe(response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
