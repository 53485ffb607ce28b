/**
 * A request that creates or changes a booking carries an Idempotency-Key. Its answer is stored in the same
 * transaction as the change, so a retry gets the first answer and never a second booking; the primary key
 * (subject, key) makes two concurrent copies of one request wait for each other in the database.
 */
import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { IDEMPOTENCY_HEADER, idempotencyKeySchema } from '../../src/booking/api'
import type { Database, Queryable } from '../db/database'
import { ApiFailure, badRequest } from './errors'

export interface StoredAnswer {
  status: number
  body: unknown
}

/** The validated key of a changing request; a missing or malformed key is refused before any work. */
export function idempotencyKeyOf(request: FastifyRequest): string {
  const raw = request.headers[IDEMPOTENCY_HEADER.toLowerCase()]
  if (raw === undefined) throw badRequest('idempotency-key-required', `Send an ${IDEMPOTENCY_HEADER} header (a fresh UUID per change)`)
  const parsed = idempotencyKeySchema.safeParse(Array.isArray(raw) ? raw[0] : raw)
  if (!parsed.success) throw badRequest('idempotency-key-invalid', `${IDEMPOTENCY_HEADER} ${parsed.error.issues[0].message}`)
  return parsed.data
}

/** One change as the idempotent store keys it: who asks, their key, and what they asked. */
export interface ChangeRequest {
  subject: string
  key: string
  fingerprint: string
}

/** The change a request asks for, on behalf of a visitor or a staff member (their keys never collide). */
export function changeRequest(request: FastifyRequest, subject: { visitorId: string } | { staffId: string }): ChangeRequest {
  return {
    subject: 'visitorId' in subject ? `visitor:${subject.visitorId}` : `staff:${subject.staffId}`,
    key: idempotencyKeyOf(request),
    fingerprint: requestFingerprint(request),
  }
}

/** What makes two requests "the same": method, path and body. */
export function requestFingerprint(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url.split('?')[0]}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex')
}

/**
 * Runs `work` once per (subject, key): inside one transaction, the key is claimed first (a concurrent copy waits
 * on it), then the work runs and its answer is stored. A later copy gets the stored answer. If `work` throws,
 * everything rolls back, the key included, so the request can be tried again.
 */
export async function once(
  db: Database,
  subject: string,
  key: string,
  fingerprint: string,
  work: (tx: Queryable) => Promise<StoredAnswer>,
  now: number,
): Promise<StoredAnswer & { replayed: boolean }> {
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      `insert into idempotency_keys (subject, key, request_hash, status_code, response, created_at)
       values ($1, $2, $3, 0, 'null', to_timestamp($4::float8 / 1000)) on conflict do nothing returning 1`,
      [subject, key, fingerprint, now],
    )
    if (claimed.rowCount === 0) {
      const { rows } = await tx.query<{ request_hash: string; status_code: number; response: unknown }>(
        'select request_hash, status_code, response from idempotency_keys where subject = $1 and key = $2',
        [subject, key],
      )
      const stored = rows[0]
      if (!stored || stored.request_hash !== fingerprint) {
        throw new ApiFailure(422, 'idempotency-key-reused', `This ${IDEMPOTENCY_HEADER} was used for a different request`)
      }
      return { status: stored.status_code, body: stored.response, replayed: true }
    }
    const answer = await work(tx)
    await tx.query('update idempotency_keys set status_code = $3, response = $4 where subject = $1 and key = $2', [
      subject,
      key,
      answer.status,
      JSON.stringify(answer.body),
    ])
    return { ...answer, replayed: false }
  })
}

/** How a service collects the notices of one change and queues them in its transaction (PostgreSQL sends them on commit). */
export interface NoticeOutbox<N> {
  open(): N
  publish(tx: Queryable, notices: N): Promise<void>
}

/**
 * A service's change: runs `work` once for the request (see once()) at one instant, with the notices it collects
 * published in the same transaction, so nobody hears of a change that rolled back or of a replay.
 */
export function changeOnce<N>(
  db: Database,
  change: ChangeRequest,
  now: number,
  outbox: NoticeOutbox<N>,
  work: (tx: Queryable, notices: N, now: number) => Promise<StoredAnswer>,
): Promise<StoredAnswer & { replayed: boolean }> {
  return once(
    db,
    change.subject,
    change.key,
    change.fingerprint,
    async (tx) => {
      const notices = outbox.open()
      const answer = await work(tx, notices, now)
      await outbox.publish(tx, notices)
      return answer
    },
    now,
  )
}
