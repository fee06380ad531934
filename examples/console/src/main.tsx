import { createHttpBackend } from '@rumkit/core';
import { createKitQueryClient } from '@rumkit/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, firstReplayPart, loadReplayScreen } from './App.js';
import { loadDemoConfig } from './config.js';
import { parseRoute } from './route.js';
import './console.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const queryClient = createKitQueryClient();
// A replay opened from a link (shared, or a new tab): its player's code comes while the
// config does, and its data is asked for before the first render.
const first = parseRoute(location.hash);
if (first.screen === 'replay') void loadReplayScreen().catch(() => undefined);

loadDemoConfig().then(
  (config) => {
    // The console is served by the server it talks to, so the API is on this origin.
    const backend = createHttpBackend({ baseUrl: '', apiKey: config.apiKey });
    if (first.screen === 'replay')
      void queryClient.prefetchQuery(firstReplayPart(backend, first.sessionId, first.time));
    root.render(
      <StrictMode>
        <App backend={backend} config={config} queryClient={queryClient} />
      </StrictMode>,
    );
  },
  (error: Error) => {
    root.render(
      <main className="console-boot-error">
        <h1>The demo console cannot start</h1>
        <p>
          It asks the server for the demo workspace's key at <code>/demo/config.json</code>, and{' '}
          {error.message}.
        </p>
        <p>
          Start it with <code>npm start</code> from the repository root and open{' '}
          <a href="http://localhost:8080/">http://localhost:8080/</a>.
        </p>
      </main>,
    );
  },
);
