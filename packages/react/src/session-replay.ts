// @rumkit/react/session-replay: the session replay player. A separate entry, so rrweb-player
// (about 480 KB of JavaScript before minifying) is loaded only by hosts that play replays; the
// main @rumkit/react entry never imports it.
export {
  type ReplayEmptyReason,
  SessionReplay,
  type SessionReplayModel,
  type SessionReplayOptions,
  type SessionReplayProps,
  useSessionReplay,
} from './components/SessionReplay/index.js';
