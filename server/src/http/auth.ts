import type { RequestHandler } from 'express';
import type { WorkspaceRecord } from '../meta/registry.js';
import { HttpError } from './errors.js';

export function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** Admin routes: the server's admin key, compared in constant time. */
export function requireAdmin(isAdminKey: (secret: string) => boolean): RequestHandler {
  return (req, _res, next) => {
    const secret = bearer(req.headers.authorization);
    if (secret === undefined) throw missing();
    if (!isAdminKey(secret)) throw new HttpError(401, 'auth.invalid', 'the admin key is not valid');
    next();
  };
}

/** Workspace routes: a workspace API key; the workspace goes into res.locals.workspace. */
export function requireWorkspace(
  findWorkspace: (secret: string) => WorkspaceRecord | undefined,
): RequestHandler {
  return (req, res, next) => {
    const secret = bearer(req.headers.authorization);
    if (secret === undefined) throw missing();
    const workspace = findWorkspace(secret);
    if (!workspace)
      throw new HttpError(401, 'auth.invalid', 'the API key is not valid (revoked or mistyped?)');
    res.locals.workspace = workspace;
    next();
  };
}

function missing() {
  return new HttpError(401, 'auth.missing', 'send an API key as "Authorization: Bearer <key>"');
}
