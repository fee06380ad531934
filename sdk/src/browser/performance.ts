import { monitor, setTimer } from '../tools/monitor.js';

export function supportsEntryType(type: string): boolean {
  return (
    typeof PerformanceObserver === 'function' &&
    (PerformanceObserver.supportedEntryTypes ?? []).includes(type)
  );
}

/**
 * Calls `handler` with the entries of `type` the browser records, the ones buffered before
 * the SDK started included. Returns the function that stops observing.
 */
export function observeEntries<E extends PerformanceEntry>(
  type: string,
  handler: (entries: E[]) => void,
): () => void {
  if (!supportsEntryType(type)) return () => {};
  const observer = new PerformanceObserver(
    monitor((list: PerformanceObserverEntryList) => handler(list.getEntries() as E[])),
  );
  try {
    observer.observe({ type, buffered: true });
  } catch {
    return () => {};
  }
  return () => observer.disconnect();
}

/** Runs `handler` once the load event has finished (loadEventEnd is known then). */
export function whenLoaded(handler: () => void): void {
  const run = () => setTimer(handler, 0);
  if (document.readyState === 'complete') run();
  else window.addEventListener('load', run, { once: true });
}
