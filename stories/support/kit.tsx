// How every kit story renders: inside a RumProvider whose backend is createHttpBackend on this
// page's origin, answered by the msw handlers of test/mocks (the same ones the component tests
// use). Each story gets a fresh QueryClient, so states never leak between stories.

import { createHttpBackend, type RumBackend } from '@rumkit/core';
import { type Locale, type RumNavigation, RumProvider } from '@rumkit/react';
import type { Decorator } from '@storybook/react-vite';
import { onlineManager, QueryClient } from '@tanstack/react-query';
import { type CSSProperties, type ReactNode, useEffect, useState } from 'react';
import { action } from 'storybook/actions';

export const storyNavigation: RumNavigation = {
  openDashboard: ({ app, view, variables }) =>
    action('openDashboard')({ app: app.name, view: view.id, variables }),
  openExplorer: ({ app, variables }) => action('openExplorer')({ app: app.name, variables }),
  openView: (view, variables) => action('openView')({ view: view.id, variables }),
};

export interface KitStoryParameters {
  locale?: Locale;
  /** Starts the story with the browser reporting itself offline (the idle state). */
  offline?: boolean;
  /** --rumkit-* overrides, to show theming. */
  theme?: CSSProperties;
  /**
   * A backend that stands in for the network, for the states the smoke test forbids a story to
   * reach over it (a failed or never-ending request). Default: HTTP through msw.
   */
  backend?: () => RumBackend;
}

function KitFrame({ kit, children }: { kit: KitStoryParameters; children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
      }),
  );
  const [backend] = useState(
    () => kit.backend?.() ?? createHttpBackend({ baseUrl: '', apiKey: 'rk_story_key' }),
  );
  const [ready, setReady] = useState(!kit.offline);
  useEffect(() => {
    if (!kit.offline) return;
    onlineManager.setOnline(false);
    setReady(true);
    return () => onlineManager.setOnline(true);
  }, [kit.offline]);
  if (!ready) return null;
  return (
    <div
      style={{
        padding: 24,
        minHeight: '100vh',
        boxSizing: 'border-box',
        background: 'var(--rumkit-color-bg, #fff)',
        ...kit.theme,
      }}
    >
      <RumProvider
        backend={backend}
        queryClient={queryClient}
        locale={kit.locale ?? 'en'}
        navigation={storyNavigation}
        intakeOrigin="https://rum.acme.example"
        timeZone="UTC"
      >
        {children}
      </RumProvider>
    </div>
  );
}

export const withKit: Decorator = (Story, context) => (
  <KitFrame kit={(context.parameters.kit ?? {}) as KitStoryParameters}>
    <Story />
  </KitFrame>
);

/** A dark theme, entirely through --rumkit-* custom properties. */
export const darkTheme = {
  '--rumkit-color-text': '#e6e8eb',
  '--rumkit-color-text-muted': '#a3a9b3',
  '--rumkit-color-bg': '#15171a',
  '--rumkit-color-bg-subtle': '#1c1f23',
  '--rumkit-color-bg-hover': '#272b31',
  '--rumkit-color-border': '#2f343b',
  '--rumkit-color-border-strong': '#434a53',
  '--rumkit-color-accent': '#8da4ef',
  '--rumkit-color-accent-hover': '#a5b8f3',
  '--rumkit-color-accent-contrast': '#0e1118',
  '--rumkit-color-accent-subtle': '#1f2744',
  '--rumkit-color-danger': '#ff8b8b',
  '--rumkit-color-danger-subtle': '#3b1819',
  '--rumkit-color-success': '#6fd39b',
  '--rumkit-color-warning-text': '#f5d27a',
  '--rumkit-color-warning-subtle': '#2e2610',
  '--rumkit-color-warning-border': '#6b5a1f',
  '--rumkit-color-code-bg': '#1c1f23',
  '--rumkit-color-focus': '#8da4ef',
} as CSSProperties;
