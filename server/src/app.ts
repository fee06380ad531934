import { API_ROUTES, buildOpenApi } from '@rumkit/core/api';
import express, { type Express, type RequestHandler } from 'express';
import type { ServerConfig } from './config.js';
import { type DemoSite, demoRoutes } from './demo-mode/routes.js';
import { requireAdmin, requireWorkspace } from './http/auth.js';
import { errorHandler, type Logger, notFound } from './http/errors.js';
import { createRateLimiter } from './http/rate-limit.js';
import { replayIngestRoutes } from './ingest/datakit/replay.js';
import { datakitRoutes } from './ingest/datakit/routes.js';
import { adminRoutes } from './routes/admin.js';
import { appsRoutes } from './routes/apps.js';
import { detailsRoutes } from './routes/details.js';
import { eventsRoutes } from './routes/events.js';
import { replayRoutes } from './routes/replay.js';
import { type StatusInfo, statusRoutes } from './routes/status.js';
import { usageRoutes } from './routes/usage.js';
import { sameSecret } from './services/keys.js';
import type { Services } from './services/open.js';
import { ingestSegment, segmentIndex } from './services/replay.js';
import { workspaceOfSecret } from './services/workspaces.js';

export interface AppDeps {
  config: ServerConfig;
  logger: Logger;
  services: Pick<Services, 'registry' | 'worker' | 'blobs' | 'adminKey'>;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  clock?: () => number;
  /** Demo mode: the demo workspace and the static sites to serve. */
  demo?: DemoSite;
}

export const SERVER_VERSION = '0.1.0';

/** Compressed ingest bodies up to 5 MiB, decompressed up to 32 MiB (a gzip bomb stops there). */
export const INGEST_LIMITS = { maxCompressed: 5 * 1024 * 1024, maxDecompressed: 32 * 1024 * 1024 };

/** What the server serves today; each issue that adds routes adds its line here. */
export const SERVES: StatusInfo['serves'] = [
  { path: 'GET /', what: 'this page' },
  { path: 'GET /healthz', what: 'liveness check (JSON)' },
  { path: 'POST /v1/write/rum', what: "RUM events in DataKit's protocol (line protocol or JSON)" },
  {
    path: 'POST /v1/write/rum/replay',
    what: "session replay segments in DataKit's protocol (multipart)",
  },
  { path: 'GET /v1/env_variable', what: 'remote SDK configuration per app_id' },
  { path: '/api/v1/admin/*', what: 'workspaces and API keys (admin key)' },
  { path: '/api/v1/apps', what: "the workspace's apps (workspace key)" },
  {
    path: '/api/v1/events/*',
    what: 'explorer: search, facets, histogram, analysis (workspace key)',
  },
  {
    path: 'GET /api/v1/sessions/:id/replay',
    what: "a session's replay: records, segments, views, actions, errors (workspace key)",
  },
  { path: 'GET /api/v1/openapi.json', what: 'the OpenAPI document of the JSON API' },
];

/** Builds the Express app. It never listens: main.ts does, and tests boot it on port 0. */
export function createApp({ config, logger, services, clock = Date.now, demo }: AppDeps): Express {
  const { registry, worker, blobs, adminKey } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(statusRoutes({ version: SERVER_VERSION, serves: SERVES }, clock, demo ? '/status' : '/'));
  app.use(
    datakitRoutes({
      ingest: worker.ingest,
      registry,
      clock,
      limits: INGEST_LIMITS,
      ipHeader: config.ipHeader,
      rateLimiter: createRateLimiter({
        rate: config.ingestRate,
        burst: config.ingestRate * 4,
        clock,
      }),
    }),
  );
  const replayIngest = { registry, blobs, index: segmentIndex(worker.store) };
  app.use(
    replayIngestRoutes({
      ingest: (upload) => ingestSegment(replayIngest, upload),
      ipHeader: config.ipHeader,
      // Its own buckets: a recording tab's uploads every 5 s do not eat its events' rate.
      rateLimiter: createRateLimiter({
        rate: config.ingestRate,
        burst: config.ingestRate * 4,
        clock,
      }),
    }),
  );

  const openApi = buildOpenApi(API_ROUTES, {
    title: 'rumkit API',
    version: SERVER_VERSION,
    description:
      'The JSON API of the rumkit reference server. Keys go in `Authorization: Bearer <key>`.',
  });
  const api = express.Router();
  api.use(apiCors);
  api.use(express.json({ limit: '1mb' }));
  api.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  const admin = requireAdmin((secret) => sameSecret(secret, adminKey));
  const workspace = requireWorkspace((secret) => workspaceOfSecret(registry, secret, clock()));
  api.use(adminRoutes({ registry, store: worker.store, blobs, clock, admin, workspace }));
  api.use(appsRoutes({ registry, clock, workspace }));
  api.use(eventsRoutes({ store: worker.store, workspace }));
  api.use(detailsRoutes({ store: worker.store, clock, workspace }));
  api.use(replayRoutes({ store: worker.store, blobs, clock, logger, workspace }));
  api.use(usageRoutes({ store: worker.store, registry, clock, prices: config.prices, workspace }));
  app.use(api);
  if (demo) app.use(demoRoutes(demo));

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}

/**
 * The JSON API takes bearer keys, never cookies, so any origin may call it: hosts embed the
 * components in their own admin panels.
 */
const apiCors: RequestHandler = (req, res, next) => {
  if (!req.path.startsWith('/api/')) return next();
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    res.setHeader('Access-Control-Max-Age', '86400');
    res.status(204).end();
    return;
  }
  next();
};
