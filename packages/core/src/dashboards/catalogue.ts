// The built-in analysis views of spec §1.5: four dashboards (overview, performance, resource,
// error) for each platform tab (Web, Mobile, Mini Program, macOS). A later issue draws them;
// here they are the catalogue that apps open and Custom apps bind (spec §1.2).
import type { AppType } from '../rules/appTypes.js';

export const DASHBOARD_PLATFORMS = ['web', 'mobile', 'miniapp', 'macos'] as const;
export type DashboardPlatform = (typeof DASHBOARD_PLATFORMS)[number];

export const DASHBOARD_KINDS = ['overview', 'performance', 'resource', 'error'] as const;
export type DashboardKind = (typeof DASHBOARD_KINDS)[number];

export interface LocalizedText {
  en: string;
  zh: string;
}

/** One built-in view. Its variables are the filters at its top; `app_id` is always the first. */
export interface BuiltInView {
  /** Stable id, stored in `App.dashboard_bindings`: `rum.<platform>.<kind>`. */
  id: string;
  platform: DashboardPlatform;
  kind: DashboardKind;
  title: LocalizedText;
  description: LocalizedText;
  variables: readonly string[];
}

/** The variables a view opens with: the app it shows. */
export interface ViewVariables {
  app_id: string;
}

export const PLATFORM_LABELS: Record<DashboardPlatform, LocalizedText> = {
  web: { en: 'Web', zh: 'Web' },
  mobile: { en: 'Mobile (Android/iOS)', zh: '移动端 (Android/iOS)' },
  miniapp: { en: 'Mini Program', zh: '小程序' },
  macos: { en: 'macOS', zh: 'macOS' },
};

const KIND_LABELS: Record<DashboardKind, LocalizedText> = {
  overview: { en: 'Overview', zh: '概览' },
  performance: { en: 'Performance analysis', zh: '性能分析' },
  resource: { en: 'Resource analysis', zh: '资源分析' },
  error: { en: 'Error analysis', zh: '错误分析' },
};

const BASE_VARIABLES = ['app_id', 'env', 'version'] as const;

const KIND_VARIABLES: Record<DashboardKind, readonly string[]> = {
  overview: BASE_VARIABLES,
  performance: [...BASE_VARIABLES, 'view_loading_type'],
  resource: [...BASE_VARIABLES, 'resource_url_path_group', 'resource_url'],
  error: [...BASE_VARIABLES, 'error_source', 'view_path_group', 'browser'],
};

