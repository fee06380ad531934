// The kit's stylesheet. Every rule is scoped to the kit's own `rk-` classes and wrapped in
// :where(), so it has no specificity: the host's CSS always wins, and nothing outside the kit
// is touched (no resets, no element selectors at the top level). Colours, type and spacing come
// from --rumkit-* custom properties with the defaults below, so a host themes the kit by setting
// them on any ancestor (see the "Theming" story for a dark theme).

export const tokens = {
  font: 'var(--rumkit-font-family, system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", sans-serif)',
  mono: 'var(--rumkit-font-family-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace)',
  size: 'var(--rumkit-font-size, 14px)',
  text: 'var(--rumkit-color-text, #1c2024)',
  muted: 'var(--rumkit-color-text-muted, #5d6169)',
  bg: 'var(--rumkit-color-bg, #ffffff)',
  subtle: 'var(--rumkit-color-bg-subtle, #f7f8fa)',
  hover: 'var(--rumkit-color-bg-hover, #eff1f4)',
  border: 'var(--rumkit-color-border, #dcdfe4)',
  borderStrong: 'var(--rumkit-color-border-strong, #b9bec6)',
  accent: 'var(--rumkit-color-accent, #3451b2)',
  accentHover: 'var(--rumkit-color-accent-hover, #2a4199)',
  accentText: 'var(--rumkit-color-accent-contrast, #ffffff)',
  accentSubtle: 'var(--rumkit-color-accent-subtle, #edf1fd)',
  danger: 'var(--rumkit-color-danger, #c62a2f)',
  dangerSubtle: 'var(--rumkit-color-danger-subtle, #fdeeee)',
  success: 'var(--rumkit-color-success, #1d7a4d)',
  warningText: 'var(--rumkit-color-warning-text, #6b4a00)',
  warningSubtle: 'var(--rumkit-color-warning-subtle, #fff6d6)',
  warningBorder: 'var(--rumkit-color-warning-border, #e8c25a)',
  focus: 'var(--rumkit-color-focus, #3451b2)',
  radius: 'var(--rumkit-radius, 6px)',
  radiusLg: 'var(--rumkit-radius-large, 10px)',
  shadow:
    'var(--rumkit-shadow-popover, 0 8px 24px rgb(16 24 40 / 0.14), 0 2px 6px rgb(16 24 40 / 0.08))',
  codeBg: 'var(--rumkit-color-code-bg, #f4f5f7)',
};

const t = tokens;

