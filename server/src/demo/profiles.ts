import type { Random } from './random.js';

/*
 * What each platform's SDK sends, as data: SDK names and versions, devices, the pages of a
 * demo shop, error templates. traffic.ts turns it into sessions.
 */

export type TrafficPlatform = 'web' | 'android' | 'ios' | 'miniapp';

export interface Page {
  /** Web: the path with `{id}` placeholders; mobile: the screen; mini-program: the page path. */
  route: string;
  /** How often a session starts here. */
  landing: number;
  /** How often a navigation goes here. */
  next: number;
  /** The slow page of the demo: its LCP (web) or loading time (apps) is far higher. */
  slow?: boolean;
  /** API calls made when the page opens: `METHOD /path` with `{id}` placeholders. */
  apis: readonly string[];
  /** Names of the things users click here. */
  clicks: readonly string[];
  /** API call a click makes, if any. */
  clickApi?: string;
}

export interface Profile {
  sdkName: string;
  sdkVersion: string;
  service: string;
  pages: readonly Page[];
  /** Tags that describe the user's device; drawn once per user. */
  device(random: Random): Record<string, string>;
}

const SHOP_WEB_PAGES: readonly Page[] = [
  {
    route: '/',
    landing: 30,
    next: 10,
    apis: ['GET /api/v1/home/feed', 'GET /api/v1/recommendations'],
    clicks: ['Search', 'Hero banner', 'Category: Shoes', 'Product card'],
  },
  {
    route: '/search',
    landing: 8,
    next: 14,
    apis: ['GET /api/v1/search'],
    clicks: ['Filter: Price', 'Sort by', 'Product card', 'Next page'],
    clickApi: 'GET /api/v1/search',
  },
  {
    route: '/products/{id}',
    landing: 25,
    next: 22,
    slow: true,
    apis: ['GET /api/v1/products/{id}', 'GET /api/v1/products/{id}/reviews'],
    clicks: ['Add to cart', 'Size selector', 'Reviews', 'Image gallery'],
    clickApi: 'POST /api/v1/cart/items',
  },
  {
    route: '/category/shoes',
    landing: 10,
    next: 12,
    apis: ['GET /api/v1/categories/shoes/products'],
    clicks: ['Product card', 'Filter: Size', 'Load more'],
    clickApi: 'GET /api/v1/categories/shoes/products',
  },
  {
    route: '/cart',
    landing: 3,
    next: 9,
    apis: ['GET /api/v1/cart'],
    clicks: ['Checkout', 'Remove item', 'Quantity +'],
    clickApi: 'PATCH /api/v1/cart/items/{id}',
  },
  {
    route: '/checkout',
    landing: 0,
    next: 4,
    apis: ['GET /api/v1/addresses', 'GET /api/v1/payment-methods'],
    clicks: ['Place order', 'Edit address', 'Apply coupon'],
    clickApi: 'POST /api/v1/orders',
  },
  {
    route: '/account/orders',
    landing: 3,
    next: 3,
    apis: ['GET /api/v1/orders'],
    clicks: ['Order details', 'Track parcel'],
  },
  {
    route: '/account/orders/{id}',
    landing: 2,
    next: 2,
    apis: ['GET /api/v1/orders/{id}'],
    clicks: ['Track parcel', 'Return item', 'Contact support'],
  },
  {
    route: '/login',
    landing: 5,
    next: 3,
    apis: ['GET /api/v1/session'],
    clicks: ['Sign in', 'Forgot password'],
    clickApi: 'POST /api/v1/session',
  },
];

/** The same shop as screens of a native app. */
const screens = (names: Record<string, string>): readonly Page[] =>
  SHOP_WEB_PAGES.map((page) => ({ ...page, route: names[page.route] ?? page.route }));

const ANDROID_SCREENS = screens({
  '/': 'MainActivity',
  '/search': 'SearchActivity',
  '/products/{id}': 'ProductDetailActivity',
  '/category/shoes': 'CategoryFragment',
  '/cart': 'CartActivity',
  '/checkout': 'CheckoutActivity',
  '/account/orders': 'OrderListFragment',
  '/account/orders/{id}': 'OrderDetailActivity',
  '/login': 'LoginActivity',
});

