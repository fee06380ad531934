// The SDK must never throw into the host page: every callback the browser calls (event
// listeners, observers, timers) and every public method runs through monitor(), which
// swallows the error and hands it to the telemetry collector.

let reporter: ((error: unknown) => void) | undefined;

/** Where caught internal errors go (the telemetry collector); undefined to stop. */
export function setErrorReporter(report: typeof reporter): void {
  reporter = report;
}

export function reportInternalError(error: unknown): void {
  try {
    if (reporter) reporter(error);
  } catch {
    // Reporting must not fail either.
  }
}

export function monitor<A extends unknown[], R>(
  fn: (...args: A) => R,
): (...args: A) => R | undefined {
  return function (this: unknown, ...args: A) {
    try {
      return fn.apply(this, args);
    } catch (error) {
      reportInternalError(error);
    }
  };
}

export const setTimer = (fn: () => void, delay: number): ReturnType<typeof setTimeout> =>
  setTimeout(monitor(fn), delay);

/**
 * Runs `fn` when the page is idle, `timeout` ms from now at the latest; at once where there is
 * no requestIdleCallback (Safari).
 */
export const whenIdle = (fn: () => void, timeout: number): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(monitor(fn), { timeout });
  else monitor(fn)();
};

/** Calls each function (the `stop`s that starts returned). */
export function runAll(fns: readonly (() => void)[]): void {
  for (const fn of fns) fn();
}
