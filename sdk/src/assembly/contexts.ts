import { display } from '../tools/display.js';
import { asContext } from '../tools/json.js';
import type { Context } from '../types.js';

/** Most keys a context keeps: each is a field on every event. */
export const CONTEXT_MAX_KEYS = 128;

export interface ContextManager {
  get(): Context;
  set(context: unknown): void;
  setProperty(key: unknown, value: unknown): void;
  remove(key: unknown): void;
  clear(): void;
}

/**
 * Global or user context: a bounded bag of custom keys, copied in and out. The user context
 * keeps id, name and email as strings, as Guance's SDK does.
 */
export function createContext(name: string): ContextManager {
  let context: Context = {};
  const set = (next: Context | undefined) => {
    if (!next) return display('error', `the ${name} context must be an object`);
    if (name === 'user') {
      for (const key of ['id', 'name', 'email']) {
        if (next[key] === undefined || next[key] === null) delete next[key];
        else next[key] = String(next[key]);
      }
    }
    const keys = Object.keys(next);
    if (keys.length > CONTEXT_MAX_KEYS)
      display('warn', `the ${name} context keeps its first ${CONTEXT_MAX_KEYS} keys`);
    context = Object.fromEntries(keys.slice(0, CONTEXT_MAX_KEYS).map((key) => [key, next[key]]));
  };
  return {
    get: () => ({ ...context }),
    set: (value) => set(asContext(value)),
    setProperty: (key, value) => set({ ...context, [String(key)]: value }),
    remove(key) {
      const next = { ...context };
      delete next[String(key)];
      context = next;
    },
    clear() {
      context = {};
    },
  };
}
