/**
 * The one database seam: PGlite (PostgreSQL in WebAssembly, in a data folder) by default, or a PostgreSQL server
 * when DATABASE_URL is set. Both speak the same SQL, run the same migrations and deliver LISTEN/NOTIFY.
 */
import { execFile } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist'
import { pgDump } from '@electric-sql/pglite-tools/pg_dump'
import pg from 'pg'

export interface QueryResult<Row> {
  rows: Row[]
  rowCount: number
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs `work` in one transaction; serialisation failures and deadlocks are retried a few times. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  /** Calls back with each NOTIFY payload on the channel, after the notifying transaction commits. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>
  /** A plain-SQL dump (schema and data) that `psql` restores into any PostgreSQL: pg_dump, for PGlite its WebAssembly build. */
  dumpSql(): Promise<string>
  close(): Promise<void>
}

/** SQLSTATEs after which the whole transaction may simply run again. */
const RETRYABLE = new Set(['40001', '40P01'])
const MAX_ATTEMPTS = 4

export function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined
}

export function constraintOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'constraint' in error && typeof error.constraint === 'string'
    ? error.constraint
    : undefined
}

async function withRetries<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(sqlState(error) ?? '')) throw error
      // a little jitter so two retried transactions do not collide again at once
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt))
    }
  }
}

export interface DatabaseOptions {
  databaseUrl?: string
  /** PGlite's folder, or 'memory://' for a throw-away database. */
  dataDir: string
  /** Connections to a PostgreSQL server (one is kept apart for LISTEN). */
  poolSize?: number
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 20) : openPglite(options.dataDir)
}

async function openPglite(dataDir: string): Promise<Database> {
  if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true })
  const db = await PGlite.create({ dataDir: dataDir === 'memory://' ? undefined : dataDir, extensions: { btree_gist } })
  const unwrap = <Row>(result: { rows: Row[]; affectedRows?: number }): QueryResult<Row> => ({
    rows: result.rows,
    rowCount: result.affectedRows ?? result.rows.length,
  })
  return {
    kind: 'pglite',
    query: async <Row>(sql: string, params?: readonly unknown[]) => unwrap(await db.query<Row>(sql, params as unknown[])),
    // PGlite runs one transaction at a time, so there is nothing to retry; races are proven on PostgreSQL.
    transaction: (work) => db.transaction((tx) => work({ query: async <Row>(sql: string, params?: readonly unknown[]) => unwrap(await tx.query<Row>(sql, params as unknown[])) })),
    async listen(channel, onPayload) {
      const stop = await db.listen(channel, onPayload)
      return () => stop()
    },
    dumpSql: async () => (await pgDump({ pg: db, args: ['--no-owner'] })).text(),
    close: () => db.close(),
  }
}

async function openPostgres(connectionString: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize })
  // an idle client that loses its connection must not take the process down
  pool.on('error', () => undefined)
  const listeners = new Map<string, Set<(payload: string) => void>>()
  let listener: pg.Client | null = null
  let closing = false

  /** One connection held for LISTEN, re-opened after a lost connection with every channel listened to again. */
  async function connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString })
    client.on('notification', (message) => {
      for (const callback of listeners.get(message.channel) ?? []) callback(message.payload ?? '')
    })
    client.on('error', () => undefined)
    client.on('end', () => {
      if (listener === client) listener = null
      if (!closing) setTimeout(() => void connectListener().catch(() => undefined), 1000)
    })
    await client.connect()
    for (const channel of listeners.keys()) await client.query(`listen ${pg.escapeIdentifier(channel)}`)
    listener = client
  }

  return {
    kind: 'postgres',
    query: async <Row>(sql: string, params?: readonly unknown[]) => {
      const result = await pool.query(sql, params as unknown[])
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 }
    },
    transaction: (work) =>
      withRetries(async () => {
        const client = await pool.connect()
        try {
          await client.query('begin')
          const result = await work({
            query: async <Row>(sql: string, params?: readonly unknown[]) => {
              const r = await client.query(sql, params as unknown[])
              return { rows: r.rows as Row[], rowCount: r.rowCount ?? 0 }
            },
          })
          await client.query('commit')
          return result
        } catch (error) {
          await client.query('rollback').catch(() => undefined)
          throw error
        } finally {
          client.release()
        }
      }),
    async listen(channel, onPayload) {
      let callbacks = listeners.get(channel)
      if (!callbacks) {
        listeners.set(channel, (callbacks = new Set()))
        if (listener) await listener.query(`listen ${pg.escapeIdentifier(channel)}`)
      }
      callbacks.add(onPayload)
      if (!listener) await connectListener()
      return async () => {
        callbacks.delete(onPayload)
      }
    },
    async dumpSql() {
      // Debian's postgresql-client; its major version must not be older than the server's
      const { stdout } = await promisify(execFile)('pg_dump', ['--no-owner', '--dbname', connectionString], { maxBuffer: 1 << 30 })
      return stdout
    },
    async close() {
      closing = true
      await listener?.end().catch(() => undefined)
      await pool.end()
    },
  }
}
