import path from 'node:path';
import { DEFAULT_PRICES, type PriceTable } from '@rumkit/core/rules';

export interface ServerConfig {
  /** TCP port to listen on. Default 8080. */
  port: number;
  /** Interface to bind. Default 127.0.0.1; set 0.0.0.0 to accept SDKs from other hosts. */
  host: string;
  /** Where the embedded store and the registry keep their files. Default ./data. */
  dataDir: string;
  /** Key for the admin API; unset means one is generated at first start and kept in the data dir. */
  adminKey: string | undefined;
  /** Header with the client address behind a proxy (DataKit's rum_origin_ip_header). */
  ipHeader: string;
  /** Ingest requests per second per client address (0 = no limit); bursts of 4× pass. */
  ingestRate: number;
  /** Look up country, city and ISP of client addresses in the offline databases. */
  geo: boolean;
  /** Demo mode: a seeded demo workspace with live traffic, its key handed to the console. */
  demo: boolean;
  /** Prices for the usage report (RUMKIT_PRICES, JSON); the spec's China-site CNY prices by default. */
  prices: PriceTable;
  /** Event store engine (RUMKIT_STORE): `duckdb` (embedded, the default) or `clickhouse`. */
  store: 'duckdb' | 'clickhouse';
  /**
   * ClickHouse server for the clickhouse store (RUMKIT_CLICKHOUSE_URL); unset: chDB in
   * `<dataDir>/clickhouse`, in this process.
   */
  clickhouseUrl: string | undefined;
  /**
   * Whether ClickHouse expires rows by TTL, by their workspace's tier (RUMKIT_CLICKHOUSE_TTL,
   * default on). Off: the retention job alone deletes them (restored or back-dated data).
   */
  clickhouseTtl: boolean;
  /** Extra ClickHouse settings for every statement (RUMKIT_CLICKHOUSE_SETTINGS, JSON). */
  clickhouseSettings: Record<string, string | number>;
  /** Static sites served in demo mode (set by `npm start`). */
  consoleDir: string | undefined;
  shopDir: string | undefined;
  sdkDir: string | undefined;
}

/** Reads the server's configuration from environment variables, naming any bad value. */
export function loadConfig(env: Record<string, string | undefined>, cwd: string): ServerConfig {
  return {
    port: parseInteger('RUMKIT_PORT', env.RUMKIT_PORT ?? env.PORT ?? '8080', 0, 65535),
    host: env.RUMKIT_HOST ?? '127.0.0.1',
    dataDir: path.resolve(cwd, env.RUMKIT_DATA_DIR ?? 'data'),
    adminKey: env.RUMKIT_ADMIN_KEY || undefined,
    ipHeader: (env.RUMKIT_IP_HEADER || 'X-Forwarded-For').toLowerCase(),
    ingestRate: parseInteger('RUMKIT_INGEST_RATE', env.RUMKIT_INGEST_RATE ?? '100', 0, 1_000_000),
    geo: parseSwitch('RUMKIT_GEO', env.RUMKIT_GEO ?? 'on'),
    demo: parseSwitch('RUMKIT_DEMO', env.RUMKIT_DEMO ?? 'off'),
    prices: parsePrices(env.RUMKIT_PRICES),
    store: parseStore(env.RUMKIT_STORE),
    clickhouseUrl: parseUrl('RUMKIT_CLICKHOUSE_URL', env.RUMKIT_CLICKHOUSE_URL),
    clickhouseTtl: parseSwitch('RUMKIT_CLICKHOUSE_TTL', env.RUMKIT_CLICKHOUSE_TTL ?? 'on'),
    clickhouseSettings: parseSettings(env.RUMKIT_CLICKHOUSE_SETTINGS),
    consoleDir: dir(cwd, env.RUMKIT_CONSOLE_DIR),
    shopDir: dir(cwd, env.RUMKIT_SHOP_DIR),
    sdkDir: dir(cwd, env.RUMKIT_SDK_DIR),
  };
}

function parseInteger(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function parseSwitch(name: string, raw: string): boolean {
  if (/^(on|true|1|yes)$/i.test(raw)) return true;
  if (/^(off|false|0|no)$/i.test(raw)) return false;
  throw new Error(`${name} must be on or off, got "${raw}"`);
}

function parseStore(raw: string | undefined): ServerConfig['store'] {
  const value = (raw || 'duckdb').toLowerCase();
  if (value === 'duckdb' || value === 'clickhouse') return value;
  throw new Error(`RUMKIT_STORE must be duckdb or clickhouse, got "${raw}"`);
}

function parseUrl(name: string, raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be a URL like http://user:password@host:8123, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an http:// or https:// URL, got "${raw}"`);
  }
  return raw;
}

function parseSettings(raw: string | undefined): Record<string, string | number> {
  if (!raw) return {};
  const example =
    'RUMKIT_CLICKHOUSE_SETTINGS must be a JSON object of setting names and values, like {"max_threads":4}';
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error(`${example}, got "${raw}"`);
  }
  const ok =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(
      ([name, v]) =>
        /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) &&
        (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))),
    );
  if (!ok) throw new Error(`${example}, got "${raw}"`);
  return value as Record<string, string | number>;
}

function dir(cwd: string, raw: string | undefined): string | undefined {
  return raw ? path.resolve(cwd, raw) : undefined;
}

function parsePrices(raw: string | undefined): PriceTable {
  if (!raw) return DEFAULT_PRICES;
  let value: Partial<PriceTable>;
  try {
    value = JSON.parse(raw) as Partial<PriceTable>;
  } catch (error) {
    throw new Error(`RUMKIT_PRICES must be JSON: ${(error as Error).message}`);
  }
  const tiers = value.perTenThousandPv;
  const ok =
    typeof value.currency === 'string' &&
    typeof value.perThousandReplays === 'number' &&
    tiers !== undefined &&
    [3, 7, 14].every((t) => typeof tiers[t as 3 | 7 | 14] === 'number');
  if (!ok) {
    throw new Error(
      'RUMKIT_PRICES must look like {"currency":"USD","perTenThousandPv":{"3":0.1,"7":0.14,"14":0.29},"perThousandReplays":0.35}',
    );
  }
  return value as PriceTable;
}
