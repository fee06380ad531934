import { createMemoryBackend } from '@rumkit/core/memory';
import { CreateAppWizard } from '@rumkit/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { action } from 'storybook/actions';
import { expect, userEvent, within } from 'storybook/test';
import {
  apiHandlers,
  demoApps,
  demoWorkspace,
  failingBackend,
  stalledBackend,
  T0,
  unboundCustomApp,
} from '../test/mocks/handlers.js';
import { darkTheme, withKit } from './support/kit.js';

const serve = () =>
  apiHandlers(
    createMemoryBackend({
      workspace: demoWorkspace,
      apps: [...demoApps, unboundCustomApp],
      reservedAppIds: ['taken_elsewhere'],
      now: () => T0,
    }),
    { latency: 120 },
  );

const meta = {
  title: 'Kit/CreateAppWizard',
  component: CreateAppWizard,
  decorators: [withKit],
  args: {
    generateId: () => 'appid_3c9e1f0a7b2d4c6e8f1a2b3c4d5e6f70',
    onCreated: action('onCreated'),
    onSaved: action('onSaved'),
    onCancel: action('onCancel'),
    onDone: action('onDone'),
    onStepChange: action('onStepChange'),
  },
  parameters: { layout: 'fullscreen', msw: { handlers: serve() } },
} satisfies Meta<typeof CreateAppWizard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A blank form with a generated app_id, checked as free. */
export const Create: Story = {};

export const InvalidAppId: Story = {
  args: { defaultValues: { name: 'Checkout', app_id: 'checkout-web' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole('button', { name: /Create and continue/ }, { timeout: 5000 }),
    );
    await expect(
      await canvas.findByText(/“-” is not allowed/, {}, { timeout: 5000 }),
    ).toBeVisible();
  },
};

export const AppIdTaken: Story = {
  args: { defaultValues: { name: 'Checkout', app_id: 'acme_ios', type: 'ios' } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText(
        'Another app already uses this app_id.',
        {},
        { timeout: 5000 },
      ),
    ).toBeVisible();
  },
};

/** After "Create and continue": the npm, CDN async and CDN sync snippets of @rumkit/browser. */
export const IntegrateWeb: Story = {
  args: { appId: 'app_web', defaultStep: 'integrate' },
};

export const IntegrateAndroid: Story = {
  args: { appId: 'app_android', defaultStep: 'integrate' },
};

export const IntegrateIOS: Story = { args: { appId: 'app_ios', defaultStep: 'integrate' } };

/** A Custom app picks its SDK's platform and binds its dashboards. */
export const IntegrateCustom: Story = {
  args: { appId: 'app_kiosk', defaultStep: 'integrate' },
};

export const Edit: Story = { args: { appId: 'app_web' } };

/** Changing the app_id: the three warnings of spec §1.2 and a confirmation. */
export const EditChangingAppId: Story = {
  args: { appId: 'app_web' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = await canvas.findByRole('textbox', { name: 'app_id' }, { timeout: 5000 });
    await userEvent.clear(input);
    await userEvent.type(input, 'acme_web_2026');
    await expect(
      await canvas.findByText('What changing the app_id does', {}, { timeout: 5000 }),
    ).toBeVisible();
  },
};

export const EditLoading: Story = {
  args: { appId: 'app_web' },
  parameters: { kit: { backend: stalledBackend } },
};

export const EditError: Story = {
  args: { appId: 'app_web' },
  parameters: { kit: { backend: failingBackend } },
};

/** The app was deleted meanwhile (the server answers 404). */
export const EditNotFound: Story = {
  args: { appId: 'app_gone' },
  parameters: { kit: { backend: () => createMemoryBackend({ apps: demoApps, now: () => T0 }) } },
};

export const EditWaitingForNetwork: Story = {
  args: { appId: 'app_web' },
  parameters: { kit: { offline: true } },
};

export const Chinese: Story = { parameters: { kit: { locale: 'zh' } } };

export const ChineseEditChangingAppId: Story = {
  args: { appId: 'app_android' },
  parameters: { kit: { locale: 'zh' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = await canvas.findByRole('textbox', { name: 'app_id' }, { timeout: 5000 });
    await userEvent.type(input, '_v2');
    await expect(
      await canvas.findByText('修改 app_id 的影响', {}, { timeout: 5000 }),
    ).toBeVisible();
  },
};

export const ChineseIntegrateWeb: Story = {
  args: { appId: 'app_web', defaultStep: 'integrate' },
  parameters: { kit: { locale: 'zh' } },
};

export const DarkTheme: Story = { parameters: { kit: { theme: darkTheme } } };
