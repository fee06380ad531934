import { runAll } from '../tools/monitor.js';
import { observable } from '../tools/observable.js';
import { instrument, on } from './events.js';

/**
 * Notifies every change of location.href made through the History API (pushState,
 * replaceState, back and forward) or by the hash; `stop` removes the instrumentation.
 */
export function observeLocation() {
  const changes = observable<string>();
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    changes.notify(last);
  };
  const wrap = (original: History['pushState']) =>
    function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args);
      check();
    };
  const stops = [
    instrument(history, 'pushState', wrap),
    instrument(history, 'replaceState', wrap),
    on(window, 'popstate hashchange', check),
  ];
  return { changes, stop: () => runAll(stops) };
}
