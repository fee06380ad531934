import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeConfig, type Recorded, recordLifeCycle, useFakeClock } from '../../../test/helpers.js';
import { checkRaw } from '../../../test/schema.js';
import type { InitOptions } from '../../types.js';
import { ACTION_MAX_DURATION, startActionCollection } from './index.js';

describe('the action collector', () => {
  let recorded: Recorded;
  let actions: ReturnType<typeof startActionCollection>;
  const start = (options: Partial<InitOptions> = {}) => {
    recorded = recordLifeCycle();
    actions = startActionCollection(
      recorded.lifeCycle,
      makeConfig({ trackUserInteractions: true, ...options }),
    );
  };
  beforeEach(() => {
    useFakeClock();
    document.body.innerHTML = `
      <button id="save" data-test="Save it">Save</button>
      <div id="price" style="width: 80px">Buy now</div>
      <input id="search" />`;
  });
  afterEach(() => {
    actions.stop();
    vi.useRealTimers();
  });

  const click = (id: string, x = 10, y = 10) =>
    (document.getElementById(id) as Element).dispatchEvent(
      new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }),
    );
  const mutate = () => document.body.append(document.createElement('p'));
  const reported = () => recorded.of('action').map((raw) => checkRaw(raw));

  it('reports a click with its name, target and the time until page activity ended', async () => {
    start();
    click('save');
    await vi.advanceTimersByTimeAsync(30);
    mutate();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1100);
    const [point] = reported();
    expect(point?.tags.action_type).toBe('click');
    expect(point?.fields).toMatchObject({
      action_name: 'Save',
      duration: 30_000_000,
      action_error_count: 0,
      action_resource_count: 0,
      action_long_task_count: 0,
    });
    expect(JSON.parse(String(point?.fields.action_target))).toMatchObject({
      selector: 'button#save',
    });
    expect(JSON.parse(String(point?.fields.action_position))).toEqual({ x: 10, y: 10 });
    expect(point?.fields.action_frustration_types).toBeUndefined();
  });

  it('names a click by actionNameAttribute', async () => {
    start({ actionNameAttribute: 'data-test' });
    click('save');
    mutate();
    await vi.advanceTimersByTimeAsync(1200);
    expect(reported()[0]?.fields.action_name).toBe('Save it');
  });

  it('calls a click that changed nothing a dead click, but not on a form field', async () => {
    start();
    click('price');
    await vi.advanceTimersByTimeAsync(2000);
    click('search');
    await vi.advanceTimersByTimeAsync(2000);
    const points = reported();
    expect(points).toHaveLength(1);
    expect(points[0]?.fields.action_frustration_types).toBe('["dead_click"]');
  });

  it('makes three quick clicks in one place a single rage click', async () => {
    start();
    for (let i = 0; i < 4; i++) {
      click('price', 40 + i * 5, 12);
      await vi.advanceTimersByTimeAsync(150);
    }
    await vi.advanceTimersByTimeAsync(2000);
    const points = reported();
    expect(points).toHaveLength(1);
    expect(JSON.parse(String(points[0]?.fields.action_frustration_types))).toEqual([
      'rage_click',
      'dead_click',
    ]);
  });

  it('does not chain clicks far apart in time or space', async () => {
    start();
    click('save', 10, 10);
    mutate();
    await vi.advanceTimersByTimeAsync(200);
    click('save', 400, 10);
    mutate();
    await vi.advanceTimersByTimeAsync(1500);
    click('save', 400, 10);
    mutate();
    await vi.advanceTimersByTimeAsync(1500);
    expect(reported().map((p) => p.fields.action_frustration_types)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('counts the errors, resources and long tasks during the click; an error makes it an error click', async () => {
    start();
    click('save');
    const [id] = actions.findActionIds(performance.now());
    for (const type of ['error', 'resource', 'resource', 'long_task'] as const) {
      recorded.lifeCycle.assembled.notify({ type, date: 0, context: {}, actionIds: [id] });
    }
    mutate();
    await vi.advanceTimersByTimeAsync(1200);
    expect(reported()[0]?.fields).toMatchObject({
      action_error_count: 1,
      action_resource_count: 2,
      action_long_task_count: 1,
      action_frustration_types: '["error_click"]',
    });
  });

  it('ends a click after 10 s of continuous activity', async () => {
    start();
    click('save');
    const timer = setInterval(mutate, 50);
    await vi.advanceTimersByTimeAsync(ACTION_MAX_DURATION + 1500);
    clearInterval(timer);
    expect(reported()[0]?.fields.duration).toBe(ACTION_MAX_DURATION * 1e6);
  });

  it('ends clicks with the view they left: a click that routes did something', async () => {
    start();
    click('price');
    recorded.lifeCycle.viewEnded.notify({ id: 'v', startTime: 0, fields: {}, context: {} });
    await vi.advanceTimersByTimeAsync(1100);
    expect(reported()[0]?.fields.action_frustration_types).toBeUndefined();
  });

  it('tracks no clicks unless trackUserInteractions', async () => {
    start({ trackUserInteractions: false });
    click('save');
    mutate();
    await vi.advanceTimersByTimeAsync(2000);
    expect(reported()).toEqual([]);
  });

  it('reports custom actions at once, with their context', () => {
    start();
    actions.addAction('checkout', { cart: 3 });
    const [point] = reported();
    expect(point?.tags.action_type).toBe('custom');
    expect(point?.fields).toMatchObject({ action_name: 'checkout', cart: 3 });
  });
});
