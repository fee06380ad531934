// The test shop (test/e2e/sites/sdk-spa) served with an SDK in its <head>, for the SDK's
// browser tests and the SDK bench. Optionally also a stand-in intake that records what the
// SDK sends (`/v1/write/rum`, `/v1/env_variable`), and a Content-Security-Policy header.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import express, { type Express } from 'express';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SITE_DIR = path.resolve(here, '../sites/sdk-spa');
export const SDK_DIST = path.resolve(here, '../../../sdk/dist');

export interface IntakeRequest {
  query: Record<string, string>;
  /** The body as text (inflated when the request said encoding=deflate). */
  body: string;
  /** Bytes on the wire. */
  bytes: number;
  contentType: string | undefined;
}

export interface SiteOptions {
  /** Script tags (and anything else) for the page's <head>. */
  head: string;
  /** Files served at /assets/<name>: the SDK bundles and init scripts. */
  assets?: Record<string, string | Buffer>;
  /** Milliseconds to wait before answering for some assets (a slow CDN). */
  delays?: Record<string, number>;
  /** A Content-Security-Policy header on the page. */
  csp?: string;
  /** Serve a stand-in intake at /v1/write/rum and /v1/env_variable. */
  intake?: { envVariables?: Record<string, unknown>; status?: () => number };
}

export interface Site {
  app: Express;
  /** What the stand-in intake received, in order. */
  received: IntakeRequest[];
}

/** The SDK's script-tag build, read from sdk/dist (built by `node sdk/build.mjs`). */
export function sdkBundle(file = 'rumkit.js'): Buffer {
  return readFileSync(path.join(SDK_DIST, file));
}

export function createSite(options: SiteOptions): Site {
  const received: IntakeRequest[] = [];
  const app = express();
  const page = readFileSync(path.join(SITE_DIR, 'index.html'), 'utf8').replace(
    '<!--SDK-->',
    options.head,
  );
  app.use('/site', express.static(SITE_DIR));
  app.get('/assets/:name', async (req, res) => {
    const asset = options.assets?.[req.params.name];
    if (asset === undefined) return void res.sendStatus(404);
    const delay = options.delays?.[req.params.name];
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    res.type(req.params.name.endsWith('.mjs') ? 'text/javascript' : 'js').send(asset);
  });
  app.get('/api/items', (_req, res) => void res.json({ items: [1, 2, 3] }));
  app.get('/api/fail', (_req, res) => void res.status(500).send('broken'));
  if (options.intake) {
    const intake = options.intake;
    app.post('/v1/write/rum', express.raw({ type: () => true, limit: '5mb' }), (req, res) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const query = req.query as Record<string, string>;
      received.push({
        query,
        body: (query.encoding === 'deflate' ? inflateSync(raw) : raw).toString('utf8'),
        bytes: raw.length,
        contentType: req.get('content-type'),
      });
      res.status(intake.status ? intake.status() : 200).json({});
    });
    app.get(
      '/v1/env_variable',
      (_req, res) => void res.json({ content: intake.envVariables ?? {} }),
    );
  }
  app.get(/^\/(?!site\/|assets\/|api\/|v1\/).*/, (_req, res) => {
    if (options.csp) res.set('Content-Security-Policy', options.csp);
    res.type('html').send(page);
  });
  return { app, received };
}
