// The script-tag build (dist/rumkit.js): window.RUMKIT, Guance's DATAFLUX_RUM under a new name.
import { installGlobal } from './boot/global.js';
import { makePublicApi } from './boot/publicApi.js';
import type { RemoteConfigurationModule } from './boot/remoteConfiguration.js';
import type { RecorderModule } from './replay/types.js';
import { createDrops } from './transport/drops.js';

const drops = createDrops();
// The replay recorder and remote configuration are separate files next to this script,
// imported only when asked for (sdk/build.mjs).
const script = document.currentScript as HTMLScriptElement | null;
const base = script?.src || location.href;
const load = <T>(file: string) => import(/* @vite-ignore */ new URL(file, base).href) as Promise<T>;
installGlobal(
  makePublicApi({
    drops,
    loadReplay: () => load<RecorderModule>('rumkit-replay.mjs'),
    loadRemoteConfiguration: () => load<RemoteConfigurationModule>('rumkit-remote-config.mjs'),
  }),
  'RUMKIT',
  drops,
);
