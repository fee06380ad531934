import type { Locale } from '@rumkit/react';
import type { Route } from './route.js';

// The console's own words (the kit brings its own for its components).
export const TEXT: Record<
  Locale,
  {
    console: string;
    mainNav: string;
    apps: string;
    shop: string;
    workspace: string;
    language: string;
    breadcrumbs: string;
    intro: string;
    introShop: string;
    explorer: string;
    loading: string;
    placeholder: string;
    openExplorer: string;
    filters: string;
    back: string;
    notFound: string;
    titles: Record<Route['screen'], string>;
  }
> = {
  en: {
    console: 'Demo console',
    mainNav: 'Main',
    apps: 'Applications',
    shop: 'Demo shop',
    workspace: 'Workspace',
    language: 'Language',
    breadcrumbs: 'Breadcrumbs',
    intro:
      'A host admin app embedding @rumkit/react against this server. The demo workspace has a week of traffic and a live trickle.',
    introShop: 'Browse the instrumented demo shop to add your own session, with its replay.',
    explorer: 'Explorer',
    loading: 'Loading…',
    placeholder:
      'rumkit does not draw analysis dashboards yet. A console would open this one with the variables below; the explorer has the same events.',
    openExplorer: 'Open this app in the explorer',
    filters: 'Filters',
    back: 'Back to the applications',
    notFound: 'There is no such page',
    titles: {
      apps: 'Applications',
      new: 'Create an app',
      edit: 'Edit app',
      dashboards: 'Analysis dashboards',
      dashboard: 'Analysis dashboard',
      explorer: 'Explorer',
      replay: 'Session replay',
      view: 'Built-in view',
      'not-found': 'Not found',
    },
  },
  zh: {
    console: '演示控制台',
    mainNav: '主导航',
    apps: '应用列表',
    shop: '演示商店',
    workspace: '工作空间',
    language: '语言',
    breadcrumbs: '面包屑导航',
    intro:
      '这是一个嵌入了 @rumkit/react 的宿主管理后台，连接本服务器。演示工作空间中有一周的流量，并持续产生新数据。',
    introShop: '浏览已接入 SDK 的演示商店，产生你自己的会话及其回放。',
    explorer: '查看器',
    loading: '加载中…',
    placeholder: 'rumkit 尚未绘制分析看板。控制台会用下列变量打开此看板；查看器中有相同的事件。',
    openExplorer: '在查看器中打开此应用',
    filters: '筛选条件',
    back: '返回应用列表',
    notFound: '页面不存在',
    titles: {
      apps: '应用列表',
      new: '新建应用',
      edit: '编辑应用',
      dashboards: '分析看板',
      dashboard: '分析看板',
      explorer: '查看器',
      replay: '会话回放',
      view: '内置视图',
      'not-found': '页面不存在',
    },
  },
};
