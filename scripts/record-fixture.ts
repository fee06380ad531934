// Records the session replay fixtures of the player's stories and tests: real rrweb recordings
// (@rrweb/record's UMD build in headless Chromium) of a small checkout page with a form, and the
// moments of its views, actions and errors, so a story can give the player RUM events on the
// same time axis.
//
//   npx tsx scripts/record-fixture.ts          writes test/fixtures/replay/*.json
//
// Two recordings: `checkout.json`, a 15-second visit, and `checkout-idle.json`, the same visit
// with the person away for three minutes and then two more (Playwright's clock jumps ahead, so
// rrweb's timestamps carry real gaps for "skip inactivity"). The page is self-contained (inline
// CSS, no images or fonts), so a replay fetches nothing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../test/e2e/support/browser.ts';
import { RRWEB_RECORD_SCRIPT, RRWEB_RECORD_VERSION } from '../test/e2e/support/rrweb.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'test/fixtures/replay');

const ORIGIN = 'https://shop.example.com';

// The page: a cart and a checkout form, switched with the History API as a single-page app
// does. Its script notes each view, action and error (name and Date.now(), rrweb's clock).
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Acme shop</title>
<style>
  body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: #1c2024; background: #f4f5f7; }
  header { display: flex; align-items: center; gap: 12px; padding: 14px 32px; background: #1f2a44; color: #fff; }
  header strong { font-size: 18px; }
  header nav { margin-left: auto; display: flex; gap: 16px; }
  header a { color: #c9d3ff; }
  main { max-width: 560px; margin: 32px auto; padding: 24px 28px; background: #fff; border-radius: 10px; box-shadow: 0 4px 16px rgb(16 24 40 / 0.08); }
  h1 { margin: 0 0 16px; font-size: 22px; }
  ul { padding: 0; margin: 0 0 16px; list-style: none; }
  li { display: flex; justify-content: space-between; padding: 10px 0; border-bottom: 1px solid #e4e6ea; }
  label { display: grid; gap: 4px; margin-bottom: 12px; font-weight: 600; }
  input, select { font: inherit; padding: 8px 10px; border: 1px solid #b9bec6; border-radius: 6px; }
  .check { display: flex; gap: 8px; align-items: center; font-weight: 400; }
  button { font: inherit; font-weight: 600; padding: 10px 18px; border: 0; border-radius: 6px; background: #3451b2; color: #fff; cursor: pointer; }
  .error { padding: 10px 12px; margin-bottom: 12px; border-radius: 6px; background: #fdeeee; color: #a4161a; }
  .total { display: flex; justify-content: space-between; font-weight: 700; margin-bottom: 16px; }
</style>
</head>
<body>
<header><strong>Acme shop</strong><nav><a href="/cart">Cart</a><a href="/help">Help</a></nav></header>
<main id="app"></main>
<script>
  window.__marks = [];
  const mark = (entry) => window.__marks.push({ ...entry, time: Date.now(), path: location.pathname });
  const app = document.getElementById('app');
  const views = {
    '/cart': () => \`<h1>Your cart</h1>
      <ul><li><span>Trail shoes</span><span>€89.00</span></li>
      <li><span>Wool socks ×2</span><span>€18.00</span></li></ul>
      <div class="total"><span>Total</span><span>€107.00</span></div>
      <button id="checkout" type="button">Go to checkout</button>\`,
    '/checkout': () => \`<h1>Checkout</h1>
      <form id="order">
        <div id="problem"></div>
        <label>Full name <input id="name" name="name" autocomplete="name"></label>
        <label>Email <input id="email" name="email" type="email" autocomplete="email"></label>
        <label>Delivery
          <select id="delivery" name="delivery"><option>Standard (3–5 days)</option><option>Express (next day)</option></select>
        </label>
        <label class="check"><input id="gift" type="checkbox"> Wrap it as a gift</label>
        <button id="place" type="submit">Place order</button>
      </form>\`,
    '/done': () => '<h1>Thank you!</h1><p>Your order <b>#10492</b> is on its way.</p>',
  };
  let attempts = 0;
  function show(path) {
    app.innerHTML = views[path]();
    mark({ kind: 'view', name: path });
  }
  function go(path) {
    history.pushState(null, '', path);
    show(path);
  }
  app.addEventListener('click', (event) => {
    if (event.target.id === 'checkout') {
      mark({ kind: 'action', name: 'Go to checkout' });
      go('/checkout');
    }
  });
  app.addEventListener('submit', (event) => {
    event.preventDefault();
    mark({ kind: 'action', name: 'Place order' });
    attempts += 1;
    if (attempts === 1) {
      const message = 'Payment declined: card expired';
      document.getElementById('problem').innerHTML = '<p class="error" role="alert">' + message + '</p>';
      mark({ kind: 'error', name: message, type: 'PaymentError' });
      return;
    }
    go('/done');
  });
  show(location.pathname in views ? location.pathname : '/cart');
</script>
</body>
</html>`;

interface Recorded {
  records: { timestamp: number }[];
  marks: unknown[];
}

async function record(browser: Browser, { idle }: { idle: boolean }): Promise<Recorded> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 640 } });
  const page = await context.newPage();
  await page.route(`${ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE }),
  );
  // Installed before the page loads, so Date.now() (rrweb's clock) can jump ahead later.
  if (idle) await page.clock.install();
  await page.addInitScript(RRWEB_RECORD_SCRIPT);
  await page.goto(`${ORIGIN}/cart`);
  const pause = (ms: number) => page.waitForTimeout(ms);
  // Recording starts once the page has been laid out: a snapshot of a cold page took 1.5 s on a
  // busy machine, which the replay would show as a blank start. A string, not a function:
  // nothing of this file's compiled helpers exists in the page. Inputs of type email are
  // masked, as Guance's SDK always masks them.
  await pause(300);
  await page.evaluate(`window.__records = [];
    window.rrwebRecord.record({
      emit: (event) => window.__records.push(event),
      maskInputOptions: { password: true, email: true, tel: true },
    });`);
  const away = async (duration: string) => {
    if (!idle) return;
    await page.clock.fastForward(duration);
    await pause(300);
  };

  await pause(600);
  await page.mouse.move(300, 200, { steps: 8 });
  await pause(400);
  await page.mouse.move(520, 330, { steps: 10 });
  await page.click('#checkout');
  await pause(800);
  await away('03:00');
  await page.click('#name');
  await page.keyboard.type('Ada Lovelace', { delay: 60 });
  await page.click('#email');
  await page.keyboard.type('ada@example.com', { delay: 40 });
  await page.selectOption('#delivery', { index: 1 });
  await page.check('#gift');
  await pause(300);
  await page.click('#place');
  await pause(1200);
  await away('02:00');
  await page.mouse.wheel(0, 120);
  await pause(300);
  await page.click('#place');
  await pause(1000);

  const { records, marks } = (await page.evaluate(
    '({ records: window.__records, marks: window.__marks })',
  )) as Recorded;
  await context.close();
  return { records, marks };
}

const browser = await launchBrowser();
try {
  mkdirSync(outDir, { recursive: true });
  for (const [file, idle] of [
    ['checkout.json', false],
    ['checkout-idle.json', true],
  ] as const) {
    const { records, marks } = await record(browser, { idle });
    const fixture = {
      about: `A real rrweb recording (@rrweb/record ${RRWEB_RECORD_VERSION}, Chromium) of ${ORIGIN}/cart → /checkout → /done, made by scripts/record-fixture.ts.${idle ? ' The person is away 3 min on the checkout form and 2 min after the declined payment.' : ''}`,
      origin: ORIGIN,
      records,
      marks,
    };
    const json = `${JSON.stringify(fixture)}\n`;
    writeFileSync(path.join(outDir, file), json);
    const span = ((records.at(-1)?.timestamp ?? 0) - (records[0]?.timestamp ?? 0)) / 1000;
    console.log(
      `${file}: ${records.length} records over ${span.toFixed(1)} s, ${marks.length} marks, ${(json.length / 1024).toFixed(1)} KB`,
    );
  }
} finally {
  await browser.close();
}
// In the repository's JSON style, so `biome ci` passes on the fixtures as written.
spawnSync(path.join(root, 'node_modules/.bin/biome'), ['format', '--write', outDir], {
  stdio: 'ignore',
});
