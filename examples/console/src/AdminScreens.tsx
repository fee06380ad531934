// The applications list, the wizard and the dashboard binder: one chunk, so a shared replay
// link (or the explorer) does not load them before its own screen. main.tsx starts loading it at
// boot on the routes that show them.
export { ApplicationList, CreateAppWizard, DashboardBinder } from '@rumkit/react';
