import { ApiError, type Point, type ReplayRecord, replayRoutes } from '@rumkit/core';
import { createMemoryBackend, type MemoryBackend } from '@rumkit/core/memory';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { delay, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routeHandler } from '../../../../../test/mocks/api.js';
import { renderKit } from '../../../../../test/mocks/kit.js';
import { mockServerForFile } from '../../../../../test/mocks/node.js';
import { SessionReplay, type SessionReplayProps } from './SessionReplay.js';

// rrweb-player cannot run in happy-dom (its iframe never loads): a stand-in records what the
// component asks of it and lets a test speak for it. The real player is checked in Chromium
// (test/e2e/session-replay.test.ts, on the stories).
interface FakePlayer {
  props: Record<string, unknown>;
  target: HTMLElement;
  calls: unknown[][];
  config: Record<string, unknown>;
  iframe: HTMLIFrameElement;
  emit(event: string, payload?: unknown): void;
}
const players = vi.hoisted(() => [] as FakePlayer[]);
vi.mock('rrweb-player', () => ({
  default: class {
    props: Record<string, unknown>;
    target: HTMLElement;
    calls: unknown[][] = [];
    config: Record<string, unknown> = {};
    iframe = document.createElement('iframe');
    listeners = new Map<string, ((detail: unknown) => void)[]>();
    constructor(options: { target: HTMLElement; props: Record<string, unknown> }) {
      this.props = options.props;
      this.target = options.target;
      players.push(this as unknown as FakePlayer);
    }
    goto(...args: unknown[]) {
      this.calls.push(['goto', ...args]);
    }
    addEvent(event: unknown) {
      this.calls.push(['addEvent', event]);
    }
    toggle() {
      this.calls.push(['toggle']);
    }
    setSpeed(speed: number) {
      this.calls.push(['setSpeed', speed]);
    }
    triggerResize() {}
    addEventListener(event: string, handler: (detail: unknown) => void) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), handler]);
    }
    getReplayer() {
      return {
        iframe: this.iframe,
        setConfig: (config: Record<string, unknown>) => Object.assign(this.config, config),
        destroy: () => this.calls.push(['destroy']),
      };
    }
    $set(props: Record<string, unknown>) {
      this.calls.push(['$set', props]);
    }
    $destroy() {
      this.calls.push(['$destroy']);
    }
    emit(event: string, payload?: unknown) {
      for (const handler of this.listeners.get(event) ?? []) handler({ payload });
    }
  },
}));

const NOW = Date.UTC(2026, 10, 20, 12);
const S = NOW - 10 * 60_000;
const base = { app_id: 'shop', session_id: 's1' };

const records: ReplayRecord[] = [
  {
    type: 4,
    timestamp: S,
    data: { href: 'https://shop.example.com/cart', width: 1024, height: 640 },
  },
  // Guance's SDK (Datadog's numbering) records focus as 6, the view's end as 7.
  { type: 6, timestamp: S, data: { has_focus: true } },
  { type: 2, timestamp: S, data: { node: { type: 0, id: 1, childNodes: [] }, initialOffset: {} } },
  { type: 3, timestamp: S + 1_000, data: { source: 1, positions: [] } },
  { type: 3, timestamp: S + 3_000, data: { source: 2, type: 2, id: 1 } },
  { type: 3, timestamp: S + 95_000, data: { source: 2, type: 2, id: 1 } },
  { type: 8, timestamp: S + 96_000, data: { scale: 1 } },
  {
    type: 3,
    timestamp: S + 100_000,
    data: { source: 0, adds: [], removes: [], texts: [], attributes: [] },
  },
  { type: 7, timestamp: S + 100_000 },
];

const segment = (recorded: ReplayRecord[], session_id = 's1', index = 0) => ({
  fields: {
    app_id: 'shop',
    session_id,
    view_id: 'v-cart',
    start: String(recorded[0]?.timestamp),
    end: String(recorded[recorded.length - 1]?.timestamp),
    creation_reason: index === 0 ? 'init' : 'segment_duration_limit',
    records_count: String(recorded.length),
    has_full_snapshot: String(recorded.some((r) => r.type === 2)),
    index_in_view: String(index),
  },
  records: recorded,
});

