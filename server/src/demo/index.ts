// Demo data: deterministic RUM traffic as the SDKs send it (demo mode and benchmarks).
export { createRandom, type Random } from './random.js';
export {
  defaultReleases,
  generateBatches,
  generateTraffic,
  type Release,
  type TrafficApp,
  type TrafficBatch,
  type TrafficOptions,
  type TrafficPlatform,
  type TrafficRequest,
  trafficBodies,
  trafficRequests,
} from './traffic.js';
