import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDrops } from '../transport/drops.js';
import { installGlobal } from './global.js';
import { LOADER_METHODS, loader } from './loader.js';
import { makePublicApi } from './publicApi.js';

const win = window as unknown as Record<string, unknown>;
/** A document that keeps the script the snippet adds instead of loading it. */
const added: { src?: string; async?: boolean }[] = [];
const doc = {
  createElement: () => ({}),
  head: { appendChild: (script: { src?: string }) => added.push(script) },
} as unknown as Document;

describe('the loader snippet and the script', () => {
  afterEach(() => {
    delete win.RUMKIT_TEST;
    added.length = 0;
  });

  it('defines the global at once, queues calls (at most 100) and adds the async script', () => {
    loader(window, doc, 'https://cdn.example/rumkit.js', 'RUMKIT_TEST', LOADER_METHODS);
    const queued = win.RUMKIT_TEST as {
      q: unknown[];
      d: number;
      init: (o: object) => void;
      addAction: (n: string) => void;
    };
    queued.init({ applicationId: 'a' });
    for (let i = 0; i < 105; i++) queued.addAction(`a${i}`);
    expect(queued.q).toHaveLength(100);
    expect(queued.d).toBe(6);
    expect(added).toEqual([{ src: 'https://cdn.example/rumkit.js', async: true }]);
  });

  it('replays the queue in order when the script arrives, and counts what the snippet dropped', () => {
    loader(window, doc, 'https://cdn.example/rumkit.js', 'RUMKIT_TEST', LOADER_METHODS);
    const queued = win.RUMKIT_TEST as Record<string, (...args: unknown[]) => void> & {
      q: unknown[];
      d: number;
    };
    const order: string[] = [];
    queued.onReady?.(() => order.push('ready'));
    queued.setGlobalContextProperty?.('k', 'v');
    (queued.q as unknown[]).push(() => order.push('guance-style callback'));
    queued.d = 2;
    const drops = createDrops();
    const api = makePublicApi({ drops });
    installGlobal(api, 'RUMKIT_TEST', drops);
    expect(win.RUMKIT_TEST).toBe(api);
    expect(order).toEqual(['ready', 'guance-style callback']);
    expect(api.getGlobalContext()).toEqual({ k: 'v' });
    expect(drops.take()).toEqual({ loader_queue_full: 2 });
  });

  it('keeps the first copy when the SDK is loaded twice', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const drops = createDrops();
    const first = makePublicApi({ drops });
    installGlobal(first, 'RUMKIT_TEST', drops);
    installGlobal(makePublicApi({ drops }), 'RUMKIT_TEST', drops);
    expect(win.RUMKIT_TEST).toBe(first);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
