// Stack traces in one format whatever the browser: `Type: message`, then one
// `  at <function> @ <url>:<line>:<column>` per frame, the format Guance's SDK sends and
// DataKit's sourcemap resolution reads (`@ <url>:<line>:<col>`).

const V8 = /^\s*at (?:(.+?) \()?(.+?)(?::(\d+))?(?::(\d+))?\)?\s*$/;
const GECKO = /^\s*(.*?)@((?:\w[\w+.-]*:\/?\/|\[).+?)(?::(\d+))?(?::(\d+))?\s*$/;
/** Frames kept at most. */
export const MAX_FRAMES = 100;

/** The frames of a V8, SpiderMonkey or JavaScriptCore stack, each `  at fn @ url:line:col`. */
export function parseFrames(stack: unknown): string[] {
  const frames: string[] = [];
  for (const line of String(stack || '').split('\n')) {
    const m = V8.exec(line) || GECKO.exec(line);
    if (m && frames.length < MAX_FRAMES) {
      frames.push(
        `  at ${m[1] || '<anonymous>'} @ ${m[2]}${m[3] ? `:${m[3]}` : ''}${m[4] ? `:${m[4]}` : ''}`,
      );
    }
  }
  return frames;
}

/** An error's stack in Guance's format; undefined when it has no frames. */
export function formatStack(
  error: { name: string; message: string; stack?: string },
  frames = parseFrames(error.stack),
): string | undefined {
  return frames.length > 0 ? [`${error.name}: ${error.message}`, ...frames].join('\n') : undefined;
}

/** The stack of whoever called the SDK, `depth` frames up (the handling stack of handled errors). */
export const callerStack = (depth: number): string | undefined =>
  formatStack(
    { name: 'HandlingStack', message: 'error' },
    parseFrames(new Error().stack).slice(depth),
  );
