import { describe, expect, it } from 'vitest';
import { resourceEntry } from '../../../test/helpers.js';
import { resourceType, timingFields } from './timing.js';

describe('resource type', () => {
  it('comes from the initiator, then the file extension', () => {
    const type = (initiatorType: string, name = 'https://a.example/x') =>
      resourceType({ initiatorType, name });
    expect(type('navigation')).toBe('document');
    expect(type('xmlhttprequest')).toBe('xhr');
    expect(type('fetch')).toBe('fetch');
    expect(type('beacon')).toBe('beacon');
    expect(type('script')).toBe('js');
    expect(type('img')).toBe('image');
    expect(type('video')).toBe('media');
    expect(type('link', 'https://a.example/site.css?v=2')).toBe('css');
    expect(type('css', 'https://a.example/font.woff2')).toBe('font');
    expect(type('css', 'https://a.example/bg.PNG')).toBe('image');
    expect(type('other', 'https://a.example/clip.mp4')).toBe('media');
    expect(type('other', 'https://a.example/data')).toBe('other');
  });
});

describe('resource timings', () => {
  it('gives every phase of spec §1.4 in ns, old and new names', () => {
    expect(timingFields(resourceEntry())).toEqual({
      duration: 80_000_000,
      resourceDns: 5_000_000,
      resourceDnsTime: { start: 1_000_000, duration: 5_000_000 },
      resourceTcp: 14_000_000,
      resourceConnectTime: { start: 6_000_000, duration: 14_000_000 },
      resourceSsl: 10_000_000,
      resourceSslTime: { start: 10_000_000, duration: 10_000_000 },
      resourceTtfb: 29_000_000,
      resourceFirstByteTime: { start: 21_000_000, duration: 29_000_000 },
      resourceTrans: 30_000_000,
      resourceDownloadTime: { start: 50_000_000, duration: 30_000_000 },
      resourceFirstByte: 49_000_000,
      resourceSize: 4000,
      resourceEncodeSize: 1000,
      resourceDecodeSize: 4000,
      resourceTransferSize: 1300,
      resourceProtocol: 'h2',
      resourceRenderBlockingStatus: 'non-blocking',
      resourceDeliveryType: 'other',
    });
  });

  it('leaves out phases that took no time (a reused connection)', () => {
    const fields = timingFields(
      resourceEntry({
        domainLookupStart: 100,
        domainLookupEnd: 100,
        connectStart: 100,
        connectEnd: 100,
        secureConnectionStart: 0,
      }),
    );
    expect(Object.keys(fields)).not.toContain('resourceDns');
    expect(Object.keys(fields)).not.toContain('resourceSsl');
    expect(fields.resourceTtfb).toBe(29_000_000);
  });

  it('has only the duration of a cross-origin resource without Timing-Allow-Origin', () => {
    expect(
      timingFields(resourceEntry({ responseStart: 0, requestStart: 0, domainLookupStart: 0 })),
    ).toEqual({ duration: 80_000_000 });
  });
});
