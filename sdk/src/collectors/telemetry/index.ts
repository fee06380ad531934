import { emit, type LifeCycle } from '../../lifeCycle.js';
import { setErrorReporter } from '../../tools/monitor.js';
import { relativeNow } from '../../tools/time.js';
import type { Drops } from '../../transport/drops.js';
import type { Context } from '../../types.js';

/** Telemetry events per page at most: a broken SDK must not flood the intake. */
export const MAX_TELEMETRY = 20;

/**
 * The SDK's reports about itself, as `telemetry` events: its own errors (caught by monitor())
 * and the events it dropped, counted as custom fields `dropped_<reason>`.
 */
export function startTelemetryCollection(lifeCycle: LifeCycle, drops: Drops) {
  let sent = 0;
  const send = (data: Context, context?: Context) => {
    if (sent++ < MAX_TELEMETRY)
      emit(lifeCycle, 'telemetry', relativeNow(), { telemetryType: 'log', ...data }, { context });
  };
  setErrorReporter((error) => {
    const e = (error || {}) as Error;
    send({
      status: 'error',
      message: String(e.message || error),
      errorKind: e.name,
      errorStack: e.stack,
    });
  });
  return {
    /** Reports what was dropped since the last report; the transport calls it before each flush. */
    reportDrops() {
      const counts = drops.take();
      if (!counts) return;
      const context: Context = {};
      let total = 0;
      for (const [reason, count] of Object.entries(counts)) {
        context[`dropped_${reason}`] = count;
        total += count as number;
      }
      send({ status: 'debug', message: `rumkit dropped ${total} events` }, context);
    },
    stop: () => setErrorReporter(undefined),
  };
}
