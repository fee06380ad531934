// The SDK's builds: the script tag's window.RUMKIT, and the replay recorder kept out of the
// core bundle (a lazy chunk in the ESM build, a separate file next to the script).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { describe, expect, it } from 'vitest';
import { browserForFile, collectPageProblems } from './support/browser.js';
import { createSite, SDK_DIST, sdkBundle } from './support/sdk-site.js';
import { serverForFile } from './support/serve.js';

const MARKER = 'rumkit-replay-recorder';
const browser = browserForFile();
const server = serverForFile(() => {
  if (!existsSync(path.join(SDK_DIST, 'rumkit.js'))) {
    throw new Error(`${SDK_DIST}/rumkit.js is missing: build it with "node sdk/build.mjs"`);
  }
  const site = createSite({
    head: '<script src="/assets/rumkit.js"></script>',
    assets: { 'rumkit.js': sdkBundle(), 'rumkit-replay.mjs': sdkBundle('rumkit-replay.mjs') },
    intake: {},
  });
  return site.app;
});

describe('the SDK builds', () => {
  it('expose window.RUMKIT with Guance’s API on a host page', async () => {
    const page = await browser().newPage();
    const problems = collectPageProblems(page);
    await page.goto(`${server().origin}/`);
    const api = await page.evaluate(() => {
      const sdk = (window as unknown as { RUMKIT: Record<string, unknown> }).RUMKIT;
      return {
        version: sdk.version,
        methods: Object.keys(sdk)
          .filter((key) => typeof sdk[key] === 'function')
          .sort(),
      };
    });
    expect(api.version).toBe('0.1.0');
    for (const method of [
      'init',
      'onReady',
      'startView',
      'setUser',
      'addAction',
      'addError',
      'addTiming',
      'stopSession',
      'getInternalContext',
    ]) {
      expect(api.methods).toContain(method);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keep the replay recorder out of the core bundles and load it only when recording starts', async () => {
    expect(readFileSync(path.join(SDK_DIST, 'rumkit.js'), 'utf8')).not.toContain(MARKER);
    expect(readFileSync(path.join(SDK_DIST, 'index.mjs'), 'utf8')).not.toContain(MARKER);
    const chunks = readdirSync(path.join(SDK_DIST, 'chunks')).filter((file) =>
      file.endsWith('.mjs'),
    );
    expect(
      chunks.some((file) =>
        readFileSync(path.join(SDK_DIST, 'chunks', file), 'utf8').includes(MARKER),
      ),
    ).toBe(true);

    const page = await browser().newPage();
    const logged: string[] = [];
    const requested: string[] = [];
    page.on('console', (message) => logged.push(message.text()));
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${server().origin}/`);
    await page.evaluate(() => {
      const sdk = (window as unknown as { RUMKIT: { init(o: object): void } }).RUMKIT;
      sdk.init({ applicationId: 'shop_web', datakitOrigin: location.origin });
    });
    await page.waitForTimeout(200);
    expect(requested.filter((p) => p.includes('replay'))).toEqual([]);
    await page.evaluate(() =>
      (
        window as unknown as { RUMKIT: { startSessionReplayRecording(): void } }
      ).RUMKIT.startSessionReplayRecording(),
    );
    await expect
      .poll(() => requested.filter((p) => p.includes('replay'))[0])
      .toBe('/assets/rumkit-replay.mjs');
    // The recorder runs: its first segment goes to the replay intake.
    await expect
      .poll(() => requested.includes('/v1/write/rum/replay'), { timeout: 15_000 })
      .toBe(true);
    expect(logged.filter((text) => text.includes('[rumkit]'))).toEqual([]);
    await page.close();
  });

  it('ship the script tag and its chunks with V8’s compile hint first and a source map to the sources', () => {
    const shipped: [file: string, marker: string, source: string][] = [
      ['rumkit.js', 'cookies are unavailable', 'src/boot/startRum.ts'],
      ['rumkit-replay.mjs', MARKER, 'src/replay/recorder.ts'],
      ['rumkit-remote-config.mjs', '/v1/env_variable', 'src/boot/remoteConfiguration.ts'],
    ];
    for (const [file, marker, source] of shipped) {
      const code = readFileSync(path.join(SDK_DIST, file), 'utf8');
      const lines = code.split('\n');
      expect(lines[0], file).toBe('//# allFunctionsCalledOnLoad');
      expect(lines.at(-1), file).toBe(`//# sourceMappingURL=${file}.map`);
      // The map goes through terser and esbuild back to the TypeScript source.
      const map = new TraceMap(readFileSync(path.join(SDK_DIST, `${file}.map`), 'utf8'));
      const line = lines.findIndex((text) => text.includes(marker));
      const column = lines[line]?.indexOf(marker) as number;
      const original = originalPositionFor(map, { line: line + 1, column });
      expect(original.source, `${file}: ${marker}`).toBe(`../${source}`);
      expect(original.line).toBeGreaterThan(0);
    }
  });

  it('bundle rrweb with its prototype check fixed, and the fix refuses an rrweb it does not know', () => {
    // Element's accessors are checked as accessors, its querySelector methods as methods: in
    // the script tag's recorder and in the ESM build's recorder chunk.
    const recorders = [
      'rumkit-replay.mjs',
      ...readdirSync(path.join(SDK_DIST, 'chunks'))
        .filter((file) => file.endsWith('.mjs'))
        .map((file) => `chunks/${file}`),
    ]
      .map((file) => readFileSync(path.join(SDK_DIST, file), 'utf8'))
      .filter((code) => code.includes(MARKER));
    expect(recorders).toHaveLength(2);
    for (const code of recorders)
      expect(code).toContain('Element:["querySelector","querySelectorAll"]');
    // The build's plugin refuses rrweb code it does not know (run as the build runs it).
    const refused = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { fixRrweb } from './sdk/rrwebPatch.mjs'; try { fixRrweb('const testableAccessors = {};'); } catch (error) { console.log(error.message); }",
      ],
      { cwd: path.resolve(SDK_DIST, '../..'), encoding: 'utf8' },
    );
    expect(refused).toMatch(/@rrweb\/record no longer has the code this fix rewrites/);
  });
});
