export {
  type ControllableStateOptions,
  useControllableState,
} from './hooks/useControllableState.js';
