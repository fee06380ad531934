import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageProblems, launchBrowser } from './support/browser.js';
import { listen, type Served } from './support/serve.js';

const bundle = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../sdk/dist/rumkit.js',
);

let browser: Browser;
let server: Served;

beforeAll(async () => {
  if (!existsSync(bundle)) {
    throw new Error(`${bundle} is missing: build it with "npm run build -w @rumkit/browser"`);
  }
  const app = express();
  app.get('/rumkit.js', (_req, res) => {
    res.type('js').send(readFileSync(bundle));
  });
  app.get('/', (_req, res) => {
    res
      .type('html')
      .send(
        [
          '<!doctype html><title>host page</title><link rel="icon" href="data:,">',
          '<script src="/rumkit.js"></script>',
        ].join(''),
      );
  });
  server = await listen(app);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the SDK script tag build', () => {
  it('exposes window.RUMKIT with the SDK name on a host page', async () => {
    const page = await browser.newPage();
    const problems = collectPageProblems(page);
    await page.goto(`${server.origin}/`);
    const identity = await page.evaluate(() => {
      const sdk = (window as unknown as { RUMKIT?: Record<string, unknown> }).RUMKIT;
      return sdk && { name: sdk.SDK_NAME, version: sdk.SDK_VERSION };
    });
    expect(identity).toEqual({ name: 'rumkit_web', version: '0.1.0' });
    expect(problems).toEqual([]);
    await page.close();
  });
});