export const KIT_CSS = `
:where(.rk-root) {
  box-sizing: border-box;
  font-family: ${t.font};
  font-size: ${t.size};
  line-height: 1.45;
  color: ${t.text};
  -webkit-font-smoothing: antialiased;
}
:where(.rk-root) :where(*, *::before, *::after) { box-sizing: border-box; }
:where(.rk-root) :where(:focus-visible) { outline: 2px solid ${t.focus}; outline-offset: 2px; border-radius: 3px; }
:where(.rk-root) :where(h2, h3, p, ol, ul, dl, dd, figure, pre) { margin: 0; }
:where(.rk-root) :where(code, kbd, pre) { font-family: ${t.mono}; font-size: 0.92em; }

:where(.rk-visually-hidden) {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

/* Buttons */
:where(.rk-button) {
  display: inline-flex; align-items: center; justify-content: center; gap: 6px;
  min-height: 32px; padding: 0 12px; border-radius: ${t.radius};
  border: 1px solid ${t.borderStrong}; background: ${t.bg}; color: ${t.text};
  font: inherit; font-weight: 500; line-height: 1; cursor: pointer; white-space: nowrap;
  text-decoration: none; transition: background-color 120ms, border-color 120ms;
}
:where(.rk-button:hover) { background: ${t.hover}; }
:where(.rk-button[disabled], .rk-button[aria-disabled="true"]) { opacity: 0.55; cursor: not-allowed; }
:where(.rk-button[data-variant="primary"]) { background: ${t.accent}; border-color: ${t.accent}; color: ${t.accentText}; }
:where(.rk-button[data-variant="primary"]:hover) { background: ${t.accentHover}; }
:where(.rk-button[data-variant="danger"]) { background: ${t.danger}; border-color: ${t.danger}; color: #fff; }
:where(.rk-button[data-variant="danger"]:hover) { filter: brightness(0.92); }
:where(.rk-button[data-variant="ghost"]) { border-color: transparent; background: transparent; }
:where(.rk-button[data-variant="ghost"]:hover) { background: ${t.hover}; }
:where(.rk-button[data-size="sm"]) { min-height: 28px; padding: 0 8px; font-size: 0.93em; }
:where(.rk-button[data-icon-only]) { padding: 0; width: 32px; }
:where(.rk-button[data-size="sm"][data-icon-only]) { width: 28px; }
:where(.rk-icon) { flex: none; width: 16px; height: 16px; }

/* Links that open host screens */
:where(.rk-link) {
  display: inline-flex; align-items: center; gap: 4px; padding: 2px 4px; margin: -2px -4px;
  border: 0; background: none; font: inherit; color: ${t.accent}; cursor: pointer;
  text-decoration: none; border-radius: 4px;
}
:where(.rk-link:hover) { text-decoration: underline; }
:where(.rk-link[aria-disabled="true"]) { color: ${t.muted}; cursor: not-allowed; text-decoration: none; }

/* Fields */
:where(.rk-field) { display: grid; gap: 6px; }
:where(.rk-label) { font-weight: 600; }
:where(.rk-hint) { color: ${t.muted}; font-size: 0.93em; }
:where(.rk-input) {
  width: 100%; min-height: 34px; padding: 6px 10px; border-radius: ${t.radius};
  border: 1px solid ${t.borderStrong}; background: ${t.bg}; color: ${t.text}; font: inherit;
}
:where(.rk-input:focus-visible) { outline-offset: 0; border-color: ${t.focus}; }
:where(.rk-input[aria-invalid="true"]) { border-color: ${t.danger}; }
:where(.rk-input[data-mono]) { font-family: ${t.mono}; }
:where(.rk-input-row) { display: flex; gap: 8px; align-items: center; }
:where(.rk-field-message) { display: flex; gap: 6px; align-items: flex-start; font-size: 0.93em; min-height: 1.45em; }
:where(.rk-field-message[data-tone="error"]) { color: ${t.danger}; }
:where(.rk-field-message[data-tone="ok"]) { color: ${t.success}; }
:where(.rk-field-message[data-tone="muted"]) { color: ${t.muted}; }
:where(.rk-select) { min-height: 34px; padding: 4px 8px; border-radius: ${t.radius}; border: 1px solid ${t.borderStrong}; background: ${t.bg}; color: ${t.text}; font: inherit; }

/* Panels for empty, error and loading states */
:where(.rk-panel) {
  display: grid; justify-items: center; gap: 8px; padding: 40px 24px; text-align: center;
  border: 1px dashed ${t.border}; border-radius: ${t.radiusLg}; background: ${t.subtle};
}
:where(.rk-panel[data-tone="error"]) { border-style: solid; border-color: ${t.danger}; background: ${t.dangerSubtle}; }
:where(.rk-panel-title) { font-size: 1.07em; font-weight: 600; }
:where(.rk-panel-body) { color: ${t.muted}; max-width: 52ch; }
:where(.rk-panel[data-tone="error"] .rk-panel-body) { color: ${t.text}; }
:where(.rk-panel-actions) { display: flex; gap: 8px; margin-top: 8px; }
:where(.rk-alert) {
  display: flex; gap: 8px; align-items: flex-start; padding: 10px 12px; border-radius: ${t.radius};
  border: 1px solid ${t.danger}; background: ${t.dangerSubtle}; color: ${t.text};
}
:where(.rk-alert[data-tone="warning"]) { border-color: ${t.warningBorder}; background: ${t.warningSubtle}; color: ${t.warningText}; }
:where(.rk-alert[data-tone="success"]) { border-color: ${t.success}; background: ${t.bg}; }
:where(.rk-skeleton) {
  display: block; height: 12px; border-radius: 4px; background: ${t.hover};
  animation: rk-pulse 1.4s ease-in-out infinite;
}
@keyframes rk-pulse { 50% { opacity: 0.45; } }
@media (prefers-reduced-motion: reduce) { :where(.rk-skeleton) { animation: none; } }

/* Application list */
:where(.rk-applist) { display: grid; gap: 12px; }
:where(.rk-toolbar) { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; }
:where(.rk-toolbar-title) { font-size: 1.15em; font-weight: 650; margin-right: auto; display: flex; gap: 8px; align-items: baseline; }
:where(.rk-count) { color: ${t.muted}; font-weight: 400; font-size: 0.87em; }
:where(.rk-search) { position: relative; flex: 0 1 320px; min-width: 200px; }
:where(.rk-search .rk-icon) { position: absolute; left: 9px; top: 50%; transform: translateY(-50%); color: ${t.muted}; pointer-events: none; }
:where(.rk-search .rk-input) { padding-left: 32px; }
:where(.rk-table-wrap) { border: 1px solid ${t.border}; border-radius: ${t.radiusLg}; overflow: auto; background: ${t.bg}; }
:where(.rk-table) { width: 100%; border-collapse: separate; border-spacing: 0; }
:where(.rk-table th) {
  position: sticky; top: 0; z-index: 1; background: ${t.subtle}; text-align: left;
  font-weight: 600; font-size: 0.86em; color: ${t.muted}; padding: 8px 12px;
  border-bottom: 1px solid ${t.border}; white-space: nowrap;
}
:where(.rk-table td) { padding: 10px 12px; border-bottom: 1px solid ${t.border}; vertical-align: middle; }
:where(.rk-table tbody tr:last-child td) { border-bottom: 0; }
:where(.rk-table tbody tr:hover) { background: ${t.subtle}; }
:where(.rk-table tbody tr[data-recent]) { background: ${t.accentSubtle}; }
:where(.rk-sort) { all: unset; cursor: pointer; display: inline-flex; gap: 4px; align-items: center; border-radius: 3px; }
:where(.rk-sort:focus-visible) { outline: 2px solid ${t.focus}; outline-offset: 2px; }
:where(.rk-app-cell) { display: flex; gap: 10px; align-items: center; min-width: 200px; }
:where(.rk-type-icon) {
  display: inline-grid; place-items: center; width: 32px; height: 32px; flex: none;
  border-radius: 8px; background: ${t.accentSubtle}; color: ${t.accent};
}
:where(.rk-app-name) { font-weight: 600; overflow-wrap: anywhere; }
:where(.rk-app-type) { color: ${t.muted}; font-size: 0.88em; }
:where(.rk-badge) {
  display: inline-block; padding: 1px 6px; margin-left: 6px; border-radius: 999px; font-size: 0.78em;
  font-weight: 600; background: ${t.accent}; color: ${t.accentText}; vertical-align: 1px;
}
:where(.rk-badge[data-tone="neutral"]) { background: ${t.hover}; color: ${t.text}; }
:where(.rk-appid) { display: inline-flex; gap: 2px; align-items: center; max-width: 100%; }
:where(.rk-appid code) { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 26ch; }
:where(.rk-links) { display: flex; gap: 14px; white-space: nowrap; }
:where(.rk-muted) { color: ${t.muted}; }
:where(.rk-nowrap) { white-space: nowrap; }

/* Menus and popovers */
:where(.rk-menu) {
  position: fixed; z-index: 1000; min-width: 180px; padding: 4px; margin: 0; list-style: none;
  background: ${t.bg}; border: 1px solid ${t.border}; border-radius: ${t.radius}; box-shadow: ${t.shadow};
}
:where(.rk-menu-item) {
  display: flex; width: 100%; gap: 8px; align-items: center; padding: 7px 10px; border: 0;
  border-radius: 4px; background: none; color: ${t.text}; font: inherit; text-align: left; cursor: pointer;
}
:where(.rk-menu-item:focus, .rk-menu-item:hover) { background: ${t.hover}; outline: none; }
:where(.rk-menu-item[data-tone="danger"]) { color: ${t.danger}; }
:where(.rk-menu-separator) { height: 0; margin: 4px 0; border: 0; border-top: 1px solid ${t.border}; }

/* Dialogs */
:where(.rk-dialog) {
  width: min(460px, calc(100vw - 32px)); padding: 0; border: 1px solid ${t.border};
  border-radius: ${t.radiusLg}; background: ${t.bg}; color: ${t.text}; box-shadow: ${t.shadow};
}
:where(.rk-dialog)::backdrop { background: rgb(16 24 40 / 0.45); }
:where(.rk-dialog-body) { display: grid; gap: 12px; padding: 20px; }
:where(.rk-dialog-title) { font-size: 1.1em; font-weight: 650; }
:where(.rk-dialog-actions) { display: flex; justify-content: flex-end; gap: 8px; padding: 12px 20px; border-top: 1px solid ${t.border}; background: ${t.subtle}; border-radius: 0 0 ${t.radiusLg} ${t.radiusLg}; }

/* Wizard */
:where(.rk-wizard) { display: grid; gap: 20px; max-width: 880px; }
:where(.rk-wizard-title) { font-size: 1.3em; font-weight: 650; }
:where(.rk-steps) { display: flex; gap: 8px; padding: 0; list-style: none; counter-reset: rk-step; }
:where(.rk-step) {
  display: flex; align-items: center; gap: 8px; padding: 6px 12px 6px 6px; border-radius: 999px;
  border: 1px solid ${t.border}; color: ${t.muted}; background: ${t.bg}; font: inherit;
}
:where(button.rk-step) { cursor: pointer; }
:where(.rk-step[aria-current="step"]) { border-color: ${t.accent}; color: ${t.text}; font-weight: 600; }
:where(.rk-step-number) {
  display: inline-grid; place-items: center; width: 22px; height: 22px; border-radius: 50%;
  background: ${t.hover}; color: ${t.text}; font-size: 0.85em; font-weight: 600;
}
:where(.rk-step[aria-current="step"] .rk-step-number) { background: ${t.accent}; color: ${t.accentText}; }
:where(.rk-step[data-done] .rk-step-number) { background: ${t.success}; color: #fff; }
:where(.rk-form) { display: grid; gap: 18px; }
:where(.rk-fieldset) { border: 0; padding: 0; margin: 0; display: grid; gap: 8px; min-width: 0; }
:where(.rk-fieldset legend) { font-weight: 600; padding: 0; margin-bottom: 8px; }
:where(.rk-type-grid) { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 8px; }
:where(.rk-type-card) {
  position: relative; display: flex; gap: 10px; align-items: flex-start; padding: 10px;
  border: 1px solid ${t.border}; border-radius: ${t.radius}; cursor: pointer; background: ${t.bg};
}
:where(.rk-type-card:hover) { border-color: ${t.borderStrong}; }
:where(.rk-type-card:has(input:checked)) { border-color: ${t.accent}; box-shadow: inset 0 0 0 1px ${t.accent}; background: ${t.accentSubtle}; }
:where(.rk-type-card:has(input:focus-visible)) { outline: 2px solid ${t.focus}; outline-offset: 2px; }
:where(.rk-type-card input) { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
:where(.rk-type-card-text) { display: grid; gap: 2px; }
:where(.rk-type-card-hint) { color: ${t.muted}; font-size: 0.86em; }
:where(.rk-actions) { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
:where(.rk-callout) { display: grid; gap: 8px; padding: 12px 14px; border-radius: ${t.radius}; border: 1px solid ${t.warningBorder}; background: ${t.warningSubtle}; color: ${t.warningText}; }
:where(.rk-callout-title) { font-weight: 650; display: flex; gap: 6px; align-items: center; }
:where(.rk-callout ul) { padding-left: 20px; display: grid; gap: 4px; }
:where(.rk-check) { display: flex; gap: 8px; align-items: flex-start; color: ${t.text}; }
:where(.rk-check input) { margin: 3px 0 0; width: 16px; height: 16px; accent-color: ${t.accent}; }

/* Snippets */
:where(.rk-integrate) { display: grid; gap: 16px; }
:where(.rk-tabs) { display: grid; gap: 12px; }
:where(.rk-tablist) { display: flex; gap: 2px; border-bottom: 1px solid ${t.border}; }
:where(.rk-tab) {
  padding: 8px 12px; border: 0; border-bottom: 2px solid transparent; margin-bottom: -1px;
  background: none; color: ${t.muted}; font: inherit; font-weight: 500; cursor: pointer;
}
:where(.rk-tab[aria-selected="true"]) { color: ${t.text}; border-bottom-color: ${t.accent}; }
:where(.rk-tab:hover) { color: ${t.text}; }
:where(.rk-code) { border: 1px solid ${t.border}; border-radius: ${t.radius}; background: ${t.codeBg}; overflow: hidden; }
:where(.rk-code-head) { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 4px 4px 4px 12px; border-bottom: 1px solid ${t.border}; color: ${t.muted}; font-size: 0.86em; }
:where(.rk-code pre) { margin: 0; padding: 12px; overflow: auto; max-height: 420px; font-size: 0.86em; line-height: 1.55; tab-size: 2; }
:where(.rk-code pre:focus-visible) { outline-offset: -2px; }
:where(.rk-snippet-stack) { display: grid; gap: 12px; }
:where(.rk-snippet-step) { display: grid; gap: 6px; }
:where(.rk-snippet-step h3) { font-size: 1em; font-weight: 600; }

/* Dashboard binder */
:where(.rk-binder) { display: grid; gap: 14px; max-width: 720px; }
:where(.rk-binder-title) { font-size: 1.15em; font-weight: 650; }
:where(.rk-combobox) { position: relative; }
:where(.rk-listbox) {
  position: absolute; z-index: 20; left: 0; right: 0; top: calc(100% + 4px); max-height: 320px; overflow: auto;
  margin: 0; padding: 4px; list-style: none; background: ${t.bg}; border: 1px solid ${t.border};
  border-radius: ${t.radius}; box-shadow: ${t.shadow};
}
:where(.rk-listbox-group) { padding: 0; list-style: none; }
:where(.rk-listbox-group)::before { content: attr(data-label); display: block; padding: 8px 10px 4px; font-size: 0.8em; font-weight: 600; color: ${t.muted}; text-transform: uppercase; letter-spacing: 0.03em; }
:where(.rk-option) { display: grid; gap: 2px; padding: 7px 10px; border-radius: 4px; cursor: pointer; }
:where(.rk-option[aria-selected="true"]) { background: ${t.accentSubtle}; box-shadow: inset 2px 0 0 ${t.accent}; }
:where(.rk-option-desc) { color: ${t.muted}; font-size: 0.86em; }
:where(.rk-option mark, .rk-highlight mark) { background: none; color: inherit; font-weight: 700; text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 2px; text-decoration-color: ${t.accent}; }
:where(.rk-listbox-empty) { padding: 10px; color: ${t.muted}; }
:where(.rk-bound) { display: grid; gap: 8px; padding: 0; list-style: none; }
:where(.rk-bound-item) {
  display: flex; gap: 12px; align-items: center; padding: 10px 12px; border: 1px solid ${t.border};
  border-radius: ${t.radius}; background: ${t.bg};
}
:where(.rk-bound-text) { display: grid; gap: 2px; margin-right: auto; min-width: 0; }
:where(.rk-bound-title) { font-weight: 600; }
:where(.rk-bound-item .rk-actions) { flex: none; }
`;
