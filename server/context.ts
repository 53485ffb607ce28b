/** What every group of routes is built with: the services of one server process. */
import type { FastifyReply } from 'fastify'
import type { ServerConfig } from './config'
import type { ServerContent } from './content'
import type { Database } from './db/database'
import type { Api } from './http/api'
import type { StoredAnswer } from './http/idempotency'
import type { LiveHub } from './live/hub'
import type { Sessions } from './accounts/sessions'
import type { SignInLinks } from './accounts/signInLinks'
import type { BookingService } from './bookings/service'

export interface AppContext {
  config: ServerConfig
  content: ServerContent
  db: Database
  api: Api
  sessions: Sessions
  signIn: SignInLinks
  bookings: BookingService
  hub: LiveHub
  now: () => number
  /** Wakes the mail worker after a change that may have queued mail. */
  mailQueued: () => void
}

/** Sends a change's answer; a replayed one says so (the change itself happened once, earlier). */
export function sendAnswer(reply: FastifyReply, answer: StoredAnswer & { replayed?: boolean }) {
  if (answer.replayed) void reply.header('idempotent-replayed', 'true')
  return reply.status(answer.status).send(answer.body)
}
