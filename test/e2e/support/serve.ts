import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';

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

export function serveDirectory(dir: string): Promise<Served> {
  const app = express();
  app.use(express.static(dir));
  return listen(app);
}
