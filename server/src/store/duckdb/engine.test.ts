import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { describeEventStore } from '../conformance.js';
import { openDuckDbStore } from './engine.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeEventStore('DuckDB', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rumkit-duckdb-'));
  dirs.push(dir);
  return { open: () => openDuckDbStore({ path: path.join(dir, 'events.duckdb'), threads: 2 }) };
});
