/**
 * A real Redis for the presence tests: TEST_REDIS_URL when CI started one, otherwise a throw-away redis-server on a
 * free port (Debian's redis-server package). Pub/sub ignores Redis's numbered databases, so every caller gets a
 * channel of its own instead.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { freePort } from './serverProcess'

const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path)) ?? which('redis-server')

function which(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() || undefined : undefined
}

/** Why there is no Redis here, or undefined when there is one (or CI insists on it). */
export function redisUnavailable(): string | undefined {
  if (process.env.TEST_REDIS_URL || REDIS_SERVER) return undefined
  if (process.env.CI) throw new Error('CI must run the Redis tests: set TEST_REDIS_URL or install redis-server')
  return 'no Redis here: set TEST_REDIS_URL or install the redis-server package to run the Redis presence tests'
}

/** Why no Redis can be stopped and started again here (the outage tests need the binary, not only a URL). */
export function localRedisUnavailable(): string | undefined {
  if (REDIS_SERVER) return undefined
  if (process.env.CI) throw new Error('CI must run the Redis outage tests: install redis-server')
  return 'no redis-server binary here: install the redis-server package to run the Redis outage tests'
}

export interface TestRedis {
  url: string
  /** A channel nobody else in this run uses. */
  channel: string
  stop(): Promise<void>
}

let channels = 0
const freshChannel = () => `expo_presence_test_${process.pid}_${++channels}_${Date.now().toString(36)}`

export async function startTestRedis(): Promise<TestRedis> {
  if (process.env.TEST_REDIS_URL) return { url: process.env.TEST_REDIS_URL, channel: freshChannel(), stop: async () => undefined }
  const local = await startLocalRedis()
  return { url: local.url, channel: freshChannel(), stop: () => local.stop() }
}

/** A redis-server of the test's own that it may stop and start again on the same port (an outage). */
export interface LocalRedis {
  url: string
  port: number
  /** Kills it at once (as a crash or a cut cable would) and waits until it is gone. */
  kill(): Promise<void>
  /** Starts it again on the same port and waits until it answers. */
  restart(): Promise<void>
  stop(): Promise<void>
}

export async function startLocalRedis(port?: number): Promise<LocalRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'cloud-expo-redis-'))
  const chosen = port ?? (await freePort())
  let child: ChildProcess | undefined
  const launch = async () => {
    const server = spawn(REDIS_SERVER!, ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' })
    child = server
    await waitUntilAnswering(`redis://127.0.0.1:${chosen}`, server)
  }
  const kill = async () => {
    const server = child
    child = undefined
    if (!server || server.exitCode !== null || server.signalCode !== null) return
    const gone = new Promise<void>((resolve) => server.once('exit', () => resolve()))
    server.kill('SIGKILL')
    await gone
  }
  const onExit = () => child?.kill('SIGKILL')
  process.once('exit', onExit)
  await launch()
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    kill,
    restart: launch,
    async stop() {
      process.off('exit', onExit)
      await kill()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function waitUntilAnswering(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000
  for (;;) {
    if (server.exitCode !== null) throw new Error(`redis-server exited with ${server.exitCode}`)
    const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 })
    client.on('error', () => undefined)
    try {
      await client.connect()
      await client.ping()
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 50))
    } finally {
      client.disconnect()
    }
  }
}
