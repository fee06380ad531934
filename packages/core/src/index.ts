// @rumkit/core: the headless core. Its subpaths (@rumkit/core/schema, /protocol, /api, /rules)
// are importable on their own; this entry gathers them for hosts that want one import.
export * from './api/index.js';
export * from './protocol/index.js';
export * from './rules/index.js';
export * from './schema/index.js';
