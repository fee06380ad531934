import { createMemoryBackend } from '@rumkit/core/memory';
import { ApplicationList } from '@rumkit/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { action } from 'storybook/actions';
import { expect, userEvent, within } from 'storybook/test';
import {
  apiHandlers,
  demoApps,
  demoWorkspace,
  failingBackend,
  manyApps,
  stalledBackend,
  T0,
  unboundCustomApp,
} from '../test/mocks/handlers.js';
import { darkTheme, withKit } from './support/kit.js';

const serve = (apps = demoApps) =>
  apiHandlers(createMemoryBackend({ workspace: demoWorkspace, apps, now: () => T0 }), {
    latency: 150,
  });

const meta = {
  title: 'Kit/ApplicationList',
  component: ApplicationList,
  decorators: [withKit],
  args: {
    onCreate: action('onCreate'),
    onEdit: action('onEdit'),
    onBindDashboards: action('onBindDashboards'),
  },
  parameters: { layout: 'fullscreen', msw: { handlers: serve([...demoApps, unboundCustomApp]) } },
} satisfies Meta<typeof ApplicationList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A small team's apps: every kind of link, and a Custom app with nothing bound. */
export const Filled: Story = {};

export const Loading: Story = { parameters: { kit: { backend: stalledBackend } } };

export const Empty: Story = { parameters: { msw: { handlers: serve([]) } } };

export const ErrorState: Story = {
  name: 'Error',
  parameters: { kit: { backend: failingBackend } },
};

/** The browser is offline: the query waits instead of failing. */
export const WaitingForNetwork: Story = { parameters: { kit: { offline: true } } };

export const NoSearchMatch: Story = {
  args: { defaultSearch: 'checkout' },
};

export const Searching: Story = {
  args: { defaultSearch: 'acme' },
};

export const LongList: Story = { parameters: { msw: { handlers: serve(manyApps(240)) } } };

export const Chinese: Story = { parameters: { kit: { locale: 'zh' } } };

export const ChineseEmpty: Story = {
  parameters: { kit: { locale: 'zh' }, msw: { handlers: serve([]) } },
};

export const DarkTheme: Story = { parameters: { kit: { theme: darkTheme } } };

/** The row menu, opened from the keyboard. */
export const RowMenuOpen: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole(
      'button',
      { name: 'Actions for In-store kiosk' },
      { timeout: 5000 },
    );
    button.focus();
    await userEvent.keyboard('{Enter}');
    await expect(
      await canvas.findByRole('menuitem', { name: 'Edit' }, { timeout: 5000 }),
    ).toHaveFocus();
  },
};

/** Asking before deleting. */
export const ConfirmDelete: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole('button', { name: 'Actions for Acme web shop' }, { timeout: 5000 }),
    );
    await userEvent.click(
      await canvas.findByRole('menuitem', { name: 'Delete' }, { timeout: 5000 }),
    );
    const dialog = await within(document.body).findByRole('alertdialog', {}, { timeout: 5000 });
    await expect(dialog).toBeVisible();
  },
};
