import { createMemoryBackend } from '@rumkit/core/memory';
import { DashboardBinder } from '@rumkit/react';
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
      now: () => T0,
    }),
    { latency: 120 },
  );

const meta = {
  title: 'Kit/DashboardBinder',
  component: DashboardBinder,
  decorators: [withKit],
  args: { appId: 'app_kiosk', onChange: action('onChange') },
  parameters: { layout: 'fullscreen', msw: { handlers: serve() } },
} satisfies Meta<typeof DashboardBinder>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two views bound; the first opens from the app list. */
export const Bound: Story = {};

/** Nothing bound yet: the app's dashboard link stays disabled. */
export const NothingBound: Story = { args: { appId: 'app_custom_empty' } };

export const Loading: Story = { parameters: { kit: { backend: stalledBackend } } };

export const ErrorState: Story = {
  name: 'Error',
  parameters: { kit: { backend: failingBackend } },
};

export const WaitingForNetwork: Story = { parameters: { kit: { offline: true } } };

/** A Web app opens its platform's dashboards; binding is for Custom apps. */
export const NotACustomApp: Story = { args: { appId: 'app_web' } };

/** The dropdown, opened from the keyboard, views grouped by platform. */
export const DropdownOpen: Story = {
  args: { appId: 'app_custom_empty' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = await canvas.findByRole('combobox', {}, { timeout: 5000 });
    input.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect(await canvas.findByRole('listbox', {}, { timeout: 5000 })).toBeVisible();
  },
};

/** Fuzzy search: "mob err" finds the mobile error analysis. */
export const FuzzySearch: Story = {
  args: { appId: 'app_custom_empty' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('combobox', {}, { timeout: 5000 }), 'mob err');
    await expect(
      await canvas.findByRole('option', { name: /Mobile.*Error analysis/ }, { timeout: 5000 }),
    ).toBeVisible();
  },
};

export const Chinese: Story = { parameters: { kit: { locale: 'zh' } } };

export const ChineseDropdown: Story = {
  args: { appId: 'app_custom_empty' },
  parameters: { kit: { locale: 'zh' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('combobox', {}, { timeout: 5000 }), '错误');
    await expect(await canvas.findByRole('listbox', {}, { timeout: 5000 })).toBeVisible();
  },
};

export const DarkTheme: Story = { parameters: { kit: { theme: darkTheme } } };
