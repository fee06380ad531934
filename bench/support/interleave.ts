/**
 * Measures `count` variants `rounds` times each, interleaved: each round runs every variant
 * once, in an order rotated by one each round, so drift in the machine's speed hits all alike.
 * One warm-up pass first (the first navigations compile Chromium's own code paths), not kept.
 */
export async function interleaved<T>(
  count: number,
  rounds: number,
  measure: (variant: number) => Promise<T>,
): Promise<T[][]> {
  const runs: T[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < count; i++) await measure(i);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < count; k++) {
      const i = (round + k) % count;
      (runs[i] as T[]).push(await measure(i));
    }
    process.stdout.write(`\rround ${round + 1}/${rounds}`);
  }
  return runs;
}
