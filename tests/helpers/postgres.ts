/**
 * A real PostgreSQL for the tests that prove races (PGlite runs one transaction at a time, so it proves none):
 * TEST_DATABASE_URL when CI started a server, otherwise a throw-away cluster from Debian's postgresql package.
 * Each caller gets a fresh database of its own, dropped when it stops.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { freePort } from './serverProcess'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export interface TestPostgres {
  /** A fresh, empty database on the server. */
  url: string
  stop(): Promise<void>
}

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
  return versions.map((v) => join(root, v, 'bin')).find((bin) => existsSync(join(bin, 'initdb')))
}

/** Why there is no PostgreSQL here, or undefined when there is one (or CI insists on it). */
export function postgresUnavailable(): string | undefined {
  if (process.env.TEST_DATABASE_URL || postgresBin()) return undefined
  if (process.env.CI) throw new Error('CI must run the PostgreSQL tests: set TEST_DATABASE_URL or install postgresql')
  return 'no PostgreSQL here: set TEST_DATABASE_URL or install the postgresql package to run the race tests'
}

let cluster: Promise<{ url: string; stop(): void }> | undefined

/** A throw-away cluster on a free port (the vitest global set-up starts one per run; the bench, its own). */
export async function startLocalCluster(): Promise<{ url: string; stop(): void }> {
  const bin = postgresBin()!
  const dir = mkdtempSync(join(tmpdir(), 'cloud-expo-pg-'))
  const port = await freePort()
  // PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user
  const asRoot = process.getuid?.() === 0
  const run = (command: string) => {
    const result = asRoot ? spawnSync('su', ['postgres', '-c', command], { encoding: 'utf8' }) : spawnSync('sh', ['-c', command], { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`${command}\n${result.stderr}`)
  }
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()))
  run(`${bin}/initdb -D ${dir}/db -A trust -U postgres >/dev/null`)
  // enough connections for two server processes' pools and a 50-client race
  run(`${bin}/pg_ctl -D ${dir}/db -w -o "-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c log_lock_waits=on -c deadlock_timeout=200ms" -l ${dir}/log start >/dev/null`)
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    try {
      run(`${bin}/pg_ctl -D ${dir}/db -m immediate stop >/dev/null`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  process.once('exit', stop)
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop }
}

let databases = 0

export async function startTestPostgres(): Promise<TestPostgres> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? (await (cluster ??= startLocalCluster())).url
  const name = `cloud_expo_test_${process.pid}_${++databases}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`create database ${name} template template0 encoding 'UTF8'`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    },
  }
}
