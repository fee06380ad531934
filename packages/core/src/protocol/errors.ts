/** Where a problem is: a line and column of a body, or a point and key of a point list. */
export interface ErrorLocation {
  /** 1-based line of a line-protocol body; lines inside quoted strings count. */
  line?: number;
  /** 1-based column on that line, in characters (code points). */
  column?: number;
  /** 0-based index of the point in a JSON body or in the list being encoded. */
  index?: number;
  /** Path of the faulty key inside the point: `measurement`, `tags.os`, `fields["a b"]`, `time`. */
  key?: string;
}

/** A body or a point that DataKit would refuse; the message says where and why. */
export class LineProtocolError extends Error {
  override readonly name = 'LineProtocolError';
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly index: number | undefined;
  readonly key: string | undefined;
  /** The problem alone, without the location prefix of the message. */
  readonly reason: string;

  constructor(reason: string, where: ErrorLocation = {}) {
    super(prefix(where) + reason);
    this.reason = reason;
    this.line = where.line;
    this.column = where.column;
    this.index = where.index;
    this.key = where.key;
  }
}

function prefix(where: ErrorLocation): string {
  if (where.line !== undefined) return `line ${where.line}, column ${where.column ?? 1}: `;
  if (where.index !== undefined) return `points[${where.index}]${pathSuffix(where.key)}: `;
  if (where.key !== undefined) return `${where.key}: `;
  return '';
}

function pathSuffix(key: string | undefined): string {
  if (key === undefined) return '';
  return key.startsWith('[') ? key : `.${key}`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `tags.os` or `tags["a b"]`: a key path that reads unambiguously in a message. */
export function keyPath(section: 'tags' | 'fields', key: string): string {
  return IDENTIFIER.test(key) ? `${section}.${key}` : `${section}[${JSON.stringify(key)}]`;
}

/** Builds the error for offset `pos` of `body`; only runs on failure, so it may be slow. */
export function errorAt(body: string, pos: number, reason: string): LineProtocolError {
  let line = 1;
  let lineStart = 0;
  for (let i = body.indexOf('\n'); i !== -1 && i < pos; i = body.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  // Columns count code points so that an emoji earlier on the line counts once.
  let column = 1;
  for (let i = lineStart; i < pos; i++) {
    const c = body.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === lineStart) column++;
    else if (!isHighSurrogate(body.charCodeAt(i - 1))) column++;
  }
  return new LineProtocolError(reason, { line, column });
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Shows a piece of the body in a message, quoted and cut short. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
