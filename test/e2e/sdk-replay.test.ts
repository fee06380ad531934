// The session replay recorder in real Chromium: the script-tag build (sdk/dist, built by
// `node sdk/build.mjs`) records pages of this file's own, and a stand-in intake reads the
// multipart segments as the server would (the shared contract of @rumkit/core/replay). What
// happy-dom cannot show is checked here: real layout (hidden blocks keep their size), real
// typing, compression under a strict Content-Security-Policy, the page-exit fallback.
import { inflateSync } from 'node:zlib';
import {
  parseSegmentBody,
  parseSegmentMeta,
  type SegmentBody,
  type SegmentMeta,
} from '@rumkit/core/replay';
import express from 'express';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserForFile, collectPageProblems } from './support/browser.js';
import { eventually } from './support/sdk-page.js';
import { sdkBundle } from './support/sdk-site.js';
import { listen, type Served } from './support/serve.js';

/** Every string value in a JSON text, a line each. */
function stringsOf(json: string): string {
  const out: string[] = [];
  JSON.parse(json, (_key, value) => {
    if (typeof value === 'string') out.push(value);
    return value;
  });
  return out.join('\n');
}

const browser = browserForFile();
const running: Served[] = [];
afterAll(async () => {
  for (const served of running) await served.close();
});

interface Segment {
  meta: SegmentMeta;
  body: SegmentBody;
  json: string;
  compressed: boolean;
  /** `no-cors` from sendBeacon, `cors` from fetch. */
  fetchMode: string | undefined;
}

interface Node {
  type: number;
  id: number;
  tagName?: string;
  textContent?: string;
  attributes?: Record<string, unknown>;
  childNodes?: Node[];
}

const PAGE = `
  <h1 id="title">Checkout</h1>
  <form>
    <label>Name <input id="name" value="Ada Lovelace"></label>
    <label>Password <input id="password" type="password"></label>
    <label>Card <input id="card" autocomplete="cc-number"></label>
    <textarea id="note">Leave it at the door</textarea>
  </form>
  <section id="private" data-gc-privacy="mask"><p>Balance 1,234.56</p><img id="photo" src="/photo.svg" width="40" height="30"></section>
  <div id="secret" data-gc-privacy="hidden" style="width: 120px; height: 80px">Secret 4111</div>
  <p id="open" class="gc-privacy-allow">Open text</p>`;

/** A site with the SDK as a script tag, `PAGE` at every path, and a replay intake. */
async function serveSite(options: { init?: string; csp?: string; status?: () => number } = {}) {
  const segments: Segment[] = [];
  const requested: string[] = [];
  const app = express();
  app.use((req, _res, next) => {
    requested.push(req.path);
    next();
  });
  app.post(
    '/v1/write/rum/replay',
    express.raw({ type: () => true, limit: '10mb' }),
    async (req, res) => {
      const form = await new Response(new Uint8Array(req.body as Buffer), {
        headers: { 'content-type': String(req.get('content-type')) },
      }).formData();
      const fields: Record<string, string> = {};
      let file: File | undefined;
      for (const [name, value] of form.entries()) {
        if (name === 'segment') file = value as File;
        else fields[name] = String(value);
      }
      const bytes = Buffer.from(await (file as File).arrayBuffer());
      const compressed = bytes[0] === 0x78;
      const json = (compressed ? inflateSync(bytes) : bytes).toString('utf8');
      expect(file?.name).toBe(`${fields.session_id}-${fields.start}`);
      segments.push({
        meta: parseSegmentMeta(fields),
        body: parseSegmentBody(json),
        json,
        compressed,
        fetchMode: req.get('sec-fetch-mode'),
      });
      res.status(options.status ? options.status() : 202).json({});
    },
  );
  app.post('/v1/write/rum', (_req, res) => void res.json({}));
  app.get('/assets/rumkit.js', (_req, res) => void res.type('js').send(sdkBundle()));
  app.get(
    '/assets/rumkit-replay.mjs',
    (_req, res) => void res.type('text/javascript').send(sdkBundle('rumkit-replay.mjs')),
  );
  app.get(
    '/assets/init.js',
    (_req, res) =>
      void res
        .type('js')
        .send(
          `RUMKIT.init({ applicationId: 'shop_web', datakitOrigin: location.origin, env: 'e2e', ${options.init ?? ''} }); RUMKIT.startSessionReplayRecording();`,
        ),
  );
  app.get(
    '/photo.svg',
    (_req, res) =>
      void res
        .type('image/svg+xml')
        .send('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"/>'),
  );
  app.get(/^\/(?!assets\/|v1\/).*/, (_req, res) => {
    if (options.csp) res.set('Content-Security-Policy', options.csp);
    res
      .type('html')
      .send(
        `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script src="/assets/rumkit.js"></script><script src="/assets/init.js"></script></head><body>${PAGE}</body></html>`,
      );
  });
  const served = await listen(app);
  running.push(served);
  return { origin: served.origin, segments, requested };
}

