/**
 * Group commit: what arrives while a commit runs waits and shares the next one, so a busy
 * server commits batches instead of a transaction per request. Each call's promise settles
 * with the commit that took its items.
 */
export function groupCommit<T>(commit: (batch: T[]) => Promise<unknown>) {
  let queue: { items: T[]; done: (error?: Error) => void }[] = [];
  let committing: Promise<void> | undefined;

  async function commitLoop() {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await commit(batch.flatMap((pending) => pending.items));
        for (const pending of batch) pending.done();
      } catch (error) {
        for (const pending of batch) pending.done(error as Error);
      }
    }
    committing = undefined;
  }

  return {
    commit: (items: T[]): Promise<void> =>
      items.length === 0
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            queue.push({ items, done: (error) => (error ? reject(error) : resolve()) });
            committing ??= commitLoop();
          }),
    /** Resolves when no commit is running or waiting. */
    async drained() {
      while (committing) await committing;
    },
  };
}
