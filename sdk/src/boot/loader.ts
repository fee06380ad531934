// The async loader snippet (built to dist/loader.min.js): paste it inline in <head>, with
// the script's URL. It defines window.RUMKIT at once, so calls such as
// RUMKIT.onReady(() => RUMKIT.init({...})) work before the script arrives; they wait in a
// queue of at most 100 calls (more are counted as dropped) that the script replays.

export const LOADER_METHODS =
  'onReady init startView setViewName setViewContext setViewContextProperty setGlobalContextProperty ' +
  'removeGlobalContextProperty setGlobalContext clearGlobalContext addRumGlobalContext setUser ' +
  'setUserProperty removeUserProperty clearUser addAction addError addTiming stopSession ' +
  'startSessionReplayRecording stopSessionReplayRecording';

export function loader(w: Window, d: Document, src: string, name: string, methods: string): void {
  const target = w as unknown as Record<
    string,
    { q: unknown[]; d: number } & Record<string, unknown>
  >;
  const g = target[name] || { q: [], d: 0 };
  target[name] = g;
  for (const method of methods.split(' ')) {
    g[method] =
      g[method] ||
      function () {
        // biome-ignore lint/complexity/noArguments: the snippet stays free of rest parameters
        g.q.length < 100 ? g.q.push([method, arguments]) : g.d++;
      };
  }
  const script = d.createElement('script');
  script.async = true;
  script.src = src;
  (d.head || d.documentElement).appendChild(script);
}
