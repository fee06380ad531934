// Wall-clock time in a named time zone (the workspace's, or the kit's), with nothing but Intl.

/** How far `zone`'s wall clock is ahead of UTC at the instant `ms`, in ms. */
function offsetAt(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - Math.floor(ms / 1000) * 1000;
}

/** The instant a wall-clock time (ms read as if UTC) happens in `zone`. */
function fromWall(wall: number, zone: string): number {
  // The zone's offset near that moment, found by formatting; twice, for days that change offset.
  let guess = wall - offsetAt(wall, zone);
  guess = wall - offsetAt(guess, zone);
  return guess;
}

/** The instant local midnight of `date` (YYYY-MM-DD) happens in `zone`. */
export function zonedMidnight(date: string, zone: string): number {
  return fromWall(Date.parse(`${date}T00:00:00Z`), zone);
}

/** `ms` as `YYYY-MM-DDTHH:mm` on `zone`'s wall clock (what `<input type=datetime-local>` holds). */
export function toWallTime(ms: number, zone: string): string {
  return new Date(ms + offsetAt(ms, zone)).toISOString().slice(0, 16);
}

/** The instant of a `YYYY-MM-DDTHH:mm[:ss]` wall-clock time in `zone`; null if unreadable. */
export function fromWallTime(text: string, zone: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return null;
  const wall = Date.parse(`${text}Z`);
  return Number.isNaN(wall) ? null : fromWall(wall, zone);
}