const DESCRIPTIONS: Record<DashboardKind, Record<DashboardPlatform, LocalizedText>> = {
  overview: {
    web: {
      en: 'UV, PV, page error rate and load time; sessions, browsers, OS, top pages, resource errors.',
      zh: 'UV、PV、页面错误率与加载时间；会话、浏览器、操作系统、热门页面、资源错误排行。',
    },
    mobile: {
      en: 'UV, PV, error rate and load time; app starts, devices, page visit ranking.',
      zh: 'UV、PV、错误率与加载时间；应用启动次数、设备分布、页面访问排行。',
    },
    miniapp: {
      en: 'UV, PV, page error rate and load time; sessions, devices, top pages.',
      zh: 'UV、PV、页面错误率与加载时间；会话、设备、热门页面。',
    },
    macos: {
      en: 'UV, PV, error rate and load time; sessions, OS versions, top windows.',
      zh: 'UV、PV、错误率与加载时间；会话、系统版本、热门窗口。',
    },
  },
  performance: {
    web: {
      en: 'Page load time, Core Web Vitals (LCP, FID, CLS, INP), long tasks, XHR and fetch.',
      zh: '页面加载时间、核心 Web 指标 (LCP、FID、CLS、INP)、长任务、XHR 与 Fetch。',
    },
    mobile: {
      en: 'Load time, FPS, CPU and memory per view, long tasks, network requests.',
      zh: '加载时间、每个页面的 FPS、CPU 与内存、长任务、网络请求。',
    },
    miniapp: {
      en: 'Page load phases (onLoad, onShow, onReady), setData cost, requests.',
      zh: '页面加载阶段 (onLoad、onShow、onReady)、setData 耗时、请求。',
    },
    macos: {
      en: 'Load time, CPU and memory per view, long tasks, network requests.',
      zh: '加载时间、每个页面的 CPU 与内存、长任务、网络请求。',
    },
  },
  resource: {
    web: {
      en: 'Resource categories, request ranking, XHR and fetch, DNS/TCP/SSL/TTFB phases.',
      zh: '资源分类、请求排行、XHR 与 Fetch、DNS/TCP/SSL/TTFB 各阶段耗时。',
    },
    mobile: {
      en: 'Request ranking, status codes, request phases, slowest hosts.',
      zh: '请求排行、状态码、请求各阶段耗时、最慢的域名。',
    },
    miniapp: {
      en: 'Request ranking, status codes, request phases.',
      zh: '请求排行、状态码、请求各阶段耗时。',
    },
    macos: {
      en: 'Request ranking, status codes, request phases.',
      zh: '请求排行、状态码、请求各阶段耗时。',
    },
  },
  error: {
    web: {
      en: 'Error rate, categories, versions, network error statuses, affected pages and resources.',
      zh: '错误率、错误分类、版本、网络错误状态分布、受影响的页面与资源。',
    },
    mobile: {
      en: 'Crash and error rate, crash versions, ANR and freezes, network errors.',
      zh: '崩溃率与错误率、崩溃版本、ANR 与卡顿、网络错误。',
    },
    miniapp: {
      en: 'Error rate, categories, versions, network errors, affected pages.',
      zh: '错误率、错误分类、版本、网络错误、受影响的页面。',
    },
    macos: {
      en: 'Crash and error rate, crash versions, freezes, network errors.',
      zh: '崩溃率与错误率、崩溃版本、卡顿、网络错误。',
    },
  },
};

/** Every built-in view, platform by platform, in the order the dropdown lists them. */
export const BUILT_IN_VIEWS: readonly BuiltInView[] = DASHBOARD_PLATFORMS.flatMap((platform) =>
  DASHBOARD_KINDS.map((kind) => ({
    id: `rum.${platform}.${kind}`,
    platform,
    kind,
    title: {
      en: `${PLATFORM_LABELS[platform].en} · ${KIND_LABELS[kind].en}`,
      zh: `${PLATFORM_LABELS[platform].zh} · ${KIND_LABELS[kind].zh}`,
    },
    description: DESCRIPTIONS[kind][platform],
    variables: KIND_VARIABLES[kind],
  })),
);

const BY_ID = new Map(BUILT_IN_VIEWS.map((view) => [view.id, view]));

export function builtInView(id: string): BuiltInView | undefined {
  return BY_ID.get(id);
}

export function isBuiltInViewId(id: string): boolean {
  return BY_ID.has(id);
}

/**
 * The platform tab whose views an app type opens by default. Custom apps have none: they open
 * the views bound to them. Cross-platform SDKs report as the mobile platforms they run on;
 * C++ (Windows, Linux) shares the desktop views with macOS.
 */
export function platformOfAppType(type: AppType): DashboardPlatform | null {
  switch (type) {
    case 'web':
      return 'web';
    case 'miniapp':
      return 'miniapp';
    case 'android':
    case 'ios':
    case 'react_native':
    case 'flutter':
    case 'uniapp':
      return 'mobile';
    case 'macos':
    case 'cpp':
      return 'macos';
    case 'custom':
      return null;
  }
}

/**
 * The view an app's "Analysis dashboard" link opens: its platform's overview, or for a Custom
 * app the first bound view (spec §1.2). `undefined` when a Custom app has nothing bound (or only
 * ids this catalogue no longer knows), in which case the link is disabled.
 */
export function dashboardForApp(app: {
  type: AppType;
  dashboard_bindings: readonly string[];
}): BuiltInView | undefined {
  const platform = platformOfAppType(app.type);
  if (platform === null) {
    for (const id of app.dashboard_bindings) {
      const view = builtInView(id);
      if (view) return view;
    }
    return undefined;
  }
  return builtInView(`rum.${platform}.overview`);
}
