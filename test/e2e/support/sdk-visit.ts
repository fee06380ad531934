// One visit of the test shop, the same for every SDK test and the bench: the home page, a
// route change, a good fetch, a failing fetch, an uncaught error, a slow script, a rage click
// on something that does nothing, another route change.
import type { Page } from 'playwright-core';

/** Clicks this far apart never chain into a rage click. */
const APART = 1100;

export async function playVisit(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.waitForTimeout(600);
  await page.click('#nav-products');
  await page.waitForTimeout(APART);
  for (const id of ['#fetch-ok', '#fetch-fail', '#throw', '#slow']) {
    await page.click(id);
    await page.waitForTimeout(APART);
  }
  for (let i = 0; i < 4; i++) await page.click('#rage', { delay: 20 });
  await page.waitForTimeout(APART + 500);
  await page.click('#nav-product-42');
  await page.waitForTimeout(600);
}
