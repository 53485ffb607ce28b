/** One typed reading of the environment: everything the server can be told, with the defaults a fresh machine needs. */
import { resolve } from 'node:path'
import { parseStreamOrigin } from '../src/live/screens'

export interface ServerConfig {
  host: string
  port: number
  /** `postgres://…` for a PostgreSQL server; unset means the embedded PGlite in `dataDir`. */
  databaseUrl?: string
  /** `redis://…` (or rediss://): presence crosses processes over Redis pub/sub instead of PostgreSQL NOTIFY. */
  redisUrl?: string
  /** The Redis pub/sub channel for presence: one per deployment when several share a Redis. */
  redisChannel: string
  /** The embedded database's folder, and the development outbox beside it. `memory://` keeps it in memory (tests). */
  dataDir: string
  /** The built app to serve (`vite build` output); absent in development, where Vite serves it. */
  staticDir?: string
  /** The address visitors and staff open, for links in mails and printed invitations. */
  publicUrl: string
  /** `smtp://user:pass@host:port` (or smtps://); unset means mails go to the development outbox. */
  smtpUrl?: string
  mailFrom: string
  /** How long a pending request (or a proposal) holds its table before it expires. */
  holdHours: number
  /** How often expired holds are released and the outbox is sent, in milliseconds. */
  sweepIntervalMs: number
  /** Set the Secure flag on cookies (behind HTTPS). */
  secureCookies: boolean
  /** Trust X-Forwarded-* from a proxy in front (the client address for rate limits, the protocol for cookies). */
  trustProxy: boolean
  /** Rate limits on; only load tests of a server the run started turn them off. */
  rateLimits: boolean
  /** Development extras: the outbox can be read at /api/dev/outbox. */
  development: boolean
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent'
  /** Origins the live screens may play from (`STREAM_ORIGINS`): added to the Content-Security-Policy and required of every source. */
  streamOrigins: string[]
}

export class ConfigError extends Error {}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || value > max) throw new ConfigError(`${name} must be a number from ${min} to ${max}, not "${raw}"`)
  return value
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase()
  if (raw === undefined || raw === '') return fallback
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true
  if (['0', 'false', 'no', 'off'].includes(raw)) return false
  throw new ConfigError(`${name} must be true or false, not "${env[name]}"`)
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const port = number(env, 'PORT', 8787, 0, 65535)
  const host = env.HOST || '127.0.0.1'
  const databaseUrl = env.DATABASE_URL || undefined
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://')
  const redisUrl = env.REDIS_URL || undefined
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must start with redis:// or rediss://')
  const redisChannel = env.REDIS_CHANNEL || 'expo_presence'
  if (!/^[\w.:-]{1,100}$/.test(redisChannel)) throw new ConfigError('REDIS_CHANNEL must be letters, digits and . : _ - (at most 100)')
  const smtpUrl = env.SMTP_URL || undefined
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://')
  const publicUrl = (env.PUBLIC_URL || `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`).replace(/\/+$/, '')
  if (!/^https?:\/\//.test(publicUrl)) throw new ConfigError('PUBLIC_URL must start with http:// or https://')
  const production = env.NODE_ENV === 'production'
  const streamOrigins = (env.STREAM_ORIGINS ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((raw) => {
      // http only on this machine's loopback, and never in production
      const origin = parseStreamOrigin(raw, !production)
      if (!origin) throw new ConfigError(`STREAM_ORIGINS: "${raw}" is not an https origin like https://live.example.com${production ? '' : ' (or http://127.0.0.1:port)'}`)
      return origin
    })
  const dataDir = env.DATA_DIR === 'memory://' ? 'memory://' : resolve(cwd, env.DATA_DIR || '.data')
  return {
    host,
    port,
    databaseUrl,
    redisUrl,
    redisChannel,
    dataDir,
    staticDir: env.STATIC_DIR === '' ? undefined : resolve(cwd, env.STATIC_DIR || 'dist'),
    publicUrl,
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Cloud Expo <noreply@cloud-expo.invalid>',
    holdHours: number(env, 'HOLD_HOURS', 24, 0.01, 24 * 14),
    sweepIntervalMs: number(env, 'SWEEP_INTERVAL_MS', 30_000, 50, 3_600_000),
    secureCookies: flag(env, 'SECURE_COOKIES', publicUrl.startsWith('https://')),
    trustProxy: flag(env, 'TRUST_PROXY', false),
    rateLimits: flag(env, 'RATE_LIMITS', true),
    development: !production,
    streamOrigins: [...new Set(streamOrigins)],
    logLevel: (['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const).find((l) => l === env.LOG_LEVEL) ?? (production ? 'info' : 'warn'),
  }
}
