/**
 * Globs are how wildcard values travel in the AST: `*` matches any run of
 * characters, `?` exactly one, and a backslash makes the next character literal.
 * These turn a glob into what a store needs.
 */

/**
 * A SQL LIKE pattern with `\` as its escape character (`ESCAPE '\'`):
 * `*` → `%`, `?` → `_`, and literal `%`, `_`, `\` escaped.
 */
export function wildcardToLike(glob: string): string {
  let out = '';
  for (const part of globParts(glob)) {
    if (part === STAR) out += '%';
    else if (part === ONE) out += '_';
    else out += part.replace(/[%_\\]/g, '\\$&');
  }
  return out;
}

/** An anchored RegExp matching the whole value; `?` matches one code point. */
export function wildcardToRegExp(glob: string, flags = ''): RegExp {
  let source = '';
  for (const part of globParts(glob)) {
    if (part === STAR) source += '[^]*';
    else if (part === ONE) source += '[^]';
    else source += part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, flags.includes('u') ? flags : `${flags}u`);
}

/** True when a glob holds an unescaped `*` or `?`. */
export function hasWildcard(glob: string): boolean {
  return globParts(glob).some((part) => part === STAR || part === ONE);
}

const STAR = Symbol('*');
const ONE = Symbol('?');

/** Literal runs and wildcard markers, in order. */
function globParts(glob: string): (string | typeof STAR | typeof ONE)[] {
  const parts: (string | typeof STAR | typeof ONE)[] = [];
  let literal = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) {
      const next = String.fromCodePoint(glob.codePointAt(i + 1) ?? 0);
      literal += next;
      i += next.length;
    } else if (c === '*' || c === '?') {
      if (literal) parts.push(literal);
      literal = '';
      parts.push(c === '*' ? STAR : ONE);
    } else {
      literal += c;
    }
  }
  if (literal) parts.push(literal);
  return parts;
}
