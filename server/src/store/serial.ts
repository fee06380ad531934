/**
 * Runs work one piece at a time, in the order given: each starts when the one before has
 * settled, and a failure is its caller's alone. Engines write this way (a batch reads the
 * state the one before it wrote).
 */
export function serialQueue(first: Promise<unknown> = Promise.resolve()) {
  let tail: Promise<unknown> = first;
  const settled = () => undefined;
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      const run = tail.then(work);
      tail = run.then(settled, settled);
      return run;
    },
    /** Resolves when everything queued so far has settled. */
    idle: (): Promise<void> => tail.then(settled, settled),
  };
}

/** Items grouped by a key, each group in the items' order. */
export function groupBy<T, K extends string>(
  items: readonly T[],
  key: (item: T) => K,
): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
