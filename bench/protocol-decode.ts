/*
 * Line-protocol codec speed: decode (from a string and from UTF-8 bytes) and encode of a
 * realistic /v1/write/rum body. Target: decoding at 150 MB/s or more on one core.
 *
 *   npx tsx --conditions=source bench/protocol-decode.ts
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { decodeLines, encodeLines, type Point } from '@rumkit/core/protocol';

const TARGET_MB_S = 150;
const BODY_BYTES = 8_000_000;

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = readFileSync(
  path.resolve(here, '../test/fixtures/datakit-rum-sample.lp'),
  'utf8',
).trimEnd();

// A small deterministic generator, so every run measures the same body.
let seed = 42;
function random(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const int = (max: number) => Math.floor(random() * max);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
const uuid = () =>
  [8, 4, 4, 4, 12]
    .map((n) => Array.from({ length: n }, () => int(16).toString(16)).join(''))
    .join('-');
const ns = (maxMs: number) => int(maxMs * 1000) * 1000;

const paths = ['/', '/dist/', '/users/42/orders', '/settings/profile', '/search', '/cart/checkout'];
const hosts = ['shop.example.com', 'static.example-cdn.net', 'api.example.com'];
const browsers = [
  ['Chrome', '120.0.6099.109', '120'],
  ['Safari', '17.2', '17'],
  ['Firefox', '121.0', '121'],
] as const;
const systems = [
  ['Mac OS', '10.15.7', '10'],
  ['Windows', '10', '10'],
  ['Android', '14', '14'],
  ['iOS', '17.2.1', '17'],
] as const;

interface Visit {
  userid: string;
  session: string;
  browser: readonly [string, string, string];
  system: readonly [string, string, string];
  screen: string;
  network: string;
  device: string;
  view: string;
  viewPath: string;
  referrer: string;
}

function newVisit(): Visit {
  return {
    userid: uuid(),
    session: uuid(),
    browser: pick(browsers),
    system: pick(systems),
    screen: pick(['2560*1440', '1920*1080', '390*844']),
    network: pick(['4g', 'wifi', '5g']),
    device: pick(['Apple Macintosh', 'PC', 'iPhone']),
    view: uuid(),
    viewPath: pick(paths),
    referrer: `https://shop.example.com${pick(paths)}`,
  };
}

/** Tags that Guance's web SDK puts on every event (spec §1.4). */
function commonTags(visit: Visit): Record<string, string> {
  const [browser, browserVersion, browserMajor] = visit.browser;
  const [system, systemVersion, systemMajor] = visit.system;
  return {
    sdk_name: 'df_web_rum_sdk',
    sdk_version: '3.2.19',
    app_id: 'appid_2f4e0b9a1c8d47e6b5a3f2e1d0c9b8a7',
    env: 'production',
    service: 'shop-web',
    version: '2.14.0',
    source: 'browser',
    userid: visit.userid,
    session_id: visit.session,
    session_type: 'user',
    session_sampling: 'true',
    is_signin: 'T',
    os: system,
    os_version: systemVersion,
    os_version_major: systemMajor,
    browser,
    browser_version: browserVersion,
    browser_version_major: browserMajor,
    screen_size: visit.screen,
    network_type: visit.network,
    time_zone: 'Asia/Shanghai',
    device: visit.device,
    view_id: visit.view,
    view_referrer: visit.referrer,
    view_url: `https://shop.example.com${visit.viewPath}?ref=mail&utm_source=spring sale`,
    view_host: 'shop.example.com',
    view_path: visit.viewPath,
    view_name: visit.viewPath,
    view_path_group: visit.viewPath.replace(/\d+/g, '?'),
  };
}

function commonFields(): Record<string, string | number | boolean> {
  return {
    view_url_query: '{"ref":"mail","utm_source":"spring sale"}',
    view_in_foreground: true,
    display: '{"viewport":{"width":1440,"height":789}}',
    session_has_replay: false,
    session_sample_rate: 100,
    session_replay_sample_rate: 20,
    drift: int(20),
    custom_keys: '["cart_size","plan"]',
    cart_size: int(12),
    plan: pick(['free', 'team', 'enterprise']),
  };
}

