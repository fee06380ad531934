import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: the server's admin key, a workspace API key, or anyone. */
export type RouteAuth = 'admin' | 'workspace' | 'none';

/**
 * One route of the server's API, declared once. The server validates requests with these
 * schemas and documents them in OpenAPI; `createHttpBackend` parses responses with them.
 * Paths use OpenAPI's `{param}` form.
 */
export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  id: string;
  method: HttpMethod;
  path: string;
  auth: RouteAuth;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The success body; `undefined` for routes that answer 204 with no body. */
  response?: R;
  /** Success status; 200 unless said. */
  status?: 200 | 201 | 204;
}

export function defineRoute<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
>(route: RouteDef<P, Q, B, R>): RouteDef<P, Q, B, R> {
  return route;
}

/** `/api/v1/apps/{id}` → `/api/v1/apps/:id`, the form Express routes on. */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** Fills `{param}` placeholders, encoding each value. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`path ${path} needs the parameter "${name}"`);
    return encodeURIComponent(value);
  });
}
