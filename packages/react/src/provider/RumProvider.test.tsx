import { appKeys } from '@rumkit/core';
import { createMemoryBackend } from '@rumkit/core/memory';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { demoApps, T0 } from '../../../../test/mocks/fixtures.js';
import { renderKit } from '../../../../test/mocks/kit.js';
import { ApplicationList } from '../components/ApplicationList/ApplicationList.js';
import { useRumKit } from './context.js';
import { RumProvider } from './RumProvider.js';

function SeeClient({ into }: { into: { byHost?: QueryClient } }) {
  into.byHost = useQueryClient();
  return null;
}

function PeekStore({ into }: { into: unknown[] }) {
  into.push(useRumKit().store);
  return null;
}

const backend = () => createMemoryBackend({ apps: demoApps, now: () => T0 });

describe('RumProvider', () => {
  it('runs the kit on any RumBackend, here the in-memory one, with its own QueryClient', async () => {
    render(
      <RumProvider backend={backend()} timeZone="UTC">
        <ApplicationList />
      </RumProvider>,
    );
    expect(await screen.findByText('Acme web shop')).toBeTruthy();
  });

  it("fills the host's QueryClient when given one, and leaves the host's provider alone", async () => {
    const hostClient = new QueryClient();
    const kitClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const seen: { byHost?: QueryClient } = {};
    render(
      <QueryClientProvider client={hostClient}>
        <RumProvider backend={backend()} queryClient={kitClient}>
          <ApplicationList />
          <SeeClient into={seen} />
        </RumProvider>
      </QueryClientProvider>,
    );
    await screen.findByText('Acme web shop');
    expect(kitClient.getQueryData(appKeys.list())).toHaveLength(4);
    expect(hostClient.getQueryData(appKeys.list())).toBeUndefined();
    expect(seen.byHost).toBe(hostClient);
  });

  it('lets a host replace some messages', async () => {
    renderKit(<ApplicationList />, {
      backend: backend(),
      messages: { 'list.title': 'Monitored apps' },
    });
    expect(await screen.findByRole('heading', { name: /Monitored apps/ })).toBeTruthy();
  });

  it('adds its stylesheet once to the document head, however many providers there are', async () => {
    render(
      <>
        <RumProvider backend={backend()}>
          <ApplicationList />
        </RumProvider>
        <RumProvider backend={backend()}>
          <ApplicationList />
        </RumProvider>
      </>,
    );
    await screen.findAllByText('Acme web shop');
    const sheets = document.head.querySelectorAll('style[data-href="rumkit-kit"]');
    expect(sheets).toHaveLength(1);
    expect(sheets[0]?.textContent).toContain(':where(.rk-root)');
    // No global rules: every selector is one of the kit's own classes.
    expect(sheets[0]?.textContent).not.toMatch(/(^|\})\s*(html|body|\*)\s*[{,]/);
  });

  it('keeps the UI state of two kits on one page apart', async () => {
    const stores: unknown[] = [];
    render(
      <>
        <RumProvider backend={backend()}>
          <PeekStore into={stores} />
        </RumProvider>
        <RumProvider backend={backend()}>
          <PeekStore into={stores} />
        </RumProvider>
      </>,
    );
    expect(stores).toHaveLength(2);
    expect(stores[0]).not.toBe(stores[1]);
  });

  it('tells a developer who forgot it what is missing', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<ApplicationList />)).toThrow(/must be inside a <RumProvider/);
    error.mockRestore();
  });
});
