/** The booth panel shows each product with a small picture of its kind, in its colour, beside its name. */
import { expect, test } from '@playwright/test'
import { openHall, watchConsole } from '../helpers/page'

test('each product in the booth panel has a decorative picture of its kind in its colour', async ({ page }) => {
  const errors = watchConsole(page)
  await openHall(page, 'booth=anhui-qingbi-robotics')
  const panel = page.getByRole('complementary', { name: 'Anhui Qingbi Robotics Co., Ltd.' })
  const products = panel.getByRole('list').filter({ hasText: 'Six-axis industrial robots' }).getByRole('listitem')
  await expect(products).toHaveCount(4)
  const robots = products.filter({ hasText: 'Six-axis industrial robots' })
  const picture = robots.locator('svg')
  await expect(picture).toHaveAttribute('data-kind', 'robot-arm')
  // decorative: the name beside it says what it is, so screen readers skip the drawing
  await expect(picture).toHaveAttribute('aria-hidden', 'true')
  // the pack gives these robots an orange body
  await expect(picture.locator('[stroke="#f08a24"]')).toHaveCount(1)
  for (const item of await products.all()) await expect(item.locator('svg[data-kind]')).toBeVisible()
  const kinds = await products.locator('svg').evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('data-kind')))
  expect(kinds).toEqual(['robot-arm', 'robot-arm', 'robot-arm', 'robot-arm'])
  expect(errors).toEqual([])
})
