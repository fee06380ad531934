import { tokens as t } from '../../../provider/styles.js';

// The detail drawer: a side sheet beside the list (the shell places it), its head, the source
// rows, the attribute list, the resource timing bars and the session timeline.
export const DETAIL_CSS = `
:where(.rk-drawer) {
  display: flex; flex-direction: column; min-width: 0; min-height: 0; height: 100%;
  width: var(--rumkit-drawer-width, min(600px, 100%));
  background: ${t.bg}; border-left: 1px solid ${t.border}; box-shadow: -8px 0 24px rgb(16 24 40 / 0.06);
}
:where(.rk-drawer-header) { display: grid; gap: 6px; padding: 12px 16px; border-bottom: 1px solid ${t.border}; }
:where(.rk-drawer-topline) { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
:where(.rk-drawer-kind) {
  display: inline-flex; align-items: center; gap: 6px; color: ${t.muted};
  font-size: 0.86em; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em;
}
:where(.rk-drawer-title) { font-size: 1.15em; font-weight: 650; overflow-wrap: anywhere; line-height: 1.35; }
:where(.rk-drawer-title:focus) { outline: none; }
:where(.rk-drawer-title:focus-visible) { outline: 2px solid ${t.focus}; outline-offset: 2px; }
:where(.rk-drawer-subtitle) { color: ${t.muted}; font-size: 0.9em; overflow-wrap: anywhere; }
:where(.rk-drawer-meta) { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; }
:where(.rk-drawer-time) { color: ${t.muted}; font-size: 0.9em; font-variant-numeric: tabular-nums; }
:where(.rk-drawer-badges) { display: flex; flex-wrap: wrap; gap: 4px; padding: 0; margin: 0; list-style: none; }
:where(.rk-detail-badge) {
  padding: 1px 8px; border-radius: 999px; font-size: 0.82em; font-weight: 500;
  background: ${t.hover}; color: ${t.text}; white-space: nowrap;
}
:where(.rk-detail-badge[data-tone="good"]) { background: #e6f4ec; color: ${t.success}; }
:where(.rk-detail-badge[data-tone="warning"]) { background: ${t.warningSubtle}; color: ${t.warningText}; }
:where(.rk-detail-badge[data-tone="danger"]) { background: ${t.dangerSubtle}; color: ${t.danger}; }
:where(.rk-drawer-body) { flex: 1; min-height: 0; overflow: auto; display: grid; align-content: start; gap: 16px; padding: 12px 16px 24px; }
:where(.rk-detail-status) { padding: 12px 0; }
:where(.rk-drawer-stack) { display: grid; gap: 16px; }

/* Source */
:where(.rk-source) { display: grid; gap: 6px; }
:where(.rk-source-list) { display: grid; padding: 0; margin: 0; list-style: none; border: 1px solid ${t.border}; border-radius: ${t.radius}; }
:where(.rk-source-row) { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 4px 8px; padding: 6px 8px 6px 12px; }
:where(.rk-source-row + .rk-source-row) { border-top: 1px solid ${t.border}; }
:where(.rk-source-text) { display: grid; grid-template-columns: 5.5em 1fr; gap: 0 8px; min-width: 0; flex: 1 1 240px; }
:where(.rk-source-kind) { grid-row: span 2; color: ${t.muted}; font-size: 0.86em; font-weight: 600; }
:where(.rk-source-label) { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.rk-source-id) { color: ${t.muted}; font-size: 0.8em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.rk-source-actions) { gap: 2px; }

/* Attributes */
:where(.rk-attrs) { display: grid; gap: 12px; }
:where(.rk-attrs-search) { max-width: none; flex: none; }
:where(.rk-attrs-count) { font-size: 0.88em; }
:where(.rk-attrs-group) { display: grid; gap: 4px; }
:where(.rk-attrs-heading) { font-size: 0.8em; font-weight: 650; color: ${t.muted}; text-transform: uppercase; letter-spacing: 0.04em; margin: 0; }
:where(.rk-attr-list) { display: grid; margin: 0; border: 1px solid ${t.border}; border-radius: ${t.radius}; }
:where(.rk-attr) { display: grid; grid-template-columns: minmax(120px, 38%) 1fr; gap: 8px; padding: 3px 4px 3px 10px; align-items: start; }
:where(.rk-attr + .rk-attr) { border-top: 1px solid ${t.border}; }
:where(.rk-attr:hover, .rk-attr:focus-within) { background: ${t.subtle}; }
:where(.rk-attr-key) { padding-top: 4px; min-width: 0; overflow-wrap: anywhere; color: ${t.muted}; }
:where(.rk-attr-key code) { font-size: 0.86em; }
:where(.rk-attr-value) { display: flex; gap: 4px; align-items: flex-start; justify-content: space-between; margin: 0; min-width: 0; }
:where(.rk-attr-value > span:first-child) { padding-top: 4px; overflow-wrap: anywhere; min-width: 0; }
:where(.rk-attr-json) {
  flex: 1; min-width: 0; margin: 2px 0; padding: 6px 8px; border-radius: 4px; background: ${t.codeBg};
  font-size: 0.84em; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 240px; overflow: auto;
}
/* The menu shows on hover and focus, and always where there is no hover (touch). */
:where(.rk-attr-menu) { flex: none; opacity: 0.35; }
:where(.rk-attr:hover .rk-attr-menu, .rk-attr:focus-within .rk-attr-menu) { opacity: 1; }
@media (hover: none) { :where(.rk-attr-menu) { opacity: 1; } }

/* Resource timing */
:where(.rk-timing) { display: grid; gap: 6px; }
:where(.rk-timing-list) { display: grid; gap: 4px; padding: 0; margin: 0; list-style: none; }
:where(.rk-timing-row) { display: grid; grid-template-columns: 9.5em 1fr 5.5em; align-items: center; gap: 8px; font-size: 0.9em; }
:where(.rk-timing-track) { position: relative; height: 10px; border-radius: 3px; background: ${t.subtle}; }
:where(.rk-timing-bar) { position: absolute; top: 0; bottom: 0; min-width: 2px; border-radius: 3px; background: ${t.accent}; }
:where(.rk-timing-row[data-phase="dns"] .rk-timing-bar) { background: #0e8a8a; }
:where(.rk-timing-row[data-phase="tcp"] .rk-timing-bar) { background: #7a5af8; }
:where(.rk-timing-row[data-phase="ssl"] .rk-timing-bar) { background: #c4529c; }
:where(.rk-timing-row[data-phase="trans"] .rk-timing-bar) { background: ${t.success}; }
:where(.rk-timing-value) { text-align: right; font-variant-numeric: tabular-nums; }

/* Session timeline and a view's errors */
:where(.rk-timeline) { display: grid; gap: 10px; }
:where(.rk-timeline-toolbar) { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; }
:where(.rk-segmented) { display: inline-flex; padding: 0; margin: 0; border: 1px solid ${t.borderStrong}; border-radius: ${t.radius}; overflow: hidden; }
:where(.rk-segmented button) { padding: 4px 10px; border: 0; background: ${t.bg}; color: ${t.text}; font: inherit; font-size: 0.9em; cursor: pointer; }
:where(.rk-segmented button + button) { border-left: 1px solid ${t.borderStrong}; }
:where(.rk-segmented button[aria-pressed="true"]) { background: ${t.accentSubtle}; color: ${t.accent}; font-weight: 600; }
:where(.rk-segmented button:focus-visible) { outline-offset: -2px; }
:where(.rk-timeline-all) { font-size: 0.9em; align-items: center; }
:where(.rk-timeline-sections, .rk-timeline-items, .rk-view-errors) { display: grid; gap: 2px; padding: 0; margin: 0; list-style: none; }
:where(.rk-timeline-section) { display: grid; gap: 2px; }
:where(.rk-timeline-items) { margin-left: 18px; padding-left: 10px; border-left: 2px solid ${t.border}; }
:where(.rk-timeline-entry) {
  display: grid; grid-template-columns: 7.5em 20px minmax(0, 1fr) auto auto; align-items: center; gap: 8px;
  width: 100%; padding: 5px 8px; border: 0; border-radius: 4px; background: none; color: ${t.text};
  font: inherit; text-align: left;
}
:where(button.rk-timeline-entry) { cursor: pointer; }
:where(button.rk-timeline-entry:hover) { background: ${t.hover}; }
:where(.rk-timeline-view) { background: ${t.subtle}; font-weight: 600; }
:where(.rk-timeline-time) { color: ${t.muted}; font-size: 0.86em; font-variant-numeric: tabular-nums; font-weight: 400; white-space: nowrap; }
:where(.rk-timeline-icon) { display: inline-grid; place-items: center; color: ${t.muted}; }
:where(.rk-timeline-icon[data-category="view"]) { color: ${t.accent}; }
:where(.rk-timeline-icon[data-category="error"]) { color: ${t.danger}; }
:where(.rk-timeline-label) { display: grid; min-width: 0; overflow-wrap: anywhere; }
:where(.rk-timeline-entry[data-category="error"] .rk-timeline-label) { color: ${t.danger}; }
:where(.rk-timeline-sub) { color: ${t.muted}; font-size: 0.84em; font-weight: 400; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.rk-timeline-duration) { color: ${t.muted}; font-size: 0.86em; font-weight: 400; white-space: nowrap; font-variant-numeric: tabular-nums; }
:where(.rk-timeline-errors) { display: inline-flex; align-items: center; gap: 3px; color: ${t.danger}; font-size: 0.84em; font-weight: 600; white-space: nowrap; }
:where(.rk-timeline-truncated) { font-size: 0.9em; }
`;
