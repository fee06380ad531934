import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeConfig, recordLifeCycle } from '../../test/helpers.js';
import { toCheckedPoint } from '../../test/schema.js';
import { emit } from '../lifeCycle.js';
import { createDrops } from '../transport/drops.js';
import type { InitOptions, ViewContext } from '../types.js';
import { createContext } from './contexts.js';
import { EVENTS_PER_MINUTE, startAssembly } from './index.js';
import type { Session, SessionManager } from './session.js';

const VIEW: ViewContext = {
  id: 'view-1',
  startTime: 0,
  fields: {
    viewId: 'view-1',
    viewUrl: 'https://shop.example/cart',
    viewPath: '/cart',
    viewName: '/cart',
  },
  context: { step: 'cart' },
};

function setup(options: Partial<InitOptions> = {}, given?: Session | null) {
  const session = given === undefined ? { id: 's1', tracking: 1 as const } : (given ?? undefined);
  const recorded = recordLifeCycle();
  const drops = createDrops();
  const globalContext = createContext('global');
  const user = createContext('user');
  const markError = vi.fn((date: number) => {
    if (session) Object.assign(session, { tracking: 3, errorDate: date });
  });
  const manager = { find: () => session, markError } as unknown as SessionManager;
  let opened = true;
  let hasReplay = false;
  const assembly = startAssembly(
    makeConfig({ env: 'prod', version: '1.0', ...options }),
    recorded.lifeCycle,
    drops,
    {
      session: () => (opened ? { session: manager, anonymousId: 'anon-1' } : undefined),
      findView: () => VIEW,
      findActionIds: () => ['a1', 'a2'],
      globalContext,
      user,
      device: { os: 'Linux', device: 'PC' },
      hasReplay: () => hasReplay,
    },
  );
  const stop = assembly.stop;
  const close = () => {
    opened = false;
  };
  const open = () => {
    opened = true;
    assembly.drain();
  };
  const send = (
    type: 'error' | 'resource' | 'view' | 'action' | 'telemetry',
    data: Record<string, unknown> = {},
    context?: object,
  ) =>
    emit(
      recorded.lifeCycle,
      type,
      10,
      { ...(type === 'view' ? {} : { duration: 1 }), ...data },
      { context: context as Record<string, unknown> },
    );
  const recording = (on: boolean) => {
    hasReplay = on;
  };
  return { recorded, drops, globalContext, user, markError, send, stop, open, close, recording };
}

