// A ClickHouse HTTP interface in front of chDB, for tests and trying a scale-out on one
// machine: enough of it for @clickhouse/client (what rumkit's HTTP executor sends), so the
// real client's HTTP path runs against a real ClickHouse engine. Not a production path: one
// engine in this process, statements one at a time, no users or TLS.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CHDB_INSTALL, CHDB_PACKAGE } from '../store/clickhouse/executor.js';

export interface ChdbFront {
  /** `http://127.0.0.1:<port>`: RUMKIT_CLICKHOUSE_URL for servers that share this engine. */
  url: string;
  /** Statements it has run (each request's own, settings aside). */
  statements(): number;
  close(): Promise<void>;
}

/** The raw result of chDB's native calls. */
interface NativeResult {
  bytes: Uint8Array;
  elapsed: number;
  rowsRead: number;
  bytesRead: number;
}

interface Native {
  QueryAsyncConnection(
    connection: unknown,
    sql: string,
    format: string,
    params?: Record<string, string>,
  ): Promise<NativeResult>;
}

/**
 * The URL parameters the HTTP interface reads itself, and the settings that exist only in
 * the HTTP layer (clickhouse-js sends some; the embedded engine rejects them).
 */
const NOT_SETTINGS = new Set(['query', 'query_id', 'database', 'session_id', 'role']);
const HTTP_ONLY = new Set([
  'wait_end_of_query',
  'send_progress_in_http_headers',
  'http_headers_progress_interval_ms',
  'enable_http_compression',
  'http_zlib_compression_level',
  'default_format',
]);

/**
 * Serves ClickHouse's HTTP interface on 127.0.0.1 over chDB at `dataDir` (one per process).
 * Parameters (`param_<name>`) reach the engine's binder in their wire form, as the server's
 * do; settings (other URL parameters) apply to the request that names them.
 */
export async function startChdbFront(options: {
  dataDir: string;
  port?: number;
}): Promise<ChdbFront> {
  if (!existsSync(CHDB_PACKAGE)) throw new Error(`chDB is not installed: ${CHDB_INSTALL}`);
  const require = createRequire(CHDB_PACKAGE);
  const chdbDir = path.dirname(require.resolve('chdb'));
  const { Session } = require('chdb') as {
    Session: new (dir: string) => { connection: unknown; close(): void };
  };
  // chDB's binder re-escapes string values; the HTTP interface takes them escaped already, so
  // the front hands the wire form to the native call as ClickHouse's server would bind it.
  const native = require(path.join(chdbDir, 'dist', 'loader.js')).loadNative() as Native;
  const session = new Session(options.dataDir);
  let queue = Promise.resolve();
  let statements = 0;
  /** Settings the session has now, so a request sets only what differs (SET is a statement). */
  const applied = new Map<string, string>();
  let database = 'default';

  const run = (sql: string, format: string, params?: Record<string, string>) =>
    params && Object.keys(params).length > 0
      ? native.QueryAsyncConnection(session.connection, sql, format, params)
      : native.QueryAsyncConnection(session.connection, sql, format);

  async function settle(settings: Map<string, string>, wanted: string) {
    for (const [name, value] of settings) {
      if (applied.get(name) === value) continue;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad setting name ${name}`);
      const literal = /^-?\d+(\.\d+)?$/.test(value)
        ? value
        : `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
      await run(`SET ${name} = ${literal}`, 'TabSeparated');
      applied.set(name, value);
    }
    for (const name of [...applied.keys()]) {
      if (settings.has(name)) continue;
      await run(`SET ${name} = DEFAULT`, 'TabSeparated');
      applied.delete(name);
    }
    if (wanted !== database) {
      await run(`USE ${wanted.replaceAll('`', '')}`, 'TabSeparated');
      database = wanted;
    }
  }

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://front');
    if (url.pathname === '/ping' || (request.method === 'GET' && !url.searchParams.has('query'))) {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('Ok.\n');
      return;
    }
    let body: Buffer = Buffer.concat(await request.toArray());
    if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
    const params: Record<string, string> = {};
    const settings = new Map<string, string>();
    for (const [name, value] of url.searchParams) {
      if (name.startsWith('param_')) params[name.slice(6)] = value;
      else if (!NOT_SETTINGS.has(name) && !HTTP_ONLY.has(name)) settings.set(name, value);
    }
    const inUrl = url.searchParams.get('query');
    // An INSERT names its statement in the URL and sends its rows as the body.
    const sql = inUrl
      ? body.length > 0
        ? `${inUrl}\n${body.toString('utf8')}`
        : inUrl
      : body.toString('utf8');
    const queryId = url.searchParams.get('query_id') ?? randomUUID();
    const format = url.searchParams.get('default_format') ?? 'TabSeparated';
    const work = queue.then(async () => {
      await settle(settings, url.searchParams.get('database') ?? 'default');
      statements++;
      return run(sql, format, params);
    });
    queue = work.then(
      () => undefined,
      () => undefined,
    );
    const headers = {
      'x-clickhouse-query-id': queryId,
      'x-clickhouse-timezone': 'UTC',
      'x-clickhouse-server-display-name': 'chdb-front',
    };
    try {
      const result = await work;
      const summary = {
        read_rows: String(result.rowsRead ?? 0),
        read_bytes: String(result.bytesRead ?? 0),
        written_rows: '0',
        written_bytes: '0',
        total_rows_to_read: '0',
        result_rows: '0',
        result_bytes: String(result.bytes.length),
        elapsed_ns: String(Math.round((result.elapsed ?? 0) * 1e9)),
      };
      const gzip =
        url.searchParams.get('enable_http_compression') === '1' &&
        /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      response.writeHead(200, {
        ...headers,
        'x-clickhouse-summary': JSON.stringify(summary),
        'content-type': 'text/plain; charset=UTF-8',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      response.end(gzip ? gzipSync(result.bytes) : result.bytes);
    } catch (error) {
      const message = String((error as Error).message ?? error);
      const code = /Code: (\d+)/.exec(message)?.[1] ?? '1001';
      response.writeHead(500, {
        ...headers,
        'x-clickhouse-exception-code': code,
        'content-type': 'text/plain; charset=UTF-8',
      });
      response.end(`${message.trim()}\n`);
    }
  }

  const server = createServer((request, response) => {
    answer(request, response).catch((error: Error) => {
      if (!response.headersSent) response.writeHead(500, { 'x-clickhouse-exception-code': '1001' });
      response.end(`Code: 1001. DB::Exception: ${error.message}. (STD_EXCEPTION)\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    statements: () => statements,
    async close() {
      await new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      });
      await queue;
      session.close();
    },
  };
}
