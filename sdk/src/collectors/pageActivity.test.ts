import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordLifeCycle, useFakeClock } from '../../test/helpers.js';
import type { RequestInfo } from '../browser/requests.js';
import { waitPageActivityEnd } from './pageActivity.js';

describe('page activity', () => {
  beforeEach(useFakeClock);
  afterEach(() => vi.useRealTimers());

  const request = (url = 'https://api.example/x'): RequestInfo => ({
    kind: 'fetch',
    url,
    method: 'GET',
    startTime: 0,
  });

  it('ends 100 ms after the last request ends, at that request’s end', async () => {
    const { lifeCycle } = recordLifeCycle();
    const onEnd = vi.fn();
    waitPageActivityEnd(lifeCycle, [], onEnd);
    const r = request();
    vi.advanceTimersByTime(20);
    lifeCycle.requestStarted.notify(r);
    vi.advanceTimersByTime(500);
    expect(onEnd).not.toHaveBeenCalled();
    const end = performance.now();
    lifeCycle.requestEnded.notify(r);
    vi.advanceTimersByTime(99);
    expect(onEnd).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onEnd).toHaveBeenCalledWith(end);
  });

  it('counts DOM mutations as activity', async () => {
    const { lifeCycle } = recordLifeCycle();
    const onEnd = vi.fn();
    waitPageActivityEnd(lifeCycle, [], onEnd);
    vi.advanceTimersByTime(50);
    document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(0);
    const mutated = performance.now();
    await vi.advanceTimersByTimeAsync(100);
    expect(onEnd).toHaveBeenCalledWith(mutated);
  });

  it('says there was no activity when nothing happened within 100 ms', () => {
    const { lifeCycle } = recordLifeCycle();
    const onEnd = vi.fn();
    waitPageActivityEnd(lifeCycle, [], onEnd);
    vi.advanceTimersByTime(100);
    expect(onEnd).toHaveBeenCalledWith(undefined);
  });

  it('ignores requests to excludedActivityUrls (a long poll never ends the page load)', () => {
    const { lifeCycle } = recordLifeCycle();
    const onEnd = vi.fn();
    waitPageActivityEnd(lifeCycle, [/\/poll/], onEnd);
    lifeCycle.requestStarted.notify(request('https://api.example/poll'));
    vi.advanceTimersByTime(100);
    expect(onEnd).toHaveBeenCalledWith(undefined);
  });

  it('stops waiting at maxDuration', () => {
    const { lifeCycle } = recordLifeCycle();
    const onEnd = vi.fn();
    waitPageActivityEnd(lifeCycle, [], onEnd, 10_000);
    lifeCycle.requestStarted.notify(request());
    vi.advanceTimersByTime(10_000);
    expect(onEnd).toHaveBeenCalledWith(performance.now());
  });
});
