import { statusGroup } from '@rumkit/core/rules';
import { ns } from '../../tools/time.js';
import type { Context } from '../../types.js';

const BY_INITIATOR: Record<string, string> = {
  navigation: 'document',
  xmlhttprequest: 'xhr',
  fetch: 'fetch',
  beacon: 'beacon',
  script: 'js',
  img: 'image',
  image: 'image',
  video: 'media',
  audio: 'media',
};
const BY_EXTENSION =
  /\.(?:(m?js)|(css)|(gif|jpe?g|png|svg|webp|avif|ico|bmp)|(woff2?|ttf|otf|eot)|(mp[34]|webm|ogg|wav|m4a|mov|m3u8))$/i;
const TYPES = [0, 'js', 'css', 'image', 'font', 'media'];

/** document, xhr, fetch, beacon, css, js, image, font, media or other. */
export function resourceType(entry: { initiatorType: string; name: string }): string {
  const known = BY_INITIATOR[entry.initiatorType];
  if (known) return known;
  const match = BY_EXTENSION.exec(entry.name.split(/[?#]/)[0] as string);
  return match
    ? (TYPES[match.findIndex((group, i) => i > 0 && group)] as string)
    : entry.initiatorType === 'link' || entry.initiatorType === 'css'
      ? 'css'
      : 'other';
}

export const statusFields = (status: number | undefined): Context =>
  status === undefined ? {} : { resourceStatus: status, resourceStatusGroup: statusGroup(status) };

/**
 * Duration, phases (spec §1.4 table) and sizes of a Resource Timing entry. A cross-origin
 * resource without Timing-Allow-Origin has zeros there; only its duration is known then.
 */
export function timingFields(entry: PerformanceResourceTiming): Context {
  const e = entry as PerformanceResourceTiming & {
    renderBlockingStatus?: string;
    deliveryType?: string;
  };
  const fields: Context = { duration: ns(e.duration) };
  if (!e.responseStart) return fields;
  // [flat name, JSON phase name, from, to, sent when empty]
  const phases: [string, string, number, number, boolean?][] = [
    ['resourceRedirect', 'resourceRedirectTime', e.redirectStart, e.redirectEnd],
    ['resourceDns', 'resourceDnsTime', e.domainLookupStart, e.domainLookupEnd],
    ['resourceTcp', 'resourceConnectTime', e.connectStart, e.connectEnd],
    ['resourceSsl', 'resourceSslTime', e.secureConnectionStart, e.connectEnd],
    [
      'resourceTtfb',
      'resourceFirstByteTime',
      e.requestStart || e.fetchStart,
      e.responseStart,
      true,
    ],
    ['resourceTrans', 'resourceDownloadTime', e.responseStart, e.responseEnd, true],
  ];
  for (const [flat, phase, from, to, always] of phases) {
    if (from > 0 && to >= from && (always || to > from)) {
      fields[flat] = ns(to - from);
      fields[phase] = { start: ns(from - e.startTime), duration: ns(to - from) };
    }
  }
  return Object.assign(fields, {
    resourceFirstByte: ns(e.responseStart - (e.domainLookupStart || e.fetchStart)),
    resourceSize: e.decodedBodySize,
    resourceEncodeSize: e.encodedBodySize,
    resourceDecodeSize: e.decodedBodySize,
    resourceTransferSize: e.transferSize,
    resourceProtocol: e.nextHopProtocol || undefined,
    resourceRenderBlockingStatus: e.renderBlockingStatus,
    resourceDeliveryType: e.deliveryType === '' ? 'other' : e.deliveryType,
  });
}
