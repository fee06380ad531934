// Renders kit components the way a host does: inside a RumProvider whose backend is
// createHttpBackend pointed at the msw-mocked server. Each call builds its own QueryClient.
import { createHttpBackend } from '@rumkit/core';
import { RumProvider, type RumProviderProps } from '@rumkit/react';
import { QueryClient } from '@tanstack/react-query';
import { cleanup, type RenderResult, render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { afterEach } from 'vitest';
import { TEST_API_KEY, TEST_ORIGIN } from './api.js';

// Vitest runs without globals, so Testing Library cannot unmount between tests by itself.
afterEach(() => cleanup());

export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: Number.POSITIVE_INFINITY },
      mutations: { retry: false },
    },
  });
}

export function renderKit(
  ui: ReactElement,
  props: Partial<Omit<RumProviderProps, 'children'>> = {},
): RenderResult & { queryClient: QueryClient } {
  const queryClient = props.queryClient ?? testQueryClient();
  const backend =
    props.backend ?? createHttpBackend({ baseUrl: TEST_ORIGIN, apiKey: TEST_API_KEY });
  // A wrapper, so rerender() keeps the provider.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <RumProvider
      backend={backend}
      queryClient={queryClient}
      intakeOrigin="https://rum.example.com"
      timeZone="UTC"
      {...props}
    >
      {children}
    </RumProvider>
  );
  const result = render(ui, { wrapper });
  return { ...result, queryClient };
}
