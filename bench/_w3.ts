import { mkdtempSync } from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { trafficRequests } from '@rumkit/server/demo';
import { processBody } from '../server/src/ingest/datakit/pipeline.js';
import { openDuckDbStore } from '../server/src/store/duckdb/engine.js';
const file = process.argv[2] === 'big' ? '/tmp/big.duckdb' : path.join(mkdtempSync(path.join(os.tmpdir(),'w-')), 'e.duckdb');
const to = Date.now(), from = to - 3*86400000;
const apps = [{appId:'a',type:'web'},{appId:'b',type:'android'}] as const;
const reqs = [...trafficRequests({apps: apps as any, from, to, sessionsPerHour: 200, seed: 7, viewsPerSession: 0.3}, {pointsPerBody: 1000})].slice(0, 60);
const appMap = new Map(apps.map(a => [a.appId, {appId: a.appId, workspaceId: 'w', allowedOrigins: [], clientToken: null}]));
const store = await openDuckDbStore({ path: file });
const outs = reqs.map(r => processBody({ body: Buffer.from(r.body), format: 'lines', precision: 'ms', ip: r.clientIp } as any, appMap as any, undefined).rows);
const c0 = process.cpuUsage(); const w0 = performance.now(); let n = 0;
for (const rows of outs) { await store.write(rows); n += rows.length; }
const c = process.cpuUsage(c0); const wall = performance.now() - w0;
console.log(`${process.argv[2]}: write cpu ${((c.user+c.system)/n).toFixed(1)} us/row, wall ${(wall*1000/n).toFixed(1)} us/row`);
await store.close();
