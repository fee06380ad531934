// The conformance suite over HTTP, through the real @clickhouse/client, against chDB behind a
// front that speaks ClickHouse's HTTP interface (testing/chdb-front.ts). Two server processes
// on one ClickHouse: test/e2e/server-scale-out.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, vi } from 'vitest';
import { type ChdbFront, startChdbFront } from '../../testing/chdb-front.js';
import { describeEventStore } from '../conformance.js';
import { openClickHouseStore } from './engine.js';
import { httpExecutor } from './executor.js';
import { chdbBuilt, emptied } from './test-support.js';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const dir = mkdtempSync(path.join(tmpdir(), 'rumkit-chdb-front-'));
let front: ChdbFront | undefined;
const frontUrl = () => (front as ChdbFront).url;

beforeAll(async () => {
  if (chdbBuilt) front = await startChdbFront({ dataDir: path.join(dir, 'clickhouse') });
});
afterAll(async () => {
  await front?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!chdbBuilt)('over HTTP, through a front on chDB', () => {
  describeEventStore('ClickHouse (HTTP)', () => {
    let first = true;
    return {
      open: async () => {
        if (first) await emptied(httpExecutor(frontUrl()), 'conformance');
        first = false;
        return openClickHouseStore({ url: frontUrl(), database: 'conformance' });
      },
    };
  });
});
