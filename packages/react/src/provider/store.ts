import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Local UI state that several kit components share, one store per RumProvider (never a
 * module-level store: two embedded kits on one page must not share it). Server data is not
 * here; it lives in the query cache.
 */
export interface KitUiState {
  /** The app most recently created or saved in this kit, highlighted in the list. */
  recentAppId: string | null;
  markRecent(id: string | null): void;
}

export type KitStore = StoreApi<KitUiState>;

export function createKitStore(): KitStore {
  return createStore<KitUiState>()((set) => ({
    recentAppId: null,
    markRecent: (id) => set({ recentAppId: id }),
  }));
}
