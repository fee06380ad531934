// The console's entry: small, so that what a deep link's first screen needs is asked for before
// React and the kit are evaluated (boot.tsx, their chunk, takes ~0.3 s on a slow machine). A
// shared replay link asks at once for the player's code and for the replay's first part.
import { loadDemoConfig } from './config.js';
import { type EarlyRequests, firstReplayPartUrl } from './early.js';
import { parseRoute } from './route.js';
import { preloadScreen } from './screens.js';
import './console.css';

const first = parseRoute(location.hash);
const config = loadDemoConfig();
// boot.tsx says what went wrong; without it (its chunk did not load) the message below does.
config.catch(() => undefined);
const early: EarlyRequests = new Map();
if (first.screen === 'replay') {
  const url = firstReplayPartUrl(first.sessionId, first.time);
  const answer = config.then(({ apiKey }) =>
    fetch(url, { headers: { accept: 'application/json', authorization: `Bearer ${apiKey}` } }),
  );
  answer.catch(() => undefined);
  early.set(url, answer);
}
// The first screen's code comes while the config and boot do; boot renders once it is here. A
// chunk that fails renders through React.lazy, which reports it.
const screen = preloadScreen(first).catch(() => undefined);

import('./boot.js').then(
  ({ boot }) => boot(config, early, screen),
  (error: Error) => {
    (document.getElementById('root') as HTMLElement).textContent =
      `The console could not load its code (${error.message}). Reload the page to try again.`;
  },
);
