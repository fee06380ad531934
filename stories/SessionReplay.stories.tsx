import { ApiError, type RumBackend } from '@rumkit/core';
import { SessionReplay } from '@rumkit/react/session-replay';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { action } from 'storybook/actions';
import { apiHandlers, failingBackend, stalledBackend } from '../test/mocks/handlers.js';
import { darkTheme, withKit } from './support/kit.js';
import { CHECKOUT, CHECKOUT_IDLE, markTime, replayBackend } from './support/replay.js';

// Real rrweb recordings of a checkout (test/fixtures/replay, scripts/record-fixture.mjs) served
// over HTTP through msw, as a host's createHttpBackend reaches the server.
const checkout = replayBackend(CHECKOUT, 'rec-checkout');
const idle = replayBackend(CHECKOUT_IDLE, 'rec-idle');

const meta = {
  title: 'Kit/SessionReplay',
  component: SessionReplay,
  // The first decorator is the innermost: the player fills the kit frame's height.
  decorators: [
    (Story) => (
      <div style={{ height: 'calc(100vh - 48px)', minHeight: 520 }}>
        <Story />
      </div>
    ),
    withKit,
  ],
  args: {
    sessionId: 'rec-checkout',
    onTimeChange: action('onTimeChange'),
    onSpeedChange: action('onSpeedChange'),
    onSkipInactiveChange: action('onSkipInactiveChange'),
    linkHref: (time: number) => `#/replay/rec-checkout?t=${time}`,
  },
  parameters: {
    layout: 'fullscreen',
    msw: { handlers: apiHandlers(checkout) },
  },
} satisfies Meta<typeof SessionReplay>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A 6-second visit: the cart, the checkout form, a declined payment, the order placed. */
export const Playing: Story = {};

/**
 * Opened from the explorer's error, or from a shared link: it starts at that moment, paused.
 */
export const AtAnError: Story = {
  args: { initialTime: markTime(CHECKOUT, 'error'), autoPlay: false },
};

/**
 * The same visit with the person away for three minutes and then two: the track hatches the
 * idle stretches, which the player skips (on by default).
 */
export const LongSessionSkipsInactivity: Story = {
  args: { sessionId: 'rec-idle', linkHref: (time: number) => `#/replay/rec-idle?t=${time}` },
  parameters: { msw: { handlers: apiHandlers(idle) } },
};

/**
 * The same long visit while the rest of its records are still on their way: its first minute
 * plays, and the header says the rest is loading (it never arrives here).
 */
export const LoadingTheRest: Story = {
  args: { sessionId: 'rec-idle', linkHref: (time: number) => `#/replay/rec-idle?t=${time}` },
  parameters: {
    kit: {
      backend: (): RumBackend => ({
        ...idle,
        getSessionReplay: (input, options) =>
          input.part === 'rest'
            ? stalledBackend().getSessionReplay(input, options)
            : idle.getSessionReplay(input, options),
      }),
    },
  },
};

/** A session that was not recorded. */
export const Empty: Story = { args: { sessionId: 'no-replay' } };

export const Loading: Story = { parameters: { kit: { backend: stalledBackend } } };

export const LoadError: Story = { parameters: { kit: { backend: () => failingBackend() } } };

/** No such session in the time searched (the API's 404), e.g. a link past the retention. */
export const NotFound: Story = {
  args: { sessionId: 'gone-session' },
  parameters: {
    kit: {
      backend: () =>
        failingBackend(
          new ApiError(404, 'session.not_found', 'no session gone-session in this time range'),
        ),
    },
  },
};

/** The list folded away, for more room. */
export const ListHidden: Story = { args: { defaultListOpen: false } };

export const Chinese: Story = { parameters: { kit: { locale: 'zh' } } };

export const DarkTheme: Story = { parameters: { kit: { theme: darkTheme } } };
