// An error's stack as frames (spec §1.6, the error detail's stack): the formats the SDKs send,
// parsed line by line, so a frame list can show function, file and position apart.

export interface StackFrame {
  /** The function, or null for an anonymous frame. */
  fn: string | null;
  /** The script's URL or path, as written. */
  file: string;
  line: number | null;
  column: number | null;
  /** A library's frame (node_modules, a vendor bundle, a browser's own code), not the app's. */
  vendor: boolean;
}

/** A line of a stack: a frame, or text (the message line, "Caused by", anything unknown). */
export type StackLine =
  | { kind: 'frame'; frame: StackFrame; text: string }
  | { kind: 'text'; text: string };

const ANONYMOUS = new Set(['', '<anonymous>', 'anonymous', '?', 'Anonymous function']);
const VENDOR =
  /node_modules|[/.-]vendors?[/.~-]|chunk-vendors|\/npm\/|webpack\/bootstrap|^native$|^\[native code\]$|^<anonymous>$|^(?:chrome|moz|safari(?:-web)?)-extension:|^webpack\/runtime/i;

// `file:line:col` or `file:line` at the end of a location.
const LOCATION = /^(.*?)(?::(\d+))?(?::(\d+))?$/;

function frame(fn: string | null, location: string): StackFrame {
  const match = LOCATION.exec(location.trim()) as RegExpExecArray;
  const file = match[1] ?? location;
  const name = fn === null || ANONYMOUS.has(fn.trim()) ? null : fn.trim();
  return {
    fn: name,
    file,
    line: match[2] ? Number(match[2]) : null,
    column: match[3] ? Number(match[3]) : null,
    vendor: VENDOR.test(file),
  };
}

// Guance's web SDK: `at fn @ url:1:2`; V8: `at fn (url:1:2)`, `at url:1:2`, `at async fn (…)`;
// SpiderMonkey/JavaScriptCore: `fn@url:1:2`, `@url:1:2`; Java/Kotlin: `at a.b.C.fn(File.kt:12)`.
const GUANCE = /^\s*at\s+(.*?)\s+@\s+(\S.*)$/;
const V8_NAMED = /^\s*at\s+(?:async\s+)?(.*?)\s+\((.+)\)\s*$/;
const V8_BARE = /^\s*at\s+(?:async\s+)?(\S+:\d+(?::\d+)?)\s*$/;
const GECKO = /^\s*([^@\s]*)@(\S+:\d+(?::\d+)?|\[native code\])\s*$/;

/** One line of a stack as a frame, or null when it is not one. */
export function parseStackLine(line: string): StackFrame | null {
  let m = GUANCE.exec(line);
  if (m) return frame(m[1] as string, m[2] as string);
  m = V8_NAMED.exec(line);
  if (m) return frame(m[1] as string, m[2] as string);
  m = V8_BARE.exec(line);
  if (m) return frame(null, m[1] as string);
  m = GECKO.exec(line);
  if (m) return frame(m[1] as string, m[2] as string);
  return null;
}

/** Every line of a stack, each a frame or text; blank lines are dropped. */
export function parseStack(stack: string): StackLine[] {
  const lines: StackLine[] = [];
  for (const raw of stack.split(/\r?\n/)) {
    const text = raw.replace(/\s+$/, '');
    if (text.trim() === '') continue;
    const parsed = parseStackLine(text);
    lines.push(
      parsed ? { kind: 'frame', frame: parsed, text: text.trim() } : { kind: 'text', text },
    );
  }
  return lines;
}

/**
 * Base64 (standard or URL-safe, padded or not) decoded as UTF-8: how DataKit sends the stack
 * resolved through the sourcemap (`error_stack_source_base64`). Null when it is not base64.
 * Malformed UTF-8 becomes U+FFFD rather than failing, so a broken byte never hides the stack.
 */
export function decodeBase64Utf8(base64: string): string | null {
  const clean = base64.replace(/\s+/g, '').replaceAll('-', '+').replaceAll('_', '/');
  if (
    clean === '' ||
    !/^[A-Za-z0-9+/]+={0,2}$/.test(clean) ||
    clean.replace(/=+$/, '').length % 4 === 1
  )
    return null;
  const padded = clean.replace(/=+$/, '');
  let binary: string;
  try {
    binary = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder('utf-8').decode(bytes);
}

export interface ErrorCause {
  message: string | null;
  type: string | null;
  stack: string | null;
}

/**
 * `error_causes` as a list: a JSON array (or its text) of `{ message, type, stack }`, as the
 * SDK sends the Error.cause chain. Anything else gives no causes.
 */
export function readErrorCauses(value: unknown): ErrorCause[] {
  let list = value;
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(list)) return [];
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return list
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item) => ({
      message: text(item.message),
      type: text(item.type) ?? text(item.source),
      stack: text(item.stack),
    }));
}
