import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear, scaleTime } from '@visx/scale';
import { BarStack } from '@visx/shape';
import { type KeyboardEvent, type PointerEvent, useId, useRef, useState } from 'react';
import type { ChartFormat } from './format.js';
import { chartColor } from './palette.js';

export interface PlotBucket {
  time: number;
  count: number;
  by_group?: Record<string, number> | undefined;
}

export interface HistogramPlotProps {
  buckets: readonly PlotBucket[];
  interval: number;
  /** Stack names in order; empty for plain counts. */
  stacks: readonly string[];
  width: number;
  height: number;
  format: ChartFormat;
  /** The chart's accessible name and keyboard help. */
  label: string;
  keysHelp: string;
  onRangeSelect?: ((range: { from: number; to: number }) => void) | undefined;
  /** What the chart shows as a whole (before a bar is picked). */
  summary: string;
}

type IndexedBucket = PlotBucket & { i: number };

const MARGIN = { top: 8, right: 8, bottom: 20, left: 36 };
const COUNT = '__count';
/** A drag shorter than this is a click, not a selection. */
const MIN_DRAG_PX = 4;

/**
 * The bars of the histogram, stacked, with a time axis, a count axis, a tooltip for the bar
 * under the pointer or the keyboard, and drag-to-zoom.
 */
