/**
 * Who is asking: a visitor (anonymous until they book, one per browser unless they sign in elsewhere) or exhibitor
 * staff, each behind an httpOnly, SameSite=Lax cookie whose value is a random secret stored only as a hash.
 */
import '@fastify/cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { randomUUID } from 'node:crypto'
import type { Language } from '../../src/content/schema'
import type { Database, Queryable } from '../db/database'
import { unauthorised } from '../http/errors'
import { hashSecret, newSecret } from './tokens'

export type SubjectKind = 'visitor' | 'staff'

export const SESSION_COOKIE: Record<SubjectKind, string> = { visitor: 'expo_visitor', staff: 'expo_staff' }
/** Visitors keep their agenda for as long as browsers allow a cookie (400 days); staff sign in again monthly. */
const SESSION_DAYS: Record<SubjectKind, number> = { visitor: 400, staff: 30 }
const DAY_MS = 86_400_000

export interface StaffMember {
  id: string
  exhibitorId: string | null
  role: 'exhibitor' | 'organiser'
  email: string
  name: string
  language: Language
}

export class Sessions {
  constructor(
    private readonly db: Database,
    private readonly options: { secureCookies: boolean; now: () => number },
  ) {}

  /** Opens a session for the subject and sets its cookie on the reply. */
  async open(reply: FastifyReply, kind: SubjectKind, subjectId: string, tx: Queryable = this.db): Promise<void> {
    const secret = newSecret()
    const maxAgeMs = SESSION_DAYS[kind] * DAY_MS
    await tx.query('insert into sessions (id_hash, subject_kind, subject_id, created_at, expires_at) values ($1, $2, $3, to_timestamp($4::float8 / 1000), to_timestamp($5::float8 / 1000))', [
      hashSecret(secret),
      kind,
      subjectId,
      this.options.now(),
      this.options.now() + maxAgeMs,
    ])
    void reply.setCookie(SESSION_COOKIE[kind], secret, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.options.secureCookies,
      maxAge: maxAgeMs / 1000,
    })
  }

  async close(request: FastifyRequest, reply: FastifyReply, kind: SubjectKind): Promise<void> {
    const secret = request.cookies[SESSION_COOKIE[kind]]
    if (secret) await this.db.query('delete from sessions where id_hash = $1', [hashSecret(secret)])
    void reply.clearCookie(SESSION_COOKIE[kind], { path: '/' })
  }

  /** The subject id behind the request's cookie, if it names a live session. */
  async subjectOf(request: FastifyRequest, kind: SubjectKind): Promise<string | undefined> {
    const secret = request.cookies[SESSION_COOKIE[kind]]
    if (!secret || secret.length > 100) return undefined
    const { rows } = await this.db.query<{ subject_id: string }>(
      'select subject_id from sessions where id_hash = $1 and subject_kind = $2 and expires_at > to_timestamp($3::float8 / 1000)',
      [hashSecret(secret), kind, this.options.now()],
    )
    return rows[0]?.subject_id
  }

  async visitorOf(request: FastifyRequest): Promise<string | undefined> {
    return this.subjectOf(request, 'visitor')
  }

  async requireVisitor(request: FastifyRequest): Promise<string> {
    const visitorId = await this.visitorOf(request)
    if (!visitorId) throw unauthorised('No visitor session: book once or open your private agenda link')
    return visitorId
  }

  /** The visitor behind the request, created (with its cookie) when there is none yet. */
  async ensureVisitor(request: FastifyRequest, reply: FastifyReply, language: Language): Promise<string> {
    const existing = await this.visitorOf(request)
    if (existing) return existing
    const visitorId = randomUUID()
    await this.db.transaction(async (tx) => {
      await tx.query('insert into visitors (id, language) values ($1, $2)', [visitorId, language])
      await this.open(reply, 'visitor', visitorId, tx)
    })
    return visitorId
  }

  async staffOf(request: FastifyRequest): Promise<StaffMember | undefined> {
    const staffId = await this.subjectOf(request, 'staff')
    if (!staffId) return undefined
    const { rows } = await this.db.query<{ id: string; exhibitor_id: string | null; role: StaffMember['role']; email: string; name: string; language: Language }>(
      'select id, exhibitor_id, role, email, name, language from staff where id = $1 and removed_at is null',
      [staffId],
    )
    const row = rows[0]
    return row && { id: row.id, exhibitorId: row.exhibitor_id, role: row.role, email: row.email, name: row.name, language: row.language }
  }

  async requireStaff(request: FastifyRequest): Promise<StaffMember & { exhibitorId: string }> {
    const staff = await this.staffOf(request)
    if (!staff || staff.role !== 'exhibitor' || !staff.exhibitorId) throw unauthorised('Sign in with the link from your invitation')
    return staff as StaffMember & { exhibitorId: string }
  }

  async requireOrganiser(request: FastifyRequest): Promise<StaffMember> {
    const staff = await this.staffOf(request)
    if (!staff || staff.role !== 'organiser') throw unauthorised('Organisers only: sign in with the link from your invitation')
    return staff
  }
}
