// rrweb 2.1.6 lists `querySelector` and `querySelectorAll` among Element's accessors when it
// checks whether the page has patched the DOM's prototypes. They are methods, so the check
// always fails and rrweb builds a hidden iframe on every page to take pristine prototypes from:
// about 40 ms of the main thread per page load, measured (bench/replay-record.ts, PAGE=spa).
// This esbuild plugin applies the upstream fix (rrweb-io/rrweb#1802, not released yet) to what
// the builds bundle: the two names move to the methods rrweb checks. Decision 023.
import { readFile } from 'node:fs/promises';

const FIXES = [
  [
    'Element: ["shadowRoot", "querySelector", "querySelectorAll"],\n  MutationObserver: []',
    'Element: ["shadowRoot"],\n  MutationObserver: []',
  ],
  [
    'Element: [],\n  MutationObserver: ["constructor"]',
    'Element: ["querySelector", "querySelectorAll"],\n  MutationObserver: ["constructor"]',
  ],
];

/** Applies the fix to rrweb's code; throws if rrweb changed there (a new version: look again). */
export function fixRrweb(code) {
  return FIXES.reduce((fixed, [from, to]) => {
    if (fixed.split(from).length !== 2)
      throw new Error(
        'sdk/rrwebPatch.mjs: @rrweb/record no longer has the code this fix rewrites; check whether the new version fixed rrweb-io/rrweb#1802 and drop the fix or update it',
      );
    return fixed.replace(from, to);
  }, code);
}

/** The esbuild plugin: rrweb's record module, fixed. */
export const rrwebPatch = {
  name: 'rrweb-untainted-prototypes',
  setup(build) {
    build.onLoad({ filter: /@rrweb[\\/]record[\\/]dist[\\/]record\.js$/ }, async (args) => ({
      contents: fixRrweb(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};
