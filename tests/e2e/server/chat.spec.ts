/**
 * Booth chat with two browser contexts: a visitor writes from the booth panel, the exhibitor's staff see it arrive
 * in the console (with an unread badge) and answer, and the answer appears in the booth panel, all live; the chat
 * works from the keyboard, announces new messages through a live region, and axe finds nothing serious in it.
 * With nobody online, the visitor leaves a message with a call-back request, which reaches the console as a lead.
 */
import { expect, test, type Page } from '@playwright/test'
import { randomUUID } from 'node:crypto'
import { blockingAxeIssues } from '../../helpers/axe'
import { inviteStaff, requestBookingByApi } from '../../helpers/e2eServer'
import { openHall } from '../../helpers/page'

const EXHIBITOR = 'binhu-xiaohe-robotics'

async function openConsoleMessages(page: Page, exhibitorId: string) {
  const link = new URL(inviteStaff(`${exhibitorId}.${randomUUID().slice(0, 8)}@example.com`, exhibitorId, 'en'))
  await page.goto(`${link.pathname}${link.search}`)
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toBeVisible()
  await page.getByRole('navigation', { name: 'Console sections' }).getByRole('link', { name: /^Messages/ }).click()
  await expect(page.getByRole('heading', { name: 'Messages from visitors' })).toBeVisible()
}

const boothChat = (page: Page) => page.getByRole('region', { name: 'Talk to the booth' })

test('a visitor’s message reaches the console live, and the answer comes back live, by keyboard and screen reader', async ({ browser, baseURL }) => {
  const staffContext = await browser.newContext({ baseURL, viewport: { width: 1366, height: 820 } })
  const visitorContext = await browser.newContext({ baseURL, viewport: { width: 1366, height: 820 } })
  try {
    const staff = await staffContext.newPage()
    await openConsoleMessages(staff, EXHIBITOR)

    const visitor = await visitorContext.newPage()
    await openHall(visitor, `booth=${EXHIBITOR}`)
    const chat = boothChat(visitor)
    await expect(chat.getByRole('status')).toHaveText('Staff are online')
    const question = `Do you make grippers for food? ${randomUUID().slice(0, 6)}`
    // keyboard only: type, Enter sends
    await chat.getByRole('textbox', { name: 'Message' }).focus()
    await visitor.keyboard.type(question)
    await visitor.keyboard.press('Enter')
    const log = chat.getByRole('log', { name: /^Messages with / })
    await expect(log.getByText(question)).toBeVisible()
    await expect(chat.getByRole('textbox', { name: 'Message' })).toHaveValue('')

    // the console hears of it without a reload: the tab's unread badge and the conversation
    const messagesTab = staff.getByRole('link', { name: /^Messages/ })
    await expect(messagesTab).toContainText('1 unread messages')
    const conversation = staff.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /Visitor [0-9A-F]{4}/ })
    await expect(conversation).toContainText(question)
    await conversation.click()
    const staffLog = staff.getByRole('log', { name: /^Messages with Visitor / })
    await expect(staffLog.getByText(question)).toBeVisible()
    // read on screen: the badge goes
    await expect(messagesTab).not.toContainText('unread')
    const answer = 'Yes: soft grippers certified for food contact. <b>not bold</b>'
    await staff.getByRole('textbox', { name: 'Message' }).fill(answer)
    await staff.getByRole('button', { name: 'Send', exact: true }).click()

    // back in the hall, in the live region, as text and not markup
    await expect(log.getByText(answer, { exact: true })).toBeVisible()
    await expect(log.locator('b')).toHaveCount(0)

    expect(await blockingAxeIssues(visitor, 'booth chat')).toEqual([])
    expect(await blockingAxeIssues(staff, 'console messages')).toEqual([])
  } finally {
    await staffContext.close()
    await visitorContext.close()
  }
})

test('with nobody online a visitor leaves a message with a call-back request, and it waits in the console as a lead', async ({ browser, baseURL }) => {
  const exhibitorId = 'hefei-zhiyan-data-services'
  const visitorContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const staffContext = await browser.newContext({ baseURL, viewport: { width: 1366, height: 820 } })
  try {
    const visitor = await visitorContext.newPage()
    await openHall(visitor, `booth=${exhibitorId}`)
    const chat = boothChat(visitor)
    await expect(chat.getByRole('status')).toHaveText(/Nobody is online/)
    const note = `Please call about data labelling ${randomUUID().slice(0, 6)}`
    await chat.getByRole('textbox', { name: 'Leave a message' }).fill(note)
    await chat.getByRole('textbox', { name: /How to reach you/ }).fill('+82 2 555 0100')
    await chat.getByRole('checkbox', { name: 'Please call me back' }).check()
    await chat.getByRole('button', { name: 'Leave a message' }).click()
    await expect(chat.getByRole('status').filter({ hasText: 'Your message reached the exhibitor' })).toBeVisible()

    const staff = await staffContext.newPage()
    await openConsoleMessages(staff, exhibitorId)
    const lead = staff.getByRole('navigation', { name: 'Conversations' }).getByRole('button').filter({ hasText: note })
    await expect(lead).toContainText('Lead')
    await lead.click()
    await expect(staff.getByRole('log').getByText('Call back: +82 2 555 0100')).toBeVisible()
    // staff are online now: the visitor's panel says so without a reload
    await expect(chat.getByRole('status').first()).toHaveText('Staff are online')
  } finally {
    await staffContext.close()
    await visitorContext.close()
  }
})

test('a visitor with a booking opens the chat from the agenda, beside that negotiation', async ({ browser, baseURL }) => {
  const exhibitorId = 'chaohu-huinong-technology'
  const visitorContext = await browser.newContext({ baseURL, viewport: { width: 1366, height: 820 } })
  const staffContext = await browser.newContext({ baseURL, viewport: { width: 1366, height: 820 } })
  try {
    const visitor = await visitorContext.newPage()
    // a booking made as the app makes it, with this browser's cookies
    await requestBookingByApi(visitorContext.request, exhibitorId, { topic: 'Smart irrigation', pick: 2, anyMode: true, shareProfile: true })

    await openHall(visitor)
    await visitor.getByRole('button', { name: /^My agenda/ }).click()
    const item = visitor.getByRole('complementary', { name: 'My agenda' }).getByRole('listitem').filter({ hasText: 'Smart irrigation' })
    await item.getByText('Message', { exact: true }).click()
    await item.getByRole('textbox', { name: 'Leave a message' }).fill('About our negotiation: can we add a second engineer?')
    await item.getByRole('button', { name: 'Leave a message' }).click()
    await expect(item.getByRole('log').getByText('can we add a second engineer?', { exact: false })).toBeVisible()

    // the visitor shared their profile on a booking with this exhibitor: staff see their name
    const staff = await staffContext.newPage()
    await openConsoleMessages(staff, exhibitorId)
    await expect(staff.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /Anna Schmidt/ })).toBeVisible()
  } finally {
    await staffContext.close()
    await visitorContext.close()
  }
})
