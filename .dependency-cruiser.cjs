// Import boundaries, checked in `npm test` (npm run check:boundaries).
// Packages may only reach each other through their package name and published entries.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const packages = ['packages/core', 'packages/react', 'sdk', 'server'];

// The files another package may import: the "source" targets of each package's exports.
const entryFiles = packages.flatMap((dir) => {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, dir, 'package.json'), 'utf8'));
  return Object.values(pkg.exports ?? {}).map((target) =>
    path.posix.join(dir, target.source.replace(/^\.\//, '')),
  );
});
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make modules load half-initialised and hide layering mistakes.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-stays-headless',
      severity: 'error',
      comment: 'The core is headless: no React, zustand/react, visx or react-query in it.',
      from: { path: '^packages/core/src' },
      to: {
        path: 'node_modules/(react|react-dom|@visx/[^/]+|@tanstack/react-query|zustand/(esm/)?react)(/|$)',
      },
    },
    {
      name: 'core-runs-anywhere',
      severity: 'error',
      comment: 'Core code runs in browsers and Node alike: no Node built-ins outside tests.',
      from: { path: '^packages/core/src', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'schema-imports-nothing',
      severity: 'error',
      comment: '@rumkit/core/schema imports nothing outside itself.',
      from: { path: '^packages/core/src/schema', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^packages/core/src/schema' },
    },
    {
      name: 'protocol-imports-only-schema',
      severity: 'error',
      comment: '@rumkit/core/protocol is bundled by the SDK: it imports nothing but schema.',
      from: { path: '^packages/core/src/protocol', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^packages/core/src/(protocol|schema)' },
    },
    {
      name: 'no-deep-imports',
      severity: 'error',
      comment: 'Reach another package only through its name and published entries, never its src/.',
      from: { path: '^(packages/[^/]+|sdk|server|stories|test|bench|scripts)/' },
      to: {
        path: `^(${packages.map(escapeRegExp).join('|')})/`,
        pathNot: [`^(${entryFiles.map(escapeRegExp).join('|')})$`, '^$1/'],
      },
    },
    {
      name: 'replay-player-is-opt-in',
      severity: 'error',
      comment:
        'rrweb-player is heavy: only @rumkit/react/session-replay may load it, never the main @rumkit/react entry. It is imported in components/SessionReplay (its dist/ is excluded from the graph, so the rule names the folder).',
      from: { path: '^packages/react/src/index\\.ts$' },
      to: { path: '^packages/react/src/components/SessionReplay/', reachable: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment:
        'An import that resolves to nothing is a typo or a missing dependency. chDB is the one exception: it lives outside the root lockfile, in .chdb/ (see docs/decisions/030).',
      from: {},
      to: { couldNotResolve: true, pathNot: '^chdb(/|$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|storybook-static)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.tools.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'types', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
