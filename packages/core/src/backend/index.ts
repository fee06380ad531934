// The backend adapter: what the component kit asks of a server, and two implementations.
export { BACKEND_ERROR_CODES, isAbortError } from './errors.js';
export { createHttpBackend, type HttpBackendOptions } from './http.js';
export { createMemoryBackend, type MemoryBackend, type MemoryBackendSeed } from './memory.js';
export type { RequestOptions, RumBackend, RumBackendOperation } from './types.js';
