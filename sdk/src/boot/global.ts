import { display } from '../tools/display.js';
import type { Drops } from '../transport/drops.js';
import type { RumPublicApi } from './publicApi.js';

/** What the async loader snippet leaves behind before the script arrives. */
interface Queued {
  q?: (unknown[] | (() => void))[];
  /** Calls the snippet dropped because its queue was full. */
  d?: number;
}

/**
 * Exposes the API as `window[name]` and replays what the loader snippet queued, in order:
 * `[method, arguments]` pairs, or bare functions (Guance's snippet queues onReady callbacks
 * that way).
 */
export function installGlobal(api: RumPublicApi, name: string, drops: Drops): void {
  const target = window as unknown as Record<string, unknown>;
  const existing = target[name] as (Queued & { init?: unknown }) | undefined;
  if (existing && typeof existing.init === 'function' && !existing.q) {
    display(
      'warn',
      `window.${name} is already defined: the SDK was loaded twice; the first copy stays`,
    );
    return;
  }
  target[name] = api;
  if (existing?.d) drops.count('loader_queue_full', existing.d);
  for (const call of existing?.q ?? []) {
    if (typeof call === 'function') api.onReady(call);
    else {
      const [method, args] = call as [string, ArrayLike<unknown>];
      const fn = (api as unknown as Record<string, unknown>)[method];
      if (typeof fn === 'function') fn(...Array.from(args ?? []));
      else display('error', `the loader queued an unknown method ${String(method)}`);
    }
  }
}