const IOS_SCREENS = screens({
  '/': 'HomeViewController',
  '/search': 'SearchViewController',
  '/products/{id}': 'ProductDetailViewController',
  '/category/shoes': 'CategoryViewController',
  '/cart': 'CartViewController',
  '/checkout': 'CheckoutViewController',
  '/account/orders': 'OrdersViewController',
  '/account/orders/{id}': 'OrderDetailViewController',
  '/login': 'LoginViewController',
});

const MINIAPP_PAGES = screens({
  '/': 'pages/index/index',
  '/search': 'pages/search/search',
  '/products/{id}': 'pages/product/detail',
  '/category/shoes': 'pages/category/list',
  '/cart': 'pages/cart/cart',
  '/checkout': 'pages/order/confirm',
  '/account/orders': 'pages/order/list',
  '/account/orders/{id}': 'pages/order/detail',
  '/login': 'pages/login/login',
});

const major = (version: string) => version.split('.')[0] as string;

type Browser = readonly [string, string, string, string, 'PC' | 'Mobile', readonly string[]];
const BROWSERS: readonly (readonly [Browser, number])[] = [
  [['Chrome', '124.0.6367.207', 'Windows', '10', 'PC', ['1920*1080', '1366*768', '2560*1440']], 30],
  [['Chrome', '124.0.6367.118', 'Mac OS', '10.15.7', 'PC', ['1440*900', '1728*1117']], 14],
  [['Safari', '17.4.1', 'Mac OS', '10.15.7', 'PC', ['1440*900', '2560*1440']], 8],
  [['Edge', '124.0.2478.80', 'Windows', '10', 'PC', ['1920*1080', '1536*864']], 7],
  [['Firefox', '125.0', 'Windows', '10', 'PC', ['1920*1080']], 4],
  [['Mobile Safari', '17.4', 'iOS', '17.4.1', 'Mobile', ['390*844', '393*852', '428*926']], 18],
  [['Chrome Mobile', '124.0.6367.179', 'Android', '14', 'Mobile', ['412*915', '360*800']], 15],
  [['WeChat', '8.0.49', 'Android', '13', 'Mobile', ['393*873', '360*780']], 4],
];

type AndroidDevice = readonly [string, readonly string[], readonly string[]];
const ANDROID_DEVICES: readonly (readonly [AndroidDevice, number])[] = [
  [['samsung', ['SM-S918B', 'SM-A546B', 'SM-G991B'], ['14', '13']], 28],
  [['Xiaomi', ['23049RAD8C', '2211133C', 'M2102J2SC'], ['14', '13', '12']], 24],
  [['HUAWEI', ['ALN-AL00', 'NOH-AN00'], ['12', '10']], 14],
  [['OPPO', ['PHB110', 'PGJM10'], ['14', '13']], 12],
  [['vivo', ['V2309A', 'V2229A'], ['14', '13']], 12],
  [['Google', ['Pixel 8', 'Pixel 7a'], ['14']], 6],
];

const IOS_MODELS = [
  ['iPhone15,2', '1179*2556'],
  ['iPhone14,5', '1170*2532'],
  ['iPhone16,2', '1290*2796'],
  ['iPhone13,2', '1170*2532'],
  ['iPhone12,1', '828*1792'],
] as const;

