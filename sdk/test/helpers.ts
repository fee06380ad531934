// Test helpers for the SDK's unit tests (happy-dom): a configuration, a life cycle that
// records what collectors emit, and a scriptable PerformanceObserver.
import { vi } from 'vitest';
import { buildConfiguration } from '../src/boot/configuration.js';
import { createLifeCycle, type LifeCycle } from '../src/lifeCycle.js';
import type { Configuration, InitOptions, RawEvent, RumEvent } from '../src/types.js';

export const ORIGIN = 'https://intake.example';

export function makeConfig(options: Partial<InitOptions> = {}): Configuration {
  const config = buildConfiguration({
    applicationId: 'test_app',
    datakitOrigin: ORIGIN,
    ...options,
  });
  if (!config) throw new Error('invalid test configuration');
  return config;
}

export interface Recorded {
  lifeCycle: LifeCycle;
  raw: RawEvent[];
  assembled: RumEvent[];
  of(type: RawEvent['type']): RawEvent[];
}

export function recordLifeCycle(lifeCycle = createLifeCycle()): Recorded {
  const raw: RawEvent[] = [];
  const assembled: RumEvent[] = [];
  lifeCycle.raw.subscribe((event) => raw.push(event));
  lifeCycle.assembled.subscribe((event) => assembled.push(event));
  return { lifeCycle, raw, assembled, of: (type) => raw.filter((event) => event.type === type) };
}

type Listener = (list: { getEntries(): PerformanceEntry[] }) => void;

/**
 * Replaces PerformanceObserver with one the test drives: `emit(type, entries)` delivers
 * entries to the observers of that type.
 */
export function fakePerformanceObserver(supported: string[]) {
  const observers: { type: string; listener: Listener }[] = [];
  class FakeObserver {
    static supportedEntryTypes = supported;
    type = '';
    constructor(readonly listener: Listener) {}
    observe(options: { type: string }) {
      this.type = options.type;
      observers.push(this);
    }
    disconnect() {
      const index = observers.indexOf(this);
      if (index >= 0) observers.splice(index, 1);
    }
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  return {
    emit(type: string, entries: object[]) {
      for (const observer of observers.filter((o) => o.type === type)) {
        observer.listener({ getEntries: () => entries as PerformanceEntry[] });
      }
    },
    count: (type: string) => observers.filter((o) => o.type === type).length,
  };
}

/** A Resource Timing entry with plausible numbers, `overrides` on top. */
export function resourceEntry(overrides: Record<string, unknown> = {}): PerformanceResourceTiming {
  const start = 100;
  return {
    name: 'https://cdn.example/app.js',
    entryType: 'resource',
    initiatorType: 'script',
    startTime: start,
    duration: 80,
    fetchStart: start,
    redirectStart: 0,
    redirectEnd: 0,
    domainLookupStart: start + 1,
    domainLookupEnd: start + 6,
    connectStart: start + 6,
    connectEnd: start + 20,
    secureConnectionStart: start + 10,
    requestStart: start + 21,
    responseStart: start + 50,
    responseEnd: start + 80,
    transferSize: 1300,
    encodedBodySize: 1000,
    decodedBodySize: 4000,
    nextHopProtocol: 'h2',
    renderBlockingStatus: 'non-blocking',
    deliveryType: '',
    responseStatus: 200,
    ...overrides,
  } as unknown as PerformanceResourceTiming;
}

/** Fake timers for Date, performance.now and the timer functions together. */
export function useFakeClock(): void {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
    now: new Date('2026-01-01T00:00:00Z'),
  });
}
