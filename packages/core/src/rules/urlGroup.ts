// Grouping rules the web SDK applies (spec §1.3 "Other SDK behaviours"); the server applies
// the same ones when a client did not send the group.

/** `/api/v1/tag/list/` → `/api/?/tag/list`: segments holding a digit become `?`. */
export function pathGroup(path: string): string {
  const grouped = path
    .split('/')
    .map((segment) => (/\d/.test(segment) ? '?' : segment))
    .join('/')
    .replace(/\/+$/, '');
  return grouped === '' ? '/' : grouped;
}

/** 204 → `2xx`; anything that is not a status code in 100–599 has no group. */
export function statusGroup(status: number | string): string | undefined {
  const code = typeof status === 'number' ? status : Number(status);
  if (!Number.isInteger(code) || code < 100 || code > 599) return undefined;
  return `${Math.floor(code / 100)}xx`;
}
