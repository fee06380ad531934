import type { App } from '@rumkit/core';
import { createMemoryBackend } from '@rumkit/core/memory';
import { onlineManager } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
import type { RumNavigation } from '../../provider/context.js';
import { ApplicationList } from './ApplicationList.js';

const server = mockServerForFile();

function serveApps(apps: App[] = [...demoApps, unboundCustomApp]) {
  const backend = createMemoryBackend({ workspace: demoWorkspace, apps, now: () => T0 });
  server.use(...apiHandlers(backend));
  return backend;
}

const rowOf = async (name: string) => (await screen.findByText(name)).closest('tr') as HTMLElement;
const rootState = (container: HTMLElement) =>
  container.querySelector('.rk-applist')?.getAttribute('data-state');

describe('ApplicationList', () => {
  afterEach(() => onlineManager.setOnline(true));

  it('shows each app with its type, name, app_id and creation time, newest first', async () => {
    serveApps();
    const { container } = renderKit(<ApplicationList />);
    const row = await rowOf('Acme web shop');
    expect(within(row).getByText('Web')).toBeTruthy();
    expect(within(row).getByText('appid_5f2b8e1c9a7d4e3f8b6a1c2d3e4f5a6b')).toBeTruthy();
    const time = within(row).getByText('21 Sept 2026, 12:00');
    expect(time.getAttribute('datetime')).toBe('2026-09-21T12:00:00.000Z');
    const names = [...container.querySelectorAll('.rk-app-name')].map((n) => n.textContent);
    expect(names).toEqual([
      'In-store kiosk',
      'Smart TV app',
      'Acme Shop for Android',
      'Acme Shop for iPhone',
      'Acme web shop',
    ]);
    expect(screen.getByText('5 apps')).toBeTruthy();
    expect(rootState(container)).toBe('ready');
  });

  it('says it is loading while the server has not answered', async () => {
    server.use(...loadingHandlers());
    const { container } = renderKit(<ApplicationList />);
    expect((await screen.findByText('Loading apps…')).getAttribute('role')).toBe('status');
    expect(rootState(container)).toBe('loading');
  });

  it('waits, saying so, while the browser is offline', async () => {
    serveApps();
    onlineManager.setOnline(false);
    const { container } = renderKit(<ApplicationList />);
    expect(await screen.findByText('Waiting for the network to come back…')).toBeTruthy();
    expect(rootState(container)).toBe('idle');
    onlineManager.setOnline(true);
    expect(await screen.findByText('Acme web shop')).toBeTruthy();
  });

  it('invites to create the first app when there is none', async () => {
    serveApps([]);
    const onCreate = vi.fn();
    const { container } = renderKit(<ApplicationList onCreate={onCreate} />);
    expect(await screen.findByText('No apps yet')).toBeTruthy();
    expect(rootState(container)).toBe('empty');
    const buttons = screen.getAllByRole('button', { name: 'Create app' });
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons[1] as HTMLElement);
    expect(onCreate).toHaveBeenCalledOnce();
  });

  it("shows the server's error and loads the list again on Try again", async () => {
    server.use(...failingHandlers());
    const { container } = renderKit(<ApplicationList />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The apps could not be loaded');
    expect(alert.textContent).toContain('the event store is not reachable; try again in a minute');
    expect(alert.textContent).toContain('server.unavailable');
    expect(rootState(container)).toBe('error');

    server.resetHandlers();
    serveApps();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Acme web shop')).toBeTruthy();
  });

  it('explains an unreachable server instead of showing a raw fetch error', async () => {
    server.use(http.get('*/api/v1/apps', () => HttpResponse.error()));
    renderKit(<ApplicationList />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The server cannot be reached. Check the connection and try again.',
    );
  });

  describe('search', () => {
    it('filters by name, app_id and type, and counts the matches', async () => {
      serveApps();
      renderKit(<ApplicationList />);
      await screen.findByText('Acme web shop');
      const search = screen.getByRole('searchbox', { name: 'Search apps' });

      fireEvent.change(search, { target: { value: 'acme_i' } });
      expect(screen.queryByText('Acme web shop')).toBeNull();
      expect(screen.getByText('Acme Shop for iPhone')).toBeTruthy();
      expect(screen.getByText('1 of 5 apps match')).toBeTruthy();

      fireEvent.change(search, { target: { value: 'custom' } });
      expect(screen.getByText('In-store kiosk')).toBeTruthy();
      expect(screen.getByText('Smart TV app')).toBeTruthy();
      expect(screen.queryByText('Acme Shop for Android')).toBeNull();

      fireEvent.keyDown(search, { key: 'Escape' });
      expect(screen.getByText('Acme Shop for Android')).toBeTruthy();
    });

    it('says when nothing matches and clears the search on request', async () => {
      serveApps();
      const { container } = renderKit(<ApplicationList defaultSearch="zzz" />);
      expect(await screen.findByText('No app matches “zzz”')).toBeTruthy();
      expect(rootState(container)).toBe('empty');
      fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
      expect(await screen.findByText('Acme web shop')).toBeTruthy();
      expect(document.activeElement).toBe(screen.getByRole('searchbox'));
    });

    it('shows the host its search text and asks it to change it when controlled', async () => {
      serveApps();
      const onSearchChange = vi.fn();
      renderKit(<ApplicationList search="android" onSearchChange={onSearchChange} />);
      await screen.findByText('Acme Shop for Android');
      expect(screen.queryByText('Acme web shop')).toBeNull();
      fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'web' } });
      expect(onSearchChange).toHaveBeenCalledWith('web');
      expect(screen.getByRole('searchbox')).toHaveProperty('value', 'android');
    });
  });

  it('sorts by name and back to newest first from the column headers', async () => {
    serveApps();
    const { container } = renderKit(<ApplicationList />);
    await screen.findByText('Acme web shop');
    const names = () => [...container.querySelectorAll('.rk-app-name')].map((n) => n.textContent);
    const header = screen.getByRole('columnheader', { name: /App/ });
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(names()[0]).toBe('Acme Shop for Android');
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(names()[0]).toBe('Smart TV app');
    const created = screen.getByRole('columnheader', { name: /Created/ });
    fireEvent.click(within(created).getByRole('button'));
    expect(created.getAttribute('aria-sort')).toBe('descending');
    expect(header.getAttribute('aria-sort')).toBe('none');
    expect(names()[0]).toBe('In-store kiosk');
  });

  describe('links to the dashboard and the explorer', () => {
    const navigation = (): Required<Pick<RumNavigation, 'openDashboard' | 'openExplorer'>> => ({
      openDashboard: vi.fn(),
      openExplorer: vi.fn(),
    });

    it("open the platform's overview, with the app's app_id as variable", async () => {
      serveApps();
      const nav = navigation();
      renderKit(<ApplicationList />, { navigation: nav });
      const row = await rowOf('Acme Shop for Android');
      fireEvent.click(
        within(row).getByRole('button', { name: 'Analysis dashboard of Acme Shop for Android' }),
      );
      expect(nav.openDashboard).toHaveBeenCalledWith(
        expect.objectContaining({
          view: expect.objectContaining({ id: 'rum.mobile.overview' }),
          variables: { app_id: 'acme_android' },
          app: expect.objectContaining({ id: 'app_android' }),
        }),
      );
      fireEvent.click(
        within(row).getByRole('button', { name: 'Explorer of Acme Shop for Android' }),
      );
      expect(nav.openExplorer).toHaveBeenCalledWith(
        expect.objectContaining({ variables: { app_id: 'acme_android' } }),
      );
    });

    it('open the first bound view of a Custom app', async () => {
      serveApps();
      const nav = navigation();
      renderKit(<ApplicationList />, { navigation: nav });
      const row = await rowOf('In-store kiosk');
      fireEvent.click(within(row).getByRole('button', { name: /Analysis dashboard/ }));
      expect(nav.openDashboard).toHaveBeenCalledWith(
        expect.objectContaining({ view: expect.objectContaining({ id: 'rum.web.overview' }) }),
      );
    });

    it('are disabled, saying why, for a Custom app with nothing bound', async () => {
      serveApps();
      const nav = navigation();
      renderKit(<ApplicationList />, { navigation: nav });
      const row = await rowOf('Smart TV app');
      const link = within(row).getByRole('button', { name: 'Analysis dashboard of Smart TV app' });
      expect(link.getAttribute('aria-disabled')).toBe('true');
      const reason = document.getElementById(link.getAttribute('aria-describedby') ?? '');
      expect(reason?.textContent).toMatch(/No dashboard bound yet/);
      fireEvent.click(link);
      expect(nav.openDashboard).not.toHaveBeenCalled();
    });

    it('are real links when the host gives hrefs, and still call back on a plain click', async () => {
      serveApps();
      const openDashboard = vi.fn();
      renderKit(<ApplicationList />, {
        navigation: {
          openDashboard,
          dashboardHref: ({ view, variables }) => `/rum/${view.id}?app_id=${variables.app_id}`,
          explorerHref: ({ app }) => `/rum/explorer/${app.id}`,
        },
      });
      const row = await rowOf('Acme web shop');
      const dashboard = within(row).getByRole('link', {
        name: 'Analysis dashboard of Acme web shop',
      });
      expect(dashboard.getAttribute('href')).toBe(
        '/rum/rum.web.overview?app_id=appid_5f2b8e1c9a7d4e3f8b6a1c2d3e4f5a6b',
      );
      expect(
        within(row)
          .getByRole('link', { name: /Explorer/ })
          .getAttribute('href'),
      ).toBe('/rum/explorer/app_web');
      fireEvent.click(dashboard, { button: 0, ctrlKey: true });
      expect(openDashboard).not.toHaveBeenCalled();
      fireEvent.click(dashboard, { button: 0 });
      expect(openDashboard).toHaveBeenCalledOnce();
    });

    it('are not shown when the host has nowhere to open them', async () => {
      serveApps();
      renderKit(<ApplicationList />);
      const row = await rowOf('Acme web shop');
      expect(within(row).queryByText('Dashboard')).toBeNull();
      expect(within(row).queryByText('Explorer')).toBeNull();
    });
  });

  describe('the row menu', () => {
    it('edits an app, and offers dashboard binding only for Custom apps', async () => {
      serveApps();
      const onEdit = vi.fn();
      const onBindDashboards = vi.fn();
      renderKit(<ApplicationList onEdit={onEdit} onBindDashboards={onBindDashboards} />);
      const web = await rowOf('Acme web shop');
      fireEvent.click(within(web).getByRole('button', { name: 'Actions for Acme web shop' }));
      expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['Edit', 'Delete']);
      fireEvent.click(screen.getByRole('menuitem', { name: 'Edit' }));
      expect(onEdit).toHaveBeenCalledWith(expect.objectContaining({ id: 'app_web' }));
      expect(screen.queryByRole('menu')).toBeNull();

      const kiosk = await rowOf('In-store kiosk');
      fireEvent.click(within(kiosk).getByRole('button', { name: 'Actions for In-store kiosk' }));
      fireEvent.click(screen.getByRole('menuitem', { name: 'Bind dashboards' }));
      expect(onBindDashboards).toHaveBeenCalledWith(expect.objectContaining({ id: 'app_kiosk' }));
    });

    it('works from the keyboard and gives focus back to its button', async () => {
      serveApps();
      renderKit(<ApplicationList onEdit={vi.fn()} />);
      const row = await rowOf('Acme web shop');
      const button = within(row).getByRole('button', { name: 'Actions for Acme web shop' });
      button.focus();
      fireEvent.keyDown(button, { key: 'Enter' });
      expect(button.getAttribute('aria-expanded')).toBe('true');
      const menu = screen.getByRole('menu');
      expect(document.activeElement?.textContent).toBe('Edit');
      fireEvent.keyDown(menu, { key: 'ArrowDown' });
      expect(document.activeElement?.textContent).toBe('Delete');
      fireEvent.keyDown(menu, { key: 'ArrowDown' });
      expect(document.activeElement?.textContent).toBe('Edit');
      fireEvent.keyDown(menu, { key: 'End' });
      expect(document.activeElement?.textContent).toBe('Delete');
      fireEvent.keyDown(menu, { key: 'e' });
      expect(document.activeElement?.textContent).toBe('Edit');
      fireEvent.keyDown(menu, { key: 'Escape' });
      expect(screen.queryByRole('menu')).toBeNull();
      expect(document.activeElement).toBe(button);
      fireEvent.keyDown(button, { key: 'ArrowUp' });
      expect(document.activeElement?.textContent).toBe('Delete');
    });
  });

  describe('deleting', () => {
    async function askToDelete(name: string) {
      const row = await rowOf(name);
      fireEvent.click(within(row).getByRole('button', { name: `Actions for ${name}` }));
      fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }));
      return screen.getByRole('alertdialog');
    }

    it('asks first, naming the app and its app_id, and does nothing on Cancel', async () => {
      const backend = serveApps();
      renderKit(<ApplicationList />);
      const dialog = await askToDelete('Acme Shop for iPhone');
      expect(within(dialog).getByText('Delete Acme Shop for iPhone?')).toBeTruthy();
      expect(dialog.textContent).toContain('acme_ios');
      expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
      fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect((dialog as HTMLDialogElement).open).toBe(false));
      expect((await backend.listApps()).map((a) => a.id)).toContain('app_ios');
      expect(screen.getByText('Acme Shop for iPhone')).toBeTruthy();
    });

    it('deletes on confirmation, removes the row and says so', async () => {
      const backend = serveApps();
      const onDeleted = vi.fn();
      renderKit(<ApplicationList onDeleted={onDeleted} />);
      const dialog = await askToDelete('Acme Shop for iPhone');
      fireEvent.click(within(dialog).getByRole('button', { name: 'Delete app' }));
      await waitFor(() => expect(screen.queryByText('Acme Shop for iPhone')).toBeNull());
      expect((await backend.listApps()).map((a) => a.id)).not.toContain('app_ios');
      expect(onDeleted).toHaveBeenCalledWith(expect.objectContaining({ id: 'app_ios' }));
      await waitFor(() =>
        expect(
          screen
            .getAllByRole('status')
            .some((s) => s.textContent === 'Acme Shop for iPhone was deleted'),
        ).toBe(true),
      );
      expect(document.activeElement).toBe(screen.getByRole('searchbox'));
    });

    it('keeps the dialog open with the reason when the server refuses', async () => {
      serveApps();
      server.use(
        http.delete('*/api/v1/apps/:id', () =>
          HttpResponse.json(
            { error_code: 'server.unavailable', message: 'store is read-only' },
            { status: 503 },
          ),
        ),
      );
      renderKit(<ApplicationList />);
      const dialog = await askToDelete('Acme Shop for iPhone');
      fireEvent.click(within(dialog).getByRole('button', { name: 'Delete app' }));
      expect((await within(dialog).findByRole('alert')).textContent).toBe(
        'The app was not deleted: store is read-only',
      );
      expect((dialog as HTMLDialogElement).open).toBe(true);
      expect(screen.getByText('Acme Shop for iPhone')).toBeTruthy();
    });
  });

  it('speaks Chinese', async () => {
    serveApps([makeApp({ id: 'a', name: '门店', app_id: 'store', type: 'custom' })]);
    renderKit(<ApplicationList onCreate={vi.fn()} />, { locale: 'zh' });
    const row = await rowOf('门店');
    expect(within(row).getByText('自定义')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /应用列表/ })).toBeTruthy();
    expect(screen.getByText('1 个应用')).toBeTruthy();
    expect(screen.getByRole('button', { name: '新建应用' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: '搜索应用' })).toBeTruthy();
    expect(within(row).getByRole('button', { name: '门店 的操作' })).toBeTruthy();
    expect(within(row).getByText('2026年11月19日 12:00')).toBeTruthy();
  });
});
