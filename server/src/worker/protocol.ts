import type { LineProblem } from '../ingest/datakit/decode.js';
import type { IngestApp, IngestRequest } from '../ingest/datakit/pipeline.js';
import type { CustomKey } from '../store/duckdb/engine.js';
import type { EventStore } from '../store/types.js';

/** How the ingest worker opens its store. */
export interface WorkerOptions {
  engine: 'duckdb';
  /** Database file, or `:memory:`. */
  path: string;
  threads?: number;
  /** Look up geo tags of client addresses (loads the offline databases). Default true. */
  geo?: boolean;
}

/** The answer to one ingest request, once its rows are committed. */
export interface IngestResult {
  received: number;
  accepted: number;
  problems: LineProblem[];
  rejected: number;
  unknownApps: string[];
  refusedOrigin?: string;
}

export type StoreMethod = Exclude<keyof EventStore, 'close'>;

export type ToWorker =
  | { type: 'apps'; apps: IngestApp[] }
  | { type: 'ingest'; id: number; request: IngestRequest }
  | { type: 'call'; id: number; method: StoreMethod; args: unknown[] }
  | { type: 'close'; id: number };

export type FromWorker =
  /** The store is open; these are the custom keys it knows (workspace, category, key). */
  | { type: 'ready'; customKeys: CustomKey[] }
  /** Custom keys a committed write added; sent before that write's `done`. */
  | { type: 'customKeys'; keys: CustomKey[] }
  | { type: 'failed'; message: string }
  /** Something an operator should know while the store opens. */
  | { type: 'notice'; message: string }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'error'; id: number; message: string; badInput?: boolean };
