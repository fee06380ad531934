import { explorerStateFromParams, explorerStateToParams } from '@rumkit/core';
import { Explorer, type Locale } from '@rumkit/react';
import { useMemo, useState } from 'react';
import { href, navigate, type Route } from './route.js';
import { TEXT } from './text.js';

type ExplorerRoute = Extract<Route, { screen: 'explorer' }>;

const FACETS_KEY = 'rumkit-console-facets';

type SavedFacets = Record<string, string[]>;

function loadFacets(): SavedFacets {
  try {
    const saved = JSON.parse(localStorage.getItem(FACETS_KEY) ?? '{}') as unknown;
    return saved && typeof saved === 'object' ? (saved as SavedFacets) : {};
  } catch {
    return {};
  }
}

function storeFacets(saved: SavedFacets) {
  try {
    localStorage.setItem(FACETS_KEY, JSON.stringify(saved));
  } catch {
    // Private browsing or a full storage: the facets are simply not remembered.
  }
}

/**
 * The host owns the explorer's state: it lives in the URL, so a link opens the same search,
 * range and detail, and the browser's back button undoes each step.
 */
export function ExplorerScreen({ route, locale }: { route: ExplorerRoute; locale: Locale }) {
  const state = useMemo(() => explorerStateFromParams(route.params), [route.params]);
  const appIds = useMemo(() => (route.appId ? [route.appId] : undefined), [route.appId]);
  const text = TEXT[locale];
  // The person's own quick filters, per category, kept in this browser (spec §1.6).
  const [facets, setFacets] = useState(loadFacets);
  const changeFacets = (fields: string[]) => {
    const next = { ...facets, [state.category]: fields };
    setFacets(next);
    storeFacets(next);
  };
  return (
    <div className="console-explorer">
      <nav aria-label={text.breadcrumbs} className="console-crumbs">
        <a href={href.apps()}>{text.apps}</a>
        <span aria-hidden="true">/</span>
        <span aria-current="page">
          {text.explorer}
          {route.appId ? ` · ${route.appId}` : ''}
        </span>
      </nav>
      <Explorer
        state={state}
        onStateChange={(next) =>
          navigate(href.explorerState(route.id, route.appId, explorerStateToParams(next)))
        }
        appIds={appIds}
        facets={facets[state.category]}
        onFacetsChange={changeFacets}
        onPlayReplay={(target) => navigate(href.replay(target.sessionId, route.appId, target.time))}
      />
    </div>
  );
}