describe('assembly', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('adds app, SDK, device, session, user, view and action context', () => {
    const t = setup();
    stop = t.stop;
    t.send('resource', { resourceUrl: 'https://a.example/x', resourceType: 'js' });
    const point = toCheckedPoint(t.recorded.assembled[0] as never);
    expect(point.tags).toMatchObject({
      app_id: 'test_app',
      sdk_name: 'rumkit_web',
      sdk_version: '0.1.0',
      env: 'prod',
      version: '1.0',
      service: 'browser',
      source: 'browser',
      session_id: 's1',
      session_type: 'user',
      userid: 'anon-1',
      is_signin: 'F',
      os: 'Linux',
      device: 'PC',
      view_id: 'view-1',
      view_url: 'https://shop.example/cart',
    });
    expect(point.fields).toMatchObject({
      action_id: 'a2',
      action_ids: '["a1","a2"]',
      session_sample_rate: 100,
      step: 'cart',
    });
  });

  it('says session_has_replay while the replay recorder sends segments, and nothing otherwise', () => {
    const t = setup();
    stop = t.stop;
    t.send('view');
    t.recording(true);
    t.send('resource', { resourceUrl: 'https://a.example/x', resourceType: 'js' });
    t.recording(false);
    t.send('resource', { resourceUrl: 'https://a.example/y', resourceType: 'js' });
    const points = t.recorded.assembled.map((event) => toCheckedPoint(event as never));
    expect(points.map((p) => p.fields.session_has_replay)).toEqual([undefined, true, undefined]);
  });

  it('uses setUser for userid, user_name, user_email and is_signin, its other keys as custom fields', () => {
    const t = setup();
    stop = t.stop;
    t.user.set({ id: 42, name: 'Ann', email: 'ann@example.com', plan: 'pro' });
    t.globalContext.setProperty('tenant', 'acme');
    t.send('action', { actionType: 'custom', actionName: 'pay' }, { amount: 12 });
    const point = toCheckedPoint(t.recorded.assembled[0] as never);
    expect(point.tags).toMatchObject({
      userid: '42',
      user_name: 'Ann',
      user_email: 'ann@example.com',
      is_signin: 'T',
    });
    expect(point.fields).toMatchObject({ is_login: true, plan: 'pro', tenant: 'acme', amount: 12 });
    expect(JSON.parse(String(point.fields.custom_keys)).sort()).toEqual([
      'amount',
      'plan',
      'step',
      'tenant',
    ]);
  });

  it('sends nothing from an untracked session, or without a session', () => {
    const untracked = setup({}, { id: 's1', tracking: 0 });
    untracked.send('resource');
    untracked.stop();
    const none = setup({}, null);
    none.send('resource');
    none.stop();
    expect([...untracked.recorded.assembled, ...none.recorded.assembled]).toEqual([]);
  });

  it('starts sending an error-sampled session from its first error on', () => {
    const t = setup({}, { id: 's1', tracking: 2 });
    stop = t.stop;
    t.send('resource');
    t.send('error', { errorMessage: 'boom', errorSource: 'source' });
    t.send('view', { timeSpent: 1 });
    expect(t.recorded.assembled.map((e) => e.type)).toEqual(['error', 'view']);
    expect(t.markError).toHaveBeenCalledTimes(1);
    const view = toCheckedPoint(t.recorded.assembled[1] as never);
    expect(view.fields).toMatchObject({ sampled_for_error_session: true });
  });

  it('lets beforeSend edit or drop events, but not their type or time', () => {
    const t = setup({
      beforeSend: (event, context) => {
        if (event.resourceUrl === 'https://a.example/secret') return false;
        event.resourceUrl = String(event.resourceUrl).replace('token=abc', 'token=***');
        event.type = 'view';
        event.context.edited = context.marker;
        return true;
      },
    });
    stop = t.stop;
    emit(
      t.recorded.lifeCycle,
      'resource',
      10,
      { resourceUrl: 'https://a.example/x?token=abc', duration: 1 },
      { domain: { marker: 'yes' } },
    );
    t.send('resource', { resourceUrl: 'https://a.example/secret' });
    expect(t.recorded.assembled).toHaveLength(1);
    expect(t.recorded.assembled[0]).toMatchObject({
      type: 'resource',
      resourceUrl: 'https://a.example/x?token=***',
      context: { edited: 'yes' },
    });
  });

  it('survives a beforeSend that throws: the event goes out, the developer is told once', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const t = setup({
      beforeSend: () => {
        throw new Error('oops');
      },
    });
    stop = t.stop;
    t.send('resource');
    t.send('resource');
    expect(t.recorded.assembled).toHaveLength(2);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('limits each event type to 3,000 a minute and counts the rest, never views', () => {
    const t = setup();
    stop = t.stop;
    for (let i = 0; i < EVENTS_PER_MINUTE + 5; i++) t.send('error', { errorMessage: 'x' });
    for (let i = 0; i < 10; i++) t.send('view', { timeSpent: i });
    expect(t.recorded.assembled.filter((e) => e.type === 'error')).toHaveLength(EVENTS_PER_MINUTE);
    expect(t.recorded.assembled.filter((e) => e.type === 'view')).toHaveLength(10);
    expect(t.drops.take()).toEqual({ rate_limited: 5 });
  });

  it('keeps events until the session store has been read, then assembles them in order', () => {
    const t = setup();
    stop = t.stop;
    t.close();
    t.user.set({ id: 'ann' });
    t.send('resource', { resourceUrl: 'https://a.example/1' });
    t.send('error', { errorMessage: 'early' });
    t.user.clear();
    expect(t.recorded.assembled).toEqual([]);
    t.open();
    // Each keeps the user of its moment, not of the moment the session was read.
    expect(t.recorded.assembled.map((e) => e.userid)).toEqual(['ann', 'ann']);
    t.send('resource', { resourceUrl: 'https://a.example/2' });
    expect(t.recorded.assembled.map((e) => e.resourceUrl ?? e.errorMessage)).toEqual([
      'https://a.example/1',
      'early',
      'https://a.example/2',
    ]);
  });

  it('sends telemetry with the app context only, never through beforeSend', () => {
    const beforeSend = vi.fn(() => false);
    const t = setup({ beforeSend });
    stop = t.stop;
    t.send('telemetry', {
      telemetryType: 'log',
      status: 'debug',
      message: 'hi',
      duration: undefined,
    });
    const point = toCheckedPoint(t.recorded.assembled[0] as never);
    expect(point.tags.view_id).toBeUndefined();
    expect(beforeSend).not.toHaveBeenCalled();
  });
});
