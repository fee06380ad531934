import { instrument, on } from '../../browser/events.js';
import { emit, type LifeCycle } from '../../lifeCycle.js';
import { PREFIX } from '../../tools/display.js';
import { uuid } from '../../tools/id.js';
import { json } from '../../tools/json.js';
import { monitor, runAll } from '../../tools/monitor.js';
import { callerStack, formatStack } from '../../tools/stack.js';
import { relativeNow } from '../../tools/time.js';
import type { Context } from '../../types.js';
import { computeError } from './computeError.js';

export interface ErrorInput {
  fields: Context;
  source: 'source' | 'console' | 'network' | 'custom' | 'report';
  handled: boolean;
  startTime?: number;
  context?: Context;
  original?: unknown;
  handlingStack?: string;
}

export const inForeground = (): boolean =>
  document.visibilityState === 'visible' && document.hasFocus();

/** Emits one error event. */
export function emitError(lifeCycle: LifeCycle, input: ErrorInput): void {
  emit(
    lifeCycle,
    'error',
    input.startTime === undefined ? relativeNow() : input.startTime,
    {
      errorId: uuid(),
      errorSource: input.source,
      errorHandling: input.handled ? 'handled' : 'unhandled',
      errorHandlingStack: input.handlingStack,
      viewInForeground: inForeground(),
      ...input.fields,
    },
    { context: input.context, domain: { error: input.original } },
  );
}

/**
 * Uncaught errors, unhandled rejections, console.error and CSP violations. (Failed requests
 * come from the resource collector, which sees them end.)
 */
export function startErrorCollection(lifeCycle: LifeCycle) {
  const report = (
    fields: Context,
    original: unknown,
    source: ErrorInput['source'] = 'source',
    handlingStack?: string,
  ) =>
    emitError(lifeCycle, {
      fields,
      source,
      handled: source === 'console',
      original,
      handlingStack,
    });
  const consoleError = monitor((args: unknown[], handlingStack: string | undefined) => {
    const error = args.find((arg) => arg instanceof Error);
    report(
      {
        ...(error && computeError(error, '')),
        errorMessage: args
          .map((arg) =>
            typeof arg === 'string'
              ? arg
              : arg instanceof Error
                ? `${arg.name}: ${arg.message}`
                : json(arg),
          )
          .join(' '),
      },
      error,
      'console',
      handlingStack,
    );
  });
  const stops = [
    on<ErrorEvent>(window, 'error', (event) => {
      // Resource load failures reach window listeners as plain Events; they are resources.
      if (!(event instanceof ErrorEvent)) return;
      const message = String(event.message);
      report(
        event.error instanceof Error || !event.filename
          ? computeError(
              event.error === undefined || event.error === null ? message : event.error,
              'Uncaught',
            )
          : {
              errorMessage: message,
              errorStack: formatStack({ name: 'Error', message }, [
                `  at <anonymous> @ ${event.filename}:${event.lineno}:${event.colno}`,
              ]),
            },
        event.error,
      );
    }),
    on<PromiseRejectionEvent>(window, 'unhandledrejection', (event) =>
      report(computeError(event.reason, 'Uncaught'), event.reason),
    ),
    on<SecurityPolicyViolationEvent>(document, 'securitypolicyviolation', (event) =>
      report(
        {
          errorType: 'csp_violation',
          errorMessage: `'${event.blockedURI}' blocked by '${event.effectiveDirective}' directive`,
          errorStack:
            event.sourceFile &&
            formatStack({ name: event.effectiveDirective, message: event.originalPolicy }, [
              `  at <anonymous> @ ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
            ]),
        },
        event,
        'report',
      ),
    ),
    instrument(
      console,
      'error',
      (original) =>
        function (this: Console, ...args: unknown[]) {
          // Frames: callerStack, this function, instrument's replacement, then the caller.
          if (!String(args[0]).startsWith(PREFIX)) consoleError(args, callerStack(3));
          return original.apply(this, args);
        },
    ),
  ];
  return () => runAll(stops);
}
