import { display } from '../tools/display.js';
import { monitor } from '../tools/monitor.js';
import { callerStack } from '../tools/stack.js';
import { relativeNow } from '../tools/time.js';
import type { Drops } from '../transport/drops.js';
import type { Configuration, Context, InitOptions } from '../types.js';
import { SDK_VERSION } from '../version.js';
import { buildConfiguration } from './configuration.js';
import type { RemoteConfigurationModule } from './remoteConfiguration.js';
import { createReplayControl, type ReplayLoader } from './replay.js';
import { createContexts, type Rum, type StartOptions, startRum, viewOptions } from './startRum.js';

/** Calls made before the SDK starts wait here, at most this many. */
export const PRE_START_BUFFER = 500;
/** How long init waits for the remote options (chunk and /v1/env_variable) before using its own. */
export const REMOTE_TIMEOUT = 3000;

export interface PublicApiDeps {
  drops: Drops;
  loadReplay?: ReplayLoader;
  /** Loads the remote configuration chunk (init with remoteConfiguration). */
  loadRemoteConfiguration?: () => Promise<RemoteConfigurationModule>;
  /** Replaced in tests. */
  start?: typeof startRum;
  startOptions?: StartOptions;
}

/** The methods that need the started SDK: called before it starts, they wait (with their time). */
const BUFFERED =
  'startView setViewName setViewContext setViewContextProperty addAction addError addTiming stopSession';

// biome-ignore lint/suspicious/noExplicitAny: the forwarded methods keep their own signatures
type Method = (...args: any[]) => any;

/**
 * The public API, under Guance's names (`window.RUMKIT` for the script tag, `rumkit` for
 * npm). No method throws into the host page; misuse gets a console message. Context setters
 * work before init; the other calls made before the SDK starts wait in a bounded buffer and
 * are replayed with the time they were made.
 */
export function makePublicApi(deps: PublicApiDeps) {
  const { globalContext, user } = createContexts();
  const replay = createReplayControl(deps.loadReplay);
  const buffer: ((rum: Rum) => void)[] = [];
  let rum: Rum | undefined;
  let initOptions: InitOptions | undefined;
  let config: Configuration | undefined;
  let firstView: unknown;

  const later = (call: (rum: Rum) => void) => {
    if (rum) call(rum);
    else if (buffer.length < PRE_START_BUFFER) buffer.push(call);
    else deps.drops.count('pre_start_buffer_full');
  };
  const start = (configuration: Configuration) => {
    config = configuration;
    // With trackViewsManually the SDK starts at the first startView().
    if (configuration.trackViewsManually && !firstView) return;
    rum = (deps.start || startRum)(configuration, { globalContext, user }, deps.drops, {
      ...deps.startOptions,
      initialView: viewOptions(firstView),
    });
    if (rum) for (const call of buffer.splice(0)) call(rum);
  };

  const api: Record<string, Method> & { version: string } = {
    version: SDK_VERSION as never,
    /** Starts the SDK; the first call wins. */
    init(options: InitOptions) {
      if (initOptions)
        return (
          initOptions.silentMultipleInit ||
          display('warn', 'init() was called again; the first call stands')
        );
      const configuration = buildConfiguration(options);
      if (!configuration) return;
      initOptions = { ...options };
      if (!configuration.remoteConfiguration) return start(configuration);
      // The remote options come from a chunk of their own. Init waits REMOTE_TIMEOUT ms for
      // them at most, the chunk's loading included; a loader that fails (or none) leaves them
      // unavailable too.
      const controller = new AbortController();
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => {
          controller.abort();
          reject(controller.signal.reason);
        }, REMOTE_TIMEOUT),
      );
      const remoteOptions = Promise.resolve()
        .then(deps.loadRemoteConfiguration)
        .then((remote) => remote.fetchOverrides(configuration, controller.signal));
      Promise.race([remoteOptions, timeout])
        .then(
          (overrides) =>
            buildConfiguration({ ...options, ...overrides }, 'remote configuration') ||
            configuration,
          (error) => {
            display('warn', `remote configuration unavailable (${error}); using the init options`);
            return configuration;
          },
        )
        .then(monitor(start));
    },
    /** Runs `callback` now: the SDK is loaded (for the async snippet's queue). */
    onReady(callback: () => void) {
      try {
        callback();
      } catch (error) {
        // The host's own error: thrown again outside the SDK, where the page sees it.
        setTimeout(() => {
          throw error;
        });
      }
    },
    getInitConfiguration: () => initOptions && { ...initOptions },
    getInternalContext: (startTime?: number) => rum?.getInternalContext(startTime),
    getViewContext: (): Context => (rum ? rum.getViewContext() : {}),

    setGlobalContextProperty: globalContext.setProperty,
    removeGlobalContextProperty: globalContext.remove,
    getGlobalContext: globalContext.get,
    setGlobalContext: globalContext.set,
    clearGlobalContext: globalContext.clear,
    // Guance's older names.
    addRumGlobalContext: globalContext.setProperty,
    removeRumGlobalContext: globalContext.remove,
    /** `{ id, name, email, ... }`: id, name and email are the userid, user_name and user_email tags. */
    setUser: user.set,
    getUser: user.get,
    setUserProperty: user.setProperty,
    removeUserProperty: user.remove,
    clearUser: user.clear,

    /** Records the session's replay from now on, if it is sampled for replay (Guance: after login, say). */
    startSessionReplayRecording: () => later((r) => replay.start(r.replay)),
    stopSessionReplayRecording: replay.stop,
  };
  for (const name of BUFFERED.split(' ')) {
    api[name] = (...args: unknown[]) => {
      const time = relativeNow();
      // The first startView() of trackViewsManually starts the SDK with that view.
      if (name === 'startView' && !rum && !firstView) {
        firstView = args[0] || {};
        return config && start(config);
      }
      // Frames: callerStack, this function, monitor's wrapper, then the caller.
      if (name === 'addError') args[2] = callerStack(3);
      later((r) => (r[name as keyof Rum] as Method)(time, ...args));
    };
  }
  for (const name in api)
    if (typeof api[name] === 'function') api[name] = monitor(api[name] as Method) as Method;
  return api as unknown as RumPublicApi;
}

/** The API's methods, as Guance names them. */
export interface RumPublicApi {
  version: string;
  init(options: InitOptions): void;
  onReady(callback: () => void): void;
  getInitConfiguration(): InitOptions | undefined;
  getInternalContext(startTime?: number): ReturnType<Rum['getInternalContext']>;
  startView(view?: string | { name?: string; service?: string; version?: string }): void;
  setViewName(name: string): void;
  setViewContext(context: Context): void;
  setViewContextProperty(key: string, value: unknown): void;
  getViewContext(): Context;
  setGlobalContextProperty(key: string, value: unknown): void;
  removeGlobalContextProperty(key: string): void;
  getGlobalContext(): Context;
  setGlobalContext(context: Context): void;
  clearGlobalContext(): void;
  addRumGlobalContext(key: string, value: unknown): void;
  removeRumGlobalContext(key: string): void;
  setUser(user: Context & { id?: string; name?: string; email?: string }): void;
  getUser(): Context;
  setUserProperty(key: string, value: unknown): void;
  removeUserProperty(key: string): void;
  clearUser(): void;
  addAction(name: string, context?: Context): void;
  addError(error: unknown, context?: Context): void;
  /** `time`: ms since the view started, or epoch ms; default now. */
  addTiming(name: string, time?: number): void;
  stopSession(): void;
  startSessionReplayRecording(): void;
  stopSessionReplayRecording(): void;
}
