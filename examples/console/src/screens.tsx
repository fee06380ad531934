// The console's screens, each in a chunk of its own, and which one a route shows. The entry
// (main.tsx) starts loading a deep link's screen as the page opens; App renders them.
import { type ComponentType, lazy } from 'react';
import type { Route } from './route.js';

/**
 * A screen in a chunk of its own, like React.lazy, except that once its chunk has loaded it
 * renders at once. React.lazy suspends on its first render even when the chunk is already
 * there, and React then holds the screen back until 300 ms after its fallback was shown (the
 * throttle of a Suspense boundary's reveal): a replay link waited ~200 ms for nothing. A screen
 * preloaded (`preload`, for a deep link or while idle) never suspends.
 */
function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  const preload = () =>
    load().then((component) => {
      loaded = component;
      return component;
    });
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per screen, at module level, as React.lazy is
  function Screen(props: P) {
    const Component = loaded ?? Lazy;
    return <Component {...props} />;
  }
  return { Screen, preload };
}

// The applications list, the wizard and the dashboard binder: one chunk.
const loadAdminScreens = () => import('./AdminScreens.js');
export const ApplicationList = lazyScreen(() => loadAdminScreens().then((m) => m.ApplicationList));
export const CreateAppWizard = lazyScreen(() => loadAdminScreens().then((m) => m.CreateAppWizard));
export const DashboardBinder = lazyScreen(() => loadAdminScreens().then((m) => m.DashboardBinder));
// The explorer is the heaviest screen (charts, the virtualized list): loaded when first opened.
export const ExplorerScreen = lazyScreen(() =>
  import('./ExplorerScreen.js').then((m) => m.ExplorerScreen),
);
// The replay player brings rrweb-player (@rumkit/react/session-replay): loaded only when played.
export const ReplayScreen = lazyScreen(() =>
  import('./ReplayScreen.js').then((m) => m.ReplayScreen),
);

/**
 * Loads the code of a route's screen. The console renders its first screen once this is done,
 * so it shows without a fallback in between.
 */
export function preloadScreen(route: Route): Promise<unknown> {
  switch (route.screen) {
    case 'apps':
      return ApplicationList.preload();
    case 'new':
    case 'edit':
      return CreateAppWizard.preload();
    case 'dashboards':
      return DashboardBinder.preload();
    case 'explorer':
      return ExplorerScreen.preload();
    case 'replay':
      return ReplayScreen.preload();
    default:
      return Promise.resolve();
  }
}
