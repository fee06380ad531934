import type { Locale } from '@rumkit/react';
import { SessionReplay } from '@rumkit/react/session-replay';
import { href, type Route, replaceRoute } from './route.js';
import { TEXT } from './text.js';

type ReplayRoute = Extract<Route, { screen: 'replay' }>;

/**
 * A session's replay, opened from the explorer's play buttons. The position lives in the URL
 * (`t`, ms since the epoch): the player keeps it current without adding history entries, so a
 * copied address reopens the same moment and the back button returns to the explorer.
 */
export function ReplayScreen({ route, locale }: { route: ReplayRoute; locale: Locale }) {
  const text = TEXT[locale];
  const link = (time: number) => href.replay(route.sessionId, route.appId, time);
  return (
    <div className="console-replay">
      <nav aria-label={text.breadcrumbs} className="console-crumbs">
        <a href={href.apps()}>{text.apps}</a>
        <span aria-hidden="true">/</span>
        <a href={href.explorerState(null, route.appId, new URLSearchParams())}>{text.explorer}</a>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{text.titles.replay}</span>
      </nav>
      <SessionReplay
        // A new session is a new player, whatever the previous one was doing.
        key={route.sessionId}
        sessionId={route.sessionId}
        time={route.time}
        onTimeChange={(time) => replaceRoute(link(time))}
        linkHref={link}
      />
    </div>
  );
}
