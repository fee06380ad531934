import { actionNameOf, selectorOf } from '../../browser/dom.js';
import { on } from '../../browser/events.js';
import { emit, type LifeCycle } from '../../lifeCycle.js';
import { uuid } from '../../tools/id.js';
import { runAll, setTimer } from '../../tools/monitor.js';
import { ns, relativeNow, SECOND } from '../../tools/time.js';
import type { Configuration, Context } from '../../types.js';
import { inForeground } from '../error/index.js';
import { waitPageActivityEnd } from '../pageActivity.js';

/** Clicks this close in time and space chain up; three or more make a rage click. */
export const RAGE_WINDOW = SECOND;
export const RAGE_DISTANCE = 100;
/** A click action lasts until page activity ends, or this long at most. */
export const ACTION_MAX_DURATION = 10 * SECOND;

interface Click {
  id: string;
  startTime: number;
  end?: number;
  event: MouseEvent;
  fields: Context;
  /** Errors, resources, long tasks during the action. */
  counts: [number, number, number];
  hadActivity?: boolean;
  canBeDead: boolean;
  stop: () => void;
}

/** Clicks on these do nothing visible by design: never a dead click. */
const NOT_DEAD =
  'input:not([type=button],[type=submit],[type=reset]),textarea,select,label,[contenteditable],a[href],summary';
const COUNTED = ['error', 'resource', 'long_task'];

/**
 * Custom actions (addAction) and, with trackUserInteractions, click actions: a readable name,
 * the target, a duration until page activity ends, the errors, resources and long tasks they
 * caused, and frustration signals. A click with errors during it is an error_click; one that
 * changed nothing where something was expected is a dead_click; three or more chained clicks
 * (each within 1 s and 100 px of the last) are one action with rage_click. A click that
 * changed nothing and is no frustration is not reported, as in Guance's SDK.
 */
export function startActionCollection(lifeCycle: LifeCycle, config: Configuration) {
  let history: Click[] = [];
  /** Chains waiting for their clicks to end; only the last may still grow. */
  let chains: { clicks: Click[]; open: boolean; timer?: ReturnType<typeof setTimeout> }[] = [];

  const frustrations = (click: Click) => [
    ...(click.counts[0] > 0 ? ['error_click'] : []),
    ...(!click.hadActivity && click.canBeDead ? ['dead_click'] : []),
  ];
  const report = (click: Click, types: string[], end: number, counts = click.counts) =>
    emit(
      lifeCycle,
      'action',
      click.startTime,
      {
        actionId: click.id,
        actionType: 'click',
        viewInForeground: inForeground(),
        duration: ns(end - click.startTime),
        actionErrorCount: counts[0],
        actionResourceCount: counts[1],
        actionLongTaskCount: counts[2],
        actionFrustrationTypes: types.length > 0 ? types : undefined,
        ...click.fields,
      },
      { domain: { event: click.event } },
    );

  const reportChain = (clicks: Click[]) => {
    const first = clicks[0] as Click;
    if (clicks.length >= 3) {
      const counts = clicks.reduce<number[]>(
        (sum, click) => sum.map((n, i) => n + (click.counts[i] as number)),
        [0, 0, 0],
      ) as Click['counts'];
      report(
        first,
        [...new Set(['rage_click', ...clicks.flatMap(frustrations)])],
        Math.max(...clicks.map((click) => click.end as number)),
        counts,
      );
      return;
    }
    for (const click of clicks) {
      const types = frustrations(click);
      if (click.hadActivity || types.length > 0) report(click, types, click.end as number);
    }
  };
  const flushChains = () => {
    chains = chains.filter((chain) => {
      const waiting = chain.open || chain.clicks.some((click) => click.end === undefined);
      if (!waiting) reportChain(chain.clicks);
      return waiting;
    });
  };
  const close = (chain: (typeof chains)[number] | undefined) => {
    if (!chain) return;
    clearTimeout(chain.timer);
    chain.open = false;
    flushChains();
  };
  const finish = (click: Click, end: number | undefined, hadActivity: boolean) => {
    if (click.end !== undefined) return;
    click.stop();
    click.end = end === undefined ? relativeNow() : end;
    click.hadActivity = hadActivity;
    flushChains();
  };

  const onClick = (event: MouseEvent) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const rect = target.getBoundingClientRect();
    let chain = chains[chains.length - 1];
    const last = chain?.open && chain.clicks[chain.clicks.length - 1];
    const startTime = relativeNow();
    if (
      !chain ||
      !last ||
      startTime - last.startTime > RAGE_WINDOW ||
      Math.hypot(last.event.clientX - event.clientX, last.event.clientY - event.clientY) >
        RAGE_DISTANCE
    ) {
      close(chain);
      chain = { clicks: [], open: true };
      chains.push(chain);
    }
    const click: Click = {
      id: uuid(),
      startTime,
      event,
      fields: {
        actionName: actionNameOf(target, config.actionNameAttribute) || '',
        actionTarget: {
          selector: selectorOf(target),
          width: Math.round(rect.width),
          height: Math.round(rect.height),
        },
        actionPosition: {
          x: Math.round(event.clientX - rect.left),
          y: Math.round(event.clientY - rect.top),
        },
      },
      counts: [0, 0, 0],
      canBeDead: !target.closest(NOT_DEAD),
      stop: () => {},
    };
    history = [...history.slice(-29), click];
    const current = chain;
    current.clicks.push(click);
    clearTimeout(current.timer);
    current.timer = setTimer(() => close(current), RAGE_WINDOW);
    click.stop = waitPageActivityEnd(
      lifeCycle,
      config.excludedActivityUrls,
      (end) => finish(click, end, end !== undefined),
      ACTION_MAX_DURATION,
    );
  };

  const stops = [
    config.trackUserInteractions
      ? on<MouseEvent>(window, 'click', onClick, { capture: true })
      : () => {},
    lifeCycle.assembled.subscribe((event) => {
      const index = COUNTED.indexOf(event.type) as 0 | 1 | 2;
      for (const click of history) {
        if (index >= 0 && ((event.actionIds as string[]) || []).includes(click.id))
          click.counts[index]++;
      }
    }),
    // A click that changes the view did something: it ends with the view it left.
    lifeCycle.viewEnded.subscribe(() => {
      for (const click of history) finish(click, undefined, true);
      for (const chain of chains) close(chain);
    }),
  ];

  return {
    /** The actions in progress at a performance.now() time, oldest first. */
    findActionIds: (startTime: number): string[] =>
      history
        .filter((click) => click.startTime <= startTime && !(startTime > (click.end as number)))
        .map((click) => click.id),
    addAction(name: string, context: Context | undefined, startTime = relativeNow()) {
      emit(
        lifeCycle,
        'action',
        startTime,
        {
          actionId: uuid(),
          actionType: 'custom',
          actionName: name,
          viewInForeground: inForeground(),
        },
        { context },
      );
    },
    stop() {
      for (const chain of chains) clearTimeout(chain.timer);
      for (const click of history) click.stop();
      runAll(stops);
    },
  };
}
