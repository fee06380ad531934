// Worker entry when the server runs from its TypeScript sources (tsx, vitest): worker threads
// do not inherit the parent's loader hooks, so register tsx here and load the real entry.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-worker.ts');
