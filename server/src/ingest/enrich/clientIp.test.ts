import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyIp, clientIp, normalizeIp } from './clientIp.js';

describe('clientIp', () => {
  it('prefers the configured header, then X-Forwarded-For, X-Real-IP and the socket', () => {
    const all = {
      'cf-connecting-ip': '203.0.113.9',
      'x-forwarded-for': '198.51.100.7',
      'x-real-ip': '192.0.2.44',
    };
    expect(clientIp(all, '10.0.0.1', 'CF-Connecting-IP')).toBe('203.0.113.9');
    expect(clientIp(all, '10.0.0.1')).toBe('198.51.100.7');
    expect(clientIp({ 'x-real-ip': '192.0.2.44' }, '10.0.0.1')).toBe('192.0.2.44');
    expect(clientIp({}, '10.0.0.1')).toBe('10.0.0.1');
  });

  it('takes the first address of a proxy chain', () => {
    expect(clientIp({ 'x-forwarded-for': '8.8.8.8, 10.0.0.2,172.16.0.1' }, '127.0.0.1')).toBe(
      '8.8.8.8',
    );
    expect(clientIp({ 'x-forwarded-for': ['1.1.1.1, 10.0.0.2', '9.9.9.9'] }, undefined)).toBe(
      '1.1.1.1',
    );
  });

  it('strips ports, brackets, zones and the IPv4-mapped prefix', () => {
    expect(clientIp({ 'x-forwarded-for': '81.2.69.142:51234' }, undefined)).toBe('81.2.69.142');
    expect(clientIp({ 'x-forwarded-for': '[2001:db8::1]:443' }, undefined)).toBe('2001:db8::1');
    expect(clientIp({ 'x-real-ip': '[2001:DB8::A]' }, undefined)).toBe('2001:db8::a');
    expect(clientIp({}, '::ffff:202.96.209.133')).toBe('202.96.209.133');
    expect(clientIp({}, '::FFFF:808:808')).toBe('8.8.8.8');
    expect(clientIp({}, 'fe80::1%eth0')).toBe('fe80::1');
  });

  it('skips a header whose first entry is not an address', () => {
    const headers = { 'x-forwarded-for': 'unknown, 8.8.8.8', 'x-real-ip': '1.1.1.1' };
    expect(clientIp(headers, '127.0.0.1')).toBe('1.1.1.1');
    expect(clientIp({ 'x-forwarded-for': '', 'x-real-ip': '999.1.1.1' }, '::1')).toBe('::1');
    expect(clientIp({ 'x-forwarded-for': '1.2.3.4:http' }, undefined)).toBeUndefined();
    expect(clientIp({}, undefined)).toBeUndefined();
    expect(clientIp({ 'x-forwarded-for': 'x'.repeat(10_000) }, 'garbage')).toBeUndefined();
  });

  it('reads an RFC 7239 Forwarded header when that is the configured one', () => {
    const headers = { forwarded: 'for="[2001:db8:cafe::17]:4711";proto=https, for=192.0.2.43' };
    expect(clientIp(headers, '10.0.0.1', 'forwarded')).toBe('2001:db8:cafe::17');
    expect(clientIp({ forwarded: 'For=192.0.2.60;by=203.0.113.43' }, '', 'Forwarded')).toBe(
      '192.0.2.60',
    );
  });

  it('never throws and returns either undefined or a normalised address', () => {
    const header = fc.oneof(
      fc.string(),
      fc.ipV4(),
      fc.ipV6(),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(header, header, fc.option(fc.string()), (xff, real, remote) => {
        const ip = clientIp({ 'x-forwarded-for': xff, 'x-real-ip': real }, remote ?? undefined);
        if (ip !== undefined) expect(normalizeIp(ip)).toBe(ip);
      }),
    );
  });
});

describe('classifyIp', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['202.96.209.133', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['127.0.0.1', 'private'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['169.254.0.5', 'private'],
    ['100.64.0.1', 'private'],
    ['100.127.255.254', 'private'],
    ['100.128.0.1', 'public'],
    ['::1', 'private'],
    ['fe80::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fc00::1', 'private'],
    ['::ffff:192.168.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['0.0.0.0', 'illegal'],
    ['::', 'illegal'],
    ['224.0.0.1', 'illegal'],
    ['255.255.255.255', 'illegal'],
    ['ff02::1', 'illegal'],
    ['256.1.1.1', 'illegal'],
    ['not an ip', 'illegal'],
    ['', 'illegal'],
  ] as const)('%s is %s', (ip, expected) => {
    expect(classifyIp(ip)).toBe(expected);
  });

  it('classes every generated address without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4Extended(), fc.string()), (ip) => {
        expect(['public', 'private', 'illegal']).toContain(classifyIp(ip));
      }),
    );
  });
});
