import { isIPv4, isIPv6 } from 'node:net';

/** Request headers as Node hands them over (names lower-cased). */
export type HeaderBag = Record<string, string | string[] | undefined>;

/** How DataKit classes a source address (spec §1.11); only `public` ones are looked up. */
export type IpClass = 'public' | 'private' | 'illegal';

// The longest textual address worth reading: a full IPv6 with an IPv4 tail is 45 characters;
// with brackets, a zone and a port a little more. Anything longer is not an address.
const MAX_ADDRESS_TEXT = 64;

/**
 * The client's IP as DataKit determines it (spec §1.11): the configured header, then
 * X-Forwarded-For, then X-Real-IP, then the socket's address. From a list it takes the first
 * entry; a port, brackets, a zone and the `::ffff:` prefix of an IPv4-mapped address are
 * stripped. A source whose first entry is not an address is skipped, so a forged or broken
 * header falls back to the next source. Undefined when no source holds an address.
 *
 * A configured header of `forwarded` is read as RFC 7239 (`for=...`).
 */
export function clientIp(
  headers: HeaderBag,
  remoteAddress: string | undefined,
  trustedHeader = 'x-forwarded-for',
): string | undefined {
  const configured = trustedHeader.toLowerCase();
  for (const name of [configured, 'x-forwarded-for', 'x-real-ip']) {
    const ip = fromHeader(headers[name], name === 'forwarded');
    if (ip !== undefined) return ip;
  }
  return remoteAddress === undefined ? undefined : normalizeIp(remoteAddress);
}

function fromHeader(value: string | string[] | undefined, rfc7239: boolean): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' || text === '') return undefined;
  const comma = text.indexOf(',');
  let first = comma === -1 ? text : text.slice(0, comma);
  if (rfc7239) first = forwardedFor(first) ?? '';
  return normalizeIp(first);
}

/** `for=192.0.2.60;proto=http` or `For="[2001:db8::1]:4711"` → the quoted address. */
function forwardedFor(element: string): string | undefined {
  for (const pair of element.split(';')) {
    const eq = pair.indexOf('=');
    if (eq !== -1 && pair.slice(0, eq).trim().toLowerCase() === 'for') {
      return pair
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
    }
  }
  return undefined;
}

/**
 * One address as text → its canonical short form (IPv6 lower-cased, IPv4-mapped IPv6 as
 * IPv4), or undefined when it is not an address. Accepts `1.2.3.4:80`, `[::1]:443`, `[::1]`,
 * `fe80::1%eth0` and surrounding spaces.
 */
export function normalizeIp(text: string): string | undefined {
  if (typeof text !== 'string' || text.length > MAX_ADDRESS_TEXT) return undefined;
  let s = text.trim();
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close === -1) return undefined;
    const rest = s.slice(close + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return undefined;
    s = s.slice(1, close);
  } else if (s.indexOf(':') !== -1 && s.indexOf(':') === s.lastIndexOf(':')) {
    // Exactly one colon: an IPv4 address with a port (IPv6 has at least two).
    const [host, port] = s.split(':') as [string, string];
    if (!/^\d{1,5}$/.test(port)) return undefined;
    s = host;
  }
  const percent = s.indexOf('%');
  if (percent !== -1) s = s.slice(0, percent);
  if (isIPv4(s)) return s;
  if (!isIPv6(s)) return undefined;
  s = s.toLowerCase();
  const words = ipv6Words(s);
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) {
    return `${words[6]! >>> 8}.${words[6]! & 0xff}.${words[7]! >>> 8}.${words[7]! & 0xff}`;
  }
  return s;
}

/**
 * `private`: loopback, RFC 1918, link-local, carrier-grade NAT (100.64/10), unique local
 * (fc00::/7). `illegal`: not an address, or one no client sends from (unspecified,
 * multicast, broadcast, 240/4). Everything else is `public`.
 */
export function classifyIp(ip: string): IpClass {
  const normalized = normalizeIp(ip);
  if (normalized === undefined) return 'illegal';
  if (isIPv4(normalized)) return classifyV4(ipv4ToInt(normalized));
  return classifyV6(ipv6Words(normalized));
}

function classifyV4(n: number): IpClass {
  const a = n >>> 24;
  const b = (n >>> 16) & 0xff;
  if (a === 0 || a >= 224) return 'illegal'; // this network, multicast, reserved, broadcast
  if (a === 10 || a === 127) return 'private';
  if (a === 172 && b >= 16 && b <= 31) return 'private';
  if (a === 192 && b === 168) return 'private';
  if (a === 169 && b === 254) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private';
  return 'public';
}

function classifyV6(words: number[]): IpClass {
  const first = words[0] as number;
  if (words.every((w) => w === 0)) return 'illegal'; // ::
  if (words.slice(0, 7).every((w) => w === 0) && words[7] === 1) return 'private'; // ::1
  if ((first & 0xff00) === 0xff00) return 'illegal'; // multicast
  if ((first & 0xffc0) === 0xfe80) return 'private'; // link-local
  if ((first & 0xfe00) === 0xfc00) return 'private'; // unique local
  // IPv4-compatible and NAT64 forms carry an IPv4 address whose class decides.
  if (words.slice(0, 6).every((w) => w === 0) || (first === 0x64 && words[1] === 0xff9b)) {
    return classifyV4((((words[6] as number) << 16) | (words[7] as number)) >>> 0);
  }
  return 'public';
}

function ipv4ToInt(ip: string): number {
  let n = 0;
  for (const part of ip.split('.')) n = n * 256 + Number(part);
  return n >>> 0;
}

/** A valid IPv6 address → its eight 16-bit words. */
function ipv6Words(ip: string): number[] {
  let text = ip;
  const tail: number[] = [];
  const dot = text.lastIndexOf('.');
  if (dot !== -1) {
    const colon = text.lastIndexOf(':');
    const v4 = ipv4ToInt(text.slice(colon + 1));
    tail.push(v4 >>> 16, v4 & 0xffff);
    text = `${text.slice(0, colon + 1)}0`; // placeholder word, dropped below
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((w) => Number.parseInt(w, 16)));
  const left = parse(head);
  const right = rest === undefined ? [] : parse(rest);
  if (tail.length > 0) (right.length > 0 ? right : left).pop();
  const missing = 8 - left.length - right.length - tail.length;
  const zeros = rest === undefined ? [] : new Array<number>(missing).fill(0);
  return [...left, ...zeros, ...right, ...tail];
}
