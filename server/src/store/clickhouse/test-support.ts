// Test-only helpers of the ClickHouse engine's tests; nothing in src imports this file.
import { quote } from './ddl.js';
import type { Executor } from './executor.js';

/** chDB has builds for Linux and macOS on x64 and arm64 only (scripts/ensure.mjs installs it). */
export const chdbBuilt =
  ['linux', 'darwin'].includes(process.platform) && ['x64', 'arm64'].includes(process.arch);

/**
 * Empties every table of a database, then closes the executor. Conformance tests start from
 * one database emptied: making eight tables per test cost more than the test.
 */
export async function emptied(executor: Executor, database: string): Promise<void> {
  try {
    const tables = await executor.query<{ name: string }>(
      'SELECT name FROM system.tables WHERE database = {d:String}',
      { d: database },
    );
    for (const { name } of tables)
      await executor.command(`TRUNCATE TABLE ${quote(database)}.${quote(name)}`);
  } finally {
    await executor.close();
  }
}