const events: Point[] = [
  {
    measurement: 'view',
    tags: {
      ...base,
      view_id: 'v-cart',
      view_url: 'https://shop.example.com/cart',
      view_path: '/cart',
    },
    fields: { session_has_replay: true, time_spent: 5e10 },
    time: S,
  },
  {
    measurement: 'action',
    tags: { ...base, view_id: 'v-cart', action_id: 'a1', action_type: 'click' },
    fields: { action_name: 'Go to checkout' },
    time: S + 3_000,
  },
  {
    measurement: 'view',
    tags: {
      ...base,
      view_id: 'v-checkout',
      view_url: 'https://shop.example.com/checkout',
      view_path: '/checkout',
    },
    fields: { session_has_replay: true, time_spent: 5e10 },
    time: S + 3_100,
  },
  {
    measurement: 'error',
    tags: {
      ...base,
      view_id: 'v-checkout',
      error_id: 'e1',
      error_type: 'PaymentError',
      error_source: 'source',
    },
    fields: { error_message: '<img src=x onerror="window.hacked=1"> card expired' },
    time: S + 95_000,
  },
  // A session without a replay.
  {
    measurement: 'view',
    tags: {
      app_id: 'shop',
      session_id: 's-plain',
      view_id: 'v-plain',
      view_url: 'https://shop.example.com/',
    },
    fields: { time_spent: 1e9 },
    time: S,
  },
];

const server = mockServerForFile();
let backend: MemoryBackend;

function serve(...replays: ReturnType<typeof segment>[]) {
  backend = createMemoryBackend({ now: () => NOW, events, replays });
  server.use(
    routeHandler(replayRoutes.sessionReplay, async ({ params, request }) => {
      const query = new URL(request.url).searchParams;
      const at = query.get('at');
      try {
        return HttpResponse.json(
          await backend.getSessionReplay({
            session_id: String(params.sessionId),
            part: (query.get('part') ?? undefined) as 'first' | 'rest' | undefined,
            ...(at === null ? {} : { at: Number(at) }),
          }),
        );
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        return HttpResponse.json(
          { error_code: error.code, message: error.message },
          { status: error.status },
        );
      }
    }),
  );
}

beforeEach(() => {
  players.length = 0;
});
afterEach(() => vi.restoreAllMocks());

function show(props: Partial<SessionReplayProps> = {}) {
  return renderKit(<SessionReplay sessionId="s1" {...props} />);
}
const root = () => screen.getByRole('region', { name: 'Session replay' });
const ready = () => waitFor(() => expect(root().getAttribute('data-state')).toBe('ready'));
const player = () => {
  const last = players[players.length - 1];
  if (!last) throw new Error('no player was mounted');
  return last;
};
const list = () => screen.getByRole('list', { name: 'Pages, actions and errors' });
const entries = () => within(list()).getAllByRole('button');
const current = () => entries().find((entry) => entry.getAttribute('aria-current') === 'true');

