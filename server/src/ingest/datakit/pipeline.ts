import type { Point, Precision } from '@rumkit/core/protocol';
import { pathGroup, statusGroup } from '@rumkit/core/rules';
import { checkPoint, getField, type IngestCategory, parseValue } from '@rumkit/core/schema';
import { fieldNamesOf } from '../../store/columns.js';
import type { EventRow, StoredValue } from '../../store/types.js';
import type { GeoLookup } from '../enrich/index.js';
import { decodeBody, type LineProblem } from './decode.js';

/** What ingest needs to know of a registered app. */
export interface IngestApp {
  appId: string;
  workspaceId: string;
  allowedOrigins: readonly string[];
  clientToken: string | null;
}

export interface IngestRequest {
  body: Uint8Array;
  format: 'lines' | 'json';
  precision?: Precision;
  /** The client address, as clientIp() found it. */
  ip?: string;
  /** The Origin header of a browser request. */
  origin?: string;
  /** The `token` query parameter (public-endpoint mode). */
  token?: string;
  /** Arrival time, ms: the time of points sent without one. */
  now: number;
}

/** The outcome of a request, before storage: the rows to store and what was refused. */
export interface IngestOutcome {
  rows: EventRow[];
  /** Points decoded, good or bad. */
  received: number;
  problems: LineProblem[];
  /** app_ids of points refused because no such app is registered. */
  unknownApps: string[];
  /** Set when every point was refused for its origin or token. */
  refusedOrigin?: string;
}

const MAX_REPORTED = 10;
const GEO_TAGS = ['ip', 'country', 'country_iso_code', 'province', 'city', 'isp'] as const;

/** decode → validate → check the app → enrich → typed rows (spec §1.11's per-request steps). */
export function processBody(
  request: IngestRequest,
  apps: ReadonlyMap<string, IngestApp>,
  geo: GeoLookup | undefined,
): IngestOutcome {
  const { points, problems } = decodeBody(request.body, request.format, request.precision);
  const undecoded = problems.length;
  const unknownApps = new Set<string>();
  const rows: EventRow[] = [];
  let refusedOrigin: string | undefined;
  let refusedForOrigin = 0;
  const geoTags = geo?.lookup(request.ip);

  points.forEach((point, index) => {
    const refuse = (error_code: string, message: string) =>
      problems.push({
        index,
        error_code,
        message: `point ${index + 1} (${point.measurement}): ${message}`,
      });
    const pointProblems = checkPoint(point);
    if (pointProblems.length > 0) {
      refuse('point.invalid', pointProblems.map((p) => p.message).join('; '));
      return;
    }
    const appId = point.tags.app_id as string;
    const app = apps.get(appId);
    if (!app) {
      unknownApps.add(appId);
      refuse('app.unknown', `app_id ${JSON.stringify(appId)} is not registered on this server`);
      return;
    }
    const refused = appRefusal(app, request);
    if (refused) {
      if (refused.error_code === 'origin.not_allowed') refusedOrigin = request.origin;
      refusedForOrigin++;
      refuse(refused.error_code, refused.message);
      return;
    }
    const row = toRow(point, app.workspaceId, request.now);
    if (typeof row === 'string') {
      refuse('point.invalid', row);
      return;
    }
    if (geoTags) for (const tag of GEO_TAGS) row.values[tag] = geoTags[tag];
    fillGroups(row);
    rows.push(row);
  });

  return {
    rows,
    received: points.length + undecoded,
    problems,
    unknownApps: [...unknownApps],
    ...(refusedOrigin !== undefined && refusedForOrigin > 0 && rows.length === 0
      ? { refusedOrigin }
      : {}),
  };
}

/**
 * Why a registered app refuses data sent this way, or undefined when it takes it: the Origin
 * of a browser's request must be one of the app's allowed origins (when it lists any), and an
 * app with a client token needs it in the `token` parameter. The replay ingest checks the same.
 */
export function appRefusal(
  app: IngestApp,
  request: { origin?: string | undefined; token?: string | undefined },
): { error_code: 'origin.not_allowed' | 'token.invalid'; message: string } | undefined {
  if (
    request.origin &&
    app.allowedOrigins.length > 0 &&
    !app.allowedOrigins.includes(request.origin)
  )
    return {
      error_code: 'origin.not_allowed',
      message: `origin ${request.origin} is not allowed to report for app ${app.appId}`,
    };
  if (app.clientToken !== null && request.token !== app.clientToken)
    return {
      error_code: 'token.invalid',
      message: `app ${app.appId} needs its client token in the token parameter`,
    };
  return undefined;
}

/** The first problems, as the answer reports them. */
export function reportedProblems(problems: readonly LineProblem[]): LineProblem[] {
  return problems.slice(0, MAX_REPORTED);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Types each catalogued value; everything else is custom context, kept as sent. */
function toRow(point: Point, workspaceId: string, now: number): EventRow | string {
  const columns = fieldNamesOf(point.measurement as IngestCategory);
  const values: Record<string, StoredValue> = {};
  const custom: Record<string, StoredValue> = {};
  for (const source of [point.tags, point.fields]) {
    for (const [key, raw] of Object.entries(source)) {
      const def = getField(key);
      // A catalogued name that this category's table lacks is kept as custom context.
      if (!def || !columns.has(key)) {
        custom[key] = raw;
        continue;
      }
      const value = parseValue(def.type, raw);
      if (value === undefined) return `${key} does not fit its type`;
      if (typeof value === 'bigint' && (value < INT64_MIN || value > INT64_MAX)) {
        return `${key} = ${value} does not fit in 64 bits`;
      }
      values[key] = value;
    }
  }
  return {
    category: point.measurement as IngestCategory,
    time: point.time ?? now,
    workspaceId,
    values,
    custom,
  };
}

/** Groups the SDK computes; filled in when a client did not send them. */
function fillGroups(row: EventRow) {
  const { values } = row;
  if (values.view_path_group === undefined && typeof values.view_path === 'string') {
    values.view_path_group = pathGroup(values.view_path);
  }
  if (
    values.resource_url_path_group === undefined &&
    typeof values.resource_url_path === 'string'
  ) {
    values.resource_url_path_group = pathGroup(values.resource_url_path);
  }
  if (values.resource_status_group === undefined && values.resource_status !== undefined) {
    const group = statusGroup(values.resource_status as number | string);
    if (group !== undefined) values.resource_status_group = group;
  }
}
