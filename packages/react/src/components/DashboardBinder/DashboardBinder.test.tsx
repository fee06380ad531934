import type { App } from '@rumkit/core';
import { createMemoryBackend } from '@rumkit/core/memory';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import {
  apiHandlers,
  demoApps,
  demoWorkspace,
  failingHandlers,
  loadingHandlers,
  makeApp,
  T0,
  unboundCustomApp,
} from '../../../../../test/mocks/handlers.js';
import { renderKit } from '../../../../../test/mocks/kit.js';
import { mockServerForFile } from '../../../../../test/mocks/node.js';
import { ApplicationList } from '../ApplicationList/ApplicationList.js';
import { DashboardBinder } from './DashboardBinder.js';

const server = mockServerForFile();

function serve(apps: App[] = [...demoApps, unboundCustomApp]) {
  const backend = createMemoryBackend({ workspace: demoWorkspace, apps, now: () => T0 });
  server.use(...apiHandlers(backend));
  return backend;
}

const boundTitles = () =>
  [...document.querySelectorAll('.rk-bound-title')].map((n) => n.firstChild?.textContent);
const combobox = () => screen.getByRole('combobox', { name: 'Bind a built-in view' });
const rootState = (container: HTMLElement) =>
  container.querySelector('.rk-binder')?.getAttribute('data-state');
const announced = (text: string) =>
  waitFor(() =>
    expect(screen.getAllByRole('status').some((s) => s.textContent === text)).toBe(true),
  );