describe('SessionReplay: states', () => {
  it('says it is loading while the replay is on its way', async () => {
    server.use(
      routeHandler(replayRoutes.sessionReplay, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    show();
    expect(root().getAttribute('data-state')).toBe('loading');
    expect(root().getAttribute('aria-busy')).toBe('true');
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Loading the replay…');
    expect(players).toEqual([]);
  });

  it("shows the server's message with a retry when the replay cannot be loaded", async () => {
    server.use(
      routeHandler(replayRoutes.sessionReplay, () =>
        HttpResponse.json(
          { error_code: 'server.unavailable', message: 'the event store is not reachable' },
          { status: 503 },
        ),
      ),
    );
    show();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The replay could not be loaded');
    expect(alert.textContent).toContain('the event store is not reachable');
    expect(alert.textContent).toContain('server.unavailable');
    serve(segment(records));
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await ready();
    expect(players).toHaveLength(1);
  });

  it('says so when there is no such session (404)', async () => {
    serve(segment(records));
    show({ sessionId: 'nobody' });
    expect(await screen.findByText('Session not found')).toBeTruthy();
    expect(root().getAttribute('data-state')).toBe('empty');
    expect(root().getAttribute('data-empty')).toBe('not-found');
  });

  it('says there is no replay for a session that was not recorded', async () => {
    serve(segment(records));
    show({ sessionId: 's-plain' });
    expect(await screen.findByText('No replay for this session')).toBeTruthy();
    expect(root().getAttribute('data-empty')).toBe('no-replay');
    expect(players).toEqual([]);
  });

  it('says a recording without a snapshot to start from cannot be played', async () => {
    serve(segment(records.filter((record) => record.type !== 2)));
    show();
    expect(await screen.findByText('This replay cannot be played')).toBeTruthy();
    expect(root().getAttribute('data-empty')).toBe('unplayable');
    expect(players).toEqual([]);
  });
});

describe('SessionReplay: a long replay', () => {
  // Two segments: the first minute (with the snapshot) and one at 1:35.
  const firstPart = records.filter((r) => r.timestamp < S + 60_000);
  const rest = records.filter((r) => r.timestamp >= S + 60_000);

  it('plays its first part at once and adds the rest to the same player when it comes', async () => {
    let release = () => {};
    const restAsked = new Promise<void>((resolve) => {
      serve(segment(firstPart), segment(rest, 's1', 1));
      const memory = backend;
      server.use(
        routeHandler(replayRoutes.sessionReplay, async ({ request }) => {
          const part = new URL(request.url).searchParams.get('part') as 'first' | 'rest';
          if (part === 'rest') {
            resolve();
            await new Promise<void>((go) => {
              release = go;
            });
          }
          return HttpResponse.json(await memory.getSessionReplay({ session_id: 's1', part }));
        }),
      );
    });
    show();
    await ready();
    await restAsked;
    expect(players).toHaveLength(1);
    expect((player().props.events as ReplayRecord[]).map((r) => r.timestamp - S)).toEqual([
      0, 0, 1_000, 3_000,
    ]);
    // The span is the whole recording's from the start: the position reads out of 1:40.
    expect(screen.getByText('Loading the rest of the recording…').getAttribute('role')).toBe(
      'status',
    );
    expect(screen.getByText('0:00 of 1:40')).toBeTruthy();
    release();
    await waitFor(() =>
      expect(
        player()
          .calls.filter((call) => call[0] === 'addEvent')
          .map((call) => (call[1] as ReplayRecord).timestamp - S),
      ).toEqual([95_000, 100_000]),
    );
    expect(players).toHaveLength(1);
    expect(player().calls).not.toContainEqual(['$destroy']);
    expect(screen.queryByText('Loading the rest of the recording…')).toBeNull();
  });

  it('plays on into the rest when it ran out of records before the rest came', async () => {
    let release = () => {};
    serve(segment(firstPart), segment(rest, 's1', 1));
    const memory = backend;
    server.use(
      routeHandler(replayRoutes.sessionReplay, async ({ request }) => {
        const part = new URL(request.url).searchParams.get('part') as 'first' | 'rest';
        if (part === 'rest')
          await new Promise<void>((go) => {
            release = go;
          });
        return HttpResponse.json(await memory.getSessionReplay({ session_id: 's1', part }));
      }),
    );
    show();
    await ready();
    // rrweb played the first part to its last record (0:03) and finished.
    act(() => {
      player().emit('ui-update-current-time', 3_000);
      player().emit('finish');
    });
    const gotos = () => player().calls.filter((call) => call[0] === 'goto');
    const before = gotos().length;
    release();
    await waitFor(() => expect(gotos()).toHaveLength(before + 1));
    // From where it stopped (rrweb's offset, a millisecond on), playing.
    expect(gotos().at(-1)).toEqual(['goto', 3_001, true]);
    expect(player().calls.filter((call) => call[0] === 'addEvent')).toHaveLength(2);
  });

  it('keeps playing the first part when the rest cannot be loaded, and retries it', async () => {
    serve(segment(firstPart), segment(rest, 's1', 1));
    const memory = backend;
    let fail = true;
    server.use(
      routeHandler(replayRoutes.sessionReplay, async ({ request }) => {
        const part = new URL(request.url).searchParams.get('part') as 'first' | 'rest';
        if (part === 'rest' && fail)
          return HttpResponse.json(
            { error_code: 'server.unavailable', message: 'the blob store is not reachable' },
            { status: 503 },
          );
        return HttpResponse.json(await memory.getSessionReplay({ session_id: 's1', part }));
      }),
    );
    show();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The rest of the recording could not be loaded.');
    // The first part still plays, in the one player.
    expect(root().getAttribute('data-state')).toBe('ready');
    expect(players).toHaveLength(1);
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(player().calls.filter((call) => call[0] === 'addEvent')).toHaveLength(2),
    );
    expect(players).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('waits for the rest when the first part has no snapshot to start from', async () => {
    // An error-mode upload can start mid-page: the snapshot comes at 1:35.
    const moves = records.filter((r) => r.type === 3 && r.timestamp < S + 60_000);
    const later = [
      { ...(records[0] as ReplayRecord), timestamp: S + 95_000 },
      { ...(records[2] as ReplayRecord), timestamp: S + 95_000 },
      { type: 3, timestamp: S + 99_000, data: { source: 1, positions: [] } },
    ];
    serve(segment(moves), segment(later, 's1', 1));
    show();
    await ready();
    expect(players).toHaveLength(1);
    expect((player().props.events as ReplayRecord[]).map((r) => [r.type, r.timestamp - S])).toEqual(
      [
        [4, 95_000],
        [2, 95_000],
        [3, 99_000],
      ],
    );
    expect(player().calls.filter((call) => call[0] === 'addEvent')).toEqual([]);
  });

  it('opened at a moment past the first minute, loads up to it first', async () => {
    const asked: string[] = [];
    serve(segment(firstPart), segment(rest, 's1', 1));
    const memory = backend;
    server.use(
      routeHandler(replayRoutes.sessionReplay, async ({ request }) => {
        const query = new URL(request.url).searchParams;
        asked.push(`${query.get('part')} ${Number(query.get('at')) - S}`);
        const part = query.get('part') as 'first' | 'rest';
        return HttpResponse.json(
          await memory.getSessionReplay({ session_id: 's1', part, at: Number(query.get('at')) }),
        );
      }),
    );
    show({ initialTime: S + 96_000 });
    await ready();
    expect(player().props.events as ReplayRecord[]).toHaveLength(6);
    // All of it came in the first part: no second request.
    expect(asked).toEqual(['first 96000']);
  });
});

describe('SessionReplay: playing', () => {
  it('plays the records rrweb can play, skipping idle minutes, in a titled frame', async () => {
    serve(segment(records));
    show();
    await ready();
    const { props, target, iframe } = player();
    expect((props.events as ReplayRecord[]).map((r) => r.type)).toEqual([4, 2, 3, 3, 3, 3]);
    expect(props).toMatchObject({
      showController: false,
      autoPlay: false,
      speed: 1,
      speedOption: [1, 1.5, 2, 4],
      skipInactive: true,
      inactivePeriodThreshold: 60_000,
      triggerFocus: false,
    });
    // With UNSAFE_replayCanvas rrweb would let the recorded page run scripts.
    expect(props).not.toHaveProperty('UNSAFE_replayCanvas');
    expect(target.classList.contains('rk-replay-stage')).toBe(true);
    expect(iframe.getAttribute('title')).toBe('The recorded page');
    // It starts at the beginning and plays at once (rrweb is asked for a millisecond more, so
    // that the records of the moment itself are shown: rrwebGotoOffset).
    expect(player().calls).toContainEqual(['goto', 1, true]);
  });

  it('starts at a moment given as an epoch time, within the recording', async () => {
    serve(segment(records));
    show({ initialTime: S + 3_000, autoPlay: false });
    await ready();
    expect(player().calls).toContainEqual(['goto', 3_001, false]);
  });

  it('marks the idle stretch on the track and tells when it skips it', async () => {
    serve(segment(records));
    const { container } = show();
    await ready();
    const idle = container.querySelectorAll('.rk-replay-track-idle');
    expect(idle).toHaveLength(1);
    expect(idle[0]?.getAttribute('title')).toBe('Inactive 1:32');
    act(() => player().emit('skip-start', { speed: 46 }));
    expect(screen.getByText('Skipping inactivity…')).toBeTruthy();
    act(() => player().emit('skip-end'));
    expect(screen.queryByText('Skipping inactivity…')).toBeNull();
  });

  it('plays and pauses from its own button, which says what it will do', async () => {
    serve(segment(records));
    show();
    await ready();
    const button = screen.getByRole('button', { name: 'Play' });
    act(() => player().emit('ui-update-player-state', 'playing'));
    expect(button.getAttribute('aria-label')).toBe('Pause');
    fireEvent.click(button);
    expect(player().calls).toContainEqual(['toggle']);
  });

  it('changes speed among 1×, 1.5×, 2× and 4×, keeping skips at a minute of recorded time', async () => {
    serve(segment(records));
    const onSpeedChange = vi.fn();
    show({ onSpeedChange });
    await ready();
    const speeds = screen.getByRole('group', { name: 'Speed' });
    expect(
      within(speeds)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['1×', '1.5×', '2×', '4×']);
    fireEvent.click(within(speeds).getByRole('button', { name: '2×' }));
    expect(onSpeedChange).toHaveBeenCalledWith(2);
    expect(player().calls).toContainEqual(['setSpeed', 2]);
    expect(player().config.inactivePeriodThreshold).toBe(30_000);
    expect(within(speeds).getByRole('button', { name: '2×' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('turns skipping inactivity off and on', async () => {
    serve(segment(records));
    const onSkipInactiveChange = vi.fn();
    show({ onSkipInactiveChange });
    await ready();
    const toggle = screen.getByRole('switch', { name: 'Skip inactivity' }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.checked).toBe(false);
    expect(onSkipInactiveChange).toHaveBeenCalledWith(false);
    expect(player().calls).toContainEqual(['$set', { skipInactive: false }]);
  });

  it('seeks with the position slider: a step at once, a drag once it is let go', async () => {
    serve(segment(records));
    show();
    await ready();
    const slider = screen.getByRole('slider', { name: 'Position' });
    expect(slider.getAttribute('aria-valuetext')).toBe('0:00 of 1:40');
    // A keyboard or screen reader step.
    fireEvent.change(slider, { target: { value: '20000' } });
    expect(player().calls).toContainEqual(['goto', 20_001]);
    // A drag shows where it is, and seeks when let go.
    fireEvent.pointerDown(slider);
    fireEvent.change(slider, { target: { value: '50000' } });
    expect(slider.getAttribute('aria-valuetext')).toBe('0:50 of 1:40');
    expect(player().calls).not.toContainEqual(['goto', 50_001]);
    fireEvent.pointerUp(slider);
    expect(player().calls).toContainEqual(['goto', 50_001]);
  });

  it('goes full screen on its own container', async () => {
    serve(segment(records));
    Object.defineProperty(document, 'fullscreenEnabled', { value: true, configurable: true });
    const request = vi.fn(() => Promise.resolve());
    const original = HTMLElement.prototype.requestFullscreen;
    HTMLElement.prototype.requestFullscreen = request;
    try {
      show();
      await ready();
      fireEvent.click(screen.getByRole('button', { name: 'Full screen' }));
      expect(request).toHaveBeenCalledTimes(1);
      expect(request.mock.contexts[0]).toBe(root());
    } finally {
      Reflect.deleteProperty(document, 'fullscreenEnabled');
      HTMLElement.prototype.requestFullscreen = original;
    }
  });

  it('destroys the player when it goes away', async () => {
    serve(segment(records));
    const { unmount } = show();
    await ready();
    const mounted = player();
    unmount();
    expect(mounted.calls.slice(-2)).toEqual([['destroy'], ['$destroy']]);
  });
});

describe('SessionReplay: the side list', () => {
  it("lists the session's pages, actions and errors on the recording's clock, as text", async () => {
    serve(segment(records));
    const { container } = show();
    await ready();
    expect(entries().map((entry) => entry.textContent)).toEqual([
      '0:00View: /carthttps://shop.example.com/cart',
      '0:03Action: Go to checkout',
      '0:03View: /checkouthttps://shop.example.com/checkout',
      '1:35Error: PaymentError: <img src=x onerror="window.hacked=1"> card expired',
    ]);
    // An event's text is never HTML.
    expect(container.querySelector('img')).toBeNull();
  });

  it('seeks to an entry on click and marks the entry playing as the player moves', async () => {
    serve(segment(records));
    show();
    await ready();
    expect(current()?.textContent).toContain('/cart');
    fireEvent.click(entries()[3] as HTMLElement);
    expect(player().calls).toContainEqual(['goto', 95_001]);
    expect(current()?.textContent).toContain('card expired');
    act(() => player().emit('ui-update-current-time', 3_050));
    expect(current()?.textContent).toContain('Go to checkout');
    act(() => player().emit('ui-update-current-time', 3_200));
    expect(current()?.textContent).toContain('/checkout');
    // The page bar follows the page on screen.
    expect(
      screen.getByText('https://shop.example.com/checkout', { selector: '.rk-replay-url' }),
    ).toBeTruthy();
  });

  it('folds away and back, saying so on its button', async () => {
    serve(segment(records));
    show();
    await ready();
    const button = screen.getByRole('button', { name: 'Hide the list' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(button);
    expect(screen.queryByRole('list', { name: 'Pages, actions and errors' })).toBeNull();
    expect(button.textContent).toBe('Show the list');
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('SessionReplay: a shareable position', () => {
  it('tells the host the position in whole seconds, as epoch times', async () => {
    serve(segment(records));
    const onTimeChange = vi.fn();
    show({ onTimeChange });
    await ready();
    expect(onTimeChange).toHaveBeenLastCalledWith(S);
    act(() => player().emit('ui-update-current-time', 2_480));
    expect(onTimeChange).toHaveBeenLastCalledWith(S + 2_000);
    act(() => player().emit('ui-update-current-time', 2_910));
    expect(onTimeChange).toHaveBeenCalledTimes(2);
  });

  it('goes where the host says, but not back to where it just was', async () => {
    serve(segment(records));
    const onTimeChange = vi.fn();
    const { rerender } = show({ onTimeChange, time: S });
    await ready();
    act(() => player().emit('ui-update-current-time', 4_200));
    const seeks = () => player().calls.filter(([call]) => call === 'goto');
    const before = seeks().length;
    // The host echoes what it was told: no seek.
    rerender(<SessionReplay sessionId="s1" onTimeChange={onTimeChange} time={S + 4_000} />);
    expect(seeks()).toHaveLength(before);
    // A link to another moment (the back button, say): the player goes there.
    rerender(<SessionReplay sessionId="s1" onTimeChange={onTimeChange} time={S + 60_000} />);
    expect(seeks()[seeks().length - 1]).toEqual(['goto', 60_001]);
  });

  it('copies a link to the moment when the host can make one', async () => {
    serve(segment(records));
    const linkHref = vi.fn((time: number) => `#/replay/s1?t=${time}`);
    show({ linkHref });
    await ready();
    expect(screen.getByRole('button', { name: 'Copy link to this moment' })).toBeTruthy();
    expect(linkHref).toHaveBeenLastCalledWith(S);
  });
});