/** Hides the page (the SDK flushes) and shows it again. */
async function hide(page: Page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
}

const fullSnapshot = (segments: Segment[]) =>
  (
    segments.flatMap((s) => s.body.records).find((r) => r.type === 2)?.data as
      | { node: Node }
      | undefined
  )?.node as Node;

function findNode(node: Node, match: (node: Node) => boolean): Node | undefined {
  if (match(node)) return node;
  for (const child of node.childNodes || []) {
    const found = findNode(child, match);
    if (found) return found;
  }
  return undefined;
}
const byId = (tree: Node, id: string) => findNode(tree, (n) => n.attributes?.id === id) as Node;
const textOf = (node: Node): string =>
  node.type === 3 ? node.textContent || '' : (node.childNodes || []).map(textOf).join('');

describe('session replay in Chromium', () => {
  it('records segments per view, deflated, masked as the privacy rules say', async () => {
    const site = await serveSite();
    const page = await browser().newPage();
    const problems = collectPageProblems(page);
    await page.goto(`${site.origin}/checkout`);
    // The session opens after the load event; the recorder is loaded then.
    await eventually(() => site.requested.includes('/assets/rumkit-replay.mjs'));
    await page.waitForTimeout(300);
    await page.type('#name', ' Byron');
    await page.type('#password', 'hunter2');
    await page.type('#card', '4111 1111 1111 1111');
    await page.type('#note', ' please');
    await page.evaluate(() => {
      history.pushState({}, '', '/done');
      (document.getElementById('title') as HTMLElement).textContent = 'Thank you';
    });
    await page.waitForTimeout(300);
    await hide(page);
    await eventually(() => site.segments.length >= 2 && site.segments);
    await page.close();

    const segments = site.segments;
    for (const segment of segments) {
      expect(segment.compressed).toBe(true);
      expect(segment.meta).toMatchObject({ app_id: 'shop_web', source: 'browser', env: 'e2e' });
      expect(segment.meta.records_count).toBe(segment.body.records.length);
      expect(segment.meta.raw_segment_size).toBe(Buffer.byteLength(segment.json));
    }
    expect(new Set(segments.map((s) => s.meta.session_id)).size).toBe(1);
    const views = [...new Set(segments.map((s) => s.meta.view_id))];
    expect(views).toHaveLength(2);
    const first = segments[0] as Segment;
    expect(first.meta).toMatchObject({
      creation_reason: 'init',
      index_in_view: 0,
      has_full_snapshot: true,
    });
    const second = segments.find((s) => s.meta.view_id === views[1]) as Segment;
    expect(second.meta).toMatchObject({
      creation_reason: 'view_change',
      index_in_view: 0,
      has_full_snapshot: true,
    });

    const tree = fullSnapshot([first]);
    expect(textOf(byId(tree, 'title'))).toBe('Checkout');
    expect(byId(tree, 'name').attributes?.value).toBe('***');
    expect(byId(tree, 'note').attributes?.value).toBe('xxxxx xx xx xxx xxxx');
    expect(textOf(byId(tree, 'private'))).toBe('xxxxxxx xxxxxxxx');
    expect(String(byId(tree, 'photo').attributes?.src)).toMatch(
      /^data:image\/svg\+xml;.*width%3D%2240%22/,
    );
    // rrweb's block keeps the class and the size only.
    expect(findNode(tree, (n) => n.attributes?.rr_width !== undefined)).toMatchObject({
      attributes: { rr_width: '120px', rr_height: '80px', class: 'rr-block' },
      childNodes: [],
    });
    expect(textOf(byId(tree, 'open'))).toBe('Open text');
    // The new view starts with a snapshot of the page as the route rendered it (taken after the
    // URL change's task, not at it, so the old view's DOM is not serialised again).
    expect(textOf(byId(fullSnapshot([second]), 'title'))).toBe('Thank you');

    // Every string the segments hold (not their numbers: a timestamp may well contain 4111; nor a
    // bare 4111, which a session or view id may hold: the card number is 4111 1111…).
    const all = segments.map((s) => stringsOf(s.json)).join('\n');
    expect(all).not.toMatch(
      /hunter2|4111 1111|Byron|Ada Lovelace|please|Balance|Secret|photo\.svg/,
    );
    // What was typed arrived, masked.
    const inputs = segments
      .flatMap((s) => s.body.records)
      .filter((r) => r.type === 3 && (r.data as { source: number }).source === 5)
      .map((r) => (r.data as { text: string }).text);
    // Fields as *** (one record: the length is not told), the textarea as x, key by key (the
    // cursor was at its start).
    expect(inputs.filter((text) => text === '***')).toHaveLength(3);
    expect(inputs.at(-1)).toBe(' xxxxxxxxxxx xx xx xxx xxxx');
    expect(problems).toEqual([]);
  });

  it('runs under a strict Content-Security-Policy: no blob: worker, compression on', async () => {
    const csp =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; worker-src 'none'";
    const site = await serveSite({ csp });
    const page = await browser().newPage();
    const problems = collectPageProblems(page);
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as never as { violations: string[] }).violations ??= [];
        (window as never as { violations: string[] }).violations.push(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    await page.goto(`${site.origin}/`);
    await eventually(() => site.requested.includes('/assets/rumkit-replay.mjs'));
    await page.waitForTimeout(300);
    await hide(page);
    await eventually(() => site.segments.length >= 1);
    expect(
      await page.evaluate(() => (window as never as { violations?: string[] }).violations ?? []),
    ).toEqual([]);
    await page.close();
    expect(site.segments[0]?.compressed).toBe(true);
    expect(problems).toEqual([]);
  });

  it('puts nothing into the page it records: no hidden iframe for pristine prototypes', async () => {
    const site = await serveSite();
    const page = await browser().newPage();
    // Every element added to the document from its first byte: the page's own, and any other.
    await page.addInitScript(`window.added = [];
      new MutationObserver((list) => {
        for (const m of list) for (const n of m.addedNodes) if (n.nodeType === 1) window.added.push(n.nodeName);
      }).observe(document, { childList: true, subtree: true });`);
    await page.goto(`${site.origin}/`);
    await eventually(() => site.requested.includes('/assets/rumkit-replay.mjs'));
    await page.waitForTimeout(300);
    await page.type('#name', 'x');
    await hide(page);
    await eventually(() => site.segments.length >= 1);
    const added = (await page.evaluate('window.added')) as string[];
    await page.close();
    expect(added).toContain('FORM');
    // rrweb 2.1.6 would add and remove one (sdk/rrwebPatch.mjs).
    expect(added.filter((name) => name === 'IFRAME')).toEqual([]);
  });

  it('at page exit sends the last segment deflated there and then, however large', async () => {
    const site = await serveSite();
    const page = await browser().newPage();
    await page.goto(`${site.origin}/`);
    await eventually(() => site.requested.includes('/assets/rumkit-replay.mjs'));
    await page.waitForTimeout(300);
    // A first segment deflated while the page lives: later ones hold that many times more JSON.
    await hide(page);
    await eventually(() => site.segments.length === 1);
    await page.type('#name', 'x');
    // ~200 KB of mutations, more than sendBeacon and keepalive take together as JSON (64 KiB).
    await page.evaluate(() => {
      const list = document.createElement('ul');
      for (let i = 0; i < 3000; i++) {
        const item = document.createElement('li');
        item.className = `row row-${i}`;
        item.textContent = `Order ${i}: 3 items, shipped`;
        list.append(item);
      }
      document.body.append(list);
    });
    await page.goto('about:blank');
    // The CompressionStream cannot finish before the page is gone: the segment is deflated
    // synchronously at the exit, and arrives.
    const exit = await eventually(() => site.segments[1]);
    await page.close();
    expect(site.segments.map((s) => s.compressed)).toEqual([true, true]);
    // Small enough for sendBeacon, which takes 64 KiB at most.
    expect(exit.fetchMode).toBe('no-cors');
    expect(exit.meta.records_count).toBe(exit.body.records.length);
    expect(Number(exit.meta.raw_segment_size)).toBeGreaterThan(64 * 1024);
    expect(exit.json).toContain('Order 2999');
    expect(exit.json).not.toContain('"x"');
  });

  it('does not fetch the recorder for a session not sampled for replay', async () => {
    const site = await serveSite({ init: 'sessionReplaySampleRate: 0' });
    const page = await browser().newPage();
    await page.goto(`${site.origin}/`);
    await page.waitForTimeout(2000);
    await hide(page);
    await page.waitForTimeout(300);
    await page.close();
    expect(site.requested.filter((path) => path.includes('replay'))).toEqual([]);
  });
});
