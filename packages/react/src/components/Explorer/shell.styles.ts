import { tokens as t } from '../../provider/styles.js';

// The explorer fills the box the host gives it (its height bounds the virtualized list), with
// the facets on the left, the results in the middle and the detail drawer on the right.
export const SHELL_CSS = `
:where(.rk-explorer) {
  display: flex;
  flex-direction: column;
  gap: 10px;
  height: 100%;
  min-height: 520px;
  color: ${t.text};
  background: ${t.bg};
}
:where(.rk-explorer-bar) {
  display: flex;
  flex-wrap: wrap;
  align-items: flex-start;
  gap: 8px;
}
:where(.rk-explorer-search) { flex: 1 1 360px; min-width: 0; }
:where(.rk-explorer-categories, .rk-explorer-mode-group) {
  display: inline-flex;
  border: 1px solid ${t.border};
  border-radius: ${t.radius};
  overflow: hidden;
  flex: none;
}
:where(.rk-explorer-category, .rk-explorer-mode) {
  font: inherit;
  font-size: 13px;
  padding: 6px 10px;
  border: 0;
  border-inline-end: 1px solid ${t.border};
  background: ${t.bg};
  color: ${t.text};
  cursor: pointer;
  white-space: nowrap;
}
:where(.rk-explorer-category:last-child, .rk-explorer-mode:last-child) { border-inline-end: 0; }
:where(.rk-explorer-category:hover, .rk-explorer-mode:hover) { background: ${t.hover}; }
:where(.rk-explorer-category[aria-pressed="true"], .rk-explorer-mode[aria-pressed="true"]) {
  background: ${t.accentSubtle};
  color: ${t.accent};
  font-weight: 600;
}
:where(.rk-explorer-category:focus-visible, .rk-explorer-mode:focus-visible) {
  outline: 2px solid ${t.focus};
  outline-offset: -2px;
}
:where(.rk-explorer-body) {
  flex: 1 1 auto;
  min-height: 0;
  display: grid;
  grid-template-columns: 250px minmax(0, 1fr);
  gap: 12px;
}
:where(.rk-explorer-body[data-detail="open"]) {
  grid-template-columns: 250px minmax(0, 1fr) minmax(380px, 44%);
}
@media (max-width: 1100px) {
  :where(.rk-explorer-body[data-detail="open"]) { grid-template-columns: 0 minmax(0, 1fr) minmax(340px, 55%); }
    /* No combinator here: happy-dom reads one inside :where() as matching the parent too. */
  :where(.rk-explorer-facets[data-beside-detail]) { visibility: hidden; }
}
:where(.rk-explorer-facets) { min-height: 0; overflow: auto; padding-inline-end: 4px; }
:where(.rk-explorer-main) {
  display: flex;
  flex-direction: column;
  gap: 8px;
  min-width: 0;
  min-height: 0;
  /* The list scrolls inside itself; the analysis and the clusters scroll here. */
  overflow: auto;
}
:where(.rk-explorer-offline) {
  margin: 0;
  padding: 6px 10px;
  border: 1px solid ${t.warningBorder};
  border-radius: ${t.radius};
  background: ${t.warningSubtle};
  color: ${t.warningText};
}
:where(.rk-explorer-modes) {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 8px;
}
:where(.rk-range) { position: relative; flex: none; }
:where(.rk-range-button) { white-space: nowrap; }
:where(.rk-range-panel) {
  position: absolute;
  z-index: 30;
  inset-inline-end: 0;
  top: calc(100% + 4px);
  display: grid;
  grid-template-columns: 170px 320px;
  gap: 12px;
  padding: 12px;
  background: ${t.bg};
  border: 1px solid ${t.border};
  border-radius: ${t.radiusLg};
  box-shadow: ${t.shadow};
}
:where(.rk-range-presets) { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
:where(.rk-range-preset) {
  width: 100%;
  text-align: start;
  font: inherit;
  padding: 5px 8px;
  border: 0;
  border-radius: ${t.radius};
  background: none;
  color: ${t.text};
  cursor: pointer;
}
:where(.rk-range-preset:hover) { background: ${t.hover}; }
:where(.rk-range-preset[aria-pressed="true"]) { background: ${t.accentSubtle}; color: ${t.accent}; font-weight: 600; }
:where(.rk-range-preset:focus-visible) { outline: 2px solid ${t.focus}; outline-offset: -2px; }
:where(.rk-range-custom) { display: grid; gap: 14px; align-content: start; }
:where(.rk-range-form) { display: grid; gap: 6px; }
:where(.rk-range-form label, .rk-range-legend) { font-size: 12px; font-weight: 600; color: ${t.muted}; }
:where(.rk-range-form label) { display: grid; gap: 2px; }
:where(.rk-range-row) { display: flex; flex-wrap: wrap; gap: 6px; align-items: flex-end; }
:where(.rk-range-row .rk-input) { min-width: 0; flex: 1 1 120px; }
:where(.rk-range-zone) { margin: 0; font-size: 12px; color: ${t.muted}; }
`;
