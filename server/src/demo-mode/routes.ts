import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { HttpError } from '../http/errors.js';
import { DEMO_SHOP_APP, type DemoState } from './demo.js';

export interface DemoSite {
  state: DemoState;
  /** The built console (examples/console/dist), served at `/`. */
  consoleDir?: string | undefined;
  /** The instrumented demo shop (examples/shop), served at `/shop/`. */
  shopDir?: string | undefined;
  /** The built SDK (sdk/dist), served at `/sdk/`. */
  sdkDir?: string | undefined;
}

/**
 * Demo mode only: hands the console the demo workspace's key, and serves the console, the
 * demo shop and the SDK bundle. Never mounted otherwise, so no key ever leaves a real server.
 */
export function demoRoutes(site: DemoSite): Router {
  const router = Router();
  router.get('/demo/config.json', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      apiKey: site.state.api_key,
      intakeOrigin: `${req.protocol}://${req.headers.host}`,
      shopAppId: DEMO_SHOP_APP,
    });
  });
  // The shop's payment endpoint is down on purpose: the failed request the demo shows.
  router.post('/shop/api/pay', (_req, res) => {
    res
      .status(503)
      .json({ error_code: 'payment.unavailable', message: 'the payment provider is down (demo)' });
  });
  const serve = (mount: string, dir: string | undefined, what: string) => {
    if (dir && existsSync(dir)) {
      router.use(mount, express.static(dir, { index: 'index.html' }));
      // Single-page apps: unknown paths under the mount get the page, which routes itself.
      if (mount !== '/sdk') {
        router.get(mount === '/' ? '/{*path}' : `${mount}/{*path}`, (req, res, next) => {
          if (
            req.path.startsWith('/api/') ||
            req.path.startsWith('/v1/') ||
            path.extname(req.path) !== ''
          )
            return next();
          res.sendFile(path.join(dir, 'index.html'));
        });
      }
    } else {
      router.get(mount === '/' ? '/' : `${mount}/{*path}`, () => {
        throw new HttpError(
          404,
          'demo.not_built',
          `${what} is not built; run npm start from the repository root`,
        );
      });
    }
  };
  serve('/sdk', site.sdkDir, 'the SDK bundle');
  serve('/shop', site.shopDir, 'the demo shop');
  serve('/', site.consoleDir, 'the demo console');
  return router;
}
