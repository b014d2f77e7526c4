import { SIDE_PANEL_TABS } from '../features/tabs';
import { useApp, useAppStore, useTranslate } from '../ui/StoreContext';

/** The left side panel: one tab per registered feature panel (features/tabs.ts). */
export function SidePanel() {
  const t = useTranslate();
  const tab = useApp((s) => s.sidePanelTab);
  const setTab = useAppStore().getState().setSidePanelTab;
  const current = SIDE_PANEL_TABS.find((candidate) => candidate.id === tab) ?? SIDE_PANEL_TABS[0];
  return (
    <aside className="side-panel panel" data-testid="side-panel">
      <nav className="tabs">
        {SIDE_PANEL_TABS.map(({ id, labelKey }) => (
          <button key={id} type="button" className={id === current.id ? 'active' : ''} onClick={() => setTab(id)} data-testid={`tab-${id}`}>
            {t(labelKey)}
          </button>
        ))}
      </nav>
      <current.Panel />
    </aside>
  );
}
