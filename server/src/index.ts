export { type AppDeps, createApp, INGEST_LIMITS, SERVER_VERSION, SERVES } from './app.js';
export { loadConfig, type ServerConfig } from './config.js';
export { HttpError, type Logger } from './http/errors.js';
export { openServices, type Services } from './services/open.js';
export { CONNECTION_SETTINGS } from './store/duckdb/engine.js';
export type { EventRow, EventStore, StoredRecord } from './store/types.js';
