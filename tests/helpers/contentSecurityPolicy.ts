/** Browser-test helpers for the Content-Security-Policy: hear every violation, prove the policy is enforced, walk the main screens. */
import { expect, type Page } from '@playwright/test'
import { catalogues } from '../../src/i18n/messages'
import { exhibitorName, openHall } from './page'

export interface PolicyWatch {
  /** `securitypolicyviolation` events, from every document the page loads. */
  violations: string[]
  /** What Chromium writes to the console about the policy (refusals, a directive it ignores, a policy it cannot parse). */
  consoleReports: string[]
}

/** Starts listening before the first navigation; each report names the directive, what it refused and where. */
export async function watchPolicy(page: Page): Promise<PolicyWatch> {
  const watch: PolicyWatch = { violations: [], consoleReports: [] }
  // a binding, not an array on window: it survives the reloads and navigations of a walk
  await page.exposeFunction('reportPolicyViolation', (report: string) => watch.violations.push(report))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const target = event.target instanceof Element && event.target.id ? ` #${event.target.id}` : ''
      const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : ''
      ;(window as any).reportPolicyViolation(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'}${target}${where}`)
    })
  })
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) watch.consoleReports.push(`${message.type()}: ${message.text()}`)
  })
  return watch
}

/**
 * Tries what only a policy stops: an inline script, a string run as code, an inline `<style>`. Each must be refused
 * and heard by the watch, so a test that also expects zero violations cannot pass with no policy, or a deaf watch.
 */
export async function expectPolicyEnforced(page: Page, watch: PolicyWatch) {
  const outcome = await page.evaluate(async () => {
    const probe = window as any
    const script = Object.assign(document.createElement('script'), { id: 'csp-probe-script', textContent: 'window.inlineScriptRan = true' })
    document.head.append(script)
    // a string timer runs outside this evaluation, under the page's own rules for eval
    setTimeout('window.stringCodeRan = true' as unknown as () => void, 0)
    const style = Object.assign(document.createElement('style'), { id: 'csp-probe-style', textContent: ':root { --csp-probe: applied }' })
    document.head.append(style)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const outcome = {
      inlineScriptRan: probe.inlineScriptRan === true,
      stringCodeRan: probe.stringCodeRan === true,
      inlineStyleApplied: getComputedStyle(document.documentElement).getPropertyValue('--csp-probe').trim() === 'applied',
    }
    script.remove()
    style.remove()
    return outcome
  })
  expect(outcome).toEqual({ inlineScriptRan: false, stringCodeRan: false, inlineStyleApplied: false })
  await expect
    .poll(() => watch.violations, { message: 'the watch hears each refusal' })
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^script-src-elem refused inline #csp-probe-script/),
        expect.stringMatching(/^script-src refused eval/),
        expect.stringMatching(/^style-src-elem refused inline #csp-probe-style/),
      ]),
    )
}

/** One exhibitor no other server test books, with online slots and two tables. */
export const WALK_EXHIBITOR = 'luyang-vision-inspection'

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The main screens as a visitor reaches them: the 3D hall, search, a booth panel and its route button, the booking
 * dialog through to its confirmation, the agenda, the route panel, help, the plan view and a switch of language.
 */
export async function walkMainScreens(page: Page, exhibitorId = WALK_EXHIBITOR) {
  const m = catalogues.en
  await openHall(page)
  await expect(page.getByRole('progressbar')).toHaveCount(0)
  await expect(page.locator('canvas').first()).toBeVisible()

  const name = await exhibitorName(page, exhibitorId)
  await page.getByRole('combobox', { name: 'Search exhibitors, products or zones' }).fill(name)
  await page.getByRole('option', { name: new RegExp(escape(name)) }).first().click()
  const panel = page.getByRole('complementary', { name })
  await expect(panel).toBeVisible()
  await panel.getByRole('button', { name: m['booth.addToRoute'], exact: true }).click()
  await expect(panel.getByRole('button', { name: m['booth.inRoute'], exact: true })).toBeVisible()

  await panel.getByRole('button', { name: m['booth.book'], exact: true }).click()
  const dialog = page.getByRole('dialog', { name: m['booking.title'].replace('{name}', name) })
  await expect(dialog).toBeVisible()
  await dialog.locator('.slot-list button').first().click()
  await dialog.getByLabel(m['booking.profile.name'], { exact: true }).fill('Anna Schmidt')
  await dialog.getByLabel(m['booking.profile.company'], { exact: true }).fill('Schmidt Antriebe GmbH')
  await dialog.getByLabel(m['booking.profile.email'], { exact: true }).fill('anna@example.com')
  await dialog.getByLabel(m['booking.profile.role'], { exact: true }).selectOption('buyer')
  await dialog.getByLabel(m['booking.topic'], { exact: true }).fill('Inspection cameras')
  // on the device a booking is confirmed at once; through the booking server it is a request
  const either = (a: string, b: string) => new RegExp(`^(${escape(a)}|${escape(b)})$`)
  await page.getByRole('dialog').getByRole('button', { name: either(m['booking.confirm'], m['booking.sendRequest']) }).click()
  await expect(page.getByRole('dialog').getByRole('heading', { name: either(m['booking.confirmedTitle'], m['booking.requestSentTitle']) })).toBeVisible()
  await page.getByRole('dialog').getByRole('button', { name: m['booking.openAgenda'], exact: true }).click()
  const agenda = page.getByRole('complementary', { name: m['agenda.title'], exact: true })
  await expect(agenda.getByRole('listitem').filter({ hasText: name })).toBeVisible()

  await page.getByRole('button', { name: new RegExp(`^${m['topbar.routes']}\\s*\\d*$`) }).click()
  const routes = page.getByRole('complementary', { name: m['route.title'], exact: true })
  await expect(routes.getByRole('list', { name: /stops/ })).toContainText(name)

  await page.getByRole('button', { name: m['topbar.help'], exact: true }).click()
  await expect(page.getByRole('dialog', { name: m['help.title'], exact: true })).toBeVisible()
  await page.getByRole('button', { name: m['help.close'], exact: true }).click()

  await page.getByRole('button', { name: m['planView.showPlan'], exact: true }).first().click()
  await expect(page.getByRole('heading', { name: m['planView.title'], exact: true })).toBeVisible()

  await page.getByRole('combobox', { name: m['topbar.language'] }).selectOption('ko')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
  await expect(page.getByRole('heading', { name: catalogues.ko['planView.title'], exact: true })).toBeVisible()
}

/** Lets a last refusal of the screen just left reach the watch before it is read. */
export async function settle(page: Page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))))
}
