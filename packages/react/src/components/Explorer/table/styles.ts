import { tokens as t } from '../../../provider/styles.js';

// Rows are absolutely placed by the virtualizer, a fixed 32px high, and share one grid template
// through --rk-events-cols, so a resize restyles them without re-rendering. `contain` keeps a
// row's layout and paint to itself while 100k of them scroll past. No will-change on rows: a
// compositor layer per row cost more than it saved when measured in Chromium.
export const TABLE_CSS = `
:where(.rk-events) {
  display: flex; flex-direction: column; min-height: 0; height: 100%;
  border: 1px solid ${t.border}; border-radius: ${t.radius}; background: ${t.bg};
}
:where(.rk-events-bar) {
  display: flex; align-items: center; justify-content: space-between; gap: 12px;
  padding: 6px 8px 6px 12px; border-bottom: 1px solid ${t.border};
}
:where(.rk-events-count) { color: ${t.muted}; font-variant-numeric: tabular-nums; }
:where(.rk-events-scroll) {
  position: relative; flex: 1 1 auto; min-height: 160px; overflow: auto;
  /* Without a bounded height from the host the grid would grow to all its rows and render
     every one; the viewport is the most it may take. */
  max-height: var(--rumkit-table-max-height, 100vh);
  overscroll-behavior: contain; outline: none; border-radius: 0 0 ${t.radius} ${t.radius};
}
:where(.rk-events-scroll:focus-visible) { box-shadow: inset 0 0 0 2px ${t.focus}; }
:where(.rk-events[data-state="empty"], .rk-events[data-state="error"]) :where(.rk-events-scroll) {
  flex: none; min-height: 0;
}
:where(.rk-events) :where(.rk-panel) { margin: 16px; }
:where(.rk-events-head) {
  position: sticky; top: 0; z-index: 2; min-width: var(--rk-events-width);
  background: ${t.subtle}; border-bottom: 1px solid ${t.border};
}
:where(.rk-events-body) { position: relative; min-width: var(--rk-events-width); }
:where(.rk-events-row) {
  display: grid; grid-template-columns: var(--rk-events-cols); align-items: center;
  height: 32px; width: 100%; min-width: var(--rk-events-width);
  font-size: 0.93em; font-variant-numeric: tabular-nums;
}
:where(.rk-events-body) > :where(.rk-events-row) {
  position: absolute; top: 0; left: 0; contain: layout paint style;
  border-bottom: 1px solid ${t.hover}; cursor: pointer;
}
:where(.rk-events-body) > :where(.rk-events-row:hover) { background: ${t.subtle}; }
:where(.rk-events-row[data-status="warning"]) { background: ${t.warningSubtle}; box-shadow: inset 3px 0 0 ${t.warningBorder}; }
:where(.rk-events-body) > :where(.rk-events-row[data-status="warning"]:hover) { background: ${t.warningSubtle}; filter: brightness(0.98); }
:where(.rk-events-row[aria-selected="true"]) { background: ${t.accentSubtle}; box-shadow: inset 3px 0 0 ${t.accent}; }
:where(.rk-events-scroll:focus-visible) :where(.rk-events-row[data-active]) { outline: 2px solid ${t.focus}; outline-offset: -2px; }
:where(.rk-events-header-row) { height: 34px; font-size: 0.88em; }
:where(.rk-events-cell) {
  min-width: 0; padding: 0 10px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis;
}
:where(.rk-events-cell[data-kind="number"], .rk-events-th[data-kind="number"]) { text-align: right; justify-content: flex-end; }
:where(.rk-events-cell[data-kind="time"]) { color: ${t.muted}; }
:where(.rk-events-cell[data-status="2xx"]) { color: ${t.success}; }
:where(.rk-events-cell[data-status="3xx"]) { color: ${t.accent}; }
:where(.rk-events-cell[data-status="4xx"]) { color: ${t.warningText}; font-weight: 600; }
:where(.rk-events-cell[data-status="5xx"]) { color: ${t.danger}; font-weight: 600; }
:where(.rk-events-none) { color: ${t.borderStrong}; }
:where(.rk-events-status) { display: flex; align-items: center; gap: 4px; padding: 0 6px; overflow: visible; }
:where(.rk-events-warning) { color: ${t.warningText}; line-height: 1; }
:where(.rk-events-play) {
  display: inline-flex; align-items: center; justify-content: center; width: 22px; height: 22px;
  padding: 0; border: 1px solid ${t.border}; border-radius: 999px; background: ${t.bg};
  color: ${t.accent}; font-size: 10px; line-height: 1; cursor: pointer;
}
:where(.rk-events-play:hover) { background: ${t.accentSubtle}; border-color: ${t.accent}; }
:where(.rk-events-th) {
  position: relative; display: flex; align-items: center; gap: 2px; min-width: 0; height: 100%;
  padding: 0 4px 0 2px; color: ${t.muted}; font-weight: 600;
}
:where(.rk-events-sort) {
  display: inline-flex; flex: 1 1 auto; align-items: center; gap: 4px; min-width: 0; height: 28px;
  padding: 0 8px; border: 0; border-radius: 4px; background: none; color: inherit; font: inherit;
  cursor: pointer;
}
:where(.rk-events-th[data-kind="number"]) :where(.rk-events-sort) { flex-direction: row-reverse; }
:where(.rk-events-sort:hover) { background: ${t.hover}; color: ${t.text}; }
:where(.rk-events-th[aria-sort="ascending"], .rk-events-th[aria-sort="descending"]) { color: ${t.text}; }
:where(.rk-events-th-label) { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.rk-events-th) :where(.rk-button) { opacity: 0; }
:where(.rk-events-th:hover, .rk-events-th:focus-within) :where(.rk-button),
:where(.rk-events-th) :where(.rk-button[aria-expanded="true"]) { opacity: 1; }
:where(.rk-events-resize) {
  position: absolute; top: 4px; right: -3px; bottom: 4px; z-index: 1; width: 6px;
  cursor: col-resize; touch-action: none; border-radius: 3px;
}
:where(.rk-events-resize:hover, .rk-events-resize:focus-visible) { background: ${t.accent}; }
:where(.rk-events-more) :where(.rk-events-cell) { grid-column: 1 / -1; color: ${t.muted}; text-align: center; }
:where(.rk-events-skeleton) { position: absolute; top: 0; left: 0; }
:where(.rk-events-bone) {
  display: block; height: 10px; width: 70%; border-radius: 4px; background: ${t.hover};
  animation: rk-events-pulse 1.2s ease-in-out infinite;
}
@keyframes rk-events-pulse { 50% { opacity: 0.45; } }
@media (prefers-reduced-motion: reduce) { :where(.rk-events-bone) { animation: none; } }

/* Column chooser */
:where(.rk-chooser) { position: relative; }
:where(.rk-chooser-panel) {
  position: absolute; top: calc(100% + 4px); right: 0; z-index: 20; display: grid; gap: 10px;
  width: min(420px, calc(100vw - 32px)); max-height: min(560px, 70vh); overflow: auto; padding: 12px;
  background: ${t.bg}; border: 1px solid ${t.border}; border-radius: ${t.radiusLg}; box-shadow: ${t.shadow};
}
:where(.rk-chooser-head) { display: flex; align-items: center; justify-content: space-between; }
:where(.rk-chooser-title) { font-size: 1em; font-weight: 650; margin: 0; }
:where(.rk-chooser-subtitle) { margin: 0 0 4px; color: ${t.muted}; font-size: 0.86em; font-weight: 600; }
:where(.rk-chooser-section) { display: grid; gap: 6px; }
:where(.rk-chooser-chosen, .rk-chooser-options) { margin: 0; padding: 0; list-style: none; }
:where(.rk-chooser-chosen-item) {
  display: flex; align-items: center; gap: 4px; padding: 2px 2px 2px 6px; border-radius: 4px;
  border-top: 2px solid transparent; cursor: grab;
}
:where(.rk-chooser-chosen-item:hover) { background: ${t.subtle}; }
:where(.rk-chooser-chosen-item[data-dragging]) { opacity: 0.5; }
:where(.rk-chooser-chosen-item[data-over]) { border-top-color: ${t.accent}; }
:where(.rk-chooser-grip) { color: ${t.muted}; }
:where(.rk-chooser-name) { flex: 1 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.rk-chooser-down) :where(.rk-icon) { transform: rotate(180deg); }
:where(.rk-chooser-search) {
  width: 100%; min-height: 32px; padding: 0 10px; border: 1px solid ${t.borderStrong};
  border-radius: ${t.radius}; font: inherit; color: ${t.text}; background: ${t.bg};
}
:where(.rk-chooser-options) { max-height: 260px; overflow: auto; }
:where(.rk-chooser-option) {
  display: grid; grid-template-columns: auto 1fr; column-gap: 8px; align-items: baseline;
  padding: 4px 6px; border-radius: 4px; cursor: pointer;
}
:where(.rk-chooser-option:hover) { background: ${t.subtle}; }
:where(.rk-chooser-desc) {
  grid-column: 2; color: ${t.muted}; font-size: 0.86em;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden;
}
:where(.rk-chooser-hint, .rk-chooser-none) { font-size: 0.9em; }
:where(.rk-chooser-foot) { display: flex; justify-content: flex-end; border-top: 1px solid ${t.border}; padding-top: 8px; }
`;
