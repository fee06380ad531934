// The demo console (examples/console) as a static build, served by a small front that hands
// out /demo/config.json and passes /api through to a real rumkit server unchanged, as the
// server's own demo mode does. Used by the console's browser tests and the explorer bench.
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { promisify } from 'node:util';
import express, { type Express } from 'express';
import { consoleBuildCommand } from '../../../examples/console/buildCommand.mjs';

const run = promisify(execFile);

/** Builds the console into `outDir` as `npm start` does (examples/console/buildCommand.mjs). */
export async function buildConsole(outDir: string): Promise<void> {
  const { command, args, options } = consoleBuildCommand(outDir);
  await run(command, args, options);
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
  // Streamed both ways, compression included, as a reverse proxy in front of the server would.
  app.use('/api', (req, res) => {
    const upstream = request(
      target().origin + req.originalUrl,
      {
        method: req.method,
        headers: Object.fromEntries(
          ['authorization', 'content-type', 'content-length', 'accept', 'accept-encoding']
            .filter((h) => req.headers[h])
            .map((h) => [h, String(req.headers[h])]),
        ),
      },
      (answer) => {
        res.status(answer.statusCode ?? 502);
        for (const h of ['content-type', 'content-encoding', 'content-length', 'vary'])
          if (answer.headers[h]) res.setHeader(h, answer.headers[h] as string);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent)
        res.status(502).json({ error_code: 'proxy.failed', message: String(error) });
      else res.destroy(error);
    });
    req.pipe(upstream);
  });
  app.use(express.static(dir));
  return app;
}
