// Fixtures shared by component tests and stories: a workspace and apps of every type, at fixed
// times so snapshots of dates do not move.
import { APP_TYPES, type App, type AppType, type Workspace } from '@rumkit/core';

/** 2026-11-20 12:00 UTC: "now" in every fixture. */
export const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export const demoWorkspace: Workspace = {
  id: 'ws_demo',
  name: 'Acme Shop',
  retention_days: 14,
  time_zone: 'Asia/Shanghai',
  created_at: iso(T0 - 90 * DAY),
};

export function makeApp(
  overrides: Partial<App> & Pick<App, 'id' | 'name' | 'app_id' | 'type'>,
): App {
  const created = overrides.created_at ?? iso(T0 - DAY);
  return {
    workspace_id: demoWorkspace.id,
    allowed_origins: [],
    client_token: null,
    dashboard_bindings: [],
    remote_config: {},
    created_at: created,
    updated_at: created,
    ...overrides,
  };
}

/** Four apps of different kinds, newest first: what a small team has. */
export const demoApps: App[] = [
  makeApp({
    id: 'app_kiosk',
    name: 'In-store kiosk',
    app_id: 'kiosk_custom',
    type: 'custom',
    dashboard_bindings: ['rum.web.overview', 'rum.web.error'],
    created_at: iso(T0 - 2 * DAY),
  }),
  makeApp({
    id: 'app_android',
    name: 'Acme Shop for Android',
    app_id: 'acme_android',
    type: 'android',
    created_at: iso(T0 - 12 * DAY),
  }),
  makeApp({
    id: 'app_ios',
    name: 'Acme Shop for iPhone',
    app_id: 'acme_ios',
    type: 'ios',
    created_at: iso(T0 - 30 * DAY),
  }),
  makeApp({
    id: 'app_web',
    name: 'Acme web shop',
    app_id: 'appid_5f2b8e1c9a7d4e3f8b6a1c2d3e4f5a6b',
    type: 'web',
    allowed_origins: ['https://shop.acme.example'],
    created_at: iso(T0 - 60 * DAY),
  }),
];

/** A custom app with nothing bound: its dashboard link is disabled. */
export const unboundCustomApp: App = makeApp({
  id: 'app_custom_empty',
  name: 'Smart TV app',
  app_id: 'tv_custom',
  type: 'custom',
  created_at: iso(T0 - 3 * DAY),
});

const NAMES = [
  'Checkout',
  'Catalogue',
  'Loyalty',
  'Support',
  'Warehouse',
  'Partner portal',
  'Delivery',
  'Returns',
];

/** `count` apps cycling through every type, newest first, for long-list states. */
export function manyApps(count: number): App[] {
  return Array.from({ length: count }, (_, i) => {
    const type = APP_TYPES[i % APP_TYPES.length] as AppType;
    const name = `${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length) + 1}`;
    return makeApp({
      id: `app_many_${i}`,
      name: i === 3 ? `${name} with a rather long name that needs to be cut short somewhere` : name,
      app_id: `${type}_${String(i).padStart(3, '0')}_${'x'.repeat(i % 3 === 0 ? 24 : 4)}`,
      type,
      dashboard_bindings: type === 'custom' && i % 20 !== 9 ? ['rum.mobile.overview'] : [],
      created_at: iso(T0 - i * 3_600_000),
    });
  });
}
