import type { RequestInfo } from '../browser/requests.js';
import type { LifeCycle } from '../lifeCycle.js';
import { monitor, runAll, setTimer } from '../tools/monitor.js';
import { relativeNow } from '../tools/time.js';
import { type MatchOption, matches } from '../tools/url.js';

/** The page is inactive after this long without DOM mutations or requests in flight. */
export const QUIET_DELAY = 100;

/**
 * Watches the page from now until it has been inactive for 100 ms (spec §1.3: DOM mutations,
 * requests in flight and newly loaded resources are activity; `excluded` URLs are not), then
 * calls `onEnd` with the time of the last activity, or undefined if there was none.
 * `maxDuration` ends the wait early, at that time. Returns the function that stops watching.
 */
export function waitPageActivityEnd(
  lifeCycle: LifeCycle,
  excluded: readonly MatchOption[],
  onEnd: (end: number | undefined) => void,
  maxDuration?: number,
): () => void {
  const start = relativeNow();
  let last: number | undefined;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  const inFlight = new Set<RequestInfo>();
  const activity = () => {
    last = relativeNow();
    arm();
  };
  // One timer, not one per mutation: when it fires, it waits again for what is left of the
  // 100 ms since the last activity. Requests in flight hold it; their end re-arms it.
  const arm = () => {
    if (!quiet && inFlight.size === 0) quiet = setTimer(check, QUIET_DELAY);
  };
  const check = () => {
    quiet = undefined;
    if (inFlight.size > 0) return;
    const wait = (last === undefined ? start : last) + QUIET_DELAY - relativeNow();
    if (wait > 0) quiet = setTimer(check, wait);
    else finish(last);
  };
  const finish = (end: number | undefined) => {
    stop();
    onEnd(end);
  };
  const observer = new MutationObserver(monitor(activity));
  observer.observe(document, {
    attributes: true,
    characterData: true,
    childList: true,
    subtree: true,
  });
  const max =
    maxDuration === undefined ? undefined : setTimer(() => finish(relativeNow()), maxDuration);
  const stops = [
    () => {
      clearTimeout(quiet);
      clearTimeout(max);
      observer.disconnect();
    },
    lifeCycle.requestStarted.subscribe((request) => {
      if (matches(excluded, request.url)) return;
      inFlight.add(request);
      activity();
    }),
    lifeCycle.requestEnded.subscribe((request) => {
      if (inFlight.delete(request)) activity();
    }),
    lifeCycle.raw.subscribe((event) => {
      // Entries buffered before the wait began are old news, not activity.
      if (
        event.type === 'resource' &&
        event.startTime >= start &&
        !matches(excluded, String(event.data.resourceUrl))
      )
        activity();
    }),
  ];
  const stop = () => runAll(stops);
  arm();
  return stop;
}
