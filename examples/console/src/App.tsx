import {
  builtInView,
  currentWorkspaceOptions,
  type RumBackend,
  sessionReplayOptions,
} from '@rumkit/core';
import { type Locale, type RumNavigation, RumProvider, useRumKit } from '@rumkit/react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import type { DemoConfig } from './config.js';
import { href, navigate, type Route, useRoute } from './route.js';
import {
  ApplicationList,
  CreateAppWizard,
  DashboardBinder,
  ExplorerScreen,
  ReplayScreen,
} from './screens.js';
import { TEXT } from './text.js';

const LOCALE_KEY = 'rumkit-console-locale';

/** The explorer's play buttons open the player: its code is fetched once the browser is idle. */
function PreloadReplayScreen(): null {
  useEffect(() => {
    const preload = () => void ReplayScreen.preload().catch(() => undefined);
    if (typeof requestIdleCallback !== 'function') return void setTimeout(preload, 2000);
    const id = requestIdleCallback(preload, { timeout: 5000 });
    return () => cancelIdleCallback(id);
  }, []);
  return null;
}

function initialLocale(): Locale {
  const saved = localStorage.getItem(LOCALE_KEY);
  if (saved === 'en' || saved === 'zh') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A host admin app embedding the kit: it owns the layout, the URL and the language. */
export function App({ backend, config }: { backend: RumBackend; config: DemoConfig }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const route = useRoute();
  useEffect(() => {
    localStorage.setItem(LOCALE_KEY, locale);
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);

  // The host decides what opening a dashboard, the explorer or a view means: here, screens of
  // its own, reached by real links.
  const navigation = useMemo<RumNavigation>(
    () => ({
      dashboardHref: ({ app, view, variables }) =>
        href.dashboard(app.id, view.id, variables.app_id),
      explorerHref: ({ app, variables }) => href.explorer(app.id, variables.app_id),
      viewHref: (view, variables) => href.view(view.id, variables.app_id),
    }),
    [],
  );

  return (
    <RumProvider
      backend={backend}
      locale={locale}
      navigation={navigation}
      intakeOrigin={config.intakeOrigin}
      sdkUrl={`${config.intakeOrigin}/sdk/rumkit.js`}
    >
      <div className="console">
        <TopBar locale={locale} onLocale={setLocale} />
        <main
          className={
            route.screen === 'explorer' || route.screen === 'replay'
              ? 'console-main console-main-wide'
              : 'console-main'
          }
          id="main"
        >
          <h1 className="console-sr">{TEXT[locale].titles[route.screen]}</h1>
          <Suspense fallback={<p className="console-loading">{TEXT[locale].loading}</p>}>
            <Screen route={route} locale={locale} />
          </Suspense>
        </main>
      </div>
    </RumProvider>
  );
}

function TopBar({ locale, onLocale }: { locale: Locale; onLocale: (l: Locale) => void }) {
  const { backend, queryClient } = useRumKit();
  const workspace = useQuery(currentWorkspaceOptions(backend), queryClient);
  const text = TEXT[locale];
  return (
    <header className="console-bar">
      <a className="console-brand" href={href.apps()}>
        <span className="console-logo" aria-hidden="true">
          ◔
        </span>
        rumkit <span className="console-brand-sub">{text.console}</span>
      </a>
      <nav aria-label={text.mainNav} className="console-nav">
        <a href={href.apps()}>{text.apps}</a>
        <a href="#/explorer">{text.explorer}</a>
        <a href="/shop/" target="_blank" rel="noopener">
          {text.shop} ↗
        </a>
      </nav>
      <span className="console-workspace" title={text.workspace}>
        {workspace.data?.name ?? '…'}
      </span>
      {/* biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons, as in most toolbars */}
      <div className="console-locale" role="group" aria-label={text.language}>
        {(['en', 'zh'] as const).map((l) => (
          <button
            key={l}
            type="button"
            aria-pressed={locale === l}
            lang={l === 'zh' ? 'zh-CN' : 'en'}
            onClick={() => onLocale(l)}
          >
            {l === 'en' ? 'EN' : '中文'}
          </button>
        ))}
      </div>
    </header>
  );
}

function Crumbs({ locale, here }: { locale: Locale; here: string }) {
  return (
    <nav aria-label={TEXT[locale].breadcrumbs} className="console-crumbs">
      <a href={href.apps()}>{TEXT[locale].apps}</a>
      <span aria-hidden="true">/</span>
      <span aria-current="page">{here}</span>
    </nav>
  );
}

/**
 * What SessionReplay asks for first, opening at `time`: the first part of the replay (a long
 * one loads the rest while that plays).
 */
const firstReplayPart = (backend: RumBackend, sessionId: string, time?: number) =>
  sessionReplayOptions(backend, sessionId, {
    part: 'first',
    ...(time === undefined ? {} : { at: time }),
  });

/**
 * Asks for the replay while the player's code is still loading: the two overlap instead of one
 * after the other (the player's own query then finds the answer on its way).
 */
function PrefetchReplay({
  sessionId,
  time,
}: {
  sessionId: string;
  time: number | undefined;
}): null {
  const { backend, queryClient } = useRumKit();
  // Only where the player opens: its position moves on in the URL as it plays.
  const [at] = useState(time);
  useEffect(() => {
    void queryClient.prefetchQuery(firstReplayPart(backend, sessionId, at));
  }, [backend, queryClient, sessionId, at]);
  return null;
}

function Screen({ route, locale }: { route: Route; locale: Locale }): ReactNode {
  const text = TEXT[locale];
  useEffect(() => {
    document.title = `${text.titles[route.screen]} · rumkit`;
  }, [route.screen, text]);

  switch (route.screen) {
    case 'apps':
      return (
        <>
          <p className="console-intro">
            {text.intro}{' '}
            <a href="/shop/" target="_blank" rel="noopener">
              {text.introShop}
            </a>
          </p>
          <ApplicationList.Screen
            onCreate={() => navigate(href.newApp())}
            onEdit={(app) => navigate(href.edit(app.id))}
            onBindDashboards={(app) => navigate(href.dashboards(app.id))}
          />
        </>
      );
    case 'new':
      return (
        <>
          <Crumbs locale={locale} here={text.titles.new} />
          <CreateAppWizard.Screen
            onCancel={() => navigate(href.apps())}
            onDone={() => navigate(href.apps())}
          />
        </>
      );
    case 'edit':
      return (
        <>
          <Crumbs locale={locale} here={text.titles.edit} />
          <CreateAppWizard.Screen
            key={route.id}
            appId={route.id}
            step={route.step}
            onStepChange={(step) => navigate(href.edit(route.id, step))}
            onCancel={() => navigate(href.apps())}
            onDone={() => navigate(href.apps())}
          />
        </>
      );
    case 'dashboards':
      return (
        <>
          <Crumbs locale={locale} here={text.titles.dashboards} />
          <DashboardBinder.Screen appId={route.id} />
        </>
      );
    case 'explorer':
      return (
        <>
          <PreloadReplayScreen />
          <Suspense fallback={<p className="console-loading">{text.loading}</p>}>
            <ExplorerScreen.Screen route={route} locale={locale} />
          </Suspense>
        </>
      );
    case 'replay':
      return (
        <>
          <PrefetchReplay key={route.sessionId} sessionId={route.sessionId} time={route.time} />
          <Suspense fallback={<p className="console-loading">{text.loading}</p>}>
            <ReplayScreen.Screen route={route} locale={locale} />
          </Suspense>
        </>
      );
    case 'dashboard':
    case 'view': {
      const view = builtInView(route.viewId);
      const what = view?.title[locale] ?? route.viewId;
      return (
        <>
          <Crumbs locale={locale} here={what} />
          <section className="console-placeholder" aria-labelledby="placeholder-title">
            <h2 id="placeholder-title">{what}</h2>
            <p>{text.placeholder}</p>
            <dl>
              <dt>app_id</dt>
              <dd>
                <code>{route.appId}</code>
              </dd>
              {view ? (
                <>
                  <dt>{text.filters}</dt>
                  <dd>{view.variables.join(', ')}</dd>
                </>
              ) : null}
            </dl>
            <p>
              <a
                href={href.explorerState(
                  route.screen === 'dashboard' ? route.id : null,
                  route.appId,
                  new URLSearchParams(),
                )}
              >
                {text.openExplorer} →
              </a>
            </p>
            <p>
              <a href={href.apps()}>← {text.back}</a>
            </p>
          </section>
        </>
      );
    }
    case 'not-found':
      return (
        <section className="console-placeholder">
          <h2>{text.notFound}</h2>
          <p>
            <a href={href.apps()}>← {text.back}</a>
          </p>
        </section>
      );
  }
}
