/*
 * Geo lookup speed (server/src/ingest/enrich/geo.ts): how many client addresses a second the
 * ingest worker can turn into country, province, city and ISP tags.
 *
 *   npm run bench -- ingest-geo
 *
 * Cases: the first lookup (loads the IPv4 databases), distinct public IPv4 and IPv6
 * addresses with the cache off (every lookup reads DB-IP and ip2region), the same with a
 * cache that holds them all (hits), and the client addresses of the demo traffic in the
 * order its requests arrive (the real mix of hits and misses).
 */
import os from 'node:os';
import { createRandom, generateBatches } from '@rumkit/server/demo';
import { createGeoLookup } from '@rumkit/server/enrich';

const random = createRandom(1);

function publicIpv4(): string {
  for (;;) {
    const a = 1 + random.int(223);
    if (a === 10 || a === 127 || a === 100 || a === 169 || a === 172 || a === 192) continue;
    return `${a}.${random.int(256)}.${random.int(256)}.${1 + random.int(254)}`;
  }
}

function publicIpv6(): string {
  const prefix = random.pick(['2001', '2400', '2408', '240e', '2601', '2a00', '2a02', '2c0f']);
  const word = () => random.int(65536).toString(16);
  return `${prefix}:${word()}:${word()}:${word()}::${word()}`;
}

function measure(name: string, ips: readonly string[], lookup: (ip: string) => unknown) {
  const rounds: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (const ip of ips) lookup(ip);
    rounds.push(ips.length / ((performance.now() - start) / 1000));
  }
  rounds.sort((a, b) => a - b);
  const median = rounds[2] as number;
  console.log(
    `  ${name.padEnd(44)} ${Math.round(median).toLocaleString('en-US').padStart(12)} lookups/s (best ${Math.round(rounds[4] as number).toLocaleString('en-US')})`,
  );
}

const cpu = os.cpus()[0]?.model.trim();
console.log(`node ${process.version}, ${cpu}, ${os.cpus().length} cores; median of 5 rounds`);

const first = createGeoLookup();
let start = performance.now();
first.lookup('8.8.8.8');
console.log(
  `  first IPv4 lookup (loads DB-IP IPv4 + ip2region)   ${Math.round(performance.now() - start)} ms`,
);
start = performance.now();
first.lookup('2001:4860:4860::8888');
console.log(
  `  first IPv6 lookup (loads DB-IP IPv6 + ip2region)   ${Math.round(performance.now() - start)} ms`,
);

const v4 = Array.from({ length: 50_000 }, publicIpv4);
const v6 = Array.from({ length: 20_000 }, publicIpv6);
const uncached = createGeoLookup({ cacheSize: 0 });
uncached.lookup('8.8.8.8');
uncached.lookup('2001:4860:4860::8888');
measure('IPv4, distinct, no cache (misses)', v4, (ip) => uncached.lookup(ip));
measure('IPv6, distinct, no cache (misses)', v6, (ip) => uncached.lookup(ip));
const noIsp = createGeoLookup({ cacheSize: 0, isp: false });
noIsp.lookup('8.8.8.8');
measure('IPv4, distinct, no cache, without ISP', v4, (ip) => noIsp.lookup(ip));
const cached = createGeoLookup({ cacheSize: 100_000 });
for (const ip of v4) cached.lookup(ip);
measure('IPv4, all in the cache (hits)', v4, (ip) => cached.lookup(ip));

// The demo traffic's requests: one address per session, many requests per session.
const to = Date.UTC(2026, 10, 23);
const arrivals: string[] = [];
for (const batch of generateBatches({
  apps: [
    { appId: 'geo_web', type: 'web' },
    { appId: 'geo_android', type: 'android' },
    { appId: 'geo_miniapp', type: 'miniapp' },
  ],
  from: to - 24 * 3_600_000,
  to,
  sessionsPerHour: 40,
  seed: 3,
})) {
  arrivals.push(batch.clientIp);
}
const distinct = new Set(arrivals).size;
const real = createGeoLookup();
real.lookup('8.8.8.8');
real.lookup('2001:4860:4860::8888');
const startAll = performance.now();
for (const ip of arrivals) real.lookup(ip);
const perSecond = arrivals.length / ((performance.now() - startAll) / 1000);
console.log(
  `${`  demo traffic, ${arrivals.length.toLocaleString('en-US')} requests from ${distinct.toLocaleString('en-US')} addresses, default cache`.padEnd(
    46,
  )} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} lookups/s (first pass)`,
);
