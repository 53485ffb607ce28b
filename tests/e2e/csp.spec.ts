/** The static build under its own Content-Security-Policy (a `<meta>`): in force, and the main screens break none of it. */
import { expect, test } from '@playwright/test'
import { CONTENT_SECURITY_POLICY_META } from '../../src/contentSecurityPolicy'
import { expectPolicyEnforced, settle, walkMainScreens, watchPolicy } from '../helpers/contentSecurityPolicy'

// The hall, a booking, four panels, the plan view and a language switch on a software GPU.
test.slow()

test('the built page carries the policy before anything it governs', async ({ page }) => {
  await page.goto('/?lang=en')
  const metas = await page.locator('meta[http-equiv="Content-Security-Policy" i]').evaluateAll((elements) =>
    elements.map((element) => ({ content: element.getAttribute('content'), first: element === document.head.querySelector('meta:not([charset]), link, script, style') })),
  )
  expect(metas).toEqual([{ content: CONTENT_SECURITY_POLICY_META, first: true }])
  expect(CONTENT_SECURITY_POLICY_META).not.toMatch(/unsafe-(eval|inline)/)
})

test('walking the main screens meets no refusal, while the policy refuses inline code', async ({ page }) => {
  const watch = await watchPolicy(page)
  await walkMainScreens(page)
  await settle(page)
  expect(watch.violations, 'securitypolicyviolation events').toEqual([])
  expect(watch.consoleReports, 'console reports about the policy').toEqual([])
  await expectPolicyEnforced(page, watch)
})
