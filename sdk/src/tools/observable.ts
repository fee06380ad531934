import { monitor } from './monitor.js';

export interface Observable<T> {
  /** Returns the function that unsubscribes. */
  subscribe(listener: (value: T) => void): () => void;
  notify(value: T): void;
}

/** A minimal pub/sub; one failing listener never stops the others. */
export function observable<T>(): Observable<T> {
  let listeners: ((value: T) => void)[] = [];
  return {
    subscribe(listener) {
      const safe = monitor(listener);
      listeners = [...listeners, safe];
      return () => {
        listeners = listeners.filter((other) => other !== safe);
      };
    },
    notify(value) {
      for (const listener of listeners) listener(value);
    },
  };
}