export const PROFILES: Record<TrafficPlatform, Profile> = {
  web: {
    sdkName: 'df_web_rum_sdk',
    sdkVersion: '3.2.19',
    service: 'browser',
    pages: SHOP_WEB_PAGES,
    device(r) {
      const [browser, version, os, osVersion, device, sizes] = r.weighted(BROWSERS);
      const mobile = device === 'Mobile';
      return {
        os,
        os_version: osVersion,
        os_version_major: major(osVersion),
        browser,
        browser_version: version,
        browser_version_major: major(version),
        screen_size: r.pick(sizes),
        network_type: mobile
          ? r.weighted([
              ['4g', 70],
              ['3g', 8],
              ['wifi', 22],
            ])
          : '4g',
        device,
      };
    },
  },
  android: {
    sdkName: 'df_android_rum_sdk',
    sdkVersion: '1.6.2',
    service: 'df_rum_android',
    pages: ANDROID_SCREENS,
    device(r) {
      const [vendor, models, versions] = r.weighted(ANDROID_DEVICES);
      const osVersion = r.pick(versions);
      return {
        os: 'Android',
        os_version: osVersion,
        os_version_major: osVersion,
        device: vendor,
        model: r.pick(models),
        device_uuid: r.hex(16),
        screen_size: r.pick(['1080*2340', '1440*3088', '1220*2712', '1080*2400']),
        network_type: r.weighted([
          ['wifi', 55],
          ['4g', 30],
          ['5g', 15],
        ]),
      };
    },
  },
  ios: {
    sdkName: 'df_ios_rum_sdk',
    sdkVersion: '1.5.3',
    service: 'df_rum_ios',
    pages: IOS_SCREENS,
    device(r) {
      const [model, screen] = r.pick(IOS_MODELS);
      const osVersion = r.pick(['17.4.1', '17.5', '16.7.8']);
      return {
        os: 'iOS',
        os_version: osVersion,
        os_version_major: major(osVersion),
        device: 'APPLE',
        model,
        device_uuid: r.uuid().toUpperCase(),
        screen_size: screen,
        network_type: r.weighted([
          ['wifi', 60],
          ['4g', 25],
          ['5g', 15],
        ]),
      };
    },
  },
  miniapp: {
    sdkName: 'df_miniapp_rum_sdk',
    sdkVersion: '2.1.6',
    service: 'miniapp',
    pages: MINIAPP_PAGES,
    device(r) {
      const ios = r.chance(0.45);
      const osVersion = ios ? r.pick(['17.4.1', '16.6']) : r.pick(['14', '13', '12']);
      return {
        os: ios ? 'iOS' : 'Android',
        os_version: osVersion,
        os_version_major: major(osVersion),
        device: ios ? 'iPhone' : r.pick(['Xiaomi', 'HUAWEI', 'OPPO', 'vivo']),
        model: ios
          ? r.pick(['iPhone 15', 'iPhone 13', 'iPhone 12'])
          : r.pick(['M2102J2SC', 'NOH-AN00']),
        screen_size: ios ? r.pick(['390*844', '393*852']) : r.pick(['393*873', '360*780']),
        network_type: r.weighted([
          ['wifi', 50],
          ['4g', 40],
          ['5g', 10],
        ]),
        platform: 'wechat',
        platform_version: r.pick(['8.0.49', '8.0.48', '8.0.47']),
        app_framework_version: r.pick(['3.4.6', '3.3.5']),
      };
    },
  },
};

/*
 * Where users connect from: /16 prefixes that DB-IP places in the named country, so the
 * server's geo enrichment has real work to do. Mini-program users are in mainland China.
 */
const CN = [
  '202.96',
  '61.135',
  '211.136',
  '114.80',
  '183.60',
  '113.108',
  '218.30',
  '221.130',
  '117.136',
  '36.110',
  '59.172',
  '125.70',
  '222.73',
  '202.112',
];
const CN6 = ['240e:3a1:4c50', '2408:8256:3182', '2409:8a1e:6c30'];
const WORLD: readonly (readonly [readonly string[], number])[] = [
  [CN, 35],
  [['73.15', '98.137'], 18], // United States
  [['86.12', '2.120'], 8], // United Kingdom
  [['91.64', '78.46'], 8], // Germany
  [['126.0', '133.242'], 7], // Japan
  [['49.36', '106.51'], 7], // India
  [['177.37', '187.10'], 5], // Brazil
  [['1.120', '101.160'], 4], // Australia
  [['121.134', '175.223'], 4], // South Korea
  [['203.198', '1.34'], 4], // Hong Kong, Taiwan
];

/** A client address for a user of this platform. */
export function userIp(platform: TrafficPlatform, r: Random): string {
  if (r.chance(0.01)) return `10.${r.int(256)}.${r.int(256)}.${1 + r.int(254)}`; // behind a proxy
  const china = platform === 'miniapp' || (platform !== 'web' && r.chance(0.7));
  if (r.chance(0.08)) {
    const prefix = china ? r.pick(CN6) : r.pick([...CN6, '2601:646:8200', '2a02:908:1']);
    return `${prefix}:${r.hex(4)}:${r.hex(4)}::${r.hex(3)}`;
  }
  const prefixes = china ? CN : r.weighted(WORLD);
  return `${r.pick(prefixes)}.${r.int(256)}.${1 + r.int(254)}`;
}
