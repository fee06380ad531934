import { useStore } from 'zustand';
import { useRumKit } from '../provider/context.js';
import type { KitUiState } from '../provider/store.js';

/** A slice of the provider's local UI state (see createKitStore). */
export function useKitUi<T>(selector: (state: KitUiState) => T): T {
  return useStore(useRumKit().store, selector);
}
