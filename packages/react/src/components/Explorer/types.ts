import type { EventRecord, ExplorerCategory } from '@rumkit/core';

/**
 * What every explorer question of the moment shares: the category, the resolved range (ms,
 * `to` exclusive), the committed search text and the apps. Parts that fetch (facets,
 * histogram, analysis, autocomplete) build their API input from it.
 */
export interface ExplorerScope {
  category: ExplorerCategory;
  from: number;
  to: number;
  query: string;
  appIds?: string[] | undefined;
}

/** The API input fields of a scope (`app_ids` only when set). */
export function scopeInput(scope: ExplorerScope) {
  return {
    category: scope.category,
    from: scope.from,
    to: scope.to,
    query: scope.query,
    ...(scope.appIds && scope.appIds.length > 0 ? { app_ids: scope.appIds } : {}),
  };
}

/** A filter the user asked for from a value (a facet, an attribute, a chart's group). */
export interface FilterRequest {
  key: string;
  value: string | number | boolean;
  /** Exclude the value instead (`-key:value`). */
  negate?: boolean;
  /** Replace every other condition on the key ("only this"). */
  only?: boolean;
}

/**
 * What the host gets to play a session's replay: `sessionId` and `time` are what
 * `<SessionReplay>` (@rumkit/react/session-replay) takes as `sessionId` and `initialTime`.
 */
export interface ReplayTarget {
  sessionId: string;
  viewId?: string | undefined;
  /** When to start, ms since the epoch. */
  time?: number | undefined;
}

export type { EventRecord };
