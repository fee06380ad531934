import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type ClickHouseClient, createClient } from '@clickhouse/client';
import { serialQueue } from '../serial.js';

/** Values bound to the `{name:Type}` placeholders of a statement. */
export type Params = Record<string, unknown>;

/**
 * What the ClickHouse store needs of a server: statements with bound parameters, rows in,
 * rows out. Both ways to reach ClickHouse speak through `@clickhouse/client`, so they agree on
 * how parameters and rows are encoded; the store never sees which one it has.
 */
export interface Executor {
  /** The rows of a SELECT as JSON objects; 64-bit integers come as strings (exact). */
  query<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>;
  /** A statement without rows (DDL, DELETE, INSERT … SELECT). */
  command(sql: string, params?: Params): Promise<void>;
  /** Rows as JSON objects into a table (`db`.`table`); 64-bit integers may be strings. */
  insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Settings every statement runs with. 64-bit integers as JSON strings, so 2^62 survives the
 * trip; `mutations_sync` so a DELETE has happened when it resolves; a column wins over an
 * alias of the same name, so `toUnixTimestamp64Milli(time) AS time` in the SELECT leaves
 * `time` in WHERE the column (else the range compares milliseconds with a DateTime64); and
 * FINAL replaces versions within each partition only: a key's versions always share one (the
 * writer deletes the older ones before a version that would land elsewhere), and reads of
 * views and sessions got 3 to 6 times faster (bench data, 1M events: a day's explorer page
 * 136 ms to 25 ms).
 */
const SETTINGS = {
  output_format_json_quote_64bit_integers: 1,
  mutations_sync: 1,
  prefer_column_name_to_alias: 1,
  do_not_merge_across_partitions_select_final: 1,
};

/** Settings an operator adds (RUMKIT_CLICKHOUSE_SETTINGS): names checked, values numbers or text. */
export type ExtraSettings = Readonly<Record<string, string | number>>;

function settingsWith(extra: ExtraSettings): Record<string, string | number> {
  for (const name of Object.keys(extra))
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new Error(`a ClickHouse setting name must be letters, digits and _, got "${name}"`);
  return { ...SETTINGS, ...extra };
}

/** A setting's value as a SQL literal (SET takes no bound parameters). */
const literal = (value: string | number) =>
  typeof value === 'number'
    ? String(value)
    : `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

function fromClient(client: ClickHouseClient): Executor {
  return {
    async query<T>(sql: string, params: Params = {}) {
      const result = await client.query({
        query: sql,
        query_params: params,
        format: 'JSONEachRow',
      });
      return result.json<T>();
    },
    async command(sql, params = {}) {
      await client.command({ query: sql, query_params: params });
    },
    async insert(table, rows) {
      if (rows.length === 0) return;
      await client.insert({
        table,
        values: rows as Record<string, unknown>[],
        format: 'JSONEachRow',
      });
    },
    close: () => client.close(),
  };
}

/**
 * Runs one statement at a time, after `setup`. chDB runs statements side by side slower than
 * one after another (20 scans of 3M numbers: 321 ms at once, 85 ms in turn), and its
 * connection sends the client's settings as SET statements before every statement (14 ms a
 * query instead of 5): set once on its session instead.
 */
function oneAtATime(executor: Executor, setup: () => Promise<void>): Executor {
  const queue = serialQueue(setup());
  return {
    query: (sql, params) => queue.run(() => executor.query(sql, params)),
    command: (sql, params) => queue.run(() => executor.command(sql, params)),
    insert: (table, rows) => queue.run(() => executor.insert(table, rows)),
    close: () => queue.run(() => executor.close()),
  };
}

/** A ClickHouse server (or cluster behind one address) over HTTP. */
export function httpExecutor(url: string, extra: ExtraSettings = {}): Executor {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      `RUMKIT_CLICKHOUSE_URL must be a URL like http://user:password@host:8123, got "${url}"`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`RUMKIT_CLICKHOUSE_URL must be http:// or https://, got "${parsed.protocol}"`);
  }
  return fromClient(createClient({ url, clickhouse_settings: settingsWith(extra) as never }));
}

/**
 * Where chDB is installed: beside the repository, not in its node_modules, because the
 * registry lacks chDB's libraries for other platforms and `npm ci` of the root lockfile
 * would fail there (docs/decisions/030-clickhouse-engine.md).
 */
export const CHDB_PACKAGE = fileURLToPath(
  new URL('../../../../.chdb/package.json', import.meta.url),
);

export const CHDB_INSTALL =
  'npm install --no-audit --no-fund --prefix .chdb chdb@3.4.0 @clickhouse/client@1.23.1';

/**
 * ClickHouse in this process (chDB), its data in `path`. The engine is one per process and
 * binds one data directory; its async calls run off the event loop. It must run on the main
 * thread: a worker thread that has loaded it crashes the process when it exits.
 */
export function chdbExecutor(
  path: string,
  extra: ExtraSettings = {},
  packageJson = CHDB_PACKAGE,
): Executor {
  const settings = settingsWith(extra);
  if (!existsSync(packageJson)) throw chdbMissing(packageJson);
  const require = createRequire(packageJson);
  let modules: { createClient: typeof createClient; createChdbConnection: ChdbFactory };
  try {
    modules = {
      createClient: require('@clickhouse/client').createClient,
      createChdbConnection: require('chdb/connection').createChdbConnection,
    };
  } catch (error) {
    throw chdbMissing(packageJson, error as Error);
  }
  const connection = modules.createChdbConnection({ path });
  // chDB pairs with its own copy of the client (the one its connection was built against).
  const executor = fromClient(modules.createClient({ connection } as never));
  return oneAtATime(executor, async () => {
    for (const [name, value] of Object.entries(settings))
      await executor.command(`SET ${name} = ${literal(value)}`);
  });
}

type ChdbFactory = (options: { path: string }) => unknown;

function chdbMissing(packageJson: string, cause?: Error): Error {
  return new Error(
    `the ClickHouse store without RUMKIT_CLICKHOUSE_URL runs chDB, which is not installed at ${packageJson.replace(/package\.json$/, 'node_modules')}${cause ? ` (${cause.message.split('\n')[0]})` : ''}. Install it from the repository root with: ${CHDB_INSTALL}, or set RUMKIT_CLICKHOUSE_URL to a ClickHouse server`,
    cause ? { cause } : undefined,
  );
}
