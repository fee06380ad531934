// Chrome's JSON trace format, the part the benches read.

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: {
    name?: string;
    /** A Layout's: how many layout objects were dirty, of how many. */
    beginData?: { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean };
    /** A FunctionCall's function, a TimerFire's timer, a resource event's request. */
    data?: {
      functionName?: string;
      url?: string;
      lineNumber?: number;
      timerId?: number;
      requestId?: string;
    };
  };
}

/** The complete ('X') events of renderer main threads, each page's. */
export function rendererMainEvents(events: readonly TraceEvent[]): TraceEvent[] {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
}
