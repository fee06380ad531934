// How often and how long rumkit touches document.cookie on the sdk-compare visit: the
// getter and setter wrapped in an init script, each call timed (one run, printed in order).
//   node --conditions=source --import tsx bench/sdk/cookie-probe.ts
import express from 'express';
import { launchBrowser } from '../../test/e2e/support/browser.ts';
import { createSite } from '../../test/e2e/support/sdk-site.ts';
import { listen } from '../../test/e2e/support/serve.ts';
import { bundleVariant, VARIANTS, type Variant } from './variants.ts';
import { SHOP_HEAD, visitShop } from './visit.ts';

const rumkit = VARIANTS.find((v) => v.name === 'rumkit') as Variant;
const code = (await bundleVariant(rumkit)) as Buffer;
const app = express();
app.post(/^\/v1\/write\/rum/, (_req, res) => void res.status(202).json({}));
app.use(
  createSite({
    head: `${SHOP_HEAD}<script src="/assets/sdk.js"></script>`,
    assets: { 'sdk.js': code },
  }).app,
);
const server = await listen(app);
const browser = await launchBrowser();
try {
  for (let run = 0; run < Number(process.env.RUNS || 2); run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const log: string[] = [];
      (window as unknown as { __cookieLog: string[] }).__cookieLog = log;
      const d = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie') as PropertyDescriptor;
      Object.defineProperty(Document.prototype, 'cookie', {
        configurable: true,
        get() {
          const t = performance.now();
          const value = d.get?.call(this);
          log.push(`get ${t.toFixed(0)} +${(performance.now() - t).toFixed(2)}ms`);
          return value;
        },
        set(value: string) {
          const t = performance.now();
          d.set?.call(this, value);
          log.push(
            `set ${t.toFixed(0)} +${(performance.now() - t).toFixed(2)}ms ${value.split(';')[0]}`,
          );
        },
      });
    });
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await visitShop(page);
    console.log(
      `run ${run}:\n  ${(await page.evaluate(() => (window as unknown as { __cookieLog: string[] }).__cookieLog)).join('\n  ')}`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
