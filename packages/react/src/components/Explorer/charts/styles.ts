import { tokens as t } from '../../../provider/styles.js';

// The histogram and the analysis mode. Chart colours are the --rumkit-chart-* properties of
// palette.ts; everything else comes from the kit's tokens.
export const CHART_CSS = `
/* Histogram */
:where(.rk-histogram) { display: grid; gap: 4px; min-width: 0; }
:where(.rk-histogram-head) { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; justify-content: space-between; min-height: 28px; }
:where(.rk-histogram-total) { font-weight: 600; display: flex; gap: 8px; align-items: baseline; font-variant-numeric: tabular-nums; }
:where(.rk-chart-control) { display: inline-flex; gap: 6px; align-items: center; color: ${t.muted}; font-size: 0.93em; }
:where(.rk-select[data-size="sm"]) { min-height: 28px; padding: 2px 6px; font-size: 0.93em; max-width: 220px; }
:where(.rk-histogram-body) { position: relative; min-width: 0; }
:where(.rk-histogram-chart) { position: relative; transition: opacity 150ms; }
:where(.rk-histogram-chart[data-stale], .rk-analysis-chart[data-stale]) { opacity: 0.55; }
:where(.rk-histogram-plot) { position: relative; user-select: none; -webkit-user-select: none; }
:where(.rk-histogram-plot svg) { display: block; overflow: visible; }
:where(.rk-histogram-focus) { position: absolute; inset: 0; pointer-events: none; border-radius: 4px; }
:where(.rk-histogram-focus:focus-visible) { outline: 2px solid ${t.focus}; outline-offset: 2px; }
:where(.rk-histogram-overlay) { cursor: crosshair; touch-action: none; }
:where(.rk-histogram-bar) { shape-rendering: crispEdges; }
:where(.rk-histogram-plot:has(.rk-histogram-bar[data-active]) .rk-histogram-bar:not([data-active])) { opacity: 0.6; }
:where(.rk-histogram-selection) { fill: ${t.accent}; fill-opacity: 0.15; stroke: ${t.accent}; stroke-width: 1; pointer-events: none; }
:where(.rk-histogram-empty) { position: absolute; inset: 0 0 20px 36px; display: grid; place-items: center; pointer-events: none; }
:where(.rk-histogram-empty .rk-panel) { padding: 8px 16px; background: ${t.bg}; }
:where(.rk-histogram-skeleton) { display: flex; align-items: flex-end; gap: 4px; padding: 8px 8px 20px 36px; }
:where(.rk-histogram-skeleton .rk-skeleton) { flex: 1; }
:where(.rk-histogram-body .rk-panel) { padding: 16px; }
:where(.rk-chart-gridline) { stroke: ${t.border}; stroke-dasharray: 2 3; }
:where(.rk-chart-tick text) { fill: ${t.muted}; font-size: 11px; font-family: ${t.font}; font-variant-numeric: tabular-nums; }
:where(.rk-chart-axis line, .rk-chart-axis .visx-axis-line) { stroke: ${t.border}; }
:where(.rk-chart-tick line) { stroke: ${t.border}; }

/* Tooltip (the histogram's, and xychart's in a portal) */
:where(.rk-chart-tooltip) {
  position: absolute; top: 0; z-index: 20; min-width: 160px; max-width: 320px; padding: 8px 10px;
  background: ${t.bg}; color: ${t.text}; border: 1px solid ${t.border}; border-radius: ${t.radius};
  box-shadow: ${t.shadow}; font-family: ${t.font}; font-size: 12px; line-height: 1.4; pointer-events: none;
}
:where(.rk-histogram-plot .rk-chart-tooltip[data-side="right"]) { transform: translateX(12px); }
:where(.rk-histogram-plot .rk-chart-tooltip[data-side="left"]) { transform: translateX(calc(-100% - 12px)); }
:where(.rk-chart-tooltip-title) { margin: 0 0 4px; font-weight: 600; white-space: nowrap; }
:where(.rk-chart-tooltip dl) { margin: 0; display: grid; gap: 2px; }
:where(.rk-chart-tooltip dl > div) { display: flex; justify-content: space-between; gap: 12px; }
:where(.rk-chart-tooltip dl > div[data-total], .rk-chart-tooltip dl > div[data-nearest]) { font-weight: 600; }
:where(.rk-chart-tooltip dl > div[data-total]) { border-top: 1px solid ${t.border}; padding-top: 2px; margin-top: 2px; }
:where(.rk-chart-tooltip dt) { display: flex; gap: 6px; align-items: center; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.rk-chart-tooltip dd) { margin: 0; font-variant-numeric: tabular-nums; }

/* Legend */
:where(.rk-chart-legend) { display: flex; flex-wrap: wrap; gap: 2px 12px; padding: 0; margin: 0; list-style: none; font-size: 0.88em; }
:where(.rk-chart-legend-item) { display: inline-flex; align-items: center; gap: 6px; min-width: 0; max-width: 100%; }
:where(.rk-chart-legend-button) {
  display: inline-flex; align-items: center; gap: 6px; padding: 2px 4px; margin: 0 -4px; border: 0;
  border-radius: 4px; background: none; color: inherit; font: inherit; cursor: pointer; max-width: 100%;
}
:where(.rk-chart-legend-button:hover) { background: ${t.hover}; }
:where(.rk-chart-legend-label) { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.rk-chart-legend-detail) { color: ${t.muted}; font-variant-numeric: tabular-nums; white-space: nowrap; }
:where(.rk-chart-swatch) { flex: none; display: inline-block; width: 10px; height: 10px; border-radius: 2px; }

/* Analysis mode */
:where(.rk-analysis) { display: grid; gap: 12px; min-width: 0; }
:where(.rk-analysis-controls) { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: flex-end; }
:where(.rk-analysis-group) { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; border: 0; padding: 0; margin: 0; min-width: 0; }
:where(.rk-analysis-group legend) { float: left; margin-right: 4px; padding: 0; font-weight: 600; font-size: 0.93em; }
:where(.rk-analysis-tag) { display: inline-flex; align-items: center; gap: 2px; }
:where(.rk-segmented) { gap: 0; }
:where(.rk-segment) { position: relative; display: inline-flex; }
:where(.rk-segment input) { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
:where(.rk-segment span) {
  display: inline-flex; align-items: center; min-height: 28px; padding: 0 10px; border: 1px solid ${t.borderStrong};
  margin-left: -1px; background: ${t.bg}; font-size: 0.93em; font-weight: 500; cursor: pointer;
}
:where(.rk-segment:first-of-type span) { border-radius: ${t.radius} 0 0 ${t.radius}; margin-left: 0; }
:where(.rk-segment:last-of-type span) { border-radius: 0 ${t.radius} ${t.radius} 0; }
:where(.rk-segment input:checked + span) { background: ${t.accentSubtle}; border-color: ${t.accent}; color: ${t.accent}; position: relative; z-index: 1; }
:where(.rk-segment input:focus-visible + span) { outline: 2px solid ${t.focus}; outline-offset: 2px; z-index: 2; }
:where(.rk-segment:hover span) { background: ${t.hover}; }
:where(.rk-analysis-body) { min-width: 0; }
:where(.rk-analysis-hint) { font-size: 0.86em; margin-bottom: 8px; }
:where(.rk-analysis-loading) { display: grid; gap: 10px; padding: 12px 0; }
:where(.rk-analysis-loading .rk-skeleton) { height: 18px; }
:where(.rk-analysis-loading .rk-skeleton:nth-child(3)) { width: 80%; }
:where(.rk-analysis-loading .rk-skeleton:nth-child(4)) { width: 55%; }

/* Top list */
:where(.rk-toplist) { display: grid; gap: 2px; padding: 0; margin: 0; list-style: none; }
:where(.rk-toplist-row) {
  display: grid; grid-template-columns: minmax(120px, 2fr) minmax(80px, 3fr) minmax(64px, auto); gap: 12px;
  align-items: center; width: 100%; padding: 4px 8px; border: 0; border-radius: 4px; background: none;
  color: inherit; font: inherit; text-align: left; cursor: pointer;
}
:where(.rk-toplist-row:hover) { background: ${t.hover}; }
:where(.rk-toplist-name) { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.rk-toplist-track) { display: block; height: 12px; border-radius: 3px; background: ${t.subtle}; overflow: hidden; }
:where(.rk-toplist-bar) { display: block; height: 100%; border-radius: 3px; }
:where(.rk-toplist-value) { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }

/* Pie */
:where(.rk-pie) { display: flex; flex-wrap: wrap; gap: 16px 32px; align-items: center; }
:where(.rk-pie-svg) { flex: none; }
:where(.rk-pie-slice) { stroke: ${t.bg}; stroke-width: 1; }
:where(.rk-pie-slice[data-clickable]) { cursor: pointer; }
:where(.rk-pie-slice[data-clickable]:hover) { opacity: 0.85; }
:where(.rk-pie .rk-chart-legend) { flex-direction: column; flex-wrap: nowrap; flex: 1 1 220px; min-width: 0; }

/* Time series */
:where(.rk-timeseries) { display: grid; gap: 8px; }
:where(.rk-timeseries .visx-axis-tick text) { font-family: ${t.font}; }
`;
