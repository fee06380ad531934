import { json } from '../../tools/json.js';
import { formatStack } from '../../tools/stack.js';
import type { Context } from '../../types.js';

/**
 * The fields of an error event for a thrown or reported value: an Error gives its class,
 * message, parsed stack and causes (Error.cause, at most 10); anything else is shown as JSON
 * after `prefix` ("Uncaught", "Provided"), as Guance's SDK does.
 */
export function computeError(value: unknown, prefix: string): Context {
  if (!(value instanceof Error)) {
    return { errorMessage: `${prefix} ${typeof value === 'string' ? value : json(value)}` };
  }
  const causes: Context[] = [];
  for (let cause = value.cause; cause instanceof Error && causes.length < 10; cause = cause.cause) {
    causes.push({ type: cause.name, message: cause.message, stack: formatStack(cause) });
  }
  return {
    errorType: value.name,
    errorMessage: value.message || 'Empty message',
    errorStack: formatStack(value),
    errorCauses: causes.length > 0 ? causes : undefined,
  };
}
