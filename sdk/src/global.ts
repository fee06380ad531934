// The script-tag build (dist/rumkit.js): window.RUMKIT, Guance's DATAFLUX_RUM under a new name.
import { installGlobal } from './boot/global.js';
import { makePublicApi } from './boot/publicApi.js';
import type { RecorderModule } from './replay/types.js';
import { createDrops } from './transport/drops.js';

const drops = createDrops();
// The replay recorder is a separate file next to this script, imported only when asked for.
const script = document.currentScript as HTMLScriptElement | null;
const replayUrl = new URL('rumkit-replay.mjs', script?.src || location.href).href;
installGlobal(
  makePublicApi({
    drops,
    loadReplay: () => import(/* @vite-ignore */ replayUrl) as Promise<RecorderModule>,
  }),
  'RUMKIT',
  drops,
);