function generatePoint(visit: Visit, time: number): Point {
  const tags = commonTags(visit);
  const fields = commonFields();
  const kind = pick(['view', 'resource', 'resource', 'resource', 'error', 'action', 'long_task']);
  switch (kind) {
    case 'view':
      Object.assign(tags, {
        view_loading_type: pick(['initial_load', 'route_change']),
        view_apdex_level: String(int(4)),
      });
      Object.assign(fields, {
        first_contentful_paint: ns(3000),
        largest_contentful_paint: ns(5000),
        largest_contentful_paint_element_selector: 'main > section.hero > img',
        cumulative_layout_shift: Math.round(random() * 10000) / 100000,
        first_input_delay: ns(300),
        interaction_to_next_paint: ns(500),
        loading_time: ns(6000),
        first_paint_time: ns(2000),
        first_byte: ns(800),
        dom_interactive: ns(2000),
        dom_content_loaded: ns(2500),
        dom_complete: ns(4000),
        load_event: ns(100),
        dom_ready: ns(2500),
        resource_load_time: ns(3000),
        time_to_interactive: ns(2500),
        time_spent: ns(600_000),
        is_active: random() < 0.5,
        view_error_count: int(5),
        view_resource_count: int(80),
        view_long_task_count: int(10),
        view_action_count: int(20),
        frustration_count: int(3),
      });
      break;
    case 'resource': {
      const host = pick(hosts);
      Object.assign(tags, {
        resource_id: uuid(),
        resource_status: pick(['200', '304', '404']),
        resource_status_group: '2xx',
        resource_method: 'GET',
        trace_id: uuid().replace(/-/g, ''),
        span_id: uuid().slice(0, 16),
      });
      Object.assign(fields, {
        resource_url: `https://${host}/assets/app.${uuid().slice(0, 8)}.js?v=2`,
        resource_url_host: host,
        resource_url_path: '/assets/app.js',
        resource_url_path_group: '/assets/?',
        resource_url_query: '{"v":"2"}',
        resource_type: pick(['js', 'css', 'image', 'xhr', 'fetch']),
        resource_protocol: 'h2',
        resource_size: int(500_000),
        resource_encode_size: int(200_000),
        resource_decode_size: int(500_000),
        resource_transfer_size: int(200_000),
        duration: ns(2000),
        resource_dns: ns(50),
        resource_tcp: ns(80),
        resource_ssl: ns(60),
        resource_ttfb: ns(400),
        resource_trans: ns(300),
        resource_first_byte: ns(500),
      });
      break;
    }
    case 'error':
      Object.assign(tags, {
        error_id: uuid(),
        error_source: pick(['source', 'network', 'console']),
        error_type: pick(['TypeError', 'ReferenceError', 'Error']),
        error_handling: 'unhandled',
      });
      Object.assign(fields, {
        error_message: `Cannot read properties of undefined (reading "${pick(['id', 'map', 'length'])}")`,
        error_stack:
          'TypeError: Cannot read properties of undefined\n' +
          '\tat renderCart (https://shop.example.com/assets/app.js:1:4821)\n' +
          '\tat HTMLButtonElement.<anonymous> (https://shop.example.com/assets/app.js:1:9921)\n' +
          '\tat C:\\build\\src\\cart.ts:88:13',
        error_causes: '[]',
      });
      break;
    case 'action':
      Object.assign(tags, { action_type: pick(['click', 'custom']) });
      Object.assign(fields, {
        action_id: uuid(),
        action_name: pick(['Add to cart', 'Checkout "now"', 'Open menu, then close']),
        duration: ns(1500),
        action_error_count: int(2),
        action_resource_count: int(5),
        action_long_task_count: int(2),
        action_target: 'button.btn-primary[data-id=42]',
        action_position: '{"x":120,"y":640}',
      });
      break;
    default:
      Object.assign(tags, { long_task_id: uuid() });
      Object.assign(fields, {
        duration: ns(800),
        blocking_duration: ns(750),
        long_task_start_time: ns(60_000),
      });
  }
  return { measurement: kind, tags, fields, time };
}

/**
 * Like real traffic: each request body is a batch from one browser tab, so the events of a
 * body share their user, session, device and view, while ids and measures vary.
 */
function buildBody(): string {
  const parts = [fixture];
  let bytes = Buffer.byteLength(fixture);
  let time = 1_716_544_492_000;
  let visit = newVisit();
  while (bytes < BODY_BYTES) {
    if (random() < 0.3) visit = newVisit();
    else if (random() < 0.5) Object.assign(visit, { view: uuid(), viewPath: pick(paths) });
    const batch = Array.from({ length: 5 + int(25) }, () => {
      time += int(300);
      return generatePoint(visit, time);
    });
    const text = encodeLines(batch, { precision: 'ms' });
    parts.push(text);
    bytes += Buffer.byteLength(text) + 1;
    if (parts.length % 40 === 0) parts.push(fixture);
  }
  return `${parts.join('\n')}\n`;
}

