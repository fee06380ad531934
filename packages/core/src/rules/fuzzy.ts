// Fuzzy matching for pickers: every character of the query must appear in the text in order;
// matches that are contiguous or start words rank higher. Case-insensitive, works for CJK.

/** A match: its score (higher is better) and the matched [start, end) ranges of the text. */
export interface FuzzyMatch {
  score: number;
  ranges: [number, number][];
}

const WORD_BREAK = /[\s\-_./·:()[\]]/;

function isWordStart(text: string, index: number): boolean {
  return index === 0 || WORD_BREAK.test(text[index - 1] as string);
}

function isSubsequence(chars: readonly string[], from: number, text: string, at: number): boolean {
  let pos = at;
  for (let i = from; i < chars.length; i++) {
    const found = text.indexOf(chars[i] as string, pos);
    if (found === -1) return false;
    pos = found + 1;
  }
  return true;
}

/** How well `query` matches `text`, or `null` when it does not. An empty query matches all. */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = query.trim().toLowerCase();
  if (q === '') return { score: 0, ranges: [] };
  const t = text.toLowerCase();

  const at = t.indexOf(q);
  if (at !== -1) {
    const score = 1000 + (at === 0 ? 200 : 0) + (isWordStart(t, at) ? 100 : 0) - at;
    return { score, ranges: [[at, at + q.length]] };
  }

  const chars = [...q.replace(/\s+/g, '')];
  const positions: number[] = [];
  let pos = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    let index = t.indexOf(ch, pos);
    if (index === -1) return null;
    const previous = positions.at(-1);
    // Jump ahead to a word start when that does not make the rest of the query unmatchable.
    if (previous === undefined || index !== previous + 1) {
      for (let j = index; j !== -1; j = t.indexOf(ch, j + 1)) {
        if (isWordStart(t, j)) {
          if (isSubsequence(chars, i + 1, t, j + 1)) index = j;
          break;
        }
      }
    }
    positions.push(index);
    pos = index + ch.length;
  }

  let score = 0;
  const ranges: [number, number][] = [];
  positions.forEach((p, i) => {
    const len = (chars[i] as string).length;
    const previous = positions[i - 1];
    score += 10;
    if (previous !== undefined && p === previous + 1) score += 15;
    else if (previous !== undefined) score -= Math.min(p - previous, 20);
    if (isWordStart(t, p)) score += 10;
    const last = ranges.at(-1);
    if (last && last[1] === p) last[1] = p + len;
    else ranges.push([p, p + len]);
  });
  return { score, ranges };
}

export interface FuzzyResult<T> {
  item: T;
  score: number;
  /** Which of the item's texts matched best, and where. */
  field: number;
  ranges: [number, number][];
}

/**
 * The items that match, best first (ties keep their order). Each item offers several texts
 * (a title in two languages, an id); the best-matching one counts.
 */
export function fuzzyFilter<T>(
  items: readonly T[],
  query: string,
  texts: (item: T) => readonly string[],
): FuzzyResult<T>[] {
  const results: (FuzzyResult<T> & { order: number })[] = [];
  items.forEach((item, order) => {
    let best: FuzzyResult<T> | undefined;
    texts(item).forEach((text, field) => {
      const match = fuzzyMatch(query, text);
      if (match && (!best || match.score > best.score))
        best = { item, score: match.score, field, ranges: match.ranges };
    });
    if (best) results.push({ ...best, order });
  });
  results.sort((a, b) => b.score - a.score || a.order - b.order);
  return results.map(({ order: _order, ...result }) => result);
}
