// @rumkit/browser: everything Guance's web SDK collects, sent in DataKit's protocol.
//
//   import { rumkit } from '@rumkit/browser';
//   rumkit.init({ applicationId: 'my_app', datakitOrigin: 'https://rum.example.com' });
import { makePublicApi } from './boot/publicApi.js';
import { createDrops } from './transport/drops.js';

/** The SDK (Guance's `datafluxRum`): call `init` once, then the rest of the API. */
export const rumkit = makePublicApi({
  drops: createDrops(),
  loadReplay: () => import('./replay/recorder.js'),
  loadRemoteConfiguration: () => import('./boot/remoteConfiguration.js'),
});
/** Guance's name for it, so moving from @cloudcare/browser-rum is a change of import path. */
export const datafluxRum = rumkit;

export type { RumPublicApi } from './boot/publicApi.js';
export type {
  Configuration,
  Context,
  EventType,
  InitOptions,
  MatchOption,
  RumEvent,
  TraceType,
  TracingOption,
} from './types.js';
export { SDK_NAME, SDK_VERSION } from './version.js';
