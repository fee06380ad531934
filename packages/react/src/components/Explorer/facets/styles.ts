import { tokens as t } from '../../../provider/styles.js';

// The facet panel: a narrow column of disclosures, dense rows as in Datadog's facet list, the
// row actions appearing on hover or keyboard focus, and a two-handle slider made of two native
// range inputs laid over one track (only their thumbs take the pointer).
export const FACET_CSS = `
:where(.rk-facets) { display: grid; grid-template-columns: minmax(0, 1fr); align-content: start; gap: 8px; min-width: 0; }
:where(.rk-facets-head) { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
:where(.rk-facets-title) { font-size: 0.93em; font-weight: 650; text-transform: uppercase; letter-spacing: 0.03em; color: ${t.muted}; }
:where(.rk-facets-none) { color: ${t.muted}; font-size: 0.93em; padding: 8px 0; }
:where(.rk-facets-list) { display: grid; grid-template-columns: minmax(0, 1fr); margin: 0; padding: 0; list-style: none; border-top: 1px solid ${t.border}; }
:where(.rk-facets-item) { border-bottom: 1px solid ${t.border}; }

:where(.rk-facet-add) { position: relative; }
:where(.rk-facet-add-popover) {
  position: absolute; z-index: 20; top: calc(100% + 4px); right: 0; width: min(340px, 80vw);
  display: grid; gap: 6px; padding: 8px; background: ${t.bg}; border: 1px solid ${t.border};
  border-radius: ${t.radius}; box-shadow: ${t.shadow};
}
:where(.rk-facet-add-popover .rk-search) { flex: none; min-width: 0; }
:where(.rk-facet-add-list) { max-height: 300px; overflow: auto; }
:where(.rk-facet-add-name) { font-family: ${t.mono}; font-size: 0.9em; }

:where(.rk-facet) { padding: 4px 0; }
:where(.rk-facet-head) { display: flex; align-items: center; gap: 2px; min-height: 32px; }
:where(.rk-facet-heading) { flex: 1; min-width: 0; margin: 0; font-size: 1em; font-weight: 600; }
:where(.rk-facet-toggle) {
  display: flex; align-items: center; gap: 6px; width: 100%; min-height: 28px; padding: 2px 4px;
  border: 0; border-radius: 4px; background: none; color: ${t.text}; font: inherit; text-align: left; cursor: pointer;
}
:where(.rk-facet-toggle:hover) { background: ${t.hover}; }
:where(.rk-facet-toggle .rk-icon) { color: ${t.muted}; transition: transform 120ms; }
:where(.rk-facet-toggle[aria-expanded="true"] .rk-icon) { transform: rotate(90deg); }
@media (prefers-reduced-motion: reduce) { :where(.rk-facet-toggle .rk-icon) { transition: none; } }
:where(.rk-facet-name) { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-family: ${t.mono}; font-size: 0.9em; }
:where(.rk-facet-count) { margin-left: auto; padding: 0 6px; border-radius: 999px; background: ${t.subtle}; color: ${t.muted}; font-size: 0.8em; font-weight: 500; font-variant-numeric: tabular-nums; }
:where(.rk-facet-head-actions) { display: flex; }
:where(.rk-facet-head-actions .rk-button, .rk-facet-remove) { color: ${t.muted}; }
:where(.rk-facet-remove) { opacity: 0.6; }
:where(.rk-facet-head:hover .rk-facet-remove, .rk-facet-remove:focus-visible) { opacity: 1; }
:where(.rk-facet-body) { display: grid; gap: 6px; padding: 4px 0 6px 22px; }

:where(.rk-facet-search) { flex: none; min-width: 0; }
:where(.rk-facet-search .rk-input) { min-height: 28px; padding-top: 3px; padding-bottom: 3px; }
:where(.rk-facet-note) { color: ${t.muted}; font-size: 0.86em; overflow-wrap: anywhere; }
:where(.rk-facet-empty) { color: ${t.muted}; font-size: 0.9em; padding: 4px 0; }

:where(.rk-facet-values) { display: grid; grid-template-columns: minmax(0, 1fr); margin: 0; padding: 0; list-style: none; }
:where(.rk-facet-value) {
  display: flex; align-items: center; gap: 4px; min-height: 26px; padding: 0 4px; border-radius: 4px;
}
:where(.rk-facet-value:hover, .rk-facet-value:focus-within) { background: ${t.hover}; }
:where(.rk-facet-check) { display: flex; align-items: center; gap: 8px; flex: 1; min-width: 0; cursor: pointer; }
:where(.rk-facet-check input) { flex: none; width: 15px; height: 15px; margin: 0; accent-color: ${t.accent}; }
:where(.rk-facet-label) { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.rk-facet-value[data-checked="false"] .rk-facet-label) { color: ${t.muted}; }
:where(.rk-facet-value-count) { flex: none; color: ${t.muted}; font-size: 0.86em; font-variant-numeric: tabular-nums; }
/* The actions float over the end of the row on hover or focus, so the label and count keep the width. */
:where(.rk-facet-value) { position: relative; }
:where(.rk-facet-value-actions) { position: absolute; inset-inline-end: 40px; top: 50%; transform: translateY(-50%); display: flex; gap: 2px; padding-inline-start: 8px; background: ${t.hover}; opacity: 0; pointer-events: none; }
:where(.rk-facet-value:hover .rk-facet-value-actions, .rk-facet-value:focus-within .rk-facet-value-actions) { pointer-events: auto; }
:where(.rk-facet-value:hover .rk-facet-value-actions, .rk-facet-value:focus-within .rk-facet-value-actions) { opacity: 1; }
@media (hover: none) { :where(.rk-facet-value-actions) { opacity: 1; } }
:where(.rk-facet-action) {
  padding: 1px 6px; border: 1px solid ${t.border}; border-radius: 4px; background: ${t.bg};
  color: ${t.accent}; font: inherit; font-size: 0.8em; font-weight: 500; cursor: pointer;
}
:where(.rk-facet-action:hover) { border-color: ${t.accent}; background: ${t.accentSubtle}; }
:where(.rk-facet-action[disabled]) { color: ${t.muted}; cursor: not-allowed; }
:where(.rk-facet-more) {
  justify-self: start; padding: 2px 4px; border: 0; background: none; color: ${t.accent};
  font: inherit; font-size: 0.9em; cursor: pointer; border-radius: 4px;
}
:where(.rk-facet-more:hover) { text-decoration: underline; }

:where(.rk-facet-loading) { display: grid; gap: 8px; padding: 4px 0; }
:where(.rk-facet-skeleton) { display: flex; gap: 24px; align-items: center; }
:where(.rk-facet-skeleton .rk-skeleton:last-child) { width: 28px; margin-left: auto; }
:where(.rk-facet-error) {
  display: grid; gap: 6px; justify-items: start; padding: 8px 10px; border: 1px solid ${t.danger};
  border-radius: ${t.radius}; background: ${t.dangerSubtle}; font-size: 0.9em;
}
:where(.rk-facet-error-title) { font-weight: 600; }
:where(.rk-facet-error-body) { overflow-wrap: anywhere; }

:where(.rk-facet-range) { display: grid; gap: 8px; }
:where(.rk-facet-range-extent) { color: ${t.muted}; font-size: 0.86em; }
:where(.rk-facet-range-active) {
  display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 2px 2px 2px 8px;
  border-radius: ${t.radius}; background: ${t.accentSubtle}; font-size: 0.9em;
}
:where(.rk-facet-slider) { position: relative; height: 24px; margin: 0 7px; }
:where(.rk-facet-slider-track) {
  position: absolute; left: 0; right: 0; top: 50%; height: 4px; margin-top: -2px; border-radius: 2px;
  background: linear-gradient(to right, ${t.border} var(--rk-from), ${t.accent} var(--rk-from), ${t.accent} var(--rk-to), ${t.border} var(--rk-to));
}
:where(.rk-facet-slider input[type="range"]) {
  position: absolute; left: -7px; right: -7px; top: 0; width: calc(100% + 14px); height: 24px; margin: 0;
  background: none; pointer-events: none; -webkit-appearance: none; appearance: none;
}
:where(.rk-facet-slider input[type="range"])::-webkit-slider-runnable-track { background: none; height: 24px; }
:where(.rk-facet-slider input[type="range"])::-moz-range-track { background: none; }
:where(.rk-facet-slider input[type="range"])::-webkit-slider-thumb {
  -webkit-appearance: none; appearance: none; pointer-events: auto; cursor: grab;
  width: 14px; height: 14px; margin-top: 5px; border-radius: 50%; background: ${t.bg}; border: 2px solid ${t.accent};
}
:where(.rk-facet-slider input[type="range"])::-moz-range-thumb {
  pointer-events: auto; cursor: grab; width: 10px; height: 10px; border-radius: 50%; background: ${t.bg}; border: 2px solid ${t.accent};
}
:where(.rk-facet-slider input[type="range"]:focus-visible) { outline: none; }
:where(.rk-facet-slider input[type="range"]:focus-visible)::-webkit-slider-thumb { box-shadow: 0 0 0 3px ${t.accentSubtle}, 0 0 0 5px ${t.focus}; }
:where(.rk-facet-slider input[type="range"]:focus-visible)::-moz-range-thumb { box-shadow: 0 0 0 3px ${t.accentSubtle}, 0 0 0 5px ${t.focus}; }
:where(.rk-facet-slider[data-disabled] input[type="range"])::-webkit-slider-thumb { border-color: ${t.borderStrong}; cursor: default; }
:where(.rk-facet-range-inputs) { display: grid; grid-template-columns: repeat(auto-fit, minmax(64px, 1fr)); gap: 6px; }
:where(.rk-facet-range-input) { display: grid; gap: 2px; min-width: 0; }
:where(.rk-facet-range-label) { color: ${t.muted}; font-size: 0.8em; }
:where(.rk-facet-range-input .rk-input, .rk-facet-range-input .rk-select) { min-height: 28px; padding: 3px 6px; min-width: 0; width: 100%; }
:where(.rk-facet-range-error) { color: ${t.danger}; font-size: 0.86em; }
:where(.rk-facet-range-actions) { display: flex; justify-content: flex-end; }
`;
