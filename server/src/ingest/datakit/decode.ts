import {
  decodeJson,
  decodeLines,
  LineProtocolError,
  type Point,
  type Precision,
} from '@rumkit/core/protocol';

/** DataKit's single-message limit, the same as the web SDK's (spec §1.11). */
export const MAX_MESSAGE_BYTES = 256 * 1024;

export interface LineProblem {
  /** 1-based line of a line-protocol body, or 0-based index of a JSON point. */
  line?: number;
  index?: number;
  error_code: string;
  message: string;
}

export interface Decoded {
  points: Point[];
  problems: LineProblem[];
}

/**
 * Decodes a line-protocol body, keeping the good lines when some are bad: the fast path
 * decodes the whole body at once; on an error it decodes what came before the bad line,
 * notes the line and carries on after it.
 */
export function decodeBody(
  body: Uint8Array,
  format: 'lines' | 'json',
  precision: Precision | undefined,
): Decoded {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return format === 'json' ? decodeJsonBody(text, precision) : decodeLineBody(text, precision);
}

function decodeJsonBody(text: string, precision: Precision | undefined): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      points: [],
      problems: [
        { error_code: 'json.invalid', message: `invalid JSON: ${(error as Error).message}` },
      ],
    };
  }
  if (!Array.isArray(value)) {
    return {
      points: [],
      problems: [{ error_code: 'json.invalid', message: 'a JSON body must be an array of points' }],
    };
  }
  const points: Point[] = [];
  const problems: LineProblem[] = [];
  value.forEach((raw, index) => {
    try {
      if (JSON.stringify(raw).length > MAX_MESSAGE_BYTES) {
        throw new LineProtocolError(`the point is over ${MAX_MESSAGE_BYTES / 1024} KiB`);
      }
      points.push(...decodeJson([raw], precision ? { precision } : undefined));
    } catch (error) {
      problems.push({
        index,
        error_code: 'point.invalid',
        message: `points[${index}]: ${reasonOf(error)}`,
      });
    }
  });
  return { points, problems };
}

function decodeLineBody(text: string, precision: Precision | undefined): Decoded {
  const options = precision ? { precision } : undefined;
  const problems: LineProblem[] = [];
  const oversized = oversizedLines(text);
  if (oversized.length === 0) {
    try {
      return { points: decodeLines(text, options), problems };
    } catch (error) {
      if (!(error instanceof LineProtocolError)) throw error;
    }
  }
  // Slow path: line by line from the first problem on.
  const points: Point[] = [];
  const starts = lineStarts(text);
  let line = 0; // 0-based index into starts
  const tooLong = new Set(oversized);
  while (line < starts.length) {
    if (tooLong.has(line + 1)) {
      problems.push({
        line: line + 1,
        error_code: 'lp.too_large',
        message: `line ${line + 1}: the message is over ${MAX_MESSAGE_BYTES / 1024} KiB`,
      });
      line++;
      continue;
    }
    const end = nextOversized(oversized, line + 1);
    const chunk = text.slice(starts[line], end === undefined ? text.length : starts[end - 1]);
    try {
      points.push(...decodeLines(chunk, options));
      if (end === undefined) break;
      line = end - 1;
    } catch (error) {
      if (!(error instanceof LineProtocolError) || error.line === undefined) throw error;
      const bad = line + error.line; // 1-based line of the whole body
      if (error.line > 1)
        points.push(...decodeLines(text.slice(starts[line], starts[bad - 1]), options));
      problems.push({
        line: bad,
        error_code: 'lp.invalid',
        message: `line ${bad}, column ${error.column ?? 1}: ${error.reason}`,
      });
      line = bad; // continue after the bad line
    }
  }
  return { points, problems };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i + 1 < text.length) starts.push(i + 1);
  }
  return starts;
}

/** 1-based numbers of physical lines longer than a message may be. */
function oversizedLines(text: string): number[] {
  if (text.length <= MAX_MESSAGE_BYTES / 4) return [];
  const lines: number[] = [];
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (
      end - start > MAX_MESSAGE_BYTES / 4 &&
      Buffer.byteLength(text.slice(start, end)) > MAX_MESSAGE_BYTES
    ) {
      lines.push(line);
    }
    start = end + 1;
    line++;
  }
  return lines;
}

function nextOversized(oversized: readonly number[], after: number): number | undefined {
  return oversized.find((line) => line > after);
}

function reasonOf(error: unknown): string {
  return error instanceof LineProtocolError ? error.reason : (error as Error).message;
}
