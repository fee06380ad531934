import express, { type Express } from 'express';
import type { ServerConfig } from './config.js';
import { errorHandler, type Logger, notFound } from './http/errors.js';
import { type StatusInfo, statusRoutes } from './routes/status.js';

export interface AppDeps {
  config: ServerConfig;
  logger: Logger;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  clock?: () => number;
}

export const SERVER_VERSION = '0.1.0';

/** What the server serves today; each issue that adds routes adds its line here. */
export const SERVES: StatusInfo['serves'] = [
  { path: 'GET /', what: 'this page' },
  { path: 'GET /healthz', what: 'liveness check (JSON)' },
];

/** Builds the Express app. It never listens: main.ts does, and tests boot it on port 0. */
export function createApp({ logger, clock = Date.now }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(statusRoutes({ version: SERVER_VERSION, serves: SERVES }, clock));
  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
