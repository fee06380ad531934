import { describe, expect, it } from 'vitest';
import { API_ROUTES } from './index.js';
import { buildOpenApi } from './openapi.js';

describe('buildOpenApi', () => {
  const doc = buildOpenApi(API_ROUTES, { title: 'rumkit', version: '0.0.0' }) as {
    paths: Record<string, Record<string, { operationId: string; security?: unknown[] }>>;
    components: { schemas: Record<string, unknown> };
  };

  it('documents every declared route once, under its method', () => {
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    expect(operations.map((op) => op.operationId).sort()).toEqual(
      API_ROUTES.map((r) => r.id).sort(),
    );
  });

  it('names shared schemas as components and points at them', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['App', 'Workspace', 'Error']),
    );
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  });

  it('asks for a key on every route but none', () => {
    for (const route of API_ROUTES) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op?.security ?? [], route.id).toHaveLength(route.auth === 'none' ? 0 : 1);
    }
  });
});
