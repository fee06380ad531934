import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { errorHandler, HttpError, type Logger, notFound } from './errors.js';

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function serve(app: express.Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function appWithRoutes(logged: unknown[]): express.Express {
  const logger: Logger = { info: () => {}, error: (m, d) => logged.push({ m, d }) };
  const app = express();
  app.post('/json', express.json({ limit: '10b' }), (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/teapot', () => {
    throw new HttpError(418, 'brew.refused', 'the teapot refuses to brew coffee');
  });
  app.get('/crash', async () => {
    throw new Error('connection string postgres://admin:hunter2@db');
  });
  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}

describe('error handler', () => {
  it('turns an HttpError into its status with { error_code, message }', async () => {
    const origin = await serve(appWithRoutes([]));
    const res = await fetch(`${origin}/teapot`);
    expect(res.status).toBe(418);
    expect(await res.json()).toEqual({
      error_code: 'brew.refused',
      message: 'the teapot refuses to brew coffee',
    });
  });

  it('answers malformed JSON with a 400 that names the problem', async () => {
    const origin = await serve(appWithRoutes([]));
    const res = await fetch(`${origin}/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error_code: string; message: string };
    expect(body.error_code).toBe('request.entity_parse_failed');
    expect(body.message).toMatch(/JSON/);
  });

  it('answers an oversized body with a 413', async () => {
    const origin = await serve(appWithRoutes([]));
    const res = await fetch(`${origin}/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(100) }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error_code: string };
    expect(body.error_code).toBe('request.entity_too_large');
  });

  it('logs a crash in full but never echoes internals to the client', async () => {
    const logged: unknown[] = [];
    const origin = await serve(appWithRoutes(logged));
    const res = await fetch(`${origin}/crash`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error_code: 'server.internal',
      message: 'internal server error',
    });
    expect(text).not.toContain('hunter2');
    expect(JSON.stringify(logged, (_k, v) => (v instanceof Error ? v.message : v))).toContain(
      'hunter2',
    );
  });
});
