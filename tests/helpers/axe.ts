/** axe-core scans for the browser tests: the serious and critical issues of a screen, one line each. */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

const BLOCKING = new Set(['serious', 'critical'])

/**
 * One line per failing element: screen, rule, impact, what axe asks for, and where. Waits for transitions to end
 * (a panel mid-animation has neither its start's contrast nor its end's); the WebGL canvas, pixels rather than a
 * document, is hidden while scanning so the overlay's contrast is measured against the page's background.
 */
export async function blockingAxeIssues(page: Page, screen: string): Promise<string[]> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  )
  await page.evaluate(() => document.querySelectorAll('canvas').forEach((c) => (c.style.visibility = 'hidden')))
  const results = await new AxeBuilder({ page }).exclude('canvas').analyze()
  await page.evaluate(() => document.querySelectorAll('canvas').forEach((c) => (c.style.visibility = '')))
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .flatMap((v) => v.nodes.map((node) => `${screen}: ${v.id} (${v.impact}) "${v.help}" at ${node.target.join(' ')}`))
}
