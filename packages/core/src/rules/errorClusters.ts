// Error clusters (spec §1.6 "Cluster analysis"): the newest errors of a range grouped by the
// pattern of their message, or by up to three fields. The reference server and the in-memory
// backend both group with this.
import { errorPattern } from './errorPattern.js';

/** Most errors a clustering looks at: the newest of the range. */
export const ERROR_CLUSTER_SAMPLE = 10_000;

/**
 * The fields of a cluster's sample error, besides any grouping fields: what a cluster list
 * shows. The whole error is one `getEvent` away by its `error_id`.
 */
export const CLUSTER_SAMPLE_FIELDS = [
  'error_id',
  'error_message',
  'error_type',
  'error_source',
  'error_stack',
  'app_id',
  'session_id',
  'view_id',
  'view_url',
] as const;

/** An error record as the API returns it: flat values, custom context apart. */
export interface ClusteredError {
  time: number;
  custom?: Record<string, unknown> | undefined;
  [field: string]: unknown;
}

export interface ErrorCluster<E extends ClusteredError = ClusteredError> {
  /** The masked message, or the values of the chosen fields joined with " · ". */
  pattern: string;
  /** The chosen fields' values (null for a missing one); null when grouped by pattern. */
  group: Record<string, unknown> | null;
  count: number;
  first_seen: number;
  last_seen: number;
  /** The first error of the cluster in the order given: the newest when given newest first. */
  sample: E;
}

/**
 * Errors already grouped by an exact key (the message, or the chosen fields' values) — what a
 * store can hand over instead of every error: `sample` is the bunch's newest error, and it
 * carries the grouping values (`error_message`, or the fields).
 */
export interface ErrorBunch<E extends ClusteredError = ClusteredError> {
  sample: E;
  count: number;
  first_seen: number;
  last_seen: number;
}

/**
 * Groups errors by the pattern of `error_message` (errorPattern) or, when `fields` are given, by
 * their values (a field missing from the record is looked up in its custom context). Clusters
 * come largest first, then most recently seen; at most `limit`.
 */
export function clusterErrors<E extends ClusteredError>(
  errors: readonly E[],
  fields: readonly string[] | undefined,
  limit: number,
): ErrorCluster<E>[] {
  return clusterBunches(
    errors.map((error) => ({
      sample: error,
      count: 1,
      first_seen: error.time,
      last_seen: error.time,
    })),
    fields,
    limit,
  );
}

/**
 * clusterErrors over bunches: the same clusters as over the errors they hold. A cluster's
 * sample is the sample of its first bunch, so give them newest first.
 */
export function clusterBunches<E extends ClusteredError>(
  bunches: readonly ErrorBunch<E>[],
  fields: readonly string[] | undefined,
  limit: number,
): ErrorCluster<E>[] {
  const clusters = new Map<string, ErrorCluster<E>>();
  for (const bunch of bunches) {
    const error = bunch.sample;
    const group = fields?.length
      ? Object.fromEntries(fields.map((f) => [f, error[f] ?? error.custom?.[f] ?? null]))
      : null;
    const pattern = group
      ? Object.values(group)
          .map((v) => (v === null ? '∅' : String(v)))
          .join(' · ')
      : errorPattern(String(error.error_message ?? ''));
    const cluster = clusters.get(pattern);
    if (cluster) {
      cluster.count += bunch.count;
      cluster.first_seen = Math.min(cluster.first_seen, bunch.first_seen);
      cluster.last_seen = Math.max(cluster.last_seen, bunch.last_seen);
    } else {
      clusters.set(pattern, {
        pattern,
        group,
        count: bunch.count,
        first_seen: bunch.first_seen,
        last_seen: bunch.last_seen,
        sample: error,
      });
    }
  }
  return [...clusters.values()]
    .sort((a, b) => b.count - a.count || b.last_seen - a.last_seen)
    .slice(0, limit);
}
