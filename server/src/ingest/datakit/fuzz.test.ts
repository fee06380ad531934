import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeLines, type Point } from '@rumkit/core/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/index.js';

const fixture = readFileSync(
  path.join(process.env.RUMKIT_FIXTURES as string, 'datakit-rum-sample.lp'),
  'utf8',
).replaceAll('appid_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'fuzz_app');
const BODIES = 2000;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { RUMKIT_GEO: 'off' } });
  await server.registerApp({ app_id: 'fuzz_app' });
}, 60_000);
afterAll(() => server.close());

/** A small PRNG so a failure can be replayed from its seed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = [
  '\\',
  '"',
  ',',
  '=',
  ' ',
  '\n',
  '\r',
  '\t',
  '\u0000',
  'é',
  '💥',
  'i',
  'u',
  '-',
  '.',
  'e',
  '9',
];

function mutate(random: () => number): {
  body: Buffer | string;
  query: string;
  headers: Record<string, string>;
} {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  let text = fixture;
  const edits = 1 + Math.floor(random() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * text.length);
    switch (pick(['insert', 'delete', 'replace', 'truncate', 'duplicate', 'swap'])) {
      case 'insert':
        text = text.slice(0, at) + pick(NASTY) + text.slice(at);
        break;
      case 'delete':
        text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20));
        break;
      case 'replace':
        text = text.slice(0, at) + pick(NASTY) + text.slice(at + 1);
        break;
      case 'truncate':
        text = text.slice(0, at);
        break;
      case 'duplicate':
        text += `\n${text.slice(at, at + 400)}`;
        break;
      case 'swap':
        text = text.slice(at) + text.slice(0, at);
        break;
    }
  }
  const query = pick([
    '?precision=ms',
    '',
    '?precision=n',
    '?precision=s',
    '?precision=h',
    '?precision=zz',
    '?encoding=gzip',
  ]);
  const kind = random();
  if (kind < 0.1)
    return {
      body: Buffer.from(Array.from({ length: 200 }, () => Math.floor(random() * 256))),
      query,
      headers: {},
    };
  if (kind < 0.2)
    return {
      body: JSON.stringify([
        { measurement: 'view', tags: { app_id: 'fuzz_app' }, fields: { x: random() } },
        null,
        7,
      ]),
      query: '',
      headers: { 'content-type': 'application/json' },
    };
  if (kind < 0.3) {
    const gz = gzipSync(text);
    const at = Math.floor(random() * gz.length);
    gz[at] = (gz[at] ?? 0) ^ 0xff;
    return { body: gz, query: '?encoding=gzip', headers: {} };
  }
  return { body: text, query, headers: {} };
}

function goodBatch(i: number): Point[] {
  return Array.from({ length: 5 }, (_, j) => ({
    measurement: 'error',
    tags: { app_id: 'fuzz_app', session_id: `good-${i}`, error_id: `good-${i}-${j}` },
    fields: { error_message: `good ${i}/${j}` },
    time: Date.UTC(2026, 10, 20) + i,
  }));
}

describe('ingest under random and mutated bodies', () => {
  it(`stays up, never answers 5xx and loses no good data over ${BODIES} bodies`, async () => {
    const random = prng(20261125);
    const statuses = new Map<number, number>();
    let goodSent = 0;
    const sendOne = async (i: number) => {
      const isGood = i % 10 === 0;
      const { body, query, headers } = isGood
        ? { body: encodeLines(goodBatch(i)), query: '?precision=ms', headers: {} }
        : mutate(random);
      const response = await fetch(`${server.origin}/v1/write/rum${query}`, {
        method: 'POST',
        body,
        headers,
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (isGood) {
        expect(response.status, `good batch ${i}`).toBe(200);
        goodSent += 5;
      } else {
        expect([200, 400, 403, 413, 415], `body ${i} got ${response.status}`).toContain(
          response.status,
        );
      }
    };
    for (let i = 0; i < BODIES; i += 8) {
      await Promise.all(Array.from({ length: Math.min(8, BODIES - i) }, (_, k) => sendOne(i + k)));
    }
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
    const good = await server.records('error', { where: { app_id: 'fuzz_app' }, limit: 10_000 });
    const ids = new Set(good.map((r) => r.error_id));
    for (let i = 0; i < BODIES; i += 10) {
      for (let j = 0; j < 5; j++) expect(ids.has(`good-${i}-${j}`), `good-${i}-${j}`).toBe(true);
    }
    expect(goodSent).toBe((BODIES / 10) * 5);
    // The mutations reach every path: accepted, partly accepted and refused bodies.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(BODIES / 10);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
