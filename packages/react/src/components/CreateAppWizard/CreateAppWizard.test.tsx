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
  T0,
} from '../../../../../test/mocks/handlers.js';
import { renderKit } from '../../../../../test/mocks/kit.js';
import { mockServerForFile } from '../../../../../test/mocks/node.js';
import { ApplicationList } from '../ApplicationList/ApplicationList.js';
import { CreateAppWizard } from './CreateAppWizard.js';

const server = mockServerForFile();
const GENERATED = 'appid_00112233445566778899aabbccddeeff';
const generateId = () => GENERATED;

function serve() {
  const backend = createMemoryBackend({
    workspace: demoWorkspace,
    apps: demoApps,
    reservedAppIds: ['held_elsewhere'],
    now: () => T0,
  });
  server.use(...apiHandlers(backend));
  return backend;
}

const nameInput = () => screen.getByRole('textbox', { name: 'Name' });
const appIdInput = () => screen.getByRole('textbox', { name: 'app_id' });
const appIdStatus = () =>
  document.getElementById(appIdInput().getAttribute('aria-describedby')?.split(' ')[0] ?? '');
const rootState = (container: HTMLElement) =>
  container.querySelector('.rk-wizard')?.getAttribute('data-state');

describe('CreateAppWizard: creating', () => {
  it('proposes a generated app_id and confirms it is free', async () => {
    serve();
    const { container } = renderKit(<CreateAppWizard generateId={generateId} />);
    expect(appIdInput()).toHaveProperty('value', GENERATED);
    await waitFor(() => expect(appIdStatus()?.textContent).toBe('This app_id is free.'));
    expect(rootState(container)).toBe('idle');
    expect(screen.getByRole('radio', { name: /Web/ })).toHaveProperty('checked', true);
  });

  it('creates the app and shows the web snippets with its app_id and the intake origin', async () => {
    const backend = serve();
    const onCreated = vi.fn();
    const { container } = renderKit(
      <CreateAppWizard generateId={generateId} onCreated={onCreated} />,
    );
    fireEvent.change(nameInput(), { target: { value: '  Checkout  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create and continue' }));

    const tabs = await screen.findByRole('tablist', { name: 'Loading mode' });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((tab) => tab.textContent),
    ).toEqual(['npm', 'CDN async', 'CDN sync']);
    const code = screen.getByRole('tabpanel').querySelector('code')?.textContent ?? '';
    expect(code).toContain("import { rumkit } from '@rumkit/browser'");
    expect(code).toContain('rumkit.init({');
    expect(code).toContain(`applicationId: '${GENERATED}'`);
    expect(code).toContain("datakitOrigin: 'https://rum.example.com'");
    expect(rootState(container)).toBe('ready');

    const created = (await backend.listApps()).find((a) => a.app_id === GENERATED);
    expect(created).toMatchObject({ name: 'Checkout', type: 'web' });
    expect(onCreated).toHaveBeenCalledWith(created);
    // Focus moves to the start of the new step.
    expect(document.activeElement?.textContent).toBe('Integrate the SDK');
  });

  it('switches between the three web loading modes with the arrow keys', async () => {
    serve();
    renderKit(<CreateAppWizard generateId={generateId} defaultValues={{ name: 'Shop' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create and continue' }));
    const npm = await screen.findByRole('tab', { name: 'npm' });
    npm.focus();
    fireEvent.keyDown(npm, { key: 'ArrowRight' });
    const async = screen.getByRole('tab', { name: 'CDN async' });
    expect(async.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(async);
    expect(screen.getByRole('tabpanel').textContent).toContain('window.RUMKIT.onReady(');
    fireEvent.keyDown(async, { key: 'End' });
    expect(screen.getByRole('tabpanel').textContent).toContain(
      '<script src="https://cdn.jsdelivr.net/npm/@rumkit/browser@0/dist/rumkit.js"></script>',
    );
    fireEvent.keyDown(screen.getByRole('tab', { name: 'CDN sync' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'npm' }).getAttribute('aria-selected')).toBe('true');
  });

  it('copies a snippet and says so', async () => {
    serve();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderKit(<CreateAppWizard generateId={generateId} defaultValues={{ name: 'Shop' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create and continue' }));
    const copy = await screen.findByRole('button', { name: 'Copy npm snippet' });
    fireEvent.click(copy);
    await waitFor(() => expect(copy.textContent).toBe('Copied'));
    expect(writeText).toHaveBeenCalledWith(
      expect.stringContaining(`applicationId: '${GENERATED}'`),
    );
    expect(screen.getByText('npm snippet copied to the clipboard')).toBeTruthy();
  });

  it("shows the platform's own SDK set-up for other types", async () => {
    serve();
    renderKit(<CreateAppWizard generateId={generateId} defaultValues={{ name: 'Shop Android' }} />);
    fireEvent.click(screen.getByRole('radio', { name: /Android/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create and continue' }));
    expect(await screen.findByText('Install · build.gradle')).toBeTruthy();
    expect(screen.getByText('Initialise · DemoApplication.kt')).toBeTruthy();
    const all = [...document.querySelectorAll('code')].map((c) => c.textContent).join('\n');
    expect(all).toContain(`.setRumAppId("${GENERATED}")`);
    expect(all).toContain('FTSDKConfig.builder("https://rum.example.com")');
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(
      screen
        .getByRole('link', { name: /Android access in Guance’s documentation/ })
        .getAttribute('href'),
    ).toBe('https://docs.guance.com/en/real-user-monitoring/android/app-access/');
  });

  it('lets a Custom app pick its SDK and bind its dashboards right away', async () => {
    serve();
    renderKit(
      <CreateAppWizard generateId={generateId} defaultValues={{ name: 'Kiosk', type: 'custom' }} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create and continue' }));
    const platform = await screen.findByRole('combobox', { name: 'Platform of the SDK' });
    expect(screen.getByRole('tab', { name: 'npm' })).toBeTruthy();
    fireEvent.change(platform, { target: { value: 'flutter' } });
    expect(screen.getByText('Initialise · lib/main.dart')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Analysis dashboards' })).toBeTruthy();
    expect(await screen.findByText('No dashboard bound')).toBeTruthy();
  });

  it('requires a name, focusing it, and sends nothing', async () => {
    const backend = serve();
    const create = vi.spyOn(backend, 'createApp');
    renderKit(<CreateAppWizard generateId={generateId} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create and continue' }));
    expect(await screen.findByText('Enter a name.')).toBeTruthy();
    expect(nameInput().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(nameInput());
    expect(create).not.toHaveBeenCalled();
  });

  it('checks the app_id rule as it is typed, naming the problem', async () => {
    serve();
    renderKit(<CreateAppWizard generateId={generateId} />);
    fireEvent.change(appIdInput(), { target: { value: 'my-app' } });
    expect(appIdStatus()?.textContent).toBe(
      'Use only letters, digits and underscore; “-” is not allowed.',
    );
    expect(appIdInput().getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(appIdInput(), { target: { value: 'a'.repeat(49) } });
    expect(appIdStatus()?.textContent).toBe(
      'The app_id has 49 characters; at most 48 are allowed.',
    );
    fireEvent.change(appIdInput(), { target: { value: '' } });
    expect(appIdStatus()?.textContent).toBe('Enter an app_id.');
  });

  it('says when the app_id is taken, here or in another workspace', async () => {
    serve();
    renderKit(<CreateAppWizard generateId={generateId} />);
    fireEvent.change(appIdInput(), { target: { value: 'acme_ios' } });
    expect(appIdStatus()?.textContent).toBe('Checking that the app_id is free…');
    await waitFor(() =>
      expect(appIdStatus()?.textContent).toBe('Another app already uses this app_id.'),
    );
    fireEvent.change(appIdInput(), { target: { value: 'held_elsewhere' } });
    await waitFor(() =>
      expect(appIdStatus()?.textContent).toBe('Another app already uses this app_id.'),
    );
    fireEvent.change(appIdInput(), { target: { value: 'fresh_one' } });
    await waitFor(() => expect(appIdStatus()?.textContent).toBe('This app_id is free.'));
  });

  it('a new generated app_id replaces a taken one', async () => {
    serve();
    let n = 0;
    renderKit(<CreateAppWizard generateId={() => `appid_gen_${++n}`} />);
    expect(appIdInput()).toHaveProperty('value', 'appid_gen_1');
    fireEvent.click(screen.getByRole('button', { name: 'Generate another' }));
    expect(appIdInput()).toHaveProperty('value', 'appid_gen_2');
  });

  it('shows a conflict found only on save against the app_id, and stays', async () => {
    serve();
    server.use(
      http.get('*/api/v1/apps/check-id', ({ request }) =>
        HttpResponse.json({
          app_id: new URL(request.url).searchParams.get('app_id'),
          available: true,
          reason: null,
          message: null,
        }),
      ),
    );
    renderKit(<CreateAppWizard generateId={() => 'acme_ios'} defaultValues={{ name: 'Dup' }} />);
    await waitFor(() => expect(appIdStatus()?.textContent).toBe('This app_id is free.'));
    fireEvent.click(screen.getByRole('button', { name: 'Create and continue' }));
    await waitFor(() =>
      expect(appIdStatus()?.textContent).toBe('app_id "acme_ios" is already used by another app'),
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  it('says why the server did not create the app', async () => {
    serve();
    server.use(
      http.post('*/api/v1/apps', () =>
        HttpResponse.json(
          { error_code: 'server.unavailable', message: 'disk is full' },
          { status: 503 },
        ),
      ),
    );
    renderKit(<CreateAppWizard generateId={generateId} defaultValues={{ name: 'Shop' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create and continue' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The app was not created: disk is full',
    );
  });

  it('marks the new app in an ApplicationList of the same provider', async () => {
    serve();
    renderKit(
      <>
        <CreateAppWizard generateId={generateId} defaultValues={{ name: 'Brand new' }} />
        <ApplicationList />
      </>,
    );
    await screen.findByText('Acme web shop');
    fireEvent.click(screen.getByRole('button', { name: 'Create and continue' }));
    const name = await screen.findByText('Brand new');
    const row = name.closest('tr') as HTMLElement;
    expect(within(row).getByText('New')).toBeTruthy();
    expect(row.hasAttribute('data-recent')).toBe(true);
  });

  it('speaks Chinese', async () => {
    serve();
    renderKit(<CreateAppWizard generateId={generateId} />, { locale: 'zh' });
    expect(screen.getByRole('heading', { name: '新建应用' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '应用名称' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /小程序/ })).toBeTruthy();
    fireEvent.change(appIdInput(), { target: { value: 'bad id' } });
    expect(appIdStatus()?.textContent).toBe('只能使用字母、数字和下划线，不允许“ ”。');
    fireEvent.click(screen.getByRole('button', { name: '创建并继续' }));
    expect(await screen.findByText('请输入应用名称。')).toBeTruthy();
  });
});

describe('CreateAppWizard: editing', () => {
  it('loads the app into the form, and saves only what changed', async () => {
    const backend = serve();
    const update = vi.spyOn(backend, 'updateApp');
    const onSaved = vi.fn();
    const { container } = renderKit(<CreateAppWizard appId="app_ios" onSaved={onSaved} />);
    expect(screen.getByText('Loading the app…')).toBeTruthy();
    expect(rootState(container)).toBe('loading');
    await waitFor(() => expect(nameInput()).toHaveProperty('value', 'Acme Shop for iPhone'));
    expect(screen.getByRole('heading', { name: 'Edit Acme Shop for iPhone' })).toBeTruthy();
    expect(appIdInput()).toHaveProperty('value', 'acme_ios');
    expect(appIdStatus()?.textContent).toBe('The app keeps its app_id.');
    expect(screen.getByRole('radio', { name: /iOS/ })).toHaveProperty('checked', true);
    expect(rootState(container)).toBe('ready');

    fireEvent.change(nameInput(), { target: { value: 'iPhone shop' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Changes saved')).toBeTruthy();
    expect(update).toHaveBeenCalledWith({ id: 'app_ios', patch: { name: 'iPhone shop' } });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ name: 'iPhone shop' }));
  });

  it('warns what changing the app_id does and asks for confirmation before saving', async () => {
    const backend = serve();
    renderKit(<CreateAppWizard appId="app_ios" />);
    await waitFor(() => expect(appIdInput()).toHaveProperty('value', 'acme_ios'));
    expect(screen.queryByText('What changing the app_id does')).toBeNull();

    fireEvent.change(appIdInput(), { target: { value: 'acme_ios_2' } });
    const note = screen.getByRole('note');
    expect(within(note).getByText('What changing the app_id does')).toBeTruthy();
    expect(note.textContent).toContain('It was acme_ios.');
    expect(
      within(note)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Every SDK must send the new app_id: update their configuration, or their events stop arriving.',
      'Dashboards and explorers show only data under the new app_id. Data under the old one stays stored and is reachable through built-in views, custom dashboards and queries.',
      'RUM metric monitors must be pointed at the new app_id.',
    ]);
    await waitFor(() => expect(appIdStatus()?.textContent).toBe('This app_id is free.'));

    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const checkbox = screen.getByRole('checkbox', { name: /I understand/ });
    expect(
      await screen.findByText('Confirm that you have read what changing the app_id does.'),
    ).toBeTruthy();
    expect(document.activeElement).toBe(checkbox);
    expect((await backend.getApp({ id: 'app_ios' })).app_id).toBe('acme_ios');

    fireEvent.click(checkbox);
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    // The new app_id needs new snippets: the wizard shows them.
    expect(await screen.findByText('Initialise · AppDelegate.swift')).toBeTruthy();
    expect(document.querySelector('code')?.textContent).toBeDefined();
    expect(
      [...document.querySelectorAll('code')].some((c) =>
        c.textContent?.includes('FTRumConfig(appid: "acme_ios_2")'),
      ),
    ).toBe(true);
    expect((await backend.getApp({ id: 'app_ios' })).app_id).toBe('acme_ios_2');
  });

  it('does not warn when the app_id comes back to what it was', async () => {
    serve();
    renderKit(<CreateAppWizard appId="app_ios" />);
    await waitFor(() => expect(appIdInput()).toHaveProperty('value', 'acme_ios'));
    fireEvent.change(appIdInput(), { target: { value: 'acme_io' } });
    expect(screen.getByRole('note')).toBeTruthy();
    fireEvent.change(appIdInput(), { target: { value: 'acme_ios' } });
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('visits both steps freely, and follows the host when it owns the step', async () => {
    serve();
    const onStepChange = vi.fn();
    const { rerender } = renderKit(
      <CreateAppWizard appId="app_web" step="integrate" onStepChange={onStepChange} />,
    );
    expect(await screen.findByRole('tablist')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to details' }));
    expect(onStepChange).toHaveBeenCalledWith('details');
    expect(screen.getByRole('tablist')).toBeTruthy();
    rerender(<CreateAppWizard appId="app_web" step="details" onStepChange={onStepChange} />);
    expect(await screen.findByRole('button', { name: 'Save changes' })).toBeTruthy();
  });

  it('says when the app does not exist', async () => {
    serve();
    const onCancel = vi.fn();
    const { container } = renderKit(<CreateAppWizard appId="app_gone" onCancel={onCancel} />);
    expect(await screen.findByText('This app does not exist')).toBeTruthy();
    expect(rootState(container)).toBe('empty');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it("shows the server's error when the app cannot be loaded, and tries again", async () => {
    server.use(...failingHandlers());
    const { container } = renderKit(<CreateAppWizard appId="app_ios" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The app could not be loaded');
    expect(alert.textContent).toContain('the event store is not reachable');
    expect(rootState(container)).toBe('error');
    server.resetHandlers();
    serve();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(nameInput()).toHaveProperty('value', 'Acme Shop for iPhone'));
  });

  it('stays in its loading state while the server does not answer', async () => {
    server.use(...loadingHandlers());
    const { container } = renderKit(<CreateAppWizard appId="app_ios" />);
    expect(await screen.findByText('Loading the app…')).toBeTruthy();
    expect(rootState(container)).toBe('loading');
  });

  it('warns in Chinese too', async () => {
    serve();
    renderKit(<CreateAppWizard appId="app_ios" />, { locale: 'zh' });
    await waitFor(() => expect(appIdInput()).toHaveProperty('value', 'acme_ios'));
    fireEvent.change(appIdInput(), { target: { value: 'acme_ios_v2' } });
    const note = screen.getByRole('note');
    expect(within(note).getByText('修改 app_id 的影响')).toBeTruthy();
    expect(note.textContent).toContain('需要将 RUM 指标监控器改为使用新的 app_id。');
    expect(
      screen.getByRole('checkbox', { name: '我已了解，将更新 SDK 配置和监控器。' }),
    ).toBeTruthy();
  });
});
