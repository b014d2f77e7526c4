import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../stores/appStore';
import { translate, type MessageKey } from '../i18n/translate';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside <StoreProvider>');
  return store;
}

/** Reads one slice of app state; the component re-renders only when that slice changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

/** `t('layers.title')` in the current language. */
export function useTranslate(): (key: MessageKey | string, params?: Record<string, string | number>) => string {
  const language = useApp((s) => s.language);
  return (key, params) => translate(language, key, params);
}
