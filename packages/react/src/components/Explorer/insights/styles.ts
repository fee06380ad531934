import { tokens as t } from '../../../provider/styles.js';

// Colours of the waterfall's kinds and the vitals' ratings, themable like every other token.
const kind = {
  resource: 'var(--rumkit-color-waterfall-resource, #3e7bd6)',
  long_task: 'var(--rumkit-color-waterfall-long-task, #d9822b)',
  error: `var(--rumkit-color-waterfall-error, ${t.danger})`,
  action: 'var(--rumkit-color-waterfall-action, #7b4fc9)',
};
const rating = {
  good: `var(--rumkit-color-rating-good, ${t.success})`,
  needs_improvement: 'var(--rumkit-color-rating-needs-improvement, #b7791f)',
  poor: `var(--rumkit-color-rating-poor, ${t.danger})`,
};
const phase = {
  redirect: '#9aa4b2',
  dns: '#2f9e8f',
  tcp: '#d97b29',
  ssl: '#b45fc4',
  ttfb: '#3e7bd6',
  trans: '#1f4e9c',
};

export const INSIGHT_CSS = `
:where(.rk-insight-title) { font-size: 1em; font-weight: 650; margin: 0; }
:where(.rk-insight-subtitle) { font-size: 0.93em; font-weight: 600; margin: 0 0 4px; }
:where(.rk-view-perf) { display: grid; gap: 20px; }

/* Vitals */
:where(.rk-vitals) { display: grid; gap: 10px; }
:where(.rk-vital-list) { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); }
:where(.rk-vital) { border: 1px solid ${t.border}; border-radius: ${t.radius}; padding: 10px 12px; display: grid; gap: 6px; background: ${t.bg}; }
:where(.rk-vital-head) { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
:where(.rk-vital-name) { font-weight: 650; text-decoration: none; cursor: help; }
:where(.rk-vital-badge) { font-size: 0.82em; font-weight: 600; padding: 1px 8px; border-radius: 999px; color: #fff; white-space: nowrap; }
:where(.rk-vital-badge[data-rating="good"]) { background: ${rating.good}; }
:where(.rk-vital-badge[data-rating="needs_improvement"]) { background: ${rating.needs_improvement}; }
:where(.rk-vital-badge[data-rating="poor"]) { background: ${rating.poor}; }
:where(.rk-vital-value) { font-size: 1.35em; font-weight: 650; font-variant-numeric: tabular-nums; }
:where(.rk-vital-scale) { position: relative; height: 8px; border-radius: 4px; overflow: visible; background: ${t.hover}; }
:where(.rk-vital-zone) { position: absolute; top: 0; bottom: 0; opacity: 0.35; }
:where(.rk-vital-zone[data-zone="good"]) { background: ${rating.good}; border-radius: 4px 0 0 4px; }
:where(.rk-vital-zone[data-zone="needs_improvement"]) { background: ${rating.needs_improvement}; }
:where(.rk-vital-zone[data-zone="poor"]) { background: ${rating.poor}; border-radius: 0 4px 4px 0; }
:where(.rk-vital-pin) { position: absolute; top: -3px; width: 3px; height: 14px; margin-left: -1.5px; border-radius: 2px; background: ${t.text}; }
:where(.rk-vital-thresholds) { font-size: 0.82em; }
:where(.rk-timings) { display: flex; flex-wrap: wrap; gap: 6px 20px; margin: 0; }
:where(.rk-timing) { display: flex; gap: 6px; }
:where(.rk-timing dt) { color: ${t.muted}; }
:where(.rk-timing dd) { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }

/* Waterfall */
:where(.rk-waterfall) { display: grid; gap: 8px; --rk-wf-label: 36%; --rk-wf-duration: 72px; }
:where(.rk-wf-head) { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; justify-content: space-between; }
:where(.rk-wf-controls) { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; }
:where(.rk-wf-kinds) { display: flex; flex-wrap: wrap; gap: 4px 12px; border: 0; margin: 0; padding: 0; }
:where(.rk-wf-kind, .rk-wf-inline) { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; cursor: pointer; }
:where(.rk-wf-search) { position: relative; min-width: 200px; }
:where(.rk-wf-count) { font-size: 0.88em; margin: 0; }
:where(.rk-wf-empty) { padding: 16px 0; }
:where(.rk-wf-swatch) { display: inline-block; width: 10px; height: 10px; border-radius: 2px; flex: none; }
${Object.entries(kind)
  .map(
    ([k, colour]) =>
      `:where([data-kind="${k}"] > .rk-wf-swatch, .rk-wf-kind[data-kind="${k}"] .rk-wf-swatch, .rk-wf-bar[data-kind="${k}"], .rk-wf-marker[data-kind="${k}"]) { background: ${colour}; }`,
  )
  .join('\n')}
:where(.rk-wf-body) { position: relative; border: 1px solid ${t.border}; border-radius: ${t.radius}; background: ${t.bg}; }
:where(.rk-wf-axis, .rk-wf-row) { display: grid; grid-template-columns: var(--rk-wf-label) 1fr var(--rk-wf-duration); align-items: center; }
:where(.rk-wf-axis) { position: sticky; top: 0; z-index: 1; height: 28px; background: ${t.subtle}; border-bottom: 1px solid ${t.border}; font-size: 0.8em; color: ${t.muted}; }
:where(.rk-wf-axis-label) { padding: 0 8px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.rk-wf-track) { position: relative; height: 100%; min-height: 14px; margin: 0 8px; }
:where(.rk-wf-tick) { position: absolute; top: 50%; transform: translate(-50%, -50%); white-space: nowrap; font-variant-numeric: tabular-nums; }
:where(.rk-wf-tick:first-child) { transform: translate(0, -50%); }
:where(.rk-wf-marks) { position: absolute; top: 0; bottom: 0; left: calc(var(--rk-wf-label) + 8px); right: calc(var(--rk-wf-duration) + 8px); pointer-events: none; z-index: 2; }
:where(.rk-wf-mark) { position: absolute; top: 28px; bottom: 0; border-left: 1px dashed ${t.text}; }
:where(.rk-wf-mark[data-mark="lcp"]) { border-left-color: ${rating.poor}; }
:where(.rk-wf-mark-label) { position: absolute; top: 2px; left: 3px; font-size: 0.75em; white-space: nowrap; padding: 0 3px; border-radius: 3px; background: ${t.bg}; color: ${t.text}; }
:where(.rk-wf-list) { list-style: none; margin: 0; padding: 0; max-height: 480px; overflow-y: auto; }
:where(.rk-wf-list > li) { content-visibility: auto; contain-intrinsic-size: auto 26px; }
:where(.rk-wf-row) { width: 100%; height: 26px; padding: 0; border: 0; border-bottom: 1px solid ${t.hover}; background: none; font: inherit; color: inherit; text-align: left; }
:where(button.rk-wf-row) { cursor: pointer; }
:where(button.rk-wf-row:hover) { background: ${t.subtle}; }
:where(button.rk-wf-row:focus-visible) { outline-offset: -2px; }
:where(.rk-wf-label) { display: flex; align-items: center; gap: 6px; padding: 0 8px; min-width: 0; font-size: 0.88em; }
:where(.rk-wf-label-text) { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.rk-wf-label[data-kind="error"] .rk-wf-label-text) { color: ${t.danger}; }
:where(.rk-wf-bar) { position: absolute; top: 7px; height: 12px; min-width: 2px; border-radius: 2px; overflow: hidden; }
:where(.rk-wf-phase) { position: absolute; top: 0; bottom: 0; }
${Object.entries(phase)
  .map(([p, colour]) => `:where(.rk-wf-phase[data-phase="${p}"]) { background: ${colour}; }`)
  .join('\n')}
:where(.rk-wf-marker) { position: absolute; top: 6px; width: 8px; height: 14px; margin-left: -4px; border-radius: 2px; }
:where(.rk-wf-marker[data-kind="error"]) { width: 10px; height: 10px; top: 8px; margin-left: -5px; transform: rotate(45deg); }
:where(.rk-wf-marker[data-kind="action"]) { width: 10px; height: 10px; top: 8px; margin-left: -5px; border-radius: 50%; }
:where(.rk-wf-item) { position: relative; }
:where(.rk-wf-duration-value) { position: absolute; right: 0; top: 0; width: var(--rk-wf-duration); line-height: 26px; pointer-events: none; }
:where(.rk-wf-duration) { padding-right: 8px; text-align: right; font-size: 0.82em; color: ${t.muted}; font-variant-numeric: tabular-nums; white-space: nowrap; }

/* Fetch/XHR */
:where(.rk-fetch) { display: grid; gap: 8px; }
:where(.rk-fetch-table td, .rk-fetch-table th) { padding: 6px 10px; white-space: nowrap; }
:where(.rk-fetch-table tr[data-openable]) { cursor: pointer; }
:where(.rk-fetch-url) { max-width: 36ch; overflow: hidden; text-overflow: ellipsis; }
:where(.rk-num) { text-align: right; font-variant-numeric: tabular-nums; }
:where(.rk-link-button) { padding: 0; border: 0; background: none; font: inherit; color: ${t.accent}; cursor: pointer; text-align: left; max-width: 100%; overflow: hidden; text-overflow: ellipsis; }
:where(.rk-link-button:hover) { text-decoration: underline; }
:where(.rk-status) { display: inline-block; min-width: 3.2em; padding: 1px 6px; border-radius: 4px; font-weight: 600; font-size: 0.88em; text-align: center; }
:where(.rk-status[data-tone="ok"]) { background: #e6f4ec; color: ${t.success}; }
:where(.rk-status[data-tone="redirect"]) { background: ${t.accentSubtle}; color: ${t.accent}; }
:where(.rk-status[data-tone="warning"]) { background: ${t.warningSubtle}; color: ${t.warningText}; }
:where(.rk-status[data-tone="error"]) { background: ${t.dangerSubtle}; color: ${t.danger}; }
:where(.rk-fetch-trace code, .rk-fetch-trace-id code) { font-size: 0.85em; max-width: 14ch; overflow: hidden; text-overflow: ellipsis; display: inline-block; vertical-align: middle; }
:where(.rk-fetch-trace-id) { display: inline-flex; align-items: center; gap: 2px; }

/* Stack */
:where(.rk-error-stack) { display: grid; gap: 10px; }
:where(.rk-error-facts) { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0; }
:where(.rk-error-fact) { display: contents; }
:where(.rk-error-fact dt) { color: ${t.muted}; }
:where(.rk-error-fact dd) { margin: 0; overflow-wrap: anywhere; }
:where(.rk-error-fact[data-field="error_message"] dd) { font-weight: 600; }
:where(.rk-stack-head) { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; }
:where(.rk-stack-head .rk-insight-title) { margin-right: auto; }
:where(.rk-segmented) { display: inline-flex; border: 1px solid ${t.borderStrong}; border-radius: ${t.radius}; overflow: hidden; }
:where(.rk-segment) { padding: 4px 10px; border: 0; background: ${t.bg}; font: inherit; font-size: 0.9em; cursor: pointer; color: ${t.text}; }
:where(.rk-segment + .rk-segment) { border-left: 1px solid ${t.borderStrong}; }
:where(.rk-segment[aria-pressed="true"]) { background: ${t.accent}; color: ${t.accentText}; }
:where(.rk-stack) { overflow-x: auto; max-height: 420px; overflow-y: auto; border-radius: ${t.radius}; background: ${t.codeBg}; padding: 8px 0; font-family: ${t.mono}; font-size: 0.85em; }
:where(.rk-stack-lines) { list-style: none; margin: 0; padding: 0; min-width: max-content; }
:where(.rk-stack-text, .rk-stack-frame) { padding: 1px 12px; white-space: pre; }
:where(.rk-stack-text) { font-weight: 600; }
:where(.rk-stack-frame) { padding-left: 28px; }
:where(.rk-stack-fn) { font-weight: 600; }
:where(.rk-stack-file) { color: ${t.muted}; }
:where(.rk-stack-frame[data-origin="vendor"] .rk-stack-fn) { font-weight: 400; color: ${t.muted}; }
:where(.rk-stack-vendor) { margin-left: 8px; font-family: ${t.font}; font-size: 0.85em; padding: 0 6px; border-radius: 999px; background: ${t.hover}; color: ${t.muted}; }
:where(.rk-error-causes ol) { margin: 0; padding-left: 18px; display: grid; gap: 8px; }
:where(.rk-error-handling summary) { cursor: pointer; color: ${t.muted}; }

/* Similar errors */
:where(.rk-similar) { display: grid; gap: 8px; }
:where(.rk-similar-facts) { display: flex; flex-wrap: wrap; gap: 4px 20px; margin: 0; align-items: baseline; }
:where(.rk-similar-facts div) { display: flex; gap: 6px; }
:where(.rk-similar-facts dt) { color: ${t.muted}; }
:where(.rk-similar-facts dd) { margin: 0; }
:where(.rk-similar-total) { font-size: 1.15em; font-weight: 650; }
:where(.rk-similar-chart) { margin: 0; }
:where(.rk-similar-chart svg) { display: block; width: 100%; height: 72px; border-bottom: 1px solid ${t.border}; }
:where(.rk-similar-bar) { fill: ${rating.poor}; opacity: 0.8; }
:where(.rk-similar-bar:hover) { opacity: 1; }
:where(.rk-similar-axis) { display: flex; justify-content: space-between; gap: 8px; font-size: 0.8em; padding-top: 2px; }

/* Clusters */
:where(.rk-clusters) { display: grid; gap: 10px; }
:where(.rk-clusters-head) { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; justify-content: space-between; }
:where(.rk-clusters-group) { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; border: 0; margin: 0; padding: 0; }
:where(.rk-clusters-group legend) { float: left; margin-right: 4px; }
:where(.rk-radio) { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; }
:where(.rk-clusters-table td) { padding: 8px 12px; vertical-align: top; }
:where(.rk-sort-button) { display: inline-flex; align-items: center; gap: 4px; padding: 0; border: 0; background: none; font: inherit; font-weight: inherit; color: inherit; cursor: pointer; }
:where(.rk-disclosure) { display: inline-flex; align-items: baseline; gap: 6px; padding: 0; border: 0; background: none; font: inherit; color: inherit; text-align: left; cursor: pointer; }
:where(.rk-disclosure code) { white-space: pre-wrap; overflow-wrap: anywhere; }
:where(.rk-disclosure-mark) { flex: none; width: 0; height: 0; border-left: 5px solid ${t.muted}; border-top: 4px solid transparent; border-bottom: 4px solid transparent; transition: transform 120ms; }
:where(.rk-disclosure[aria-expanded="true"] .rk-disclosure-mark) { transform: rotate(90deg); }
:where(.rk-cluster-pattern code) { font-size: 0.88em; }
:where(.rk-cluster-count) { font-weight: 600; }
:where(.rk-cluster-share) { display: block; height: 4px; margin: 4px 0 2px auto; width: 64px; border-radius: 2px; background: ${t.hover}; overflow: hidden; }
:where(.rk-cluster-share-bar) { display: block; height: 100%; background: ${t.accent}; }
:where(.rk-cluster-percent) { font-size: 0.8em; }
:where(.rk-cluster-detail > td) { background: ${t.subtle}; }
:where(.rk-cluster-sample) { display: grid; gap: 8px; }
:where(.rk-cluster-message) { overflow-wrap: anywhere; }
`;
