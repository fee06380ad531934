// @rumkit/core: the headless core. Its subpaths (@rumkit/core/schema, /protocol, /api, /backend,
// /queries, /dashboards, /rules, /replay) are importable on their own; this entry gathers them for hosts
// that want one import.
export * from './api/index.js';
export * from './backend/index.js';
export * from './dashboards/index.js';
export * from './protocol/index.js';
export * from './queries/index.js';
export * from './replay/index.js';
export * from './rules/index.js';
export * from './schema/index.js';
export * from './search/index.js';