export function HistogramPlot({
  buckets,
  interval,
  stacks,
  width,
  height,
  format,
  label,
  keysHelp,
  onRangeSelect,
  summary,
}: HistogramPlotProps) {
  const helpId = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const [active, setActive] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);

  const innerWidth = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerHeight = Math.max(10, height - MARGIN.top - MARGIN.bottom);
  const first = buckets[0]?.time ?? 0;
  const end = first + buckets.length * interval;
  const keys = stacks.length > 0 ? stacks : [COUNT];
  const max = Math.max(1, ...buckets.map((b) => b.count));

  const band = scaleBand<number>({
    domain: buckets.map((_, i) => i),
    range: [0, innerWidth],
    paddingInner: buckets.length > 40 ? 0.2 : 0.12,
  });
  const time = scaleTime<number>({ domain: [first, end], range: [0, innerWidth] });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const indexed: IndexedBucket[] = buckets.map((b, i) => ({ ...b, i }));
  const stackValue = (b: PlotBucket, key: string) =>
    key === COUNT ? b.count : (b.by_group?.[key] ?? 0);

  const xOf = (event: PointerEvent) => {
    const rect = svgRef.current?.getBoundingClientRect();
    const x = event.clientX - (rect?.left ?? 0) - MARGIN.left;
    return Math.min(innerWidth, Math.max(0, x));
  };
  const indexAt = (x: number) =>
    Math.min(buckets.length - 1, Math.max(0, Math.floor((x / innerWidth) * buckets.length)));
  const timeAt = (x: number) => Math.round(time.invert(x).getTime());

  const zoomTo = (from: number, to: number) => {
    if (to > from) onRangeSelect?.({ from, to });
  };

  const onPointerDown = (event: PointerEvent<SVGRectElement>) => {
    if (!onRangeSelect || event.button !== 0) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    const x = xOf(event);
    setDrag({ start: x, end: x });
  };
  const onPointerMove = (event: PointerEvent<SVGRectElement>) => {
    const x = xOf(event);
    setActive(indexAt(x));
    if (drag) setDrag({ ...drag, end: x });
  };
  const onPointerUp = () => {
    if (drag && Math.abs(drag.end - drag.start) >= MIN_DRAG_PX) {
      zoomTo(timeAt(Math.min(drag.start, drag.end)), timeAt(Math.max(drag.start, drag.end)));
    }
    setDrag(null);
  };

  const describe = (i: number) => {
    const b = buckets[i] as PlotBucket;
    const parts = stacks
      .map((name) => ({ name, n: b.by_group?.[name] ?? 0 }))
      .filter((s) => s.n > 0)
      .map((s) => `${format.stack(s.name)} ${format.count(s.n)}`);
    return [format.bucket(b.time, interval), format.count(b.count), ...parts].join(', ');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = buckets.length - 1;
    const move = (i: number) => {
      event.preventDefault();
      setActive(i);
    };
    if (event.key === 'ArrowRight') move(active === null ? 0 : Math.min(last, active + 1));
    else if (event.key === 'ArrowLeft') move(active === null ? last : Math.max(0, active - 1));
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(last);
    else if (event.key === 'Escape') setActive(null);
    else if (event.key === 'Enter' && active !== null && onRangeSelect) {
      event.preventDefault();
      const b = buckets[active] as PlotBucket;
      zoomTo(b.time, b.time + interval);
    }
  };

  const activeBucket = active !== null ? buckets[active] : undefined;
  const tooltipLeft =
    active !== null ? MARGIN.left + (band(active) ?? 0) + band.bandwidth() / 2 : 0;

  return (
    <div className="rk-histogram-plot" data-dragging={drag ? '' : undefined}>
      {/* The bars as a slider, the ARIA pattern for picking one of an ordered run with the
          arrows: its value text reads the bar, so a screen reader speaks each bar as it moves. */}
      <div
        className="rk-histogram-focus"
        role="slider"
        tabIndex={0}
        aria-label={label}
        aria-describedby={helpId}
        aria-valuemin={1}
        aria-valuemax={buckets.length}
        aria-valuenow={active === null ? 1 : active + 1}
        aria-valuetext={active === null ? summary : describe(active)}
        onKeyDown={onKeyDown}
        onBlur={() => setActive(null)}
      />
      <span id={helpId} className="rk-visually-hidden">
        {keysHelp}
      </span>
      <svg ref={svgRef} width={width} height={height} aria-hidden="true" focusable="false">
        <Group left={MARGIN.left} top={MARGIN.top}>
          {y.ticks(3).map((tick) => (
            <line
              key={tick}
              className="rk-chart-gridline"
              x1={0}
              x2={innerWidth}
              y1={y(tick)}
              y2={y(tick)}
            />
          ))}
          <BarStack<IndexedBucket, string>
            data={indexed}
            keys={[...keys]}
            x={(d) => d.i}
            value={stackValue}
            xScale={band}
            yScale={y}
            // visx passes the bar's index, not the key's: the colour follows the key.
            color={(key) => chartColor(keys.indexOf(key), key)}
          >
            {(barStacks) =>
              barStacks.flatMap((stack) =>
                stack.bars
                  .filter((bar) => bar.height > 0)
                  .map((bar) => (
                    <rect
                      key={`${stack.index}-${bar.index}`}
                      className="rk-histogram-bar"
                      x={bar.x}
                      y={bar.y}
                      width={Math.max(1, bar.width)}
                      height={bar.height}
                      style={{ fill: bar.color }}
                      data-active={active === bar.index ? '' : undefined}
                    />
                  )),
              )
            }
          </BarStack>
          <AxisLeft
            scale={y}
            numTicks={3}
            hideAxisLine
            hideTicks
            tickFormat={(v) => format.compact(Number(v))}
            tickClassName="rk-chart-tick"
          />
          <AxisBottom
            top={innerHeight}
            scale={time}
            numTicks={Math.max(2, Math.floor(innerWidth / 110))}
            tickFormat={(v) =>
              format.tick(v instanceof Date ? v.getTime() : Number(v), end - first)
            }
            tickClassName="rk-chart-tick"
            axisClassName="rk-chart-axis"
          />
          {drag ? (
            <rect
              className="rk-histogram-selection"
              x={Math.min(drag.start, drag.end)}
              y={0}
              width={Math.abs(drag.end - drag.start)}
              height={innerHeight}
            />
          ) : null}
          <rect
            className="rk-histogram-overlay"
            width={innerWidth}
            height={innerHeight}
            fill="transparent"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => setDrag(null)}
            onPointerLeave={() => {
              if (!drag) setActive(null);
            }}
          />
        </Group>
      </svg>
      {activeBucket && !drag ? (
        <div
          className="rk-chart-tooltip"
          style={{ left: tooltipLeft }}
          data-side={tooltipLeft > width / 2 ? 'left' : 'right'}
          aria-hidden="true"
        >
          <p className="rk-chart-tooltip-title">{format.bucket(activeBucket.time, interval)}</p>
          <dl>
            {stacks
              .filter((name) => (activeBucket.by_group?.[name] ?? 0) > 0)
              .map((name) => (
                <div key={name}>
                  <dt>
                    <span
                      className="rk-chart-swatch"
                      style={{ background: chartColor(stacks.indexOf(name), name) }}
                    />
                    {format.stack(name)}
                  </dt>
                  <dd>{format.count(activeBucket.by_group?.[name] ?? 0)}</dd>
                </div>
              ))}
            <div data-total="">
              <dt>{format.totalLabel}</dt>
              <dd>{format.count(activeBucket.count)}</dd>
            </div>
          </dl>
        </div>
      ) : null}
    </div>
  );
}
