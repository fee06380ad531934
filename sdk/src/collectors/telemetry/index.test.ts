import { afterEach, expect, it } from 'vitest';
import { recordLifeCycle } from '../../../test/helpers.js';
import { checkRaw } from '../../../test/schema.js';
import { monitor } from '../../tools/monitor.js';
import { createDrops } from '../../transport/drops.js';
import { MAX_TELEMETRY, startTelemetryCollection } from './index.js';

let stop = () => {};
afterEach(() => stop());

it('reports the SDK’s own errors as telemetry, at most MAX_TELEMETRY per page', () => {
  const recorded = recordLifeCycle();
  stop = startTelemetryCollection(recorded.lifeCycle, createDrops()).stop;
  const broken = monitor(() => {
    throw new TypeError('sdk bug');
  });
  for (let i = 0; i < MAX_TELEMETRY + 5; i++) broken();
  const events = recorded.of('telemetry');
  expect(events).toHaveLength(MAX_TELEMETRY);
  const point = checkRaw(events[0] as never);
  expect(point.fields).toMatchObject({
    status: 'error',
    type: 'log',
    message: 'sdk bug',
    error_kind: 'TypeError',
  });
});

it('reports dropped events by reason, once', () => {
  const recorded = recordLifeCycle();
  const drops = createDrops();
  const telemetry = startTelemetryCollection(recorded.lifeCycle, drops);
  stop = telemetry.stop;
  telemetry.reportDrops();
  expect(recorded.raw).toEqual([]);
  drops.count('queue_full', 3);
  drops.count('rate_limited');
  telemetry.reportDrops();
  telemetry.reportDrops();
  const events = recorded.of('telemetry');
  expect(events).toHaveLength(1);
  const point = checkRaw(events[0] as never);
  expect(point.fields).toMatchObject({
    message: 'rumkit dropped 4 events',
    dropped_queue_full: 3,
    dropped_rate_limited: 1,
  });
});
