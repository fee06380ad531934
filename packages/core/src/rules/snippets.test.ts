import { describe, expect, it } from 'vitest';
import { APP_TYPES } from './appTypes.js';
import { type SnippetPlatform, sdkGuide, snippetPlatformOf, WEB_SDK } from './snippets.js';

const context = {
  appId: 'appid_0123456789abcdef0123456789abcdef',
  intakeOrigin: 'https://rum.example.com',
};
const platforms = APP_TYPES.filter((t): t is SnippetPlatform => t !== 'custom');

describe('sdkGuide', () => {
  it.each(platforms)('fills the app_id and intake origin into the %s guide', (platform) => {
    const guide = sdkGuide(platform, context);
    expect(guide.platform).toBe(platform);
    expect(guide.docsUrl).toMatch(/^https:\/\/docs\.guance\.com\//);
    const all = guide.snippets.map((s) => s.code).join('\n');
    expect(all).toContain(context.appId);
    expect(all).toContain(context.intakeOrigin);
    expect(new Set(guide.snippets.map((s) => s.id)).size).toBe(guide.snippets.length);
  });

  it('offers the web its three loading modes for @rumkit/browser (spec §1.3)', () => {
    const guide = sdkGuide('web', context);
    expect(guide.snippets.map((s) => s.id)).toEqual(['npm', 'cdn-async', 'cdn-sync']);
    const [npm, async, sync] = guide.snippets;
    expect(npm?.code).toContain(`import { rumkit } from '${WEB_SDK.package}';`);
    expect(npm?.code).toContain('rumkit.init({');
    expect(async?.code).toContain(`'${WEB_SDK.defaultCdnUrl}', 'RUMKIT'`);
    expect(async?.code).toContain('window.RUMKIT.onReady(');
    expect(async?.code).toContain('window.RUMKIT.init({');
    expect(sync?.code).toContain(`<script src="${WEB_SDK.defaultCdnUrl}"></script>`);
    for (const snippet of guide.snippets) {
      expect(snippet.code).toContain(`applicationId: '${context.appId}'`);
      expect(snippet.code).toContain(`datakitOrigin: '${context.intakeOrigin}'`);
    }
  });

  it('loads the browser SDK from the given URL', () => {
    const guide = sdkGuide('web', { ...context, sdkUrl: 'https://rum.example.com/sdk/rumkit.js' });
    expect(guide.snippets[2]?.code).toContain('src="https://rum.example.com/sdk/rumkit.js"');
  });

  it("uses each platform's own SDK calls, as Guance's guides do", () => {
    expect(sdkGuide('android', context).snippets[1]?.code).toContain(
      `.setRumAppId("${context.appId}")`,
    );
    expect(sdkGuide('ios', context).snippets[1]?.code).toContain(
      `FTRumConfig(appid: "${context.appId}")`,
    );
    expect(sdkGuide('flutter', context).snippets[1]?.code).toContain(
      `FTMobileFlutter.sdkConfig(datakitUrl: "${context.intakeOrigin}")`,
    );
    expect(sdkGuide('cpp', context).snippets[1]?.code).toContain(
      `rc.setRumAppId("${context.appId}")`,
    );
  });

  it('escapes values so they stay inside their string literals', () => {
    const tricky = { appId: 'a', intakeOrigin: `https://x.test/'"$\\<` };
    expect(sdkGuide('web', tricky).snippets[0]?.code).toContain(
      `datakitOrigin: 'https://x.test/\\'"$\\\\<'`,
    );
    expect(sdkGuide('web', tricky).snippets[2]?.code).toContain('src="https://cdn.jsdelivr.net');
    expect(sdkGuide('web', { ...tricky, sdkUrl: 'https://x/"><b>' }).snippets[2]?.code).toContain(
      'src="https://x/&quot;>&lt;b>"',
    );
    expect(sdkGuide('android', tricky).snippets[1]?.code).toContain(
      'FTSDKConfig.builder("https://x.test/\'\\"\\$\\\\<")',
    );
  });
});

describe('snippetPlatformOf', () => {
  it('starts Custom apps with the web snippets and keeps every other type', () => {
    expect(snippetPlatformOf('custom')).toBe('web');
    expect(snippetPlatformOf('uniapp')).toBe('uniapp');
  });
});
