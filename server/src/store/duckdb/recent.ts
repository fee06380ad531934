/**
 * What the writer knows of recent views and sessions, so a commit need not look them up: the
 * single writer wrote them, so the memory is exact. `coveredSince` says how far back it is
 * complete: every record starting at or after it is either remembered or was never stored.
 * Forgetting the oldest entries (the memory is bounded) moves it forward.
 */
export class Recent<T> {
  private readonly entries = new Map<string, { value: T; time: number }>();

  constructor(
    /** Start time (ms) from which the memory is complete. */
    public coveredSince: number,
    private readonly max: number,
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Refresh: a Map iterates in insertion order, so the first entries are the least used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Whether a record starting at `time` that is not remembered is surely not stored. */
  surelyAbsent(key: string, time: number): boolean {
    return !this.entries.has(key) && time >= this.coveredSince;
  }

  set(key: string, value: T, time: number) {
    this.entries.delete(key);
    this.entries.set(key, { value, time });
    while (this.entries.size > this.max) {
      const [oldest, entry] = this.entries.entries().next().value as [
        string,
        { value: T; time: number },
      ];
      this.entries.delete(oldest);
      this.coveredSince = Math.max(this.coveredSince, entry.time + 1);
    }
  }

  /** Forgets everything (after deletes the writer did not track row by row). */
  reset(coveredSince: number) {
    this.entries.clear();
    this.coveredSince = coveredSince;
  }
}
