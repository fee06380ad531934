import { observeEntries, supportsEntryType } from '../../browser/performance.js';
import { emit, type LifeCycle } from '../../lifeCycle.js';
import { uuid } from '../../tools/id.js';
import { ns } from '../../tools/time.js';
import { toWireName } from '../../transport/encoder.js';

interface Frame extends PerformanceEntry {
  blockingDuration: number;
  firstUIEventTimestamp: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: PerformanceEntry[];
}

/**
 * Long tasks: Long Animation Frames where the browser has them (they tell which scripts ran
 * and how much of the frame blocked input), `longtask` entries otherwise. Times in ns from the
 * page's time origin, as Guance's SDK sends them.
 */
export function startLongTaskCollection(lifeCycle: LifeCycle) {
  const loaf = supportsEntryType('long-animation-frame');
  return observeEntries<Frame>(loaf ? 'long-animation-frame' : 'longtask', (entries) => {
    for (const entry of entries) {
      emit(
        lifeCycle,
        'long_task',
        entry.startTime,
        {
          longTaskId: uuid(),
          duration: ns(entry.duration),
          ...(loaf && {
            blockingDuration: ns(entry.blockingDuration),
            longTaskStartTime: ns(entry.startTime),
            firstUiEventTimestamp: ns(entry.firstUIEventTimestamp),
            renderStart: ns(entry.renderStart),
            styleAndLayoutStart: ns(entry.styleAndLayoutStart),
            // Each script's timing under its snake_case name (times in ns), as Guance sends it.
            scripts: entry.scripts.slice(0, 20).map((script) => {
              const out: Record<string, unknown> = {};
              for (const [key, value] of Object.entries(script.toJSON())) {
                if (!/^(name|entryType|navigationId)$/.test(key)) {
                  out[toWireName(key.replace('URL', 'Url'))] =
                    typeof value === 'number' && key !== 'sourceCharPosition' ? ns(value) : value;
                }
              }
              return out;
            }),
          }),
        },
        { domain: { performanceEntry: entry } },
      );
    }
  });
}
