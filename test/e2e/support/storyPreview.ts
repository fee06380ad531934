// Storybook's preview iframe, loaded once and kept: each story after the first is rendered by
// asking the preview to switch, as Storybook's own sidebar does, instead of loading the whole
// preview bundle (and starting msw's worker) again for every story.
import type { Browser, Page } from 'playwright-core';
import { collectPageProblems } from './browser.js';

export interface StoryPage {
  page: Page;
  /** Uncaught errors, console errors and failed responses since the story was asked for. */
  problems: string[];
}

/** How a render ended: Storybook's event, and its payload when it is not `storyRendered`. */
export interface RenderOutcome {
  event: string;
  detail?: string;
}

const QUIET_MS = 300;
const QUIET_CAP_MS = 3_000;

/**
 * Pages with the preview loaded, lent out one story at a time. A page whose story failed is
 * closed rather than lent again, so one broken story cannot leak into the next.
 */
export class StoryPreviewPool {
  private readonly idle: StoryPage[] = [];
  private readonly inFlight = new WeakMap<Page, number>();

  constructor(
    private readonly browser: () => Browser,
    private readonly origin: () => string,
  ) {}

  async acquire(): Promise<StoryPage> {
    const ready = this.idle.pop();
    if (ready !== undefined) {
      ready.problems.length = 0;
      return ready;
    }
    const page = await this.browser().newPage();
    const problems = collectPageProblems(page);
    this.inFlight.set(page, 0);
    const change = (by: number) => () =>
      this.inFlight.set(page, (this.inFlight.get(page) ?? 0) + by);
    page.on('request', change(1));
    page.on('requestfinished', change(-1));
    page.on('requestfailed', change(-1));
    await page.goto(`${this.origin()}/iframe.html`);
    await page.waitForFunction(() => '__STORYBOOK_ADDONS_CHANNEL__' in window);
    problems.length = 0;
    return { page, problems };
  }

  release(story: StoryPage, healthy: boolean): Promise<void> | undefined {
    if (healthy) {
      this.idle.push(story);
      return undefined;
    }
    return story.page.close();
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((s) => s.page.close()));
  }

  /** Renders a story with fresh storage and waits until its requests have settled. */
  async render(story: StoryPage, storyId: string): Promise<RenderOutcome> {
    // A string, so that no helper the test's compiler adds has to exist in the page.
    const outcome = (await story.page.evaluate(`(() => {
      localStorage.clear();
      sessionStorage.clear();
      const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
      const events = ['storyRendered', 'storyErrored', 'storyThrewException',
        'playFunctionThrewException', 'storyMissing'];
      return new Promise((resolve) => {
        const handlers = events.map((event) => [event, (payload) => {
          for (const [name, handler] of handlers) channel.off(name, handler);
          clearTimeout(timer);
          resolve(event === 'storyRendered' ? { event }
            : { event, detail: JSON.stringify(payload, Object.getOwnPropertyNames(payload ?? {})) });
        }]);
        const timer = setTimeout(() => resolve({ event: 'timeout', detail: 'no render in 20 s' }), 20000);
        for (const [name, handler] of handlers) channel.on(name, handler);
        channel.emit('setCurrentStory', { storyId: ${JSON.stringify(storyId)}, viewMode: 'story' });
      });
    })()`)) as RenderOutcome;
    await this.quiet(story.page);
    return outcome;
  }

  /** Waits for no request in flight for QUIET_MS, or QUIET_CAP_MS at most (a story may hang one on purpose). */
  private async quiet(page: Page): Promise<void> {
    const started = Date.now();
    let quietSince = Date.now();
    while (Date.now() - started < QUIET_CAP_MS) {
      if ((this.inFlight.get(page) ?? 0) > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= QUIET_MS) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
