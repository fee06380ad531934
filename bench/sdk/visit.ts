import type { Page } from 'playwright-core';

/** Rows of 5 elements on the test shop's home page: 2,000 DOM nodes. */
export const SHOP_ITEMS = 400;

/** The head script that sizes the test shop for the SDK benches. */
export const SHOP_HEAD = `<script>window.SITE_ITEMS = ${SHOP_ITEMS};</script>`;

/** The visit's clicks, in order. */
export const SHOP_STEPS = ['#nav-products', '#fetch-ok', '#nav-product-42', '#nav-home'];

/**
 * The SDK benches' visit to the test shop, once it has loaded: Products, Load items (a fetch),
 * Product 42 and Home (the 2,000 elements again), 300 ms apart, then the page hidden so every SDK
 * sends what it holds.
 */
export async function visitShop(page: Page): Promise<void> {
  await page.waitForTimeout(300);
  for (const id of SHOP_STEPS) {
    await page.click(id);
    await page.waitForTimeout(300);
  }
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pagehide'));
  });
  await page.waitForTimeout(500);
}
