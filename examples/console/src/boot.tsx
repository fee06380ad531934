import { createHttpBackend } from '@rumkit/core';
import { createKitQueryClient } from '@rumkit/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, firstReplayPart } from './App.js';
import type { DemoConfig } from './config.js';
import { type EarlyRequests, fetchWithEarly } from './early.js';
import type { Route } from './route.js';

/** Starts the console on the route it was opened at, once its config has come. */
export function boot(first: Route, config: Promise<DemoConfig>, early: EarlyRequests): void {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const queryClient = createKitQueryClient();
  // A replay opened from a link (shared, or a new tab): its data is in the query cache before the
  // first render (main.tsx asked for it already).
  config.then(
    (config) => {
      // The console is served by the server it talks to, so the API is on this origin.
      const backend = createHttpBackend({
        baseUrl: '',
        apiKey: config.apiKey,
        fetch: fetchWithEarly(early),
      });
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
}
