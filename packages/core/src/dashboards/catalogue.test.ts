import { describe, expect, it } from 'vitest';
import { APP_TYPES } from '../rules/appTypes.js';
import {
  BUILT_IN_VIEWS,
  builtInView,
  DASHBOARD_KINDS,
  DASHBOARD_PLATFORMS,
  dashboardForApp,
  platformOfAppType,
} from './catalogue.js';

describe('the built-in view catalogue', () => {
  it('has the four dashboards of spec §1.5 for each platform, with unique ids', () => {
    expect(BUILT_IN_VIEWS).toHaveLength(DASHBOARD_PLATFORMS.length * DASHBOARD_KINDS.length);
    expect(new Set(BUILT_IN_VIEWS.map((v) => v.id)).size).toBe(BUILT_IN_VIEWS.length);
    for (const platform of DASHBOARD_PLATFORMS)
      for (const kind of DASHBOARD_KINDS)
        expect(builtInView(`rum.${platform}.${kind}`)).toMatchObject({ platform, kind });
  });

  it('titles and describes every view in English and Chinese, with app_id as first variable', () => {
    for (const view of BUILT_IN_VIEWS) {
      expect(view.title.en).not.toBe('');
      expect(view.title.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(view.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(view.variables[0]).toBe('app_id');
    }
  });

  it('gives the resource and error views their extra filters', () => {
    expect(builtInView('rum.web.resource')?.variables).toContain('resource_url_path_group');
    expect(builtInView('rum.web.error')?.variables).toEqual(
      expect.arrayContaining(['error_source', 'view_path_group', 'browser']),
    );
    expect(builtInView('rum.web.performance')?.variables).toContain('view_loading_type');
  });
});

describe('platformOfAppType', () => {
  it('maps every app type, and only Custom to none', () => {
    for (const type of APP_TYPES) {
      const platform = platformOfAppType(type);
      if (type === 'custom') expect(platform).toBeNull();
      else expect(DASHBOARD_PLATFORMS).toContain(platform);
    }
    expect(platformOfAppType('flutter')).toBe('mobile');
    expect(platformOfAppType('uniapp')).toBe('mobile');
  });
});

describe('dashboardForApp', () => {
  it("opens the platform's overview for a typed app, whatever is bound", () => {
    expect(dashboardForApp({ type: 'ios', dashboard_bindings: ['rum.web.error'] })?.id).toBe(
      'rum.mobile.overview',
    );
  });

  it('opens the first bound view of a Custom app', () => {
    const app = {
      type: 'custom' as const,
      dashboard_bindings: ['rum.web.error', 'rum.web.overview'],
    };
    expect(dashboardForApp(app)?.id).toBe('rum.web.error');
  });

  it('skips bound ids the catalogue no longer knows', () => {
    const app = { type: 'custom' as const, dashboard_bindings: ['gone', 'rum.macos.resource'] };
    expect(dashboardForApp(app)?.id).toBe('rum.macos.resource');
  });

  it('has nothing to open for a Custom app with no binding', () => {
    expect(dashboardForApp({ type: 'custom', dashboard_bindings: [] })).toBeUndefined();
    expect(dashboardForApp({ type: 'custom', dashboard_bindings: ['gone'] })).toBeUndefined();
  });
});
