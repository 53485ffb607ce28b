/** Every failure the console can meet, as a message key of its catalogue: the server's code (or refusal) translated. */
import { ConsoleApiError } from './api'
import type { ConsoleMessageKey } from './messages'

export interface FailureMessage {
  key: ConsoleMessageKey
  params?: Record<string, string | number>
}

const BY_CODE: Partial<Record<string, ConsoleMessageKey>> = {
  'invalid-state': 'error.invalid-state',
  'visitor-busy': 'error.visitor-busy',
  'slot-full': 'error.slot-full',
  'not-a-slot': 'error.not-a-slot',
  'no-table': 'error.no-table',
  'too-soon': 'error.too-soon',
  past: 'error.past',
  'already-started': 'error.already-started',
  'already-cancelled': 'error.invalid-state',
  'not-found': 'error.not-found',
  unauthorised: 'error.unauthorised',
  network: 'error.network',
  internal: 'error.internal',
  unavailable: 'error.network',
  'cannot-remove-self': 'error.cannot-remove-self',
  'venue-busy': 'programme.error.venue-busy',
  'not-your-venue': 'programme.error.not-your-venue',
  'ends-before-start': 'programme.error.ends-before-start',
  'too-long': 'programme.error.too-long',
  'too-far': 'programme.error.too-far',
}

/** Reasons are checked by the server's schema too; its field messages are these keys' last parts. */
const FIELD_MESSAGES: Partial<Record<string, ConsoleMessageKey>> = {
  'reason.required': 'reason.required',
  'reason.tooLong': 'reason.tooLong',
  'email.invalid': 'signin.emailInvalid',
}

export function describeFailure(error: unknown): FailureMessage {
  if (!(error instanceof ConsoleApiError)) return { key: 'error.internal' }
  const code = error.refusal?.code ?? error.code
  if (code === 'rate-limited') {
    const seconds = error.refusal?.code === 'rate-limited' ? error.refusal.retryAfterSeconds : 60
    return { key: 'error.rate-limited', params: { seconds } }
  }
  if (code === 'invalid-body' && error.fields) {
    for (const message of Object.values(error.fields)) {
      const key = FIELD_MESSAGES[message]
      if (key) return { key }
    }
    return { key: 'error.invalid-body' }
  }
  const key = BY_CODE[code]
  if (key) return { key }
  if (error.status >= 500) return { key: 'error.internal' }
  return { key: 'error.unknown', params: { code } }
}
