// msw for component tests in Node: one server per test file, and any request no handler
// answers fails the test that made it.
import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export function mockServerForFile(...initial: RequestHandler[]) {
  const server = setupServer(...initial);
  const unhandled: string[] = [];
  beforeAll(() => {
    server.listen({
      onUnhandledRequest(request) {
        unhandled.push(`${request.method} ${request.url}`);
      },
    });
  });
  afterEach(() => {
    server.resetHandlers();
    const seen = unhandled.splice(0);
    expect(seen, 'requests that no msw handler answered').toEqual([]);
  });
  afterAll(() => server.close());
  return server;
}
