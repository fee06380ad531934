// Accessibility checks shared by the story tests: axe-core on a page, once the kit component
// has settled.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

// A story shows one component, not a page: the rules about a page's own landmarks and h1 are
// the host's to meet.
const PAGE_LEVEL_RULES = ['page-has-heading-one', 'landmark-one-main', 'region'];

/** Waits until the kit component has left its first render and any play function has run. */
export async function settle(page: Page, loadingStory: boolean): Promise<void> {
  if (!loadingStory) {
    await page.waitForFunction(
      () => {
        const root = document.querySelector('[data-state]');
        return root !== null && root.getAttribute('data-state') !== 'loading';
      },
      undefined,
      { timeout: 15_000 },
    );
  }
  await page.waitForTimeout(400);
}

export async function axe(page: Page): Promise<string[]> {
  // A preview page kept between stories has it already.
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(
    (disabled) =>
      (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(
        document,
        {
          resultTypes: ['violations'],
          rules: Object.fromEntries(disabled.map((id) => [id, { enabled: false }])),
        },
      ),
    PAGE_LEVEL_RULES,
  )) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
