import { observable } from '../tools/observable.js';
import { on } from './events.js';

/** `unload` is true when the page goes away (pagehide), false when it is only hidden. */
export interface PageExit {
  unload: boolean;
}

/** The moments to send everything: the page is hidden (it may never come back, as on mobile) or unloaded. */
export function observePageExit() {
  const exits = observable<PageExit>();
  const stopHidden = on(document, 'visibilitychange', () => {
    if (document.visibilityState === 'hidden') exits.notify({ unload: false });
  });
  const stopHide = on(window, 'pagehide', () => exits.notify({ unload: true }));
  return {
    exits,
    stop() {
      stopHidden();
      stopHide();
    },
  };
}
