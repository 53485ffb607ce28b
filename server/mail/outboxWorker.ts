/** Sends the outbox's queued mails, each once, retrying failures with back-off; several server processes may run it at once. */
import { at, ms } from '../bookings/rows'
import type { Database } from '../db/database'
import type { MailTransport } from './transport'

/** Pino's (and so Fastify's) calling convention: details first, then the message. */
export interface OutboxLog {
  warn(details: object, message: string): void
  error(details: object, message: string): void
}

export interface OutboxWorkerOptions {
  db: Database
  transport: Pick<MailTransport, 'send'>
  now: () => number
  log?: OutboxLog
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Waits after the 1st, 2nd, 3rd, 4th failure, then every 6 hours. */
export const RETRY_DELAYS_MS = [MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 6 * HOUR] as const
/** After this many failed attempts a mail stays unsent, with its last error, for someone to look at. */
export const MAX_ATTEMPTS = 10
/**
 * A claimed mail is pushed this far into the future while it is sent, so no other worker takes it meanwhile; it
 * outlasts the SMTP transport's timeouts, and a worker that dies mid-send leaves the mail to be sent after it.
 */
export const CLAIM_LEASE_MS = 10 * MINUTE
/** A poke after a commit waits this long, so the mails of a burst of changes go out in one round. */
export const POKE_DELAY_MS = 50
const MAX_ERROR_LENGTH = 1000

export function retryDelay(failedAttempts: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(failedAttempts, 1), RETRY_DELAYS_MS.length) - 1]
}

/** Failures of the connection rather than of one mail: the rest of a round would fail the same way. */
const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY', 'EAUTH', 'ENOAUTH', 'ECONNREFUSED'])

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const code = errorCode(error)
  return (code && !message.includes(code) ? `${code}: ${message}` : message).slice(0, MAX_ERROR_LENGTH)
}

interface ClaimedMail {
  id: string
  to_address: string
  subject: string
  text_body: string
  ics: string | null
  ics_method: string | null
  attempts: number
  created_at: number
}

const consoleLog: OutboxLog = {
  warn: (details, message) => console.warn(message, details),
  error: (details, message) => console.error(message, details),
}

export class OutboxWorker {
  private readonly log: OutboxLog
  private interval: ReturnType<typeof setInterval> | undefined
  private pokeTimer: ReturnType<typeof setTimeout> | undefined
  private running: Promise<void> | undefined
  private runAgain = false
  private stopped = false

  constructor(private readonly options: OutboxWorkerOptions) {
    this.log = options.log ?? consoleLog
  }

  /**
   * Sends up to `limit` due mails, claiming them one at a time, and answers how many went out. A failed mail
   * waits its back-off; when the mail server cannot be reached the round ends, since the rest would fail too.
   */
  async sendDue(limit = 20): Promise<number> {
    let sent = 0
    for (let i = 0; i < limit; i++) {
      const mail = await this.claim()
      if (!mail) break
      try {
        await this.options.transport.send({
          to: mail.to_address,
          subject: mail.subject,
          text: mail.text_body,
          ics: mail.ics,
          icsMethod: mail.ics_method,
          messageKey: `outbox-${mail.id}-${mail.created_at}`,
        })
      } catch (error) {
        await this.recordFailure(mail, error)
        if (UNREACHABLE.has(errorCode(error) ?? '')) break
        continue
      }
      await this.recordSent(mail)
      sent++
    }
    return sent
  }

  /** Runs a round every `intervalMs` until `stop()`; the timer never keeps the process alive. */
  start(intervalMs: number): void {
    this.stopped = false
    clearInterval(this.interval)
    this.interval = setInterval(() => void this.runSafely(), intervalMs)
    this.interval.unref()
  }

  /** Asks for a round soon, e.g. after a transaction that queued mails committed; pokes close together share one. */
  poke(): void {
    if (this.stopped || this.pokeTimer) return
    this.pokeTimer = setTimeout(() => {
      this.pokeTimer = undefined
      void this.runSafely()
    }, POKE_DELAY_MS)
    this.pokeTimer.unref()
  }

  /** Stops the timers; resolves when a round in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.interval)
    clearTimeout(this.pokeTimer)
    this.interval = undefined
    this.pokeTimer = undefined
    await this.running
  }

  /** One round at a time per worker; a request during a round runs another right after it. Never rejects. */
  private runSafely(): Promise<void> {
    if (this.running) {
      this.runAgain = true
      return this.running
    }
    this.running = (async () => {
      do {
        this.runAgain = false
        try {
          await this.sendDue()
        } catch (error) {
          this.log.error({ err: error }, 'sending the outbox failed; trying again next round')
        }
      } while (this.runAgain && !this.stopped)
    })().finally(() => {
      this.running = undefined
    })
    return this.running
  }

  /**
   * Takes the oldest due mail by moving its next attempt a lease ahead, in one statement. `skip locked` lets
   * concurrent workers pass over a row another is claiming instead of queueing behind it, and once the
   * statement commits the row is no longer due for anyone else.
   */
  private async claim(): Promise<ClaimedMail | undefined> {
    const now = this.options.now()
    const { rows } = await this.options.db.query<ClaimedMail>(
      `update outbox set next_attempt_at = ${at('$2')}
       where id = (
         select id from outbox
         where sent_at is null and attempts < $3 and next_attempt_at <= ${at('$1')}
         order by next_attempt_at, id
         limit 1
         for update skip locked)
       returning id::text as id, to_address, subject, text_body, ics, ics_method, attempts, ${ms('created_at')} as created_at`,
      [now, now + CLAIM_LEASE_MS, MAX_ATTEMPTS],
    )
    return rows[0]
  }

  private async recordSent(mail: ClaimedMail): Promise<void> {
    try {
      await this.options.db.query(`update outbox set sent_at = ${at('$2')} where id = $1::bigint`, [mail.id, this.options.now()])
    } catch (error) {
      // the mail went out; with sent_at unset it goes again when the lease ends (the same Message-ID lets a receiver drop it)
      this.log.error({ err: error, outboxId: mail.id }, 'a mail was sent but could not be marked sent; it will be sent again')
      throw error
    }
  }

  private async recordFailure(mail: ClaimedMail, error: unknown): Promise<void> {
    const attempts = mail.attempts + 1
    const lastError = describeError(error)
    const next = this.options.now() + retryDelay(attempts)
    await this.options.db.query(`update outbox set attempts = $2, last_error = $3, next_attempt_at = ${at('$4')} where id = $1::bigint`, [
      mail.id,
      attempts,
      lastError,
      next,
    ])
    if (attempts >= MAX_ATTEMPTS) {
      this.log.error({ outboxId: mail.id, attempts, lastError }, 'giving up on a mail after repeated failures; it stays unsent in the outbox')
    } else {
      this.log.warn({ outboxId: mail.id, attempts, lastError, retryAt: new Date(next).toISOString() }, 'sending a mail failed; it will be retried')
    }
  }
}
