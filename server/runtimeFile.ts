/**
 * While a server holds the embedded database's folder, it leaves its address and an admin secret there, so the
 * organiser's commands talk to it instead of opening the folder a second time.
 */
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface RuntimeFile {
  pid: number
  url: string
  adminToken: string
}

const NAME = 'server.json'

export function writeRuntimeFile(dataDir: string, runtime: RuntimeFile): () => void {
  const path = join(dataDir, NAME)
  writeFileSync(path, JSON.stringify(runtime), { mode: 0o600 })
  chmodSync(path, 0o600)
  return () => rmSync(path, { force: true })
}

/** The running server's file, if its process is alive (a file left by a killed server is ignored). */
export function readRuntimeFile(dataDir: string): RuntimeFile | undefined {
  try {
    const runtime = JSON.parse(readFileSync(join(dataDir, NAME), 'utf8')) as RuntimeFile
    process.kill(runtime.pid, 0)
    return runtime
  } catch {
    return undefined
  }
}
