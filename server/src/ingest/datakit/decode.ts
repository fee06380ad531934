import {
  decodeJson,
  decodeLines,
  LineProtocolError,
  type Point,
  type Precision,
} from '@rumkit/core/protocol';

/** DataKit's single-message limit, the same as the web SDK's (spec §1.11). */
export const MAX_MESSAGE_BYTES = 256 * 1024;
/** After this many bad lines the rest of a body is refused unread (bounds the slow path). */
const MAX_PROBLEMS = 100;

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
  const tooLong = new Set(oversizedLines(text));
  if (tooLong.size === 0) {
    try {
      return { points: decodeLines(text, options), problems: [] };
    } catch (error) {
      if (!(error instanceof LineProtocolError)) throw error;
    }
  }
  return new LineByLine(text, options, tooLong).run();
}

/**
 * The slow path, for a body with bad lines: decodes ranges of lines, and on an error decodes
 * the part before it (which may hold the real culprit, e.g. an unterminated quote), tries the
 * reported line alone, and carries on after it.
 */
class LineByLine {
  private readonly starts: number[];
  private readonly points: Point[] = [];
  private readonly problems: LineProblem[] = [];

  constructor(
    private readonly text: string,
    private readonly options: { precision: Precision } | undefined,
    private readonly tooLong: ReadonlySet<number>,
  ) {
    this.starts = lineStarts(text);
  }

  run(): Decoded {
    this.range(0, this.starts.length);
    return { points: this.points, problems: this.problems };
  }

  /** Decodes lines [from, to) (0-based). */
  private range(from: number, to: number) {
    let line = from;
    while (line < to) {
      if (this.problems.length >= MAX_PROBLEMS) {
        this.problems.push({
          line: line + 1,
          error_code: 'lp.too_many_errors',
          message: `line ${line + 1}: too many bad lines; the rest of the body was not read`,
        });
        return;
      }
      if (this.tooLong.has(line + 1)) {
        this.problems.push({
          line: line + 1,
          error_code: 'lp.too_large',
          message: `line ${line + 1}: the message is over ${MAX_MESSAGE_BYTES / 1024} KiB`,
        });
        line++;
        continue;
      }
      let end = line + 1;
      while (end < to && !this.tooLong.has(end + 1)) end++;
      try {
        this.points.push(...decodeLines(this.slice(line, end), this.options));
        line = end;
      } catch (error) {
        if (!(error instanceof LineProtocolError)) throw error;
        const bad = Math.min(end - 1, line + (error.line ?? 1) - 1); // 0-based
        if (bad > line) this.range(line, bad);
        try {
          this.points.push(...decodeLines(this.slice(bad, bad + 1), this.options));
        } catch (alone) {
          if (!(alone instanceof LineProtocolError)) throw alone;
          const at = bad + 1;
          this.problems.push({
            line: at,
            error_code: 'lp.invalid',
            message: `line ${at}, column ${alone.column ?? 1}: ${alone.reason}`,
          });
        }
        line = bad + 1;
      }
    }
  }

  private slice(from: number, to: number): string {
    return this.text.slice(
      this.starts[from],
      to < this.starts.length ? this.starts[to] : this.text.length,
    );
  }
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

function reasonOf(error: unknown): string {
  return error instanceof LineProtocolError ? error.reason : (error as Error).message;
}
