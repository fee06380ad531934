import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGeoLookup, ispName } from './geo.js';

// These tests read the real DB-IP and ip2region databases installed with the server; the
// expected places are what this DB-IP release says, not necessarily where a host really is.

const UNKNOWN = {
  country: 'unknown',
  country_iso_code: 'unknown',
  province: 'unknown',
  city: 'unknown',
  isp: 'unknown',
};

describe('createGeoLookup', () => {
  it('resolves public IPv4 addresses to country, ISO code, province, city and ISP', () => {
    const geo = createGeoLookup();
    expect(geo.lookup('8.8.8.8')).toEqual({
      ip: '8.8.8.8',
      country: 'United States',
      country_iso_code: 'US',
      province: 'California',
      city: 'Mountain View',
      isp: 'Level3',
    });
    expect(geo.lookup('202.96.209.133')).toEqual({
      ip: '202.96.209.133',
      country: 'China',
      country_iso_code: 'CN',
      province: 'Shanghai',
      city: 'Shanghai',
      isp: 'chinanet',
    });
    expect(geo.lookup('81.2.69.142')).toMatchObject({
      country: 'United Kingdom',
      country_iso_code: 'GB',
      province: 'England',
      city: 'London',
      isp: 'unknown', // ip2region has no carrier for it, and DataKit's names are Chinese ones
    });
  });

  it('names Chinese carriers as DataKit does', () => {
    const geo = createGeoLookup();
    expect(geo.lookup('61.135.169.121')).toMatchObject({ province: 'Beijing', isp: 'unicom' });
    expect(geo.lookup('211.136.17.107')).toMatchObject({ country: 'China', isp: 'cmcc' });
    expect(geo.lookup('202.112.0.36')).toMatchObject({ isp: 'cernet' });
    expect(geo.lookup('159.226.1.1')).toMatchObject({ isp: 'cstnet' });
    // Not a carrier DataKit names, and not ASCII: unknown rather than 阿里云.
    expect(geo.lookup('223.5.5.5')).toMatchObject({ city: 'Hangzhou', isp: 'unknown' });
  });

  it('does not take foreign telecoms for China Telecom', () => {
    const geo = createGeoLookup();
    // ip2region calls Deutsche Telekom 电信 and Chunghwa Telecom 中华电信.
    expect(geo.lookup('79.192.1.2')).toMatchObject({ country_iso_code: 'DE', isp: 'unknown' });
    expect(geo.lookup('1.34.0.1')).toMatchObject({ province: 'Taiwan', isp: 'unknown' });
    expect(geo.lookup('49.36.1.2')).toMatchObject({ country: 'India', isp: 'JIO' });
  });

  it('reports Hong Kong, Macau and Taiwan as regions of China', () => {
    const geo = createGeoLookup();
    expect(geo.lookup('210.0.128.1')).toMatchObject({
      country: 'China',
      country_iso_code: 'CN',
      province: 'Hong Kong',
      city: 'Hong Kong',
    });
    expect(geo.lookup('202.175.3.3')).toMatchObject({ country_iso_code: 'CN', province: 'Macau' });
    expect(geo.lookup('1.34.0.1')).toMatchObject({
      country: 'China',
      province: 'Taiwan',
      city: 'Taipei',
    });
  });

  it('resolves IPv6 addresses, loading the IPv6 databases only then', () => {
    const geo = createGeoLookup();
    geo.lookup('8.8.8.8');
    expect(geo.status()).toMatchObject({ ipv4: 'loaded', ipv6: 'not loaded', isp: 'loaded' });
    expect(geo.status().ispIpv6).toBe('not loaded');
    expect(geo.lookup('2400:3200::1')).toEqual({
      ip: '2400:3200::1',
      country: 'China',
      country_iso_code: 'CN',
      province: 'Zhejiang',
      city: 'Hangzhou',
      isp: 'unknown',
    });
    expect(geo.lookup('240e:47d:c20:1627:30a3:ba0d:a5e6:ec19')).toMatchObject({
      country: 'China',
      isp: 'chinanet',
    });
    expect(geo.lookup('2A00:1450:4001:81C::200E')).toMatchObject({
      ip: '2a00:1450:4001:81c::200e',
      country: 'Germany',
      city: 'Frankfurt am Main',
    });
    expect(geo.status()).toMatchObject({ ipv6: 'loaded', ispIpv6: 'loaded', errors: [] });
  });

  it('loads nothing before the first public address', () => {
    const geo = createGeoLookup();
    geo.lookup('10.0.0.1');
    geo.lookup('::1');
    geo.lookup('garbage');
    expect(geo.status()).toMatchObject({
      ipv4: 'not loaded',
      ipv6: 'not loaded',
      isp: 'not loaded',
    });
  });

  it('gives unknown for private addresses but keeps the address', () => {
    const geo = createGeoLookup();
    for (const ip of ['10.0.0.1', '192.168.1.20', '127.0.0.1', '100.64.3.4', 'fd00::1', '::1']) {
      expect(geo.lookup(ip)).toEqual({ ip, ...UNKNOWN });
    }
    expect(geo.lookup('::ffff:192.168.1.20')).toEqual({ ip: '192.168.1.20', ...UNKNOWN });
  });

  it('gives unknown everywhere for garbage, illegal and missing addresses', () => {
    const geo = createGeoLookup();
    for (const bad of [
      '',
      'localhost',
      '1.2.3',
      '999.1.1.1',
      '0.0.0.0',
      '224.0.0.1',
      'x'.repeat(1e5),
    ]) {
      const tags = geo.lookup(bad);
      expect(tags.country).toBe('unknown');
      if (bad !== '0.0.0.0' && bad !== '224.0.0.1')
        expect(tags).toEqual({ ip: 'unknown', ...UNKNOWN });
    }
    expect(geo.lookup(undefined)).toEqual({ ip: 'unknown', ...UNKNOWN });
    expect(geo.lookup(42 as unknown as string)).toEqual({ ip: 'unknown', ...UNKNOWN });
  });

  it('never throws, and every value is a non-empty string', () => {
    const geo = createGeoLookup({ cacheSize: 100 });
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4Extended(), fc.string()), (ip) => {
        const tags = geo.lookup(ip);
        for (const value of Object.values(tags)) {
          expect(typeof value).toBe('string');
          expect(value).not.toBe('');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a bounded cache and answers repeated addresses from it', () => {
    const geo = createGeoLookup({ cacheSize: 3 });
    const first = geo.lookup('8.8.8.8');
    expect(geo.lookup('8.8.8.8')).toBe(first);
    for (const ip of ['1.1.1.1', '81.2.69.142', '202.96.209.133']) geo.lookup(ip);
    expect(geo.status().cached).toBe(3);
    // 8.8.8.8 was the least recently used, so it was dropped: a new, equal object.
    const again = geo.lookup('8.8.8.8');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(Object.isFrozen(again)).toBe(true);
  });

  it('leaves the ISP unknown when ip2region is switched off', () => {
    const geo = createGeoLookup({ isp: false });
    expect(geo.lookup('202.96.209.133')).toMatchObject({ city: 'Shanghai', isp: 'unknown' });
    expect(geo.status().isp).toBe('disabled');
  });

  it('reports a database that cannot be read and still answers', () => {
    const geo = createGeoLookup({ ipv4Database: '/nonexistent/city.mmdb', isp: false });
    expect(geo.lookup('8.8.8.8')).toEqual({ ip: '8.8.8.8', ...UNKNOWN });
    expect(geo.status().ipv4).toBe('failed');
    expect(geo.status().errors[0]).toMatch(/IPv4 city database: .*nonexistent/);
  });
});

describe('ispName', () => {
  it.each([
    ['电信', 'chinanet'],
    ['中国电信CTNET网络', 'chinanet'],
    ['联通', 'unicom'],
    ['移动', 'cmcc'],
    ['铁通', 'crtc'],
    ['教育网', 'cernet'],
    ['鹏博士', 'drpeng'],
    ['电信通', 'drpeng'],
    ['科技网', 'cstnet'],
    ['Level3', 'Level3'],
    ['阿里云', 'unknown'],
    ['内网IP', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('%s → %s', (raw, expected) => {
    expect(ispName(raw, true)).toBe(expected);
  });

  it('names Chinese carriers only for mainland addresses', () => {
    expect(ispName('电信', false)).toBe('unknown');
    expect(ispName('KDDI', false)).toBe('KDDI');
  });
});
