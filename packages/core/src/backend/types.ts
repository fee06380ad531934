import type {
  App,
  AppIdAvailability,
  CreateAppInput,
  UpdateAppInput,
  Workspace,
} from '../api/index.js';

/** What every backend call accepts: a signal to cancel it (React Query passes one per query). */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

/**
 * Everything the component kit asks of a server, one method per operation of the API in
 * `@rumkit/core/api`. Data in and out is plain and serialisable (JSON), so a backend can be
 * the reference server over HTTP (`createHttpBackend`), an in-memory fake
 * (`createMemoryBackend`), or a host's own adapter. Failures are thrown as `ApiError`.
 *
 * The workspace is implied by the credentials: a backend speaks for one workspace.
 */
export interface RumBackend {
  /** The workspace the backend's credentials belong to. */
  getWorkspace(options?: RequestOptions): Promise<Workspace>;
  /** The workspace's apps, newest first. */
  listApps(options?: RequestOptions): Promise<App[]>;
  /** One app by its internal id; `ApiError` 404 when there is none. */
  getApp(input: { id: string }, options?: RequestOptions): Promise<App>;
  /** Registers an app; `ApiError` 400 for invalid input, 409 when the app_id is taken. */
  createApp(input: CreateAppInput, options?: RequestOptions): Promise<App>;
  /** Changes some fields of an app; errors as for `createApp`, plus 404. */
  updateApp(input: { id: string; patch: UpdateAppInput }, options?: RequestOptions): Promise<App>;
  /** Deletes an app; `ApiError` 404 when there is none. */
  deleteApp(input: { id: string }, options?: RequestOptions): Promise<void>;
  /**
   * Whether an app_id is valid and free on the server. `exclude` is the internal id of an app
   * whose own app_id counts as free (editing an app).
   */
  checkAppId(
    input: { app_id: string; exclude?: string | undefined },
    options?: RequestOptions,
  ): Promise<AppIdAvailability>;
}

/** The names of the backend's operations, for adapters that wrap every method (logging, latency). */
export type RumBackendOperation = keyof RumBackend;
