import type { z } from 'zod';
import { ApiError } from '../api/index.js';

/**
 * The error codes the backends raise for the app routes. The reference server answers with the
 * same codes; the contract suite holds both to them.
 */
export const BACKEND_ERROR_CODES = {
  invalidRequest: 'request.invalid',
  appNotFound: 'app.not_found',
  appIdTaken: 'app.app_id_taken',
} as const;

/** A 400 that names the first problem with its field, as the server's validation does. */
export function invalidRequest(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return new ApiError(
    400,
    BACKEND_ERROR_CODES.invalidRequest,
    `${where}${issue?.message ?? 'invalid request'}`,
    error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  );
}

export function appNotFound(id: string): ApiError {
  return new ApiError(404, BACKEND_ERROR_CODES.appNotFound, `no app with id "${id}"`);
}

export function appIdTaken(appId: string): ApiError {
  return new ApiError(
    409,
    BACKEND_ERROR_CODES.appIdTaken,
    `app_id "${appId}" is already used by another app`,
  );
}

/** The rejection a cancelled request settles with: the signal's reason, as fetch does. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** Whether an error means the request was cancelled, not that it failed. */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}
