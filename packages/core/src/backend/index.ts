// The backend adapter: what the component kit asks of a server, and its HTTP implementation.
// The in-memory one is its own entry, `@rumkit/core/memory`, so hosts that talk to a server
// do not ship it.
export { BACKEND_ERROR_CODES, isAbortError } from './errors.js';
export { createHttpBackend, type HttpBackendOptions } from './http.js';
export type { RequestOptions, RumBackend, RumBackendOperation } from './types.js';
