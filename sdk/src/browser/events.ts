import { monitor } from '../tools/monitor.js';

/**
 * Listens to one or more event types; the handler runs monitored. Returns the function that
 * removes the listeners. Listeners are passive unless said otherwise.
 */
export function on<E extends Event = Event>(
  target: EventTarget,
  types: string,
  handler: (event: E) => void,
  options: AddEventListenerOptions = {},
): () => void {
  const listener = monitor(handler) as EventListener;
  const opts = { passive: true, ...options };
  const list = types.split(' ');
  for (const type of list) target.addEventListener(type, listener, opts);
  return () => {
    for (const type of list) target.removeEventListener(type, listener, opts);
  };
}

/**
 * Replaces `target[name]` with `wrap(original)`. The returned function undoes it; if someone
 * wrapped the method after us, ours becomes a pass-through instead, so their wrapper keeps
 * working.
 */
export function instrument<T extends object, K extends keyof T>(
  target: T,
  name: K,
  wrap: (original: T[K]) => T[K],
): () => void {
  const original = target[name];
  if (typeof original !== 'function') return () => {};
  let active = true;
  const wrapped = wrap(original);
  const replacement = function (this: unknown, ...args: unknown[]) {
    return ((active ? wrapped : original) as (...a: unknown[]) => unknown).apply(this, args);
  } as T[K];
  target[name] = replacement;
  return () => {
    active = false;
    if (target[name] === replacement) target[name] = original;
  };
}
