// @rumkit/core/rules: pure business rules, shared by the server, the SDK and the components.
export {
  APP_ID_MAX_LENGTH,
  type AppIdCheck,
  type AppIdProblem,
  checkAppId,
  generateAppId,
  isValidAppId,
} from './appId.js';
export { APP_TYPES, type AppType, isAppType } from './appTypes.js';
export { pathGroup, statusGroup } from './urlGroup.js';
