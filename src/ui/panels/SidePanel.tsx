import type { CrsId } from '../../core/geo/crs';
import { useApp, useAppStore, useTranslate } from '../StoreContext';
import { ReusePanel } from '../../features/reuse/Panel';
import { ScenarioPanel } from '../../features/scenarios/Panel';
import { DataPanel } from '../../features/import/Panel';
import { LayerPanel } from '../../features/view/LayerPanel';
import { ServiceCirclePanel } from '../../features/service-circles/Panel';

/** The left side panel: layers, or the service-circle analysis. */
export function SidePanel({
  onFiles,
  onRetryWithCrs,
  onExport,
  onUrl,
  onCancelImport,
}: {
  onCancelImport: () => void;
  onUrl: (url: string) => void;
  onFiles: (files: File[]) => void;
  onRetryWithCrs: (file: string, crs: CrsId) => void;
  onExport: () => void;
}) {
  const t = useTranslate();
  const tab = useApp((s) => s.sidePanelTab);
  const setTab = useAppStore().getState().setSidePanelTab;
  return (
    <aside className="side-panel panel" data-testid="side-panel">
      <nav className="tabs">
        <button type="button" className={tab === 'scenario' ? 'active' : ''} onClick={() => setTab('scenario')} data-testid="tab-scenario">
          {t('scenario.tab')}
        </button>
        <button type="button" className={tab === 'layers' ? 'active' : ''} onClick={() => setTab('layers')} data-testid="tab-layers">
          {t('layers.title')}
        </button>
        <button type="button" className={tab === 'service' ? 'active' : ''} onClick={() => setTab('service')} data-testid="tab-service">
          {t('service.title')}
        </button>
        <button type="button" className={tab === 'reuse' ? 'active' : ''} onClick={() => setTab('reuse')} data-testid="tab-reuse">
          {t('reuse.tab')}
        </button>
        <button type="button" className={tab === 'data' ? 'active' : ''} onClick={() => setTab('data')} data-testid="tab-data">
          {t('import.title')}
        </button>
      </nav>
      {tab === 'scenario' ? <ScenarioPanel /> : tab === 'reuse' ? <ReusePanel /> : tab === 'layers' ? <LayerPanel /> : tab === 'service' ? <ServiceCirclePanel /> : <DataPanel onFiles={onFiles} onRetryWithCrs={onRetryWithCrs} onExport={onExport} onUrl={onUrl} onCancel={onCancelImport} />}
    </aside>
  );
}
