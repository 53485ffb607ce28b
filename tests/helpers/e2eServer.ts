/** The booking server the browser tests of tests/e2e/server/ run against, and the organiser's command to invite staff to it. */
import { expect, type APIRequestContext } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'

export const E2E_SERVER_PORT = Number(process.env.E2E_SERVER_PORT ?? 4180)
/** The loopback host of the test stream (tests/helpers/testStream.ts), on a fixed port the server allows (STREAM_ORIGINS). */
export const E2E_STREAM_PORT = Number(process.env.E2E_STREAM_PORT ?? E2E_SERVER_PORT + 1)
export const E2E_STREAM_ORIGIN = `http://127.0.0.1:${E2E_STREAM_PORT}`
/** Outside test-results/, which Playwright empties when any run starts. */
export const E2E_SERVER_DATA_DIR = process.env.E2E_SERVER_DATA_DIR ?? '.data/e2e-server'

/** Runs `npm run invite` against the test server (which holds the embedded database) and returns the sign-in link. */
export function inviteStaff(email: string, exhibitorId: string | null, language: 'zh-CN' | 'en' | 'ko' = 'en', dataDir = E2E_SERVER_DATA_DIR): string {
  const args = ['--import', 'tsx', 'server/cli/invite.ts', '--email', email, '--language', language, ...(exhibitorId ? ['--exhibitor', exhibitorId] : ['--organiser'])]
  const output = execFileSync(process.execPath, args, { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' })
  const link = /https?:\/\/\S+signin=\S+/.exec(output)?.[0]
  if (!link) throw new Error(`no sign-in link in:\n${output}`)
  return link
}

/** The visitor whose details the browser tests' bookings carry. */
export const E2E_VISITOR_PROFILE = { name: 'Anna Schmidt', company: 'Schmidt Elektronik GmbH', email: 'anna@example.com', phone: '+49 30 1234567', role: 'buyer' }

/**
 * A visitor asks the exhibitor for one of its free slots of the next 14 days through the API, as the app does, with
 * the cookies of `visitor` (a page's context's `request`, or a request context of its own): a visitor session first,
 * then the booking. `pick` counts among the online slots, or among them all with `anyMode`. Answers the booking.
 */
export async function requestBookingByApi<Booking = { id: string }>(
  visitor: APIRequestContext,
  exhibitorId: string,
  options: { topic: string; pick?: number; anyMode?: boolean; shareProfile?: boolean },
): Promise<Booking> {
  expect((await visitor.post('/api/visitor', { data: { language: 'en' } })).ok()).toBe(true)
  const now = Date.now()
  const { slots } = await (await visitor.get(`/api/exhibitors/${exhibitorId}/slots?from=${now}&to=${now + 14 * 86_400_000}`)).json()
  const slot = (options.anyMode ? slots : slots.filter((s: { mode: string }) => s.mode === 'online'))[options.pick ?? 0]
  const response = await visitor.post('/api/bookings', {
    headers: { 'Idempotency-Key': randomUUID() },
    data: {
      exhibitorId,
      start: slot.start,
      end: slot.end,
      mode: slot.mode,
      topic: options.topic,
      profile: E2E_VISITOR_PROFILE,
      visitorTimeZone: 'Europe/Berlin',
      language: 'en',
      shareProfile: options.shareProfile ?? false,
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).booking as Booking
}
