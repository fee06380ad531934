import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakePerformanceObserver, recordLifeCycle } from '../../../test/helpers.js';
import { checkRaw } from '../../../test/schema.js';
import { startLongTaskCollection } from './index.js';

describe('the long task collector', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reports Long Animation Frames with their blocking time and scripts, in ns', () => {
    const observer = fakePerformanceObserver(['long-animation-frame', 'longtask']);
    const recorded = recordLifeCycle();
    const stop = startLongTaskCollection(recorded.lifeCycle);
    expect(observer.count('longtask')).toBe(0);
    const script = {
      name: 'script',
      entryType: 'script',
      startTime: 1010,
      duration: 140,
      invoker: 'BUTTON#slow.onclick',
      invokerType: 'event-listener',
      windowAttribution: 'self',
      executionStart: 1011,
      forcedStyleAndLayoutDuration: 2,
      pauseDuration: 0,
      sourceURL: 'https://shop.example/app.js',
      sourceFunctionName: 'busy',
      sourceCharPosition: 120,
    };
    observer.emit('long-animation-frame', [
      {
        entryType: 'long-animation-frame',
        startTime: 1000,
        duration: 160,
        blockingDuration: 110,
        renderStart: 1150,
        styleAndLayoutStart: 1152,
        firstUIEventTimestamp: 0,
        scripts: [{ ...script, toJSON: () => script }],
      },
    ]);
    stop();
    const point = checkRaw(recorded.of('long_task')[0] as never);
    expect(point.fields).toMatchObject({
      duration: 160_000_000,
      blocking_duration: 110_000_000,
      long_task_start_time: 1_000_000_000,
      render_start: 1_150_000_000,
    });
    expect(JSON.parse(String(point.fields.scripts))).toEqual([
      {
        start_time: 1_010_000_000,
        duration: 140_000_000,
        invoker: 'BUTTON#slow.onclick',
        invoker_type: 'event-listener',
        window_attribution: 'self',
        execution_start: 1_011_000_000,
        forced_style_and_layout_duration: 2_000_000,
        pause_duration: 0,
        source_url: 'https://shop.example/app.js',
        source_function_name: 'busy',
        source_char_position: 120,
      },
    ]);
  });

  it('falls back to longtask entries', () => {
    const observer = fakePerformanceObserver(['longtask']);
    const recorded = recordLifeCycle();
    const stop = startLongTaskCollection(recorded.lifeCycle);
    observer.emit('longtask', [{ entryType: 'longtask', startTime: 500, duration: 75 }]);
    stop();
    const point = checkRaw(recorded.of('long_task')[0] as never);
    expect(point.fields).toEqual({ duration: 75_000_000 });
    expect(point.tags.long_task_id).toBeTruthy();
  });
});
