// The demo console (examples/console) as a static build, served by a small front that hands
// out /demo/config.json and passes /api through to a real rumkit server unchanged, as the
// server's own demo mode does. Used by the console's browser tests and the explorer bench.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { build } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Builds the console with Vite into `outDir`. */
export async function buildConsole(outDir: string): Promise<void> {
  await build({
    configFile: path.join(ROOT, 'examples/console/vite.config.ts'),
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
}

export interface ConsoleTarget {
  /** The rumkit server's origin. */
  origin: string;
  /** The workspace key the console uses. */
  apiKey: string;
  shopAppId?: string;
}

/** The console's build, its demo config, and /api passed through to the server. */
export function consoleApp(dir: string, target: () => ConsoleTarget): Express {
  const app = express();
  app.get('/demo/config.json', (_req, res) => {
    const { apiKey, origin, shopAppId = 'shop_web' } = target();
    res.json({ apiKey, intakeOrigin: origin, shopAppId });
  });
  app.use('/api', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const answer = await fetch(target().origin + req.originalUrl, {
      method: req.method,
      headers: Object.fromEntries(
        ['authorization', 'content-type', 'accept']
          .filter((h) => req.headers[h])
          .map((h) => [h, String(req.headers[h])]),
      ),
      ...(req.method === 'GET' || req.method === 'HEAD'
        ? {}
        : { body: new Uint8Array(req.body as Buffer) }),
    });
    res.status(answer.status);
    const type = answer.headers.get('content-type');
    if (type) res.type(type);
    res.send(Buffer.from(await answer.arrayBuffer()));
  });
  app.use(express.static(dir));
  return app;
}
