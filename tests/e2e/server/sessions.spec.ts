/**
 * The programme of live sessions across both sides: staff schedule a launch starting now in the console; a colleague
 * with the programme open and a visitor already at that booth see it under "Live now" without a reload; the visitor
 * adds it to the agenda, and the agenda's calendar file holds it; removed by staff, the agenda marks it cancelled. The lobby's card shows the convention's own past forums with their dates.
 */
import { expect, test } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { blockingAxeIssues } from '../../helpers/axe'
import { inviteStaff } from '../../helpers/e2eServer'
import { openHall } from '../../helpers/page'

const EXHIBITOR = 'hefei-shengmai-intelligence'

test('a launch scheduled in the console goes live in an open booth panel, into the agenda and its .ics', async ({ browser, baseURL }) => {
  const visitorContext = await browser.newContext({ baseURL, timezoneId: 'Europe/Berlin', viewport: { width: 1366, height: 820 } })
  const staffContext = await browser.newContext({ baseURL, timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 820 } })
  const colleagueContext = await browser.newContext({ baseURL, timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 820 } })
  try {
    const visitor = await visitorContext.newPage()
    // the visitor is in the lobby first: the convention's own forums are past, with their dates, none live
    await openHall(visitor)
    const lobby = visitor.getByRole('region', { name: /In the lobby/ })
    await expect(lobby).toBeVisible()
    await lobby.getByText(/Past sessions/).click()
    await expect(lobby.getByRole('listitem', { name: /Opening ceremony and keynote forum, During the convention \(Nov 19, 2021/ })).toBeVisible()
    await expect(lobby.getByRole('button', { name: 'Add to agenda' })).toHaveCount(0)
    expect(await blockingAxeIssues(visitor, 'lobby programme')).toEqual([])

    await visitor.goto(`/?booth=${EXHIBITOR}&lang=en&debug=1`)
    const panel = visitor.getByRole('complementary').filter({ has: visitor.getByRole('heading', { level: 2, name: /Shengmai/ }) })
    await expect(panel).toBeVisible()
    await expect(panel.getByRole('region', { name: 'Live now' })).toHaveCount(0)

    // a colleague has the booth's programme open in a console of their own
    const colleague = await colleagueContext.newPage()
    const colleagueLink = new URL(inviteStaff(`stage.${randomUUID().slice(0, 8)}@example.com`, EXHIBITOR, 'en'))
    await colleague.goto(`${colleagueLink.pathname}${colleagueLink.search}`)
    await colleague.getByRole('navigation').getByRole('link', { name: 'Programme' }).click()
    await expect(colleague.getByRole('heading', { level: 2, name: 'Programme at your booth' })).toBeVisible()

    const staff = await staffContext.newPage()
    const link = new URL(inviteStaff(`stage.${randomUUID().slice(0, 8)}@example.com`, EXHIBITOR, 'en'))
    await staff.goto(`${link.pathname}${link.search}`)
    await staff.getByRole('navigation').getByRole('link', { name: 'Programme' }).click()
    await expect(staff.getByRole('heading', { level: 2, name: 'Programme at your booth' })).toBeVisible()
    const title = `Robot arm R7 launch ${randomUUID().slice(0, 6)}`
    const form = staff.getByRole('form', { name: 'Schedule a session' })
    await form.getByLabel('Title in English').fill(title)
    await form.getByRole('button', { name: 'Start now' }).click()
    await form.getByLabel('Length').selectOption('60')
    expect(await blockingAxeIssues(staff, 'console programme')).toEqual([])
    await form.getByRole('button', { name: 'Schedule' }).click()
    await expect(staff.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
    await expect(staff.getByRole('listitem').filter({ hasText: title })).toContainText('Live now')
    // the colleague did nothing either: their console's list follows
    await expect(colleague.getByRole('listitem').filter({ hasText: title })).toContainText('Live now')

    // the visitor did nothing: the server's sessions event brought it
    const live = panel.getByRole('region', { name: 'Live now' })
    const item = live.getByRole('listitem').filter({ hasText: title })
    await expect(item).toBeVisible()
    await item.getByRole('button', { name: 'Add to agenda' }).click()
    await expect(item.getByRole('button', { name: /In your agenda/ })).toHaveAttribute('aria-pressed', 'true')
    expect(await blockingAxeIssues(visitor, 'booth panel with a live session')).toEqual([])

    await visitor.getByRole('button', { name: /^My agenda/ }).click()
    const agenda = visitor.getByRole('complementary', { name: 'My agenda' })
    await expect(agenda.getByRole('listitem').filter({ hasText: title })).toContainText('Live now')
    expect(await blockingAxeIssues(visitor, 'agenda with a session')).toEqual([])
    const downloading = visitor.waitForEvent('download')
    await agenda.getByRole('button', { name: 'Export all to calendar' }).click()
    const ics = readFileSync((await (await downloading).path())!, 'utf8')
    expect(ics).toMatch(/BEGIN:VEVENT\r\nUID:session-[0-9a-f-]{36}@cloud-expo\.wmc2021\r\n/)
    expect(ics.replace(/\r\n /g, '')).toContain(`SUMMARY:Launch · ${title}`)
    const start = /UID:session-[^\r]+\r\nDTSTAMP:\d{8}T\d{6}Z\r\nDTSTART:(\d{8}T\d{6}Z)\r\nDTEND:(\d{8}T\d{6}Z)/.exec(ics)
    expect(start).not.toBeNull()
    // an hour long, starting at the minute staff pressed "Start now" (within the last few minutes, in UTC)
    const asMs = (s: string) => Date.parse(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`)
    expect(asMs(start![2]) - asMs(start![1])).toBe(3_600_000)
    expect(Date.now() - asMs(start![1])).toBeLessThan(10 * 60_000)

    // the session is kept in the visitor's data: still in the agenda after a reload
    await visitor.goto('/?agenda=1&lang=en&debug=1')
    const kept = visitor.getByRole('complementary', { name: 'My agenda' }).getByRole('listitem').filter({ hasText: title })
    await expect(kept).toBeVisible()
    await expect(kept).not.toContainText('Cancelled by the host')

    // staff remove it: the open agenda says so at once, and its calendar file cancels it
    staff.once('dialog', (dialog) => void dialog.accept())
    await staff.getByRole('button', { name: `Remove “${title}”` }).click()
    await expect(staff.getByRole('status').filter({ hasText: 'Removed from the programme.' })).toBeVisible()
    await expect(kept).toContainText('Cancelled by the host')
    await expect(kept.getByRole('button', { name: 'Go there' })).toHaveCount(0)
    const again = visitor.waitForEvent('download')
    await visitor.getByRole('complementary', { name: 'My agenda' }).getByRole('button', { name: 'Export all to calendar' }).click()
    const cancelled = readFileSync((await (await again).path())!, 'utf8')
    expect(cancelled.replace(/\r\n /g, '')).toMatch(new RegExp(`SUMMARY:Launch · ${title}\r\n(?:[^\r]*\r\n)*?STATUS:CANCELLED\r\nEND:VEVENT`))
  } finally {
    await visitorContext.close()
    await staffContext.close()
    await colleagueContext.close()
  }
})

test('staff change a scheduled session and remove it; a clash is refused with its reason and keeps the draft', async ({ browser, baseURL }) => {
  // a booth no other browser test uses: its programme starts empty
  const booth = 'hefei-lingdong-hci'
  const staffContext = await browser.newContext({ baseURL, timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 820 } })
  try {
    const staff = await staffContext.newPage()
    const link = new URL(inviteStaff(`programme.${randomUUID().slice(0, 8)}@example.com`, booth, 'en'))
    await staff.goto(`${link.pathname}${link.search}`)
    await staff.getByRole('navigation').getByRole('link', { name: 'Programme' }).click()
    await expect(staff.getByText('Nothing is scheduled yet.')).toBeVisible()
    // the day after tomorrow, in the browser's own clock
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    const id = randomUUID().slice(0, 6)
    const first = `Vision talk ${id}`
    const newForm = staff.getByRole('form', { name: 'Schedule a session' })
    await newForm.getByLabel('Title in English').fill(first)
    await newForm.getByLabel(/^Starts/).fill(`${day}T10:00`)
    await newForm.getByRole('button', { name: 'Schedule' }).click()
    await expect(newForm.getByRole('status')).toHaveText('Saved: visitors see it now.')
    await expect(staff.getByRole('listitem').filter({ hasText: first })).toContainText('Upcoming')

    // half an hour into the first: refused with the reason, the draft kept to be moved
    await newForm.getByLabel('Title in English').fill(`Clash ${id}`)
    await newForm.getByLabel(/^Starts/).fill(`${day}T10:30`)
    await newForm.getByRole('button', { name: 'Schedule' }).click()
    await expect(newForm.getByRole('alert')).toHaveText('Another session is scheduled at that time: choose another time.')
    await expect(newForm.getByLabel('Title in English')).toHaveValue(`Clash ${id}`)
    await expect(newForm.getByRole('button', { name: 'Schedule' })).toBeEnabled()

    // changed: the form holds the session, and after saving it is a new one again
    const renamed = `Machine vision talk ${id}`
    await staff.getByRole('button', { name: `Change “${first}”` }).click()
    const editForm = staff.getByRole('form', { name: 'Change the session' })
    await expect(editForm.getByLabel('Title in English')).toHaveValue(first)
    await editForm.getByLabel('Title in English').fill(renamed)
    await editForm.getByRole('button', { name: 'Save changes' }).click()
    await expect(newForm.getByRole('status')).toHaveText('Saved: visitors see it now.')
    await expect(newForm.getByLabel('Title in English')).toHaveValue('')
    await expect(staff.getByRole('listitem').filter({ hasText: renamed })).toBeVisible()

    // removed while being changed: once confirmed it is gone, and so is the form that held it
    await staff.getByRole('button', { name: `Change “${renamed}”` }).click()
    await expect(editForm).toBeVisible()
    staff.once('dialog', (dialog) => void dialog.accept())
    await staff.getByRole('button', { name: `Remove “${renamed}”` }).click()
    await expect(newForm.getByRole('status')).toHaveText('Removed from the programme.')
    await expect(staff.getByText('Nothing is scheduled yet.')).toBeVisible()
    await expect(newForm.getByLabel('Title in English')).toHaveValue('')
  } finally {
    await staffContext.close()
  }
})
