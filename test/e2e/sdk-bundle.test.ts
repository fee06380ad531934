import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { browserForFile, collectPageProblems } from './support/browser.js';
import { serverForFile } from './support/serve.js';

const bundle = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../sdk/dist/rumkit.js',
);

const browser = browserForFile();
const server = serverForFile(() => {
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
  return app;
});

describe('the SDK script tag build', () => {
  it('exposes window.RUMKIT with the SDK name on a host page', async () => {
    const page = await browser().newPage();
    const problems = collectPageProblems(page);
    await page.goto(`${server().origin}/`);
    const identity = await page.evaluate(() => {
      const sdk = (window as unknown as { RUMKIT?: Record<string, unknown> }).RUMKIT;
      return sdk && { name: sdk.SDK_NAME, version: sdk.SDK_VERSION };
    });
    expect(identity).toEqual({ name: 'rumkit_web', version: '0.1.0' });
    expect(problems).toEqual([]);
    await page.close();
  });
});
