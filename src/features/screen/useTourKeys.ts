import { useEffect } from 'react';
import { useAppStore } from '../../ui/StoreContext';

/**
 * Presenter keys: → / PageDown the next step, ← / PageUp the previous one (what presentation remotes
 * send), space plays or pauses the tour, F toggles full screen. Keys typed into a form field are
 * left alone, and a held key does not race through the steps.
 */
export function useTourKeys(toggleFullscreen: () => void): void {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const s = store.getState();
      switch (event.key) {
        case 'ArrowRight':
        case 'PageDown':
          if (!event.repeat) s.nextTourStep();
          break;
        case 'ArrowLeft':
        case 'PageUp':
          if (!event.repeat) s.previousTourStep();
          break;
        case ' ':
          if (!event.repeat) s.toggleTourPlaying();
          break;
        case 'f':
        case 'F':
          if (!event.repeat) toggleFullscreen();
          break;
        default:
          return;
      }
      // Space would also press a focused button and scroll: the key is the tour's.
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, toggleFullscreen]);
}
