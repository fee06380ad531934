import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { afterAll, beforeAll } from 'vitest';

export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** Listens on an ephemeral port on 127.0.0.1 (never another address). */
export async function listen(app: Express): Promise<Served> {
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function staticApp(dir: string): Express {
  const app = express();
  app.use(express.static(dir));
  return app;
}

/** Serves the app made by `make` on 127.0.0.1 before a test file's tests, closed after them. */
export function serverForFile(make: () => Express | Promise<Express>): () => Served {
  let served: Served | undefined;
  beforeAll(async () => {
    served = await listen(await make());
  });
  afterAll(async () => {
    await served?.close();
  });
  return () => {
    if (served === undefined) throw new Error('the server is not running: use it inside a test');
    return served;
  };
}
