import { expressPath, type RouteDef } from '@rumkit/core/api';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { z } from 'zod';
import { HttpError } from './errors.js';

// biome-ignore lint/suspicious/noExplicitAny: inference helpers over the route's schemas
type AnyRoute = RouteDef<any, any, any, any>;

export interface Parsed<R extends AnyRoute> {
  params: R extends RouteDef<infer P, z.ZodType, z.ZodType, z.ZodType> ? z.output<P> : never;
  query: R extends RouteDef<z.ZodType, infer Q, z.ZodType, z.ZodType> ? z.output<Q> : never;
  body: R extends RouteDef<z.ZodType, z.ZodType, infer B, z.ZodType> ? z.output<B> : never;
}

type Handler<R extends AnyRoute> = (
  input: Parsed<R>,
  context: { req: Request; res: Response },
) => Promise<unknown> | unknown;

/**
 * Mounts a declared route: validates params, query and body with its schemas (400 naming
 * the field on failure), runs the handler and answers with its status.
 */
export function mount<R extends AnyRoute>(
  router: Router,
  route: R,
  guard: RequestHandler,
  handler: Handler<R>,
) {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  router[method](expressPath(route.path), guard, async (req, res) => {
    const result = await handler(parseRequest(route, req), { req, res });
    res.status(route.status ?? 200);
    if (route.status === 204) res.end();
    else res.json(result);
  });
}

/**
 * A request's params, query and body checked by its route's schemas (400 naming the field),
 * for a route that answers on its own (a streamed answer) instead of through mount.
 */
export function parseRequest<R extends AnyRoute>(route: R, req: Request): Parsed<R> {
  return {
    params: parse(route.params, req.params, 'path'),
    query: parse(route.query, req.query, 'query'),
    body: route.body ? parse(route.body, req.body, 'body') : undefined,
  } as Parsed<R>;
}

function parse(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return {};
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? `${where}.${issue.path.join('.')}` : where;
  throw new HttpError(400, 'request.invalid', `${path}: ${issue?.message ?? 'invalid'}`, {
    issues: result.error.issues.map((i) => ({
      path: [where, ...i.path].join('.'),
      message: i.message,
    })),
  });
}

export { Router };