describe('DashboardBinder', () => {
  it('lists the bound views in order, the first one marked as the one that opens', async () => {
    serve();
    const { container } = renderKit(<DashboardBinder appId="app_kiosk" />);
    await waitFor(() => expect(boundTitles()).toEqual(['Web · Overview', 'Web · Error analysis']));
    const first = screen.getByText('Web · Overview').closest('li') as HTMLElement;
    expect(within(first).getByText('Opens first')).toBeTruthy();
    expect(rootState(container)).toBe('ready');
  });

  it("opens a view with the app's app_id as its variable", async () => {
    serve();
    const openView = vi.fn();
    renderKit(<DashboardBinder appId="app_kiosk" />, { navigation: { openView } });
    fireEvent.click(await screen.findByRole('button', { name: 'Open Web · Error analysis' }));
    expect(openView).toHaveBeenCalledWith(expect.objectContaining({ id: 'rum.web.error' }), {
      app_id: 'kiosk_custom',
    });
  });

  it('gives a real link when the host has hrefs for views', async () => {
    serve();
    renderKit(<DashboardBinder appId="app_kiosk" />, {
      navigation: { viewHref: (view, v) => `#/views/${view.id}?app_id=${v.app_id}` },
    });
    const link = await screen.findByRole('link', { name: 'Open Web · Overview' });
    expect(link.getAttribute('href')).toBe('#/views/rum.web.overview?app_id=kiosk_custom');
  });

  it('binds a view picked by fuzzy search with the keyboard, and saves it', async () => {
    const backend = serve();
    const onChange = vi.fn();
    renderKit(<DashboardBinder appId="app_kiosk" onChange={onChange} />);
    await screen.findByText('Web · Overview');
    fireEvent.change(combobox(), { target: { value: 'mob perf' } });
    const listbox = screen.getByRole('listbox');
    const options = within(listbox).getAllByRole('option');
    expect(options[0]?.textContent).toContain('Mobile (Android/iOS) · Performance analysis');
    expect(combobox().getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    // Bound views are not offered again.
    expect(within(listbox).queryByText('Web · Overview')).toBeNull();

    fireEvent.keyDown(combobox(), { key: 'Enter' });
    await waitFor(() =>
      expect(boundTitles()).toEqual([
        'Web · Overview',
        'Web · Error analysis',
        'Mobile (Android/iOS) · Performance analysis',
      ]),
    );
    await waitFor(async () =>
      expect((await backend.getApp({ id: 'app_kiosk' })).dashboard_bindings).toEqual([
        'rum.web.overview',
        'rum.web.error',
        'rum.mobile.performance',
      ]),
    );
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ id: 'app_kiosk' }));
    expect(combobox()).toHaveProperty('value', '');
    expect(combobox().getAttribute('aria-expanded')).toBe('false');
    await announced('Mobile (Android/iOS) · Performance analysis bound');
  });

  it('moves through the dropdown with the arrows and closes it with Escape', async () => {
    serve();
    renderKit(<DashboardBinder appId="app_custom_empty" />);
    const input = await screen.findByRole('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(16);
    expect(screen.getByRole('group', { name: 'Web' })).toBeTruthy();
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[15]?.id);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
    fireEvent.change(input, { target: { value: 'web' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input).toHaveProperty('value', '');
  });

  it('binds a view picked with the mouse', async () => {
    serve();
    renderKit(<DashboardBinder appId="app_custom_empty" />);
    fireEvent.click(await screen.findByRole('combobox'));
    fireEvent.click(screen.getByRole('option', { name: /macOS · Error analysis/ }));
    await waitFor(() => expect(boundTitles()).toEqual(['macOS · Error analysis']));
  });

  it('says when no view matches', async () => {
    serve();
    renderKit(<DashboardBinder appId="app_custom_empty" />);
    fireEvent.change(await screen.findByRole('combobox'), { target: { value: 'qqq' } });
    expect(screen.getByText('No view matches “qqq”.')).toBeTruthy();
    expect(screen.queryAllByRole('option')).toHaveLength(0);
  });

  it('removes a view, and says the dashboard link is off when none is left', async () => {
    const backend = serve([
      makeApp({
        id: 'one',
        name: 'One',
        app_id: 'one_app',
        type: 'custom',
        dashboard_bindings: ['rum.web.error'],
      }),
    ]);
    const { container } = renderKit(<DashboardBinder appId="one" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Web · Error analysis' }));
    expect(await screen.findByText('No dashboard bound')).toBeTruthy();
    expect(
      screen.getByText('Until a view is bound, this app’s Dashboard link stays disabled.'),
    ).toBeTruthy();
    expect(rootState(container)).toBe('empty');
    await waitFor(async () =>
      expect((await backend.getApp({ id: 'one' })).dashboard_bindings).toEqual([]),
    );
    await announced('Web · Error analysis removed');
  });

  it('makes a view the one that opens first, which the app list then opens', async () => {
    serve();
    const openDashboard = vi.fn();
    renderKit(
      <>
        <DashboardBinder appId="app_kiosk" />
        <ApplicationList />
      </>,
      { navigation: { openDashboard } },
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Open first: Web · Error analysis' }),
    );
    await waitFor(() => expect(boundTitles()).toEqual(['Web · Error analysis', 'Web · Overview']));
    await announced('Web · Error analysis now opens first');
    const row = (await screen.findByText('In-store kiosk')).closest('tr') as HTMLElement;
    await waitFor(() => {
      fireEvent.click(within(row).getByRole('button', { name: /Analysis dashboard/ }));
      expect(openDashboard).toHaveBeenLastCalledWith(
        expect.objectContaining({ view: expect.objectContaining({ id: 'rum.web.error' }) }),
      );
    });
  });

  it('turns the app list link on once a first view is bound', async () => {
    serve();
    renderKit(
      <>
        <DashboardBinder appId="app_custom_empty" />
        <ApplicationList />
      </>,
      { navigation: { openDashboard: vi.fn() } },
    );
    const row = (await screen.findByText('Smart TV app')).closest('tr') as HTMLElement;
    const link = () =>
      within(row).getByRole('button', { name: 'Analysis dashboard of Smart TV app' });
    expect(link().getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByRole('combobox'));
    fireEvent.click(screen.getByRole('option', { name: /Web · Overview/ }));
    await waitFor(() => expect(link().hasAttribute('aria-disabled')).toBe(false));
  });

  it('puts a change back and says why when the server refuses it', async () => {
    const backend = serve();
    server.use(
      http.patch('*/api/v1/apps/:id', () =>
        HttpResponse.json(
          { error_code: 'server.unavailable', message: 'read-only mode' },
          { status: 503 },
        ),
      ),
    );
    renderKit(<DashboardBinder appId="app_kiosk" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Web · Overview' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The bindings were not saved: read-only mode',
    );
    await waitFor(() => expect(boundTitles()).toEqual(['Web · Overview', 'Web · Error analysis']));
    expect((await backend.getApp({ id: 'app_kiosk' })).dashboard_bindings).toHaveLength(2);
  });

  it('keeps a bound id this version does not know, so it can be removed', async () => {
    serve([
      makeApp({
        id: 'old',
        name: 'Old',
        app_id: 'old_app',
        type: 'custom',
        dashboard_bindings: ['rum.tv.overview'],
      }),
    ]);
    renderKit(<DashboardBinder appId="old" />);
    expect(
      await screen.findByText('A view this version does not know: rum.tv.overview'),
    ).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Remove A view this version does not know: rum.tv.overview',
      }),
    );
    expect(await screen.findByText('No dashboard bound')).toBeTruthy();
  });

  it('explains that typed apps need no binding', async () => {
    serve();
    renderKit(<DashboardBinder appId="app_android" />);
    expect(
      await screen.findByText(
        'Android apps open the built-in dashboards of their platform. Binding views is for Custom apps.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('shows its loading state, then the error with a retry', async () => {
    server.use(...loadingHandlers());
    const { container, unmount } = renderKit(<DashboardBinder appId="app_kiosk" />);
    expect(await screen.findByText('Loading the app…')).toBeTruthy();
    expect(rootState(container)).toBe('loading');
    unmount();

    server.resetHandlers();
    server.use(...failingHandlers());
    const second = renderKit(<DashboardBinder appId="app_kiosk" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The app could not be loaded');
    expect(rootState(second.container)).toBe('error');
    server.resetHandlers();
    serve();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Web · Overview')).toBeTruthy();
  });

  it('speaks Chinese, and finds views by their Chinese titles', async () => {
    serve();
    renderKit(<DashboardBinder appId="app_custom_empty" />, { locale: 'zh' });
    expect(await screen.findByRole('heading', { name: '分析看板' })).toBeTruthy();
    expect(await screen.findByText('尚未绑定分析看板')).toBeTruthy();
    const input = screen.getByRole('combobox', { name: '绑定内置视图' });
    fireEvent.change(input, { target: { value: '小程序 错误' } });
    expect(screen.getAllByRole('option')[0]?.textContent).toContain('小程序 · 错误分析');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByRole('button', { name: '移除 小程序 · 错误分析' })).toBeTruthy();
  });
});
