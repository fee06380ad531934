import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain "tests: N passed, N failed, N skipped" line,
 * the closing line that CI reads whatever the runner.
 */
export class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (mod.state() === 'failed' && mod.children.size === 0) failed++;
    }
    const line = `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
    process.stdout.write(`\n${line}\n`);
    // scripts/test.mjs repeats it as the run's last line.
    const dir = path.resolve('node_modules/.cache/rumkit');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'test-summary.txt'), `${line}\n`);
  }
}