const mb = (bytes: number) => bytes / 1e6;
const rate = (n: number) => Math.round(n).toLocaleString('en-US');

const body = buildBody();
const bytes = Buffer.from(body, 'utf8');
const points = decodeLines(body, { precision: 'ms' });
const lines = body.split('\n').length - 1;

/** The body cut into requests of at most 16 KiB, the browser SDK's batch size. */
function requests(): string[] {
  const out: string[] = [];
  let lines: string[] = [];
  let size = 0;
  for (const point of points) {
    const line = encodeLines([point], { precision: 'ms' });
    if (size > 0 && size + line.length + 1 > 16 * 1024) {
      out.push(lines.join('\n'));
      lines = [];
      size = 0;
    }
    lines.push(line);
    size += line.length + 1;
  }
  if (lines.length > 0) out.push(lines.join('\n'));
  return out;
}
const batches = requests();

interface Case {
  label: string;
  run: () => unknown;
  bytes: number;
  /** Seconds per run, one entry per round. */
  rounds: number[];
}

const decodeCases: Case[] = [
  { label: 'decode string', run: () => decodeLines(body, { precision: 'ms' }) },
  { label: 'decode UTF-8 Buffer', run: () => decodeLines(bytes, { precision: 'ms' }) },
  { label: 'decode, precision guessed', run: () => decodeLines(body) },
  {
    label: 'decode 16 KiB requests',
    run: () => {
      for (const batch of batches) decodeLines(batch, { precision: 'ms' });
    },
  },
].map((c) => ({ ...c, bytes: bytes.length, rounds: [] }));
const encodeCase: Case = {
  label: 'encode',
  run: () => encodeLines(points, { precision: 'ms' }),
  bytes: bytes.length,
  rounds: [],
};

/** A plain character scan of the body, to show how fast this machine was at the time. */
function scan(text: string): number {
  let commas = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) commas++;
  return commas;
}
const scanCase: Case = {
  label: 'reference: charCodeAt scan',
  run: () => scan(body),
  bytes: bytes.length,
  rounds: [],
};

// Each case starts on a clean heap, so that it does not pay for the garbage of the last.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** Runs the case for about `ms` and records the seconds per run. */
function round(c: Case, ms: number): void {
  collectGarbage();
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms || runs < 2) {
    c.run();
    runs++;
    elapsed = performance.now() - start;
  }
  c.rounds.push(elapsed / 1000 / runs);
}

// This machine (a shared VM) drifts by up to half its speed from minute to minute, so the
// cases take turns, round after round, and each reports its median round and its best; the
// reference scan shows the drift.
const ROUNDS = 7;
const cases = [...decodeCases, encodeCase, scanCase];
for (const c of cases) round(c, 400);
for (const c of cases) c.rounds.length = 0;
for (let r = 0; r < ROUNDS; r++) {
  for (const c of decodeCases) round(c, 500);
  round(encodeCase, 250);
  round(scanCase, 150);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

console.log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.cpus().length} cores`,
);
console.log(
  `body: ${mb(bytes.length).toFixed(2)} MB (1 MB = 1e6 bytes), ${rate(lines)} lines, ` +
    `${rate(points.length)} points; ${batches.length} requests of at most 16 KiB`,
);
console.log(`median of ${ROUNDS} rounds (best round in brackets):`);

function report(c: Case): number {
  const seconds = median(c.rounds);
  const best = Math.min(...c.rounds);
  const mbs = mb(c.bytes) / seconds;
  const decoding = decodeCases.includes(c);
  console.log(
    `  ${c.label.padEnd(26)} ${mbs.toFixed(1).padStart(6)} MB/s (${(mb(c.bytes) / best).toFixed(0)})` +
      (decoding ? `  ${rate(lines / seconds).padStart(9)} lines/s` : '') +
      (c === scanCase ? '' : `  ${rate(points.length / seconds).padStart(9)} points/s`) +
      (decoding ? `  ${(mbs / TARGET_MB_S).toFixed(2)}× target` : ''),
  );
  return mbs;
}

const [fromString, fromBytes] = decodeCases.map(report);
report(encodeCase);
const reference = report(scanCase);
console.log(
  `decoding a string runs at ${(((fromString ?? 0) / reference) * 100).toFixed(0)}% of the ` +
    'speed of a bare character scan (a yardstick for the drift of this machine)',
);
const met = (fromString ?? 0) >= TARGET_MB_S && (fromBytes ?? 0) >= TARGET_MB_S;
console.log(met ? `target of ${TARGET_MB_S} MB/s met` : `below the ${TARGET_MB_S} MB/s target`);
