/**
 * A server restart under open pages: the test starts a booking server of its own (same port and data folder
 * before and after), two visitors are in a zone and one is chatting with a booth whose staff have the console
 * open. After the restart, without any reload, the zone count, the staff's "online" and a new chat message are back
 * within 10 seconds of the server answering again.
 */
import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { inviteStaff } from '../../helpers/e2eServer'
import { openHall } from '../../helpers/page'
import { freePort, startServerProcess, type ServerProcess } from '../../helpers/serverProcess'

const EXHIBITOR = 'anhui-xingchen-zhitu'
const BACK_WITHIN_MS = 10_000

test.setTimeout(240_000)

test('presence and chat come back within 10 s of a server restart, without a reload', async ({ browser }) => {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'cloud-expo-restart-'))
  const env = { PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: process.env.E2E_DIST ?? 'dist', RATE_LIMITS: 'off', LOG_LEVEL: 'warn' }
  let server: ServerProcess | undefined = await startServerProcess(env)
  const baseURL = server.url
  const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext({ baseURL, viewport: { width: 1366, height: 820 } })))
  try {
    const [annaPage, benPage, staffPage] = await Promise.all(contexts.map((context) => context.newPage()))
    const zoneButton = (page: Page) => page.getByRole('navigation', { name: 'Zones' }).getByRole('button', { name: /^Artificial Intelligence/ })

    const link = new URL(inviteStaff(`restart.${randomUUID().slice(0, 8)}@example.com`, EXHIBITOR, 'en', dataDir))
    await staffPage.goto(`${link.pathname}${link.search}`)
    await staffPage.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: /^Messages/ }).click()

    await openHall(annaPage, `booth=${EXHIBITOR}`)
    await openHall(benPage, 'zone=ai')
    await expect(zoneButton(benPage)).toHaveAccessibleName(/2 here/)
    const chat = annaPage.getByRole('region', { name: 'Talk to the booth' })
    await expect(chat.getByRole('status')).toHaveText('Staff are online')
    await chat.getByRole('textbox', { name: 'Message' }).fill('Before the restart')
    await chat.getByRole('button', { name: 'Send', exact: true }).click()
    await expect(chat.getByRole('log').getByText('Before the restart')).toBeVisible()

    await server.kill()
    server = undefined
    // every page notices: the counts go, the chat says it is reconnecting
    await expect(zoneButton(benPage)).not.toHaveAccessibleName(/here/)
    await expect(chat.getByText('Reconnecting…')).toBeVisible()

    server = await startServerProcess(env)
    const backAt = Date.now()
    await expect(zoneButton(benPage)).toHaveAccessibleName(/2 here/, { timeout: BACK_WITHIN_MS })
    await expect(chat.getByText('Reconnecting…')).toBeHidden({ timeout: BACK_WITHIN_MS - (Date.now() - backAt) })
    await expect(chat.getByRole('status')).toHaveText('Staff are online', { timeout: Math.max(1, BACK_WITHIN_MS - (Date.now() - backAt)) })

    // the console's conversation is still there; its answer reaches the open booth panel live
    const conversation = staffPage.getByRole('navigation', { name: 'Conversations' }).getByRole('button').filter({ hasText: 'Before the restart' })
    await conversation.click()
    await staffPage.getByRole('textbox', { name: 'Message' }).fill('After the restart')
    await staffPage.getByRole('button', { name: 'Send', exact: true }).click()
    await expect(chat.getByRole('log').getByText('After the restart')).toBeVisible({ timeout: BACK_WITHIN_MS })
    test.info().annotations.push({ type: 'back after', description: `${Date.now() - backAt} ms` })
  } finally {
    await Promise.all(contexts.map((context) => context.close()))
    await server?.kill()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
