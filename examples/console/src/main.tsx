import { createHttpBackend } from '@rumkit/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { loadDemoConfig } from './config.js';
import './console.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

loadDemoConfig().then(
  (config) => {
    // The console is served by the server it talks to, so the API is on this origin.
    const backend = createHttpBackend({ baseUrl: '', apiKey: config.apiKey });
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
