import { REPLAY_BODY_LIMIT } from '@rumkit/core/replay';
import { Router } from 'express';
import type { RateLimiter } from '../../http/rate-limit.js';
import type { SegmentUploadInput } from '../../services/replay.js';
import { clientIp } from '../enrich/index.js';
import { readSegmentUpload, type UploadLimits } from './multipart.js';
import { checkRate, cors, preflight } from './routes.js';

export interface ReplayIngestRouteDeps {
  /** Stores one upload (services/replay.ts ingestSegment); resolves once it is durable. */
  ingest(upload: SegmentUploadInput): Promise<void>;
  /** Header holding the client address behind a proxy (DataKit's rum_origin_ip_header). */
  ipHeader: string;
  rateLimiter: RateLimiter;
}

/**
 * DataKit's body limit for replays (spec §1.7). Guance's SDKs send some sixteen fields of at
 * most 200 characters; the field limits leave room for a newer SDK's, and no more.
 */
export const REPLAY_UPLOAD_LIMITS: UploadLimits = {
  maxBytes: REPLAY_BODY_LIMIT,
  maxFields: 64,
  maxFieldBytes: 4096,
};

/** `POST /v1/write/rum/replay`: session replay segments as Guance's SDKs upload them. */
export function replayIngestRoutes(deps: ReplayIngestRouteDeps): Router {
  const router = Router();
  // multipart/form-data is a simple request, so browsers send no preflight; other clients may.
  router.options('/v1/write/rum/replay', preflight('POST, OPTIONS', 'Content-Type'));
  router.post('/v1/write/rum/replay', async (req, res) => {
    cors(req, res);
    checkRate(
      deps.rateLimiter,
      clientIp(req.headers, req.socket.remoteAddress, deps.ipHeader),
      res,
    );
    let upload: Awaited<ReturnType<typeof readSegmentUpload>>;
    try {
      upload = await readSegmentUpload(req, REPLAY_UPLOAD_LIMITS);
    } catch (error) {
      // The rest of the upload was not read: close the connection after answering, or a
      // keep-alive client's next request would be read from the middle of this body.
      res.setHeader('Connection', 'close');
      throw error;
    }
    const token = typeof req.query.token === 'string' ? req.query.token : undefined;
    await deps.ingest({ ...upload, origin: req.headers.origin, token });
    // DataKit answers an accepted upload with 200 and an empty JSON object.
    res.status(200).json({});
  });
  return router;
}
