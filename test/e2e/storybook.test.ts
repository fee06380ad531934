import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { axe, settle } from './support/axe.js';
import { browserForFile, screenshot } from './support/browser.js';
import { serverForFile, staticApp } from './support/serve.js';
import { StoryPreviewPool } from './support/storyPreview.js';

const staticDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../storybook-static',
);

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

function storiesInBuild(): IndexEntry[] {
  const indexFile = path.join(staticDir, 'index.json');
  if (!existsSync(indexFile)) {
    throw new Error(
      `${indexFile} is missing: build Storybook first with "npm run build-storybook"`,
    );
  }
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as {
    entries: Record<string, IndexEntry>;
  };
  return Object.values(index.entries).filter((e) => e.type === 'story');
}

const stories = storiesInBuild();
const browser = browserForFile();
const server = serverForFile(() => staticApp(staticDir));
const previews = new StoryPreviewPool(browser, () => server().origin);
afterAll(() => previews.closeAll());

describe('every story in the built Storybook', () => {
  it('has at least one story', () => {
    expect(stories.length).toBeGreaterThan(0);
  });

  // One preview page per concurrent test, kept between stories (support/storyPreview.ts).
  it.concurrent.for(stories.map((s) => [`${s.title} / ${s.name}`, s] as const))(
    '%s renders without errors (and, for the kit, without axe violations)',
    async ([, story], { expect }) => {
      const preview = await previews.acquire();
      let healthy = false;
      try {
        const { page, problems } = preview;
        expect(await previews.render(preview, story.id)).toEqual({ event: 'storyRendered' });
        // Kit components must also be free of axe violations once settled.
        const violations = story.title.startsWith('Kit/')
          ? await settle(page, /loading/i.test(story.name)).then(() => axe(page))
          : [];
        await screenshot(page, `story-${story.id}`);
        expect(problems).toEqual([]);
        expect(violations).toEqual([]);
        expect(await page.locator('#storybook-root > *').count()).toBeGreaterThan(0);
        healthy = true;
      } finally {
        await previews.release(preview, healthy);
      }
    },
  );
});

describe('the msw set-up in Storybook', () => {
  it('serves mocked API data to the setup story', async () => {
    const page = await browser().newPage();
    await page.goto(`${server().origin}/iframe.html?id=foundation-setup-check--mocked-server`);
    const health = page.getByTestId('health');
    await health.waitFor();
    expect(await health.textContent()).toBe('server ok, version 0.1.0');
    await page.close();
  });
});
