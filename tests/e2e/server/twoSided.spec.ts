/**
 * Both sides of a booking at once, in two browser contexts: a visitor asks in the hall, the exhibitor's staff answer
 * in the console, and the visitor's agenda follows without a reload.
 */
import { expect, test, type Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { blockingAxeIssues } from '../../helpers/axe'
import { inviteStaff } from '../../helpers/e2eServer'
import { openHall } from '../../helpers/page'

test.use({ timezoneId: 'Europe/Berlin' })

const EXHIBITOR = 'huangshan-huiyun-digital-culture'
const NAME = 'Huangshan Huiyun Digital Culture Co., Ltd.'

async function askForMeeting(page: Page, topic: string, share: boolean) {
  await openHall(page, `booth=${EXHIBITOR}&book=1`)
  const dialog = page.getByRole('dialog', { name: new RegExp(`^Book a negotiation with ${NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
  // a day a few days ahead, so that no other test's booking is in the way
  await dialog.getByRole('group', { name: 'Choose a day' }).getByRole('button').nth(3).click()
  await dialog.getByRole('button', { name: /your time/ }).first().click()
  await dialog.getByLabel('Name', { exact: true }).fill('Mina Park')
  await dialog.getByLabel('Company or organisation', { exact: true }).fill('Hanbit Culture')
  await dialog.getByLabel('E-mail', { exact: true }).fill('mina.park@example.kr')
  await dialog.getByLabel('Topic').fill(topic)
  if (share) await dialog.getByRole('checkbox', { name: /Share my name, company, e-mail, phone and role with/ }).check()
  await dialog.getByRole('button', { name: 'Send request' }).click()
  // the dialog is now named by its new heading
  const sent = page.getByRole('dialog', { name: 'Request sent' })
  await expect(sent).toBeVisible()
  await sent.getByRole('button', { name: 'Open my agenda' }).click()
  return page.getByRole('complementary', { name: 'My agenda' }).getByRole('listitem').filter({ hasText: topic })
}

test('staff accept a request in the console and the visitor’s agenda turns “confirmed” without a reload', async ({ browser, baseURL }) => {
  const visitorContext = await browser.newContext({ baseURL, timezoneId: 'Europe/Berlin', viewport: { width: 1366, height: 820 } })
  const staffContext = await browser.newContext({ baseURL, timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 820 } })
  try {
    const visitor = await visitorContext.newPage()
    const topic = `Cultural IP licensing ${randomUUID().slice(0, 6)}`
    const item = await askForMeeting(visitor, topic, true)
    await expect(item).toContainText('Waiting for the exhibitor’s answer')

    const staff = await staffContext.newPage()
    const link = new URL(inviteStaff(`desk.${randomUUID().slice(0, 8)}@example.com`, EXHIBITOR, 'en'))
    await staff.goto(`${link.pathname}${link.search}`)
    const card = staff.getByRole('article').filter({ hasText: topic })
    // consented: staff see who asks
    await expect(card).toContainText('Mina Park')
    await expect(card).toContainText('mina.park@example.kr')
    await card.getByRole('button', { name: 'Accept' }).click()

    // the visitor did nothing: the server's event stream brought the answer
    await expect(item.getByText('Confirmed', { exact: true })).toBeVisible()
    await expect(visitor.getByRole('status').filter({ hasText: /confirmed your negotiation/ })).toBeVisible()
    await expect(item.getByRole('button', { name: 'Cancel booking' })).toBeVisible()
  } finally {
    await visitorContext.close()
    await staffContext.close()
  }
})

test('a declined request tells the visitor why, live, and badges the agenda until it is seen', async ({ browser, baseURL }) => {
  const visitorContext = await browser.newContext({ baseURL, timezoneId: 'Europe/Berlin', viewport: { width: 1366, height: 820 } })
  const staffContext = await browser.newContext({ baseURL, viewport: { width: 1366, height: 820 } })
  try {
    const visitor = await visitorContext.newPage()
    const topic = `Animation outsourcing ${randomUUID().slice(0, 6)}`
    const item = await askForMeeting(visitor, topic, false)
    await visitor.getByRole('complementary', { name: 'My agenda' }).getByRole('button', { name: 'Close' }).first().click()

    const staff = await staffContext.newPage()
    const link = new URL(inviteStaff(`desk.${randomUUID().slice(0, 8)}@example.com`, EXHIBITOR, 'en'))
    await staff.goto(`${link.pathname}${link.search}`)
    const card = staff.getByRole('article').filter({ hasText: topic })
    // not consented: nothing about the visitor
    await expect(card).toContainText('The visitor did not share their details')
    await expect(card).not.toContainText('Mina Park')
    await card.getByRole('button', { name: 'Decline' }).click()
    await staff.getByRole('dialog').getByRole('textbox').fill('Our animation studio is fully booked until March')
    await staff.getByRole('dialog').getByRole('button', { name: /^Decline/ }).click()

    const agendaButton = visitor.getByRole('button', { name: /^My agenda/ })
    await expect(agendaButton).toContainText('1 new')
    await agendaButton.click()
    await expect(item).toContainText('Declined by the exhibitor')
    await expect(item).toContainText('Reason: Our animation studio is fully booked until March')
    await expect(agendaButton).not.toContainText('new')
    // the agenda with the server's states, and the picker with its consent, pass axe
    expect(await blockingAxeIssues(visitor, 'agenda with a declined request')).toEqual([])
    await item.getByRole('button', { name: 'Go to booth' }).click()
    await visitor.getByRole('button', { name: 'Book a negotiation' }).click()
    await visitor.getByRole('dialog').getByRole('button', { name: /your time/ }).first().click()
    await expect(visitor.getByRole('dialog').getByRole('checkbox', { name: /Share my name/ })).toBeVisible()
    expect(await blockingAxeIssues(visitor, 'booking details with consent')).toEqual([])
  } finally {
    await visitorContext.close()
    await staffContext.close()
  }
})
