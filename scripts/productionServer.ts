/**
 * The booking server as production runs it, serving a built app (`STATIC_DIR`) compressed, on a free loopback port
 * over an embedded database in a temporary folder: what the Lighthouse run and the start-up bench measure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort, startServerProcess } from '../tests/helpers/serverProcess'

export interface ProductionServer {
  url: string
  stop(): Promise<void>
}

export async function startProductionServer(dist = 'dist'): Promise<ProductionServer> {
  const staticDir = resolve(dist)
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error(`No built app in ${staticDir}: run \`npx vite build --outDir ${dist}\` first`)
  const dataDir = mkdtempSync(join(tmpdir(), 'cloud-expo-production-'))
  const port = await freePort()
  try {
    const server = await startServerProcess({
      NODE_ENV: 'production',
      STATIC_DIR: staticDir,
      DATA_DIR: dataDir,
      PORT: String(port),
      // the origin the browser sees, for the same-site guard (PORT=0 would name port 0)
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
    })
    return {
      url: server.url,
      async stop() {
        await server.kill()
        rmSync(dataDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
}
