import { toEnvVariables } from '@rumkit/core';
import { isPrecision, type Precision } from '@rumkit/core/protocol';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import { type BodyLimits, parseEncoding, readBody } from '../../http/body.js';
import { HttpError } from '../../http/errors.js';
import type { RateLimiter } from '../../http/rate-limit.js';
import type { RegistryStore } from '../../meta/registry.js';
import type { IngestResult } from '../../worker/protocol.js';
import { clientIp } from '../enrich/index.js';
import type { IngestRequest } from './pipeline.js';

export interface IngestDeps {
  ingest(request: IngestRequest): Promise<IngestResult>;
  registry: RegistryStore;
  clock: () => number;
  limits: BodyLimits;
  /** Header holding the client address behind a proxy (DataKit's rum_origin_ip_header). */
  ipHeader: string;
  rateLimiter: RateLimiter;
}

/** Routes of DataKit's RUM input (spec §1.11), so Guance's SDKs can report unchanged. */
export function datakitRoutes(deps: IngestDeps): Router {
  const router = Router();
  // Browsers send line protocol as text/plain to skip the preflight; other clients may
  // still ask, with Content-Encoding or application/json. Any origin may ask: the Origin of
  // the real request is checked against the app's allowed origins.
  router.options(
    ['/v1/write/rum', '/v1/env_variable'],
    preflight('POST, GET, OPTIONS', 'Content-Type, Content-Encoding'),
  );
  router.post('/v1/write/rum', writeRum(deps));
  router.get('/v1/env_variable', (req, res) => {
    cors(req, res);
    const appId = typeof req.query.app_id === 'string' ? req.query.app_id : '';
    if (appId === '')
      throw new HttpError(400, 'param.missing', 'the app_id query parameter is required');
    const app = deps.registry.get().apps.find((a) => a.app_id === appId);
    if (!app)
      throw new HttpError(
        404,
        'app.unknown',
        `app_id ${JSON.stringify(appId)} is not registered on this server`,
      );
    res.json(toEnvVariables(appId, app.remote_config));
  });
  return router;
}

/** Any origin may send (the app's allowed origins are checked on the data); 429s say when. */
/** Answers a CORS preflight: these methods, the headers asked for (else `headers`), for a day. */
export function preflight(methods: string, headers: string): RequestHandler {
  return (req, res) => {
    cors(req, res);
    res.setHeader('Access-Control-Allow-Methods', methods);
    res.setHeader(
      'Access-Control-Allow-Headers',
      req.headers['access-control-request-headers'] ?? headers,
    );
    res.setHeader('Access-Control-Max-Age', '86400');
    res.status(204).end();
  };
}

export function cors(req: Request, res: Response) {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  // The SDK reads Retry-After to honour a 429.
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  if (origin) res.setHeader('Vary', 'Origin');
}

function writeRum(deps: IngestDeps): RequestHandler {
  return async (req, res) => {
    cors(req, res);
    const ip = clientIp(req.headers, req.socket.remoteAddress, deps.ipHeader);
    checkRate(deps.rateLimiter, ip, res);
    const precision = precisionOf(req.query.precision);
    const encodingParam = typeof req.query.encoding === 'string' ? req.query.encoding : undefined;
    const encoding = parseEncoding(encodingParam ?? req.headers['content-encoding']);
    let body: Buffer;
    try {
      body = await readBody(req, encoding, deps.limits);
    } catch (error) {
      // The rest of the upload was not read: close the connection after answering, or a
      // keep-alive client's next request would be read from the middle of this body.
      res.setHeader('Connection', 'close');
      throw error;
    }
    const contentType = (req.headers['content-type'] ?? '').toLowerCase();
    const token = typeof req.query.token === 'string' ? req.query.token : undefined;
    const result = await deps.ingest({
      body,
      format: contentType.startsWith('application/json') ? 'json' : 'lines',
      ...(precision ? { precision } : {}),
      ...(ip ? { ip } : {}),
      ...(req.headers.origin ? { origin: req.headers.origin } : {}),
      ...(token !== undefined ? { token } : {}),
      now: deps.clock(),
    });
    answer(res, result);
  };
}

/** A 429 with Retry-After when the client address has used up its rate. */
export function checkRate(limiter: RateLimiter, ip: string | undefined, res: Response) {
  const wait = limiter.take(ip ?? 'unknown');
  if (wait > 0) {
    res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
    throw new HttpError(
      429,
      'rate.limited',
      `too many requests from ${ip}; retry in ${Math.ceil(wait / 1000)} s`,
    );
  }
}

function precisionOf(raw: unknown): Precision | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw === 'string' && isPrecision(raw)) return raw;
  throw new HttpError(
    400,
    'param.invalid',
    `precision must be one of n, u, ms, s, m, h; got ${JSON.stringify(raw)}`,
  );
}

/** DataKit answers 200 with `{}`; a partly refused batch also says what was refused. */
function answer(res: Response, result: IngestResult) {
  const errors = result.problems;
  if (result.accepted > 0) {
    res
      .status(200)
      .json(
        result.rejected === 0
          ? {}
          : { accepted: result.accepted, rejected: result.rejected, errors },
      );
    return;
  }
  if (result.received === 0) throw new HttpError(400, 'body.empty', 'the body holds no points');
  const details = { rejected: result.rejected, errors };
  if (result.unknownApps.length > 0) {
    const ids = result.unknownApps.map((id) => JSON.stringify(id)).join(', ');
    throw new HttpError(
      403,
      'app.unknown',
      `app_id ${ids} is not registered on this server`,
      details,
    );
  }
  if (result.refusedOrigin !== undefined) {
    throw new HttpError(
      403,
      'origin.not_allowed',
      errors[0]?.message ?? 'origin not allowed',
      details,
    );
  }
  const first = errors[0];
  throw new HttpError(
    400,
    first?.error_code ?? 'body.invalid',
    first?.message ?? 'no point was accepted',
    details,
  );
}
