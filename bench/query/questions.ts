/*
 * The questions of the query benchmark: each through the HTTP API and as the best SQL we can
 * write by hand on the same tables, plus a check that both answers agree (a faster query that
 * answers something else would prove nothing).
 */
import { inflateRawSync } from 'node:zlib';
import type { DuckDBBlobValue, DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { errorPattern } from '@rumkit/core/rules';
import type { Manifest } from './dataset.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Question {
  name: string;
  targetMs: number;
  api(run: number): Promise<unknown>;
  sql(connection: DuckDBConnection, run: number): Promise<unknown>;
  /** What the API's answer says, as the SQL's is compared with it (and engines' answers). */
  fromApi(api: unknown): unknown;
  fromSql(sql: unknown): unknown;
  /** What is compared, for the report. */
  what: string;
}

/** 'same …', or what differs between two answers. */
export function agree(q: Question, a: unknown, b: unknown): string {
  return same(a, b, q.what);
}

type Row = Record<string, unknown>;

const EXPLORER_COLUMNS = [
  'time',
  'view_id',
  'session_id',
  'app_id',
  'view_url',
  'view_path_group',
  'loading_time',
  'largest_contentful_paint',
  'browser',
  'country',
];

export async function questions(
  manifest: Manifest,
  /** Where the server is; read at each call (the bench restarts it between rounds). */
  server: { origin: string },
  count: number,
): Promise<Question[]> {
  const call = async (method: string, route: string, body?: unknown): Promise<Row> => {
    const res = await fetch(`${server.origin}/api/v1${route}`, {
      method,
      headers: {
        authorization: `Bearer ${manifest.secret}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${text}`);
    return JSON.parse(text) as Row;
  };
  const workspace = (await call('GET', '/workspace')).id as string;
  const to = manifest.to;
  const top = manifest.apps[0] as string;
  // Sessions of the last day with a few views, a different one each run.
  const found = await call('POST', '/events/search', {
    category: 'session',
    from: to - DAY,
    to,
    query: 'session_view_count:>=3',
    columns: ['session_id', 'time'],
    limit: Math.min(1000, count),
  });
  const sessions = (found.rows as Row[]).map((row) => ({
    id: String(row.session_id),
    time: Number(row.time),
  }));
  if (sessions.length === 0) throw new Error('the data set has no session with 3 views');
  const session = (run: number) => (sessions[run % sessions.length] as { id: string }).id;
  // The explorer opens a session from a row that gives its start; both sides get that bound.
  const started = (run: number) => (sessions[run % sessions.length] as { time: number }).time;
  const SESSION_MAX = 4 * HOUR + 10 * 60_000;
  // Each run moves the range by a minute, so no answer can come from a cache.
  const shift = (run: number) => run * 60_000;
  const read = async (connection: DuckDBConnection, sql: string, params: DuckDBValue[]) =>
    (await connection.runAndReadAll(sql, params)).getRowObjectsJS();

  return [
    {
      name: 'explorer page',
      targetMs: 25,
      api: async (run) =>
        call('POST', '/events/search', {
          category: 'view',
          from: to - DAY - shift(run),
          to: to - shift(run),
          query: `app_id:${top} products`,
          columns: EXPLORER_COLUMNS,
          limit: 50,
        }),
      sql: (connection, run) =>
        read(
          connection,
          `SELECT ${EXPLORER_COLUMNS.join(', ')} FROM view
           WHERE workspace_id = $1 AND time >= make_timestamp_ms($2::BIGINT)::TIMESTAMP_MS AND time < make_timestamp_ms($3::BIGINT)::TIMESTAMP_MS
             AND app_id = $4
             AND (view_url ILIKE '%products%' OR view_path ILIKE '%products%' OR view_name ILIKE '%products%'
                  OR json_extract_string(attrs, '$."view_referrer"') ILIKE '%products%')
           ORDER BY time DESC LIMIT 50`,
          [workspace, BigInt(to - DAY - shift(run)), BigInt(to - shift(run)), top],
        ),
      fromApi: (api) => ((api as Row).rows as Row[]).map((r) => r.view_id),
      fromSql: (sql) => (sql as Row[]).map((r) => r.view_id),
      what: 'rows',
    },
    {
      name: 'session timeline',
      targetMs: 25,
      api: (run) =>
        call(
          'GET',
          `/sessions/${session(run)}?from=${started(run) - 60_000}&to=${started(run) + SESSION_MAX}`,
        ),
      // The session's record and its timeline rows, both through their session_id index;
      // the rows' entries are deflated JSON, which SQL cannot read, so the floor inflates and
      // counts them as the API does (views by id, the last version standing).
      sql: async (connection, run) => {
        const [record] = await read(
          connection,
          `WITH hit AS MATERIALIZED (SELECT * FROM session WHERE session_id = $2) SELECT * FROM hit WHERE workspace_id = $1 AND time BETWEEN make_timestamp_ms($3::BIGINT)::TIMESTAMP_MS AND make_timestamp_ms($4::BIGINT)::TIMESTAMP_MS`,
          [
            workspace,
            session(run),
            BigInt(started(run) - 60_000),
            BigInt(started(run) + SESSION_MAX),
          ],
        );
        const rows = await connection.runAndReadAll(
          'WITH hit AS MATERIALIZED (SELECT rowid AS r, workspace_id, entries FROM session_timeline WHERE session_id = $2) SELECT entries FROM hit WHERE workspace_id = $1 ORDER BY r',
          [workspace, session(run)],
        );
        const views = new Set<unknown>();
        const events: unknown[] = [];
        for (const [blob] of rows.getRows()) {
          const entries = JSON.parse(inflateRawSync((blob as DuckDBBlobValue).bytes).toString());
          for (const entry of entries as unknown[][]) {
            // A view entry is [0, time, view_id, …].
            if (entry[0] === 0 && views.has(entry[2])) continue;
            if (entry[0] === 0) views.add(entry[2]);
            events.push(entry);
          }
        }
        return record ? [record, ...events] : [];
      },
      fromApi: (api) => ((api as Row).events as Row[]).length + 1,
      fromSql: (sql) => (sql as Row[]).length,
      what: 'events in the session',
    },
    {
      name: 'p75 LCP per hour, 7 days',
      targetMs: 100,
      api: (run) =>
        call('POST', '/events/analysis', {
          category: 'view',
          from: to - 7 * DAY - shift(run),
          to: to - shift(run),
          app_ids: [top],
          group_by: [],
          aggregate: 'p75',
          field: 'largest_contentful_paint',
          mode: 'timeseries',
          buckets: 168,
        }),
      sql: (connection, run) =>
        read(
          connection,
          `SELECT (epoch_ms(time) - $2::BIGINT) // ${HOUR} AS b, quantile_cont(largest_contentful_paint, 0.75) AS v
           FROM view WHERE workspace_id = $1 AND time >= make_timestamp_ms($2::BIGINT)::TIMESTAMP_MS AND time < make_timestamp_ms($3::BIGINT)::TIMESTAMP_MS AND app_id = $4
           GROUP BY b ORDER BY b`,
          [workspace, BigInt(to - 7 * DAY - shift(run)), BigInt(to - shift(run)), top],
        ),
      fromApi: (api) =>
        ((((api as Row).series as Row[])[0]?.points ?? []) as Row[])
          .filter((p) => p.value !== null)
          .map((p) => Math.round(Number(p.value))),
      fromSql: (sql) => (sql as Row[]).map((r) => Math.round(Number(r.v))),
      what: 'hourly p75',
    },
    {
      name: '10 slowest pages, p75 load',
      targetMs: 100,
      api: (run) =>
        call('POST', '/events/analysis', {
          category: 'view',
          from: to - 7 * DAY - shift(run),
          to: to - shift(run),
          group_by: ['view_path_group'],
          aggregate: 'p75',
          field: 'loading_time',
          mode: 'toplist',
          limit: 10,
        }),
      sql: (connection, run) =>
        read(
          connection,
          `SELECT view_path_group, quantile_cont(loading_time, 0.75) AS v FROM view
           WHERE workspace_id = $1 AND time >= make_timestamp_ms($2::BIGINT)::TIMESTAMP_MS AND time < make_timestamp_ms($3::BIGINT)::TIMESTAMP_MS
           GROUP BY view_path_group ORDER BY v DESC NULLS LAST LIMIT 10`,
          [workspace, BigInt(to - 7 * DAY - shift(run)), BigInt(to - shift(run))],
        ),
      fromApi: (api) => ((api as Row).series as Row[]).map((s) => (s.group as Row).view_path_group),
      fromSql: (sql) => (sql as Row[]).map((r) => r.view_path_group),
      what: 'pages',
    },
    {
      name: 'error clusters, 7 days',
      targetMs: 100,
      api: (run) =>
        call('POST', '/errors/clusters', {
          from: to - 7 * DAY - shift(run),
          to: to - shift(run),
          limit: 50,
        }),
      // The newest 10,000 errors grouped by exact message in SQL, with when each was first and
      // last seen (the clusters' answer has both), then the groups masked by the same rule in
      // this process.
      sql: async (connection, run) => {
        const rows = await read(
          connection,
          `SELECT error_message, count(*) AS n, epoch_ms(min(time)) AS first, epoch_ms(max(time)) AS last FROM (
             SELECT time, error_message FROM error
             WHERE workspace_id = $1 AND time >= make_timestamp_ms($2::BIGINT)::TIMESTAMP_MS AND time < make_timestamp_ms($3::BIGINT)::TIMESTAMP_MS
             ORDER BY time DESC LIMIT 10000)
           GROUP BY error_message`,
          [workspace, BigInt(to - 7 * DAY - shift(run)), BigInt(to - shift(run))],
        );
        const clusters = new Map<string, { count: number; first: number; last: number }>();
        for (const row of rows) {
          const pattern = errorPattern(String(row.error_message ?? ''));
          const cluster = clusters.get(pattern) ?? { count: 0, first: Infinity, last: -Infinity };
          cluster.count += Number(row.n);
          cluster.first = Math.min(cluster.first, Number(row.first));
          cluster.last = Math.max(cluster.last, Number(row.last));
          clusters.set(pattern, cluster);
        }
        return [...clusters.values()].sort((a, b) => b.count - a.count).slice(0, 50);
      },
      // Clusters of equal size may come in either order.
      fromApi: (api) =>
        ((api as Row).clusters as Row[])
          .map((c) => [c.count, c.first_seen, c.last_seen])
          .sort(byTriple),
      fromSql: (sql) =>
        (sql as { count: number; first: number; last: number }[])
          .map((c) => [c.count, c.first, c.last])
          .sort(byTriple),
      what: 'cluster sizes and when each was first and last seen',
    },
    {
      name: 'PV per day per app, 14 d',
      targetMs: 100,
      api: (run) =>
        call('POST', '/events/analysis', {
          category: 'view',
          from: to - 14 * DAY - shift(run),
          to: to - shift(run),
          group_by: ['app_id'],
          aggregate: 'count',
          mode: 'timeseries',
          buckets: 14,
          limit: 20,
        }),
      sql: (connection, run) =>
        read(
          connection,
          `SELECT app_id, (epoch_ms(time) - $2::BIGINT) // ${DAY} AS d, count(*) AS pv FROM view
           WHERE workspace_id = $1 AND time >= make_timestamp_ms($2::BIGINT)::TIMESTAMP_MS AND time < make_timestamp_ms($3::BIGINT)::TIMESTAMP_MS
           GROUP BY ALL ORDER BY app_id, d`,
          [workspace, BigInt(to - 14 * DAY - shift(run)), BigInt(to - shift(run))],
        ),
      fromApi: (api) =>
        ((api as Row).series as Row[])
          .flatMap((s) => (s.points as Row[]).map((p) => `${(s.group as Row).app_id}:${p.value}`))
          .filter((p) => !p.endsWith(':0'))
          .sort(),
      fromSql: (sql) => (sql as Row[]).map((r) => `${r.app_id}:${Number(r.pv)}`).sort(),
      what: 'app-days',
    },
  ];
}

const byTriple = (a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b));

function same(a: unknown, b: unknown, what: string): string {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  if (x === y) return `same ${what}`;
  return `DIFFERENT ${what}: ${x.slice(0, 80)} vs ${y.slice(0, 80)}`;
}
