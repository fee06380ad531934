import { afterEach, describe, expect, it, vi } from 'vitest';
import { networkType, parseUserAgent } from './device.js';

const UA = {
  chromeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.91 Safari/537.36',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.67',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
  chromeAndroidTablet:
    'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Safari/537.36',
};

describe('the device tags', () => {
  it('reads browser, system and device type from the user agent', () => {
    expect(parseUserAgent(UA.chromeMac)).toEqual({
      device: 'PC',
      os: 'Mac OS',
      osVersion: '10.15.7',
      osVersionMajor: '10',
      browser: 'Chrome',
      browserVersion: '124.0.6367.91',
      browserVersionMajor: '124',
    });
    expect(parseUserAgent(UA.edgeWindows)).toMatchObject({
      os: 'Windows',
      osVersion: '10.0',
      browser: 'Edge',
      browserVersionMajor: '124',
    });
    expect(parseUserAgent(UA.safariIphone)).toMatchObject({
      device: 'Mobile',
      os: 'iOS',
      osVersion: '17.4.1',
      browser: 'Safari',
    });
    expect(parseUserAgent(UA.firefoxLinux)).toMatchObject({
      device: 'PC',
      os: 'Linux',
      browser: 'Firefox',
      browserVersion: '125.0',
    });
    expect(parseUserAgent(UA.chromeAndroidTablet)).toMatchObject({
      device: 'Tablet',
      os: 'Android',
      osVersion: '14',
    });
  });

  it('leaves out what an unknown user agent does not tell', () => {
    expect(parseUserAgent('curl/8.0')).toEqual({ device: 'PC' });
  });
});

describe('network_type', () => {
  afterEach(() => vi.unstubAllGlobals());
  const stub = (onLine: boolean, connection?: object) =>
    vi.stubGlobal('navigator', { onLine, connection });

  it('says wifi, the effective cellular type, unknown or unreachable', () => {
    stub(true, { type: 'wifi', effectiveType: '4g' });
    expect(networkType()).toBe('wifi');
    stub(true, { effectiveType: 'slow-2g' });
    expect(networkType()).toBe('2g');
    stub(true, { effectiveType: '3g' });
    expect(networkType()).toBe('3g');
    stub(true);
    expect(networkType()).toBe('unknown');
    stub(false, { effectiveType: '4g' });
    expect(networkType()).toBe('unreachable');
  });
});
