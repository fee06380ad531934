import type { z } from 'zod';
import { ApiError } from '../api/index.js';
import type { SearchSyntaxError } from '../search/index.js';

/**
 * The error codes the backends raise. The reference server answers with the same codes; the
 * contract suite holds both to them. A search problem is `search.<SearchErrorCode>`.
 */
export const BACKEND_ERROR_CODES = {
  invalidRequest: 'request.invalid',
  appNotFound: 'app.not_found',
  appIdTaken: 'app.app_id_taken',
  fieldUnknown: 'field.unknown',
  fieldNotNumeric: 'field.not_numeric',
  sessionNotFound: 'session.not_found',
  viewNotFound: 'view.not_found',
  eventNotFound: 'event.not_found',
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

/** A 400 for input that passed its schema but is still not acceptable (a foreign cursor). */
export function badRequest(message: string): ApiError {
  return new ApiError(400, BACKEND_ERROR_CODES.invalidRequest, message);
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

/** A search that does not parse or does not fit the category: 400 pointing into the text. */
export function searchProblem(error: SearchSyntaxError): ApiError {
  return new ApiError(400, `search.${error.code}`, `${error.message} (at ${error.position})`, {
    position: error.position,
    length: error.length,
  });
}

/** A field named outside the search (columns, sort, facet, group) that the records lack. */
export function unknownField(where: string, category: string, name: string): ApiError {
  return new ApiError(
    400,
    BACKEND_ERROR_CODES.fieldUnknown,
    `${where}: ${category} records have no field ${JSON.stringify(name)}`,
  );
}

export function notNumeric(where: string, name: string, type: string): ApiError {
  return new ApiError(
    400,
    BACKEND_ERROR_CODES.fieldNotNumeric,
    `${where}: ${JSON.stringify(name)} holds ${type} values, not numbers`,
  );
}

/**
 * No record with this id in the workspace and the window looked at: `session.not_found` and
 * `view.not_found` for the session and view lookups, `event.not_found` for any record by id.
 */
export function recordNotFound(
  lookup: 'session' | 'view' | 'event',
  category: string,
  id: string,
): ApiError {
  return new ApiError(
    404,
    `${lookup}.not_found`,
    `no ${category} ${JSON.stringify(id)} in this workspace and range`,
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
