import { tokens as t } from '../../../provider/styles.js';

// The search bar: one bordered field holding the pills, the input and the tools; the popup of
// completions under the input; the problem line under the field.
export const SEARCH_CSS = `
:where(.rk-search-bar) { display: grid; gap: 6px; min-width: 0; }
:where(.rk-search-field) {
  position: relative; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px;
  min-height: 36px; padding: 3px 4px 3px 32px; border: 1px solid ${t.borderStrong};
  border-radius: ${t.radius}; background: ${t.bg};
}
:where(.rk-search-field:focus-within) { border-color: ${t.focus}; box-shadow: 0 0 0 1px ${t.focus}; }
:where(.rk-search-bar[data-invalid] .rk-search-field) { border-color: ${t.danger}; }
:where(.rk-search-bar[data-invalid] .rk-search-field:focus-within) { box-shadow: 0 0 0 1px ${t.danger}; }
:where(.rk-search-field) > :where(.rk-icon) { position: absolute; left: 10px; top: 10px; color: ${t.muted}; pointer-events: none; }

:where(.rk-search-pills) { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; min-width: 0; }
:where(.rk-search-pills > li) { display: flex; min-width: 0; }
:where(.rk-search-pills > li[hidden]) { display: none; }
:where(.rk-search-pill) {
  display: inline-flex; align-items: center; min-width: 0; max-width: 100%; min-height: 26px;
  border: 1px solid ${t.border}; border-radius: ${t.radius}; background: ${t.accentSubtle};
  color: ${t.text}; font-size: 0.93em;
}
:where(.rk-search-pill-main) {
  display: inline-flex; align-items: baseline; gap: 2px; min-width: 0; max-width: 420px;
  padding: 2px 2px 2px 8px; border: 0; background: transparent; color: inherit;
  font: inherit; font-family: ${t.mono}; font-size: 0.95em; cursor: pointer; white-space: nowrap;
}
:where(.rk-search-pill-main:hover) :where(.rk-search-pill-value) { text-decoration: underline; }
:where(.rk-search-pill-key) { color: ${t.muted}; }
:where(.rk-search-pill-value) { font-weight: 600; overflow: hidden; text-overflow: ellipsis; }
:where(.rk-search-pill-not) {
  margin-right: 4px; font-family: ${t.font}; font-size: 0.78em; font-weight: 700;
  letter-spacing: 0.04em; color: ${t.danger};
}
:where(.rk-search-pill[data-negated]) { background: ${t.dangerSubtle}; border-color: ${t.danger}; }
:where(.rk-search-pill[data-negated]) :where(.rk-search-pill-value) {
  text-decoration: line-through; text-decoration-color: ${t.danger};
}
:where(.rk-search-pill[data-editing]) { outline: 2px dashed ${t.accent}; }
:where(.rk-search-pill) :where(.rk-button[data-size="sm"][data-icon-only]) { min-height: 22px; width: 22px; }
:where(.rk-search-pill-remove) {
  display: inline-flex; align-items: center; justify-content: center; width: 22px; height: 22px;
  margin-right: 2px; padding: 0; border: 0; border-radius: 4px; background: transparent;
  color: ${t.muted}; cursor: pointer;
}
:where(.rk-search-pill-remove:hover) { background: ${t.hover}; color: ${t.text}; }

:where(.rk-search-combobox) { position: relative; flex: 1 1 180px; min-width: 140px; }
:where(.rk-search-input) {
  width: 100%; min-height: 28px; padding: 0 4px; border: 0; background: transparent;
  color: ${t.text}; font: inherit; font-family: ${t.mono}; font-size: 0.95em;
}
:where(.rk-search-input:focus, .rk-search-input:focus-visible) { outline: none; }
:where(.rk-search-input)::placeholder { color: ${t.muted}; font-family: ${t.font}; }
:where(.rk-search-tools) { display: flex; align-items: center; gap: 2px; margin-left: auto; }

:where(.rk-search-popup) {
  position: absolute; z-index: 30; left: 0; top: calc(100% + 6px);
  width: max(100%, 420px); max-width: min(640px, 92vw); padding: 4px;
  background: ${t.bg}; border: 1px solid ${t.border}; border-radius: ${t.radius}; box-shadow: ${t.shadow};
}
:where(.rk-search-listbox) { max-height: 340px; overflow: auto; }
:where(.rk-search-listbox:empty) { display: none; }
:where(.rk-search-option) { min-width: 0; }
:where(.rk-search-option-main) { display: flex; align-items: baseline; gap: 8px; min-width: 0; }
:where(.rk-search-option) :where(code) { font-family: ${t.mono}; overflow-wrap: anywhere; }
:where(.rk-search-option-value) { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.rk-search-option-count) { color: ${t.muted}; font-size: 0.9em; font-variant-numeric: tabular-nums; }
:where(.rk-search-option-badge) {
  padding: 0 6px; border: 1px solid ${t.border}; border-radius: 999px; background: ${t.subtle};
  color: ${t.muted}; font-size: 0.78em;
}
:where(.rk-search-status) { padding: 8px 10px; color: ${t.muted}; }

:where(.rk-search-problem) {
  display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 8px; color: ${t.danger}; font-size: 0.93em;
}
:where(.rk-search-problem) > :where(.rk-icon) { align-self: center; }
:where(.rk-search-culprit) :where(code) {
  padding: 1px 6px; border-radius: 4px; background: ${t.codeBg}; color: ${t.text};
  white-space: pre-wrap; overflow-wrap: anywhere;
}
:where(.rk-search-culprit mark) {
  background: ${t.dangerSubtle}; color: ${t.danger}; text-decoration: underline wavy ${t.danger};
  text-underline-offset: 3px;
}
:where(.rk-search-culprit mark[data-empty])::after { content: "\\2038"; }
`;
