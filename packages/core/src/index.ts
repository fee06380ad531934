// @rumkit/core: the headless core. Its subpaths (@rumkit/core/schema, @rumkit/core/protocol)
// are importable on their own; this entry gathers them for hosts that want one import.
export * from './protocol/index.js';
export * from './schema/index.js';
