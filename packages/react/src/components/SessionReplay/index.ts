export { SessionReplay, type SessionReplayProps } from './SessionReplay.js';
export {
  type ReplayEmptyReason,
  type SessionReplayModel,
  type SessionReplayOptions,
  useSessionReplay,
} from './useSessionReplay.js';
