/**
 * Sign-in without passwords: staff are invited by a single-use link, visitors open their agenda elsewhere through
 * a private link or a single-use link mailed to the address they booked with. Only hashes of the secrets are kept.
 */
import { randomUUID } from 'node:crypto'
import type { Language } from '../../src/content/schema'
import type { Database, Queryable } from '../db/database'
import { at } from '../bookings/rows'
import type { Notices } from '../mail/notices'
import { hashSecret, newSecret } from './tokens'

const MINUTE = 60_000
/** An invitation may sit in an inbox for a week; a link asked for just now is used within the hour. */
export const INVITATION_VALID_MS = 7 * 24 * 60 * MINUTE
export const SIGN_IN_VALID_MS = 60 * MINUTE

export type Redeemed = { kind: 'visitor'; visitorId: string } | { kind: 'staff'; staffId: string; role: 'exhibitor' | 'organiser' }

export interface StaffInvitation {
  staffId: string
  link: string
  expiresAt: number
  /** False when the address already had an account there (a new link is issued all the same). */
  created: boolean
}

export class SignInLinks {
  constructor(private readonly options: { db: Database; notices: Notices; publicUrl: string; now: () => number }) {}

  private async issue(tx: Queryable, kind: 'visitor' | 'staff', subjectId: string, validMs: number): Promise<{ secret: string; expiresAt: number }> {
    const secret = newSecret()
    const expiresAt = this.options.now() + validMs
    await tx.query(
      `insert into sign_in_tokens (token_hash, subject_kind, subject_id, purpose, expires_at, created_at) values ($1, $2, $3, 'sign-in', ${at('$4')}, ${at('$5')})`,
      [hashSecret(secret), kind, subjectId, expiresAt, this.options.now()],
    )
    return { secret, expiresAt }
  }

  private staffLink(role: 'exhibitor' | 'organiser', secret: string): string {
    return `${this.options.publicUrl}/${role === 'organiser' ? 'organiser' : 'exhibitor'}?signin=${secret}`
  }

  /**
   * Creates the staff account if the address has none there, issues a sign-in link and mails it (with SMTP
   * configured; otherwise into the development outbox). `exhibitorId` null invites an organiser.
   */
  async inviteStaff(input: { exhibitorId: string | null; email: string; name?: string; language: Language }): Promise<StaffInvitation> {
    const email = input.email.trim().toLowerCase()
    const role = input.exhibitorId ? 'exhibitor' : 'organiser'
    return this.options.db.transaction(async (tx) => {
      const existing = await tx.query<{ id: string }>(
        `select id from staff where coalesce(exhibitor_id, '') = $1 and email = $2 and removed_at is null`,
        [input.exhibitorId ?? '', email],
      )
      let staffId = existing.rows[0]?.id
      const created = !staffId
      if (!staffId) {
        staffId = randomUUID()
        await tx.query(`insert into staff (id, exhibitor_id, role, email, name, language, created_at) values ($1, $2, $3, $4, $5, $6, ${at('$7')})`, [
          staffId,
          input.exhibitorId,
          role,
          email,
          input.name?.trim() ?? '',
          input.language,
          this.options.now(),
        ])
      }
      const { secret, expiresAt } = await this.issue(tx, 'staff', staffId, INVITATION_VALID_MS)
      const link = this.staffLink(role, secret)
      await this.options.notices.signInLink(tx, { kind: input.exhibitorId ? 'staff-invitation' : 'organiser-invitation', to: email, language: input.language, link, exhibitorId: input.exhibitorId ?? undefined, expiresAt })
      return { staffId, link, expiresAt, created }
    })
  }

  /** Mails a fresh link to every staff account of that address. Says nothing about whether there is one. */
  async mailStaffLink(email: string): Promise<void> {
    await this.options.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; role: 'exhibitor' | 'organiser'; exhibitor_id: string | null; language: Language }>(
        'select id, role, exhibitor_id, language from staff where email = $1 and removed_at is null',
        [email.trim().toLowerCase()],
      )
      for (const staff of rows) {
        const { secret, expiresAt } = await this.issue(tx, 'staff', staff.id, SIGN_IN_VALID_MS)
        await this.options.notices.signInLink(tx, {
          kind: 'staff-sign-in',
          to: email.trim().toLowerCase(),
          language: staff.language,
          link: this.staffLink(staff.role, secret),
          exhibitorId: staff.exhibitor_id ?? undefined,
          expiresAt,
        })
      }
    })
  }

  /** Mails a single-use link to the visitor who last booked with that address. Says nothing about whether there is one. */
  async mailVisitorLink(email: string, language: Language): Promise<void> {
    await this.options.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string }>('select id from visitors where email = $1 order by created_at desc limit 1', [email.trim().toLowerCase()])
      const visitor = rows[0]
      if (!visitor) return
      const { secret, expiresAt } = await this.issue(tx, 'visitor', visitor.id, SIGN_IN_VALID_MS)
      await this.options.notices.signInLink(tx, {
        kind: 'visitor-sign-in',
        to: email.trim().toLowerCase(),
        language,
        link: `${this.options.publicUrl}/?signin=${secret}`,
        expiresAt,
      })
    })
  }

  /** A new private agenda link for this visitor; the one before stops working. Shown once: only its hash is kept. */
  async newPrivateLink(visitorId: string): Promise<string> {
    const secret = newSecret()
    await this.options.db.transaction(async (tx) => {
      await tx.query(`delete from sign_in_tokens where subject_id = $1 and purpose = 'private-link'`, [visitorId])
      await tx.query(`insert into sign_in_tokens (token_hash, subject_kind, subject_id, purpose, created_at) values ($1, 'visitor', $2, 'private-link', ${at('$3')})`, [
        hashSecret(secret),
        visitorId,
        this.options.now(),
      ])
    })
    return `${this.options.publicUrl}/?agenda=${secret}`
  }

  /**
   * Who a link signs in, or undefined for an unknown, used or expired one. A sign-in link is used up here, in
   * the same statement that checks it, so two clicks at once cannot both sign in.
   */
  async redeem(secret: string, tx: Queryable = this.options.db): Promise<Redeemed | undefined> {
    const now = this.options.now()
    const { rows } = await tx.query<{ subject_kind: 'visitor' | 'staff'; subject_id: string }>(
      `update sign_in_tokens set used_at = case when purpose = 'sign-in' then ${at('$2')} else used_at end
       where token_hash = $1 and (purpose = 'private-link' or (used_at is null and expires_at > ${at('$2')}))
       returning subject_kind, subject_id`,
      [hashSecret(secret), now],
    )
    const row = rows[0]
    if (!row) return undefined
    if (row.subject_kind === 'visitor') return { kind: 'visitor', visitorId: row.subject_id }
    const staff = await tx.query<{ role: 'exhibitor' | 'organiser' }>('select role from staff where id = $1 and removed_at is null', [row.subject_id])
    return staff.rows[0] ? { kind: 'staff', staffId: row.subject_id, role: staff.rows[0].role } : undefined
  }
}
