import type { ErrorRequestHandler, RequestHandler } from 'express';

/** An error a route raises on purpose: it becomes a 4xx with DataKit's `{ error_code, message }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'route.not_found', `no route for ${req.method} ${req.path}`));
};

/**
 * The one error handler: 4xx answers name the problem; 5xx are logged in full
 * and answered without internals.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const status = statusOf(err);
    if (status >= 500) {
      logger.error('request failed', { method: req.method, path: req.path, error: err });
      res.status(500).json({ error_code: 'server.internal', message: 'internal server error' });
      return;
    }
    const code = err instanceof HttpError ? err.code : codeOf(err);
    const message = err instanceof Error ? err.message : String(err);
    const details = err instanceof HttpError ? err.details : undefined;
    res
      .status(status)
      .json({ error_code: code, message, ...(details === undefined ? {} : { details }) });
  };
}

// express and body-parser raise errors carrying `status` (e.g. 400 bad JSON, 413 too large).
function statusOf(err: unknown): number {
  if (err instanceof HttpError) return err.status;
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function codeOf(err: unknown): string {
  const type = (err as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? `request.${type.replaceAll('.', '_')}` : 'request.invalid';
}
