// Filter history (spec §1.6: the last 100 searches, stored locally). Newest first, each once.
// Storage can be missing, full or forbidden (private modes, sandboxed iframes): the bar then
// works without history rather than failing.

export const HISTORY_KEY = 'rumkit.explorer.history';
export const HISTORY_LIMIT = 100;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readHistory(): string[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(HISTORY_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
  } catch {
    return [];
  }
}

/** Puts `query` first (moving it up if it was there already) and keeps the newest 100. */
export function rememberSearch(query: string): string[] {
  const entry = query.trim();
  const next = entry
    ? [entry, ...readHistory().filter((old) => old !== entry)].slice(0, HISTORY_LIMIT)
    : readHistory();
  try {
    if (entry) storage()?.setItem(HISTORY_KEY, JSON.stringify(next));
  } catch {
    // Full or forbidden storage: the search still runs, it is just not remembered.
  }
  return next;
}
