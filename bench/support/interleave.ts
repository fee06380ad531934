import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../test/e2e/support/browser.ts';
import type { Served } from '../../test/e2e/support/serve.ts';

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

/**
 * `interleaved` over one page per variant, each served by its own server: one browser for all
 * the runs, and the browser and the servers closed at the end, whatever happens.
 */
export async function interleavedPages<T>(
  servers: Served[],
  rounds: number,
  measure: (browser: Browser, url: string) => Promise<T>,
): Promise<T[][]> {
  const browser = await launchBrowser();
  try {
    return await interleaved(servers.length, rounds, (i) =>
      measure(browser, `${servers[i]?.origin}/`),
    );
  } finally {
    await browser.close();
    for (const server of servers) await server.close();
  }
}
