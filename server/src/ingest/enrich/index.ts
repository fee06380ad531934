// Per-request enrichment of ingested points, as DataKit does it (spec §1.11).
export { classifyIp, clientIp, type HeaderBag, type IpClass, normalizeIp } from './clientIp.js';
export {
  createGeoLookup,
  type DatabaseState,
  type GeoLookup,
  type GeoLookupOptions,
  type GeoStatus,
  type GeoTags,
  ispName,
} from './geo.js';
