import { tokens as t } from '../../provider/styles.js';

// The replay player's stylesheet, in the kit's way (`:where(.rk-…)`, --rumkit-* tokens). The
// rules rrweb-player's own stylesheet gives the replayer (its frame, the recorded mouse) are
// here too, scoped to the stage, so a host needs no CSS import and its bundler no CSS loader;
// the rest of that stylesheet styles the player's own controller, which the kit replaces.
export const REPLAY_CSS = `
:where(.rk-replay) {
  display: flex; flex-direction: column; min-width: 0;
  height: var(--rumkit-replay-height, 100%); min-height: 420px;
  border: 1px solid ${t.border}; border-radius: ${t.radiusLg}; background: ${t.bg}; overflow: hidden;
}
:where(.rk-replay:fullscreen) { height: 100vh; border: 0; border-radius: 0; }
:where(.rk-replay-head) {
  display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; padding: 10px 14px;
  border-bottom: 1px solid ${t.border};
}
:where(.rk-replay-title) { font-size: 1.07em; font-weight: 650; }
:where(.rk-replay-meta) { display: flex; flex-wrap: wrap; gap: 4px 12px; color: ${t.muted}; font-size: 0.9em; margin-right: auto; min-width: 0; }
:where(.rk-replay-meta code) { overflow-wrap: anywhere; }
:where(.rk-replay-state) { padding: 24px; }
:where(.rk-replay-body) { flex: 1; display: grid; grid-template-columns: minmax(220px, 300px) minmax(0, 1fr); min-height: 0; }
:where(.rk-replay-body[data-list="closed"]) { grid-template-columns: minmax(0, 1fr); }
:where(.rk-replay-aside) { display: flex; flex-direction: column; min-height: 0; border-right: 1px solid ${t.border}; background: ${t.bg}; }
:where(.rk-replay-aside-title) { padding: 10px 12px 6px; font-size: 0.86em; font-weight: 600; color: ${t.muted}; }
:where(.rk-replay-list) { position: relative; flex: 1; min-height: 0; overflow: auto; display: grid; align-content: start; gap: 2px; margin: 0; padding: 0 6px 8px; list-style: none; }
:where(.rk-replay-list-empty) { padding: 8px 12px; font-size: 0.9em; }
:where(.rk-replay-item) {
  display: grid; grid-template-columns: 3.2em auto minmax(0, 1fr); gap: 8px; align-items: start;
  width: 100%; padding: 6px 8px; border: 0; border-left: 3px solid transparent; border-radius: 4px;
  background: none; color: ${t.text}; font: inherit; text-align: left; cursor: pointer;
}
:where(.rk-replay-item:hover) { background: ${t.hover}; }
:where(.rk-replay-item[aria-current="true"]) { background: ${t.accentSubtle}; border-left-color: ${t.accent}; }
:where(.rk-replay-item[data-category="view"]) { font-weight: 600; }
:where(.rk-replay-item[data-outside]) { color: ${t.muted}; }
:where(.rk-replay-item-time) { color: ${t.muted}; font-size: 0.86em; font-weight: 400; font-variant-numeric: tabular-nums; padding-top: 1px; }
:where(.rk-replay-item-icon) { display: inline-grid; place-items: center; color: ${t.muted}; padding-top: 1px; }
:where(.rk-replay-item-icon[data-category="view"]) { color: ${t.accent}; }
:where(.rk-replay-item-icon[data-category="error"]) { color: ${t.danger}; }
:where(.rk-replay-item-label) { display: grid; min-width: 0; overflow-wrap: anywhere; }
:where(.rk-replay-item[data-category="error"] .rk-replay-item-label) { color: ${t.danger}; }
:where(.rk-replay-item-sub) { color: ${t.muted}; font-size: 0.84em; font-weight: 400; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.rk-replay-main) { display: flex; flex-direction: column; min-width: 0; min-height: 0; }
:where(.rk-replay-page) {
  display: flex; gap: 8px; align-items: center; min-width: 0; padding: 6px 12px;
  border-bottom: 1px solid ${t.border}; background: ${t.subtle}; font-size: 0.88em; color: ${t.muted};
}
:where(.rk-replay-url) { font-family: ${t.mono}; color: ${t.text}; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
:where(.rk-replay-stage) { position: relative; flex: 1; min-height: 240px; overflow: hidden; background: ${t.subtle}; }
:where(.rk-replay-stage .rr-player) { position: absolute; inset: 0; }
:where(.rk-replay-stage .rr-player__frame) { overflow: hidden; }
:where(.rk-replay-stage .replayer-wrapper) { position: relative; float: left; clear: both; transform-origin: top left; left: 50%; top: 50%; }
/* Recorded pages expect a white canvas, whatever the kit's theme. */
:where(.rk-replay-stage .replayer-wrapper > iframe) { border: none; background: #fff; box-shadow: 0 2px 12px rgb(16 24 40 / 0.12); }
:where(.rk-replay-stage .replayer-mouse-tail) { position: absolute; pointer-events: none; }
:where(.rk-replay-stage .replayer-mouse) {
  position: absolute; width: 20px; height: 20px; transition: left 0.05s linear, top 0.05s linear;
  background: center / contain no-repeat url("data:image/svg+xml;base64,PHN2ZyBoZWlnaHQ9JzMwMHB4JyB3aWR0aD0nMzAwcHgnICBmaWxsPSIjMDAwMDAwIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIGRhdGEtbmFtZT0iTGF5ZXIgMSIgdmlld0JveD0iMCAwIDUwIDUwIiB4PSIwcHgiIHk9IjBweCI+PHRpdGxlPkRlc2lnbl90bnA8L3RpdGxlPjxwYXRoIGQ9Ik00OC43MSw0Mi45MUwzNC4wOCwyOC4yOSw0NC4zMywxOEExLDEsMCwwLDAsNDQsMTYuMzlMMi4zNSwxLjA2QTEsMSwwLDAsMCwxLjA2LDIuMzVMMTYuMzksNDRhMSwxLDAsMCwwLDEuNjUuMzZMMjguMjksMzQuMDgsNDIuOTEsNDguNzFhMSwxLDAsMCwwLDEuNDEsMGw0LjM4LTQuMzhBMSwxLDAsMCwwLDQ4LjcxLDQyLjkxWm0tNS4wOSwzLjY3TDI5LDMyYTEsMSwwLDAsMC0xLjQxLDBsLTkuODUsOS44NUwzLjY5LDMuNjlsMzguMTIsMTRMMzIsMjcuNThBMSwxLDAsMCwwLDMyLDI5TDQ2LjU5LDQzLjYyWiI+PC9wYXRoPjwvc3ZnPg==");
  border-color: transparent;
}
:where(.rk-replay-stage .replayer-mouse)::after {
  content: ''; display: inline-block; width: 20px; height: 20px; border-radius: 100%;
  background: ${t.accent}; opacity: 0.3; transform: translate(-50%, -50%);
}
:where(.rk-replay-stage .replayer-mouse.active)::after { animation: rk-replay-click 0.2s ease-in-out 1; }
:where(.rk-replay-stage .replayer-mouse.touch-device) {
  background-image: none; width: 70px; height: 70px; margin: -37px 0 0 -37px;
  border: 4px solid transparent; border-radius: 100%; transition: left 0s linear, top 0s linear, border-color 0.2s ease-in-out;
}
:where(.rk-replay-stage .replayer-mouse.touch-device.touch-active) { border-color: ${t.accent}; transition: left 0.25s linear, top 0.25s linear, border-color 0.2s ease-in-out; }
:where(.rk-replay-stage .replayer-mouse.touch-device)::after { opacity: 0; }
@keyframes rk-replay-click { 50% { opacity: 0.5; width: 10px; height: 10px; } }
:where(.rk-replay-controls) {
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; padding: 8px 12px;
  border-top: 1px solid ${t.border}; background: ${t.bg};
}
:where(.rk-replay-clock) { font-variant-numeric: tabular-nums; white-space: nowrap; font-size: 0.9em; min-width: 9ch; }
:where(.rk-replay-seek) { position: relative; flex: 1 1 220px; min-width: 160px; height: 24px; display: flex; align-items: center; }
:where(.rk-replay-track) {
  position: absolute; left: 0; right: 0; top: 50%; height: 6px; transform: translateY(-50%);
  border-radius: 3px; background: ${t.hover}; overflow: hidden; pointer-events: none;
}
:where(.rk-replay-track-played) { position: absolute; left: 0; top: 0; bottom: 0; background: ${t.accent}; opacity: 0.45; }
:where(.rk-replay-track-idle) {
  position: absolute; top: 0; bottom: 0;
  background: repeating-linear-gradient(135deg, ${t.borderStrong} 0 3px, transparent 3px 6px);
}
:where(.rk-replay-track-error) { position: absolute; top: 0; bottom: 0; width: 2px; margin-left: -1px; background: ${t.danger}; }
:where(.rk-replay-range) { position: relative; width: 100%; height: 24px; margin: 0; background: transparent; appearance: none; -webkit-appearance: none; cursor: pointer; }
:where(.rk-replay-range)::-webkit-slider-runnable-track { height: 24px; background: transparent; }
:where(.rk-replay-range)::-moz-range-track { height: 24px; background: transparent; }
:where(.rk-replay-range)::-webkit-slider-thumb { -webkit-appearance: none; width: 14px; height: 14px; margin-top: 5px; border-radius: 50%; border: 2px solid ${t.bg}; background: ${t.accent}; box-shadow: 0 0 0 1px ${t.accent}; }
:where(.rk-replay-range)::-moz-range-thumb { width: 12px; height: 12px; border-radius: 50%; border: 2px solid ${t.bg}; background: ${t.accent}; }
:where(.rk-replay-range:disabled) { cursor: not-allowed; opacity: 0.6; }
:where(.rk-replay-speeds) { display: inline-flex; border: 1px solid ${t.borderStrong}; border-radius: ${t.radius}; overflow: hidden; }
:where(.rk-replay-speeds button) { padding: 4px 9px; border: 0; background: ${t.bg}; color: ${t.text}; font: inherit; font-size: 0.9em; font-variant-numeric: tabular-nums; cursor: pointer; }
:where(.rk-replay-speeds button + button) { border-left: 1px solid ${t.borderStrong}; }
:where(.rk-replay-speeds button[aria-pressed="true"]) { background: ${t.accentSubtle}; color: ${t.accent}; font-weight: 600; }
:where(.rk-replay-speeds button:focus-visible) { outline-offset: -2px; }
:where(.rk-replay-skip) { align-items: center; white-space: nowrap; font-size: 0.92em; }
:where(.rk-replay-skip input) { margin: 0; }
:where(.rk-replay-skipping) { color: ${t.muted}; font-size: 0.88em; white-space: nowrap; }
@media (max-width: 720px) {
  :where(.rk-replay-body) { grid-template-columns: minmax(0, 1fr); grid-template-rows: minmax(0, 1fr) minmax(120px, 30%); }
  :where(.rk-replay-aside) { order: 2; border-right: 0; border-top: 1px solid ${t.border}; }
}
@media (prefers-reduced-motion: reduce) {
  :where(.rk-replay-stage .replayer-mouse) { transition: none; }
  :where(.rk-replay-stage .replayer-mouse.active)::after { animation: none; }
}
`;
