import { z } from 'zod';
import { errorBody } from './errors.js';
import type { RouteDef } from './route.js';

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

type JsonSchema = Record<string, unknown>;

/** An OpenAPI 3.1 document for the routes, generated from the schemas that validate them. */
export function buildOpenApi(routes: readonly RouteDef[], info: OpenApiInfo): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Record<string, JsonSchema> = {};
  const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const json = z.toJSONSchema(schema, {
      io,
      unrepresentable: 'any',
      override: ({ jsonSchema }) => {
        delete jsonSchema.$schema;
      },
    }) as JsonSchema;
    delete json.$schema;
    return hoistDefs(json, components);
  };

  for (const route of routes) {
    const operation: Record<string, unknown> = {
      operationId: route.id,
      summary: route.summary,
      tags: [route.tag],
      parameters: [
        ...parametersOf(route.params, 'path', toSchema),
        ...parametersOf(route.query, 'query', toSchema),
      ],
      responses: {
        [String(route.status ?? 200)]: route.response
          ? {
              description: 'Success',
              content: { 'application/json': { schema: toSchema(route.response, 'output') } },
            }
          : { description: 'Success, no body' },
        default: {
          description: 'An error: 4xx for a bad request, 5xx for a server fault.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(route.body, 'input') } },
      };
    }
    if (route.auth !== 'none')
      operation.security = [{ [route.auth === 'admin' ? 'adminKey' : 'workspaceKey']: [] }];
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = operation;
  }
  components.Error = toSchema(errorBody, 'output');
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        adminKey: { type: 'http', scheme: 'bearer', description: 'The server admin key.' },
        workspaceKey: { type: 'http', scheme: 'bearer', description: 'A workspace API key.' },
      },
    },
  };
}

function parametersOf(
  schema: z.ZodType | undefined,
  where: 'path' | 'query',
  toSchema: (schema: z.ZodType, io: 'input' | 'output') => JsonSchema,
): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

/** Moves named sub-schemas (zod `.meta({ id })`) into components and points at them. */
function hoistDefs(json: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
  delete json.$defs;
  const fix = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(fix);
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) {
        out[key] =
          key === '$ref' && typeof value === 'string'
            ? value.replace('#/$defs/', '#/components/schemas/')
            : fix(value);
      }
      return out;
    }
    return node;
  };
  for (const [name, def] of Object.entries(defs)) components[name] = fix(def) as JsonSchema;
  const root = fix(json) as JsonSchema;
  if (typeof root.id === 'string') {
    const { id, ...rest } = root;
    components[id] = rest;
    return { $ref: `#/components/schemas/${id}` };
  }
  return root;
}
