import type { PageExit } from './browser/pageExit.js';
import type { RequestInfo } from './browser/requests.js';
import { type Observable, observable } from './tools/observable.js';
import { toDate } from './tools/time.js';
import type { Context, EventType, RawEvent, RumEvent, ViewContext } from './types.js';

/** The channels between collectors, assembly and transport; boot creates one per start. */
export interface LifeCycle {
  /** Collectors → assembly. */
  raw: Observable<RawEvent>;
  /** Assembly → transport (and the counters of views and actions). */
  assembled: Observable<RumEvent>;
  requestStarted: Observable<RequestInfo>;
  requestEnded: Observable<RequestInfo>;
  viewEnded: Observable<ViewContext>;
  pageExit: Observable<PageExit>;
}

export function createLifeCycle(): LifeCycle {
  return {
    raw: observable(),
    assembled: observable(),
    requestStarted: observable(),
    requestEnded: observable(),
    viewEnded: observable(),
    pageExit: observable(),
  };
}

/** A collector's event, dated from its performance.now() start. */
export function emit(
  lifeCycle: LifeCycle,
  type: EventType,
  startTime: number,
  data: Context,
  extra?: Partial<RawEvent>,
): void {
  lifeCycle.raw.notify({ type, date: toDate(startTime), startTime, data, ...extra });
}
