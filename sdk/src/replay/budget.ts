// The recorder must not freeze the page. rrweb's options bound the common costs (sampled mouse
// moves, scrolls and inputs, slim DOM, no canvas, no fonts); this bounds the rest: a page whose
// DOM churns faster than a replay can usefully show gets its recording paused, and resumed
// with a fresh full snapshot once it has been calm for a while.

export interface BudgetLimits {
  /** Mutation entries (nodes added or removed, attribute and text changes) in a second. */
  mutations: number;
  /** Milliseconds of the recorder's own work in a second (snapshots, serialising, segments). */
  ms: number;
  /** How long the page must stay calm (a tenth of `mutations` a second at most) to resume. */
  calm: number;
}

/**
 * A route change that renders 5,000 nodes stays well under; a page that re-renders thousands of
 * nodes every few frames does not. 150 ms a second is 15 % of the main thread.
 */
export const BUDGET: BudgetLimits = { mutations: 20_000, ms: 150, calm: 3_000 };

/** Counts the recorder's work per second: `spend` answers true when this second went over. */
export function createBudget(limits: BudgetLimits, now = () => performance.now()) {
  let since = Number.NEGATIVE_INFINITY;
  let mutations = 0;
  let ms = 0;
  return (entries: number, cost: number): boolean => {
    const time = now();
    if (time - since >= 1000) {
      since = time;
      mutations = ms = 0;
    }
    mutations += entries;
    ms += cost;
    return mutations > limits.mutations || ms > limits.ms;
  };
}

/** Mutation entries of an rrweb record (0 for other records). */
export function mutationEntries(record: { type: number; data?: unknown }): number {
  const data = record.data as { source?: number; [list: string]: unknown } | undefined;
  if (record.type !== 3 || data?.source !== 0) return 0;
  let entries = 0;
  for (const list of ['adds', 'removes', 'attributes', 'texts'])
    entries += (data[list] as unknown[] | undefined)?.length || 0;
  return entries;
}

/**
 * While recording is paused: counts the page's mutations with a plain MutationObserver (far
 * cheaper than recording them) and calls `onCalm` after `limits.calm` ms of seconds under a
 * tenth of the budget. Returns the function that gives up waiting.
 */
export function waitForCalm(
  limits: BudgetLimits,
  onCalm: () => void,
  wrap: <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => void,
): () => void {
  let count = 0;
  let quiet = 0;
  const observer = new MutationObserver(
    wrap((records: MutationRecord[]) => {
      for (const record of records)
        count += 1 + record.addedNodes.length + record.removedNodes.length;
    }),
  );
  observer.observe(document, {
    childList: true,
    attributes: true,
    characterData: true,
    subtree: true,
  });
  const tick = setInterval(
    wrap(() => {
      quiet = count <= limits.mutations / 10 ? quiet + 1000 : 0;
      count = 0;
      if (quiet < limits.calm) return;
      stop();
      onCalm();
    }),
    1000,
  );
  const stop = () => {
    observer.disconnect();
    clearInterval(tick);
  };
  return stop;
}
