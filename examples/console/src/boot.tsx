import { createHttpBackend } from '@rumkit/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import type { DemoConfig } from './config.js';
import { type EarlyRequests, fetchWithEarly } from './early.js';

/**
 * Starts the console once its config and its first screen's code have come. What main.tsx asked
 * for early (a replay link's first part) is the HTTP backend's answer to the same request: the
 * player's own query, or the console's prefetch at its first render, takes it.
 */
export function boot(
  config: Promise<DemoConfig>,
  early: EarlyRequests,
  screen: Promise<unknown>,
): void {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  Promise.all([config, screen]).then(
    ([config]) => {
      // The console is served by the server it talks to, so the API is on this origin.
      const backend = createHttpBackend({
        baseUrl: '',
        apiKey: config.apiKey,
        fetch: fetchWithEarly(early),
      });
      root.render(
        <StrictMode>
          <App backend={backend} config={config} />
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
