/**
 * `npm run invite -- --email li@example.com --exhibitor <exhibitorId> [--name "Li Wei"] [--language zh-CN|en|ko]`
 * `npm run invite -- --email ops@example.com --organiser`
 * Invites exhibitor staff (or an organiser), prints their single-use sign-in link and mails it: through SMTP when
 * SMTP_URL is set, otherwise into the development outbox.
 */
import { parseArgs } from 'node:util'
import { SignInLinks } from '../accounts/signInLinks'
import { inviteCommandSchema } from '../accounts/adminRoutes'
import { readConfig } from '../config'
import { loadServerContent } from '../content'
import { openDatabase } from '../db/database'
import { migrate } from '../db/migrate'
import { BookingService } from '../bookings/service'
import { BookingNotices } from '../mail/bookingNotices'
import { OutboxWorker } from '../mail/outboxWorker'
import { createMailTransport } from '../mail/transport'
import { readRuntimeFile } from '../runtimeFile'
import { runCommand } from './run'

const USAGE = 'Usage: npm run invite -- --email <address> (--exhibitor <exhibitorId> | --organiser) [--name <name>] [--language zh-CN|en|ko]'

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, exhibitor: { type: 'string' }, organiser: { type: 'boolean' }, name: { type: 'string' }, language: { type: 'string' } },
  })
  if (!values.email || Boolean(values.exhibitor) === Boolean(values.organiser)) {
    console.error(USAGE)
    return 2
  }
  const parsed = inviteCommandSchema.safeParse({ email: values.email, exhibitorId: values.exhibitor ?? null, name: values.name, language: values.language ?? 'zh-CN' })
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n')}\n${USAGE}`)
    return 2
  }
  const invitation = parsed.data
  const config = readConfig()
  const running = config.databaseUrl ? undefined : readRuntimeFile(config.dataDir)
  const expires = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC'

  if (running) {
    // the server holds the embedded database: it invites, and mails through its own outbox worker
    const response = await fetch(`${running.url}/api/admin/invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${running.adminToken}` },
      body: JSON.stringify(invitation),
    })
    const body = (await response.json()) as { link?: string; expiresAt?: number; message?: string }
    if (!response.ok || !body.link) {
      console.error(`The server refused: ${body.message ?? response.status}`)
      return 1
    }
    console.log(`Sign-in link for ${invitation.email} (single use, until ${expires(body.expiresAt!)}):\n${body.link}`)
    console.log(config.smtpUrl ? 'Mailed through SMTP.' : 'Also in the development outbox (no SMTP_URL set).')
    return 0
  }

  const content = loadServerContent()
  if (invitation.exhibitorId && !content.exhibitor(invitation.exhibitorId)) {
    console.error(`No exhibitor "${invitation.exhibitorId}" in the content pack`)
    return 2
  }
  const db = await openDatabase(config)
  try {
    await migrate(db)
    const now = Date.now
    const notices = new BookingNotices({ content, publicUrl: config.publicUrl, now })
    // staff of an exhibitor need its row, which a server would have seeded at start
    await new BookingService({ db, content, notices, holdMs: config.holdHours * 3_600_000, now }).seedExhibitors()
    const result = await new SignInLinks({ db, notices, publicUrl: config.publicUrl, now }).inviteStaff(invitation)
    console.log(`Sign-in link for ${invitation.email} (single use, until ${expires(result.expiresAt)}):\n${result.link}`)
    const transport = createMailTransport(config)
    try {
      const sent = await new OutboxWorker({ db, transport, now }).sendDue()
      console.log(sent > 0 ? (config.smtpUrl ? 'Mailed through SMTP.' : `Saved to the development outbox (${config.dataDir}/outbox).`) : 'The mail could not be sent now; a running server retries it.')
    } finally {
      await transport.close()
    }
    return 0
  } finally {
    await db.close()
  }
}

runCommand(main)
