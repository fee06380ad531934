import { HttpResponse, http } from 'msw';

/** The one source of msw handlers, shared by component tests and stories. */
export const handlers = [
  http.get('/healthz', () => HttpResponse.json({ status: 'ok', version: '0.1.0', time: 0 })),
];
