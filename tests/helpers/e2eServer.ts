/** The booking server the browser tests of tests/e2e/server/ run against, and the organiser's command to invite staff to it. */
import { execFileSync } from 'node:child_process'

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
