import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import { expressPath, replayRoutes as routes } from '@rumkit/core/api';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { Logger } from '../http/errors.js';
import { parseRequest } from '../http/validate.js';
import type { WorkspaceRecord } from '../meta/registry.js';
import type { BlobStore } from '../replay/blobs.js';
import * as replay from '../services/replay.js';
import type { EventStore } from '../store/types.js';

export function replayRoutes(deps: {
  store: EventStore;
  blobs: BlobStore;
  clock: () => number;
  logger: Logger;
  workspace: RequestHandler;
}): Router {
  const { store, blobs, clock, logger, workspace } = deps;
  const router = Router();
  const route = routes.sessionReplay;
  // Not mount(): the answer is streamed. The records of a 30-minute session are many MB, so
  // they go out a segment at a time instead of as one JSON value in memory.
  router.get(expressPath(route.path), workspace, async (req, res) => {
    const { params, query } = parseRequest(route, req);
    const workspaceId = (res.locals.workspace as WorkspaceRecord).id;
    const plan = await replay.sessionReplay(store, workspaceId, params.sessionId, query, clock());
    await stream(req, res, plan, replay.replayRecords(blobs, plan.blobKeys, logger), logger);
  });
  return router;
}

/**
 * Writes `{…head, "records": [ … ]}`: the head at once, then each segment's records as it
 * comes, waiting whenever the client is behind, gzipped when the client takes gzip.
 */
async function stream(
  req: Request,
  res: Response,
  plan: replay.ReplayPlan,
  records: AsyncIterable<Buffer>,
  logger: Logger,
) {
  // Set when the client went away before the end: nothing more is written or awaited.
  let gone = false;
  res.on('close', () => {
    gone = !res.writableFinished;
  });
  res.status(200);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Vary', 'Accept-Encoding');
  let out: Writable = res;
  // No Accept-Encoding means any would do, but a client that sends none rarely inflates.
  if (req.headers['accept-encoding'] && req.acceptsEncodings('gzip') === 'gzip') {
    res.setHeader('Content-Encoding', 'gzip');
    const gzip = createGzip();
    pipeline(gzip, res, () => undefined);
    out = gzip;
  }
  try {
    const head = JSON.stringify(plan.head);
    const send = (chunk: string | Buffer) => (gone ? undefined : write(out, chunk));
    await send(`${head.slice(0, -1)},"records":[`);
    let first = true;
    for await (const json of records) {
      if (gone) break;
      if (!first) await send(',');
      await send(json);
      first = false;
    }
    if (!gone) out.end(']}');
  } catch (error) {
    // The status is sent: all that is left is to cut the answer short, which the client sees.
    logger.error('replay: the answer could not be written', { error });
    out.destroy();
    res.destroy();
  }
}

/** Writes a chunk; when the stream's buffer is full, waits until it drains (or closes). */
function write(out: Writable, chunk: string | Buffer): Promise<void> | undefined {
  if (out.destroyed || out.write(chunk)) return undefined;
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
