import { type ComponentType, lazy } from 'react';

/**
 * A screen in a chunk of its own, like React.lazy, except that once its chunk has loaded it
 * renders at once. React.lazy suspends on its first render even when the chunk is already
 * there, and React then holds the screen back until 300 ms after its fallback was shown (the
 * throttle of a Suspense boundary's reveal): a replay link waited ~200 ms for nothing. A screen
 * preloaded (`load`, as the console's entry does for a deep link, or while idle) never suspends.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
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
