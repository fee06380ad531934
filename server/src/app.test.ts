import { DEFAULT_PRICES } from '@rumkit/core/rules';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import type { Logger } from './http/errors.js';
import { startTestServer, type TestServer } from './testing/index.js';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function boot(): Promise<{ origin: string; errors: unknown[] }> {
  const errors: unknown[] = [];
  const logger: Logger = { info: () => {}, error: (_m, d) => errors.push(d) };
  const server = await startTestServer({
    logger,
    clock: () => 1_700_000_000_000,
    env: { RUMKIT_GEO: 'off' },
  });
  servers.push(server);
  return { origin: server.origin, errors };
}

describe('server app', () => {
  it('answers the health check with its version and the clock time', async () => {
    const { origin } = await boot();
    const res = await fetch(`${origin}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: '0.1.0', time: 1_700_000_000_000 });
  });

  it('says on its front page what it serves', async () => {
    const { origin } = await boot();
    const res = await fetch(`${origin}/`);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<code>GET /healthz</code>');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers an unknown route with a 404 in DataKit error shape', async () => {
    const { origin, errors } = await boot();
    const res = await fetch(`${origin}/v1/nope?x=1`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error_code: 'route.not_found',
      message: 'no route for POST /v1/nope',
    });
    expect(errors).toEqual([]);
  });
});

describe('server config', () => {
  it('defaults to port 8080 on 127.0.0.1 with ./data', () => {
    expect(loadConfig({}, '/srv')).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/data',
      adminKey: undefined,
      ipHeader: 'x-forwarded-for',
      ingestRate: 100,
      geo: true,
      demo: false,
      prices: DEFAULT_PRICES,
      store: 'duckdb',
      clickhouseUrl: undefined,
      clickhouseTtl: true,
      clickhouseSettings: {},
      consoleDir: undefined,
      shopDir: undefined,
      sdkDir: undefined,
    });
  });

  it('takes port, host, data directory and admin key from the environment', () => {
    const env = {
      RUMKIT_PORT: '9000',
      RUMKIT_HOST: '0.0.0.0',
      RUMKIT_DATA_DIR: '/var/rumkit',
      RUMKIT_ADMIN_KEY: 'k',
      RUMKIT_IP_HEADER: 'X-Real-IP',
      RUMKIT_INGEST_RATE: '0',
      RUMKIT_GEO: 'off',
    };
    expect(loadConfig(env, '/srv')).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/rumkit',
      adminKey: 'k',
      ipHeader: 'x-real-ip',
      ingestRate: 0,
      geo: false,
      demo: false,
      prices: DEFAULT_PRICES,
      store: 'duckdb',
      clickhouseUrl: undefined,
      clickhouseTtl: true,
      clickhouseSettings: {},
      consoleDir: undefined,
      shopDir: undefined,
      sdkDir: undefined,
    });
  });

  it('rejects a bad port naming the variable and the value', () => {
    expect(() => loadConfig({ RUMKIT_PORT: 'eighty' }, '/srv')).toThrow(
      'RUMKIT_PORT must be an integer from 0 to 65535, got "eighty"',
    );
    expect(() => loadConfig({ RUMKIT_PORT: '70000' }, '/srv')).toThrow(/got "70000"/);
    expect(() => loadConfig({ RUMKIT_GEO: 'maybe' }, '/srv')).toThrow(
      'RUMKIT_GEO must be on or off, got "maybe"',
    );
    expect(() => loadConfig({ RUMKIT_INGEST_RATE: '-1' }, '/srv')).toThrow(/RUMKIT_INGEST_RATE/);
    expect(() => loadConfig({ RUMKIT_PRICES: '{' }, '/srv')).toThrow(/RUMKIT_PRICES must be JSON/);
    expect(() => loadConfig({ RUMKIT_PRICES: '{"currency":"USD"}' }, '/srv')).toThrow(
      /perTenThousandPv/,
    );
    const usd =
      '{"currency":"USD","perTenThousandPv":{"3":0.1,"7":0.14,"14":0.29},"perThousandReplays":0.35}';
    expect(loadConfig({ RUMKIT_PRICES: usd }, '/srv').prices.currency).toBe('USD');
  });

  it('chooses the event store engine: DuckDB unless told, ClickHouse over HTTP or chDB', () => {
    expect(loadConfig({ RUMKIT_STORE: 'clickhouse' }, '/srv')).toMatchObject({
      store: 'clickhouse',
      clickhouseUrl: undefined,
    });
    const url = 'http://rumkit:secret@clickhouse:8123';
    expect(
      loadConfig({ RUMKIT_STORE: 'ClickHouse', RUMKIT_CLICKHOUSE_URL: url }, '/srv'),
    ).toMatchObject({ store: 'clickhouse', clickhouseUrl: url });
    expect(() => loadConfig({ RUMKIT_STORE: 'postgres' }, '/srv')).toThrow(
      'RUMKIT_STORE must be duckdb or clickhouse, got "postgres"',
    );
    expect(() => loadConfig({ RUMKIT_CLICKHOUSE_URL: 'clickhouse:8123' }, '/srv')).toThrow(
      /RUMKIT_CLICKHOUSE_URL must be an http/,
    );
    expect(
      loadConfig(
        { RUMKIT_CLICKHOUSE_TTL: 'off', RUMKIT_CLICKHOUSE_SETTINGS: '{"max_threads":4}' },
        '/srv',
      ),
    ).toMatchObject({ clickhouseTtl: false, clickhouseSettings: { max_threads: 4 } });
    for (const bad of ['[1]', '{"a b":1}', '{"x":{"y":1}}', '{'])
      expect(() => loadConfig({ RUMKIT_CLICKHOUSE_SETTINGS: bad }, '/srv')).toThrow(
        /RUMKIT_CLICKHOUSE_SETTINGS must be a JSON object/,
      );
  });
});
