import { useCallback, useMemo, useRef } from 'react';
import type { CrsId } from '../core/geo/crs';
import type { StoreApi } from 'zustand/vanilla';
import type { RenderProfile } from '../engine/contract';
import type { AppStore, CameraState } from '../stores/appStore';
import { AttributionBar } from '../ui/panels/AttributionBar';
import { BuildingPanel } from '../features/view/BuildingPanel';
import { HeaderBar } from '../ui/panels/HeaderBar';
import { ImportedFeaturePanel } from '../features/import/ImportedFeaturePanel';
import { ScenarioBar } from '../features/scenarios/Panel';
import { SidePanel } from '../ui/panels/SidePanel';
import { StatusOverlay } from '../ui/panels/StatusOverlay';
import { StoreProvider } from '../ui/StoreContext';
import { exportOpenPackage } from '../features/import/exportPackage';
import { FileDrop } from '../features/import/FileDrop';
import { cancelImport, filesOfLayer, importFromUrl, importUserFiles } from '../features/import/importUserFiles';
import { InspectorHost } from '../features/inspector/InspectorHost';
import { openReport } from '../features/report/openReport';
import { Viewport } from './Viewport';

/** Planner mode: the 3D scene fills the window, panels float over it. */
export function App({ store, cameraStore, profile }: { store: AppStore; cameraStore: StoreApi<CameraState>; profile: RenderProfile }) {
  const creditHost = useMemo(() => document.createElement('span'), []);
  // The last files picked, so one that failed for want of a coordinate system can be read again.
  const lastFiles = useRef<File[]>([]);
  // The 3D view's snapshot for the report, filled by the Viewport while its view exists.
  const snapshotRef = useRef<(() => Promise<string>) | null>(null);
  const onReport = useCallback(() => openReport(store, snapshotRef.current), [store]);
  const onFiles = useCallback(
    (files: File[]) => {
      lastFiles.current = files;
      void importUserFiles(store, files);
    },
    [store],
  );
  const onRetryWithCrs = useCallback(
    (file: string, crs: CrsId) => void importUserFiles(store, filesOfLayer(lastFiles.current, file), { sourceCrs: crs }),
    [store],
  );
  return (
    <StoreProvider store={store}>
      <FileDrop onFiles={onFiles} />
      <Viewport store={store} cameraStore={cameraStore} profile={profile} creditHost={creditHost} snapshotRef={snapshotRef} />
      <div className="overlay">
        <HeaderBar onReport={onReport} />
        <div className="middle">
          <SidePanel onFiles={onFiles} onRetryWithCrs={onRetryWithCrs} onExport={() => exportOpenPackage(store)} onUrl={(url) => void importFromUrl(store, url)}
            onCancelImport={() => cancelImport(store)}
          />
          <StatusOverlay />
          <div className="right-column">
            <BuildingPanel />
            <ImportedFeaturePanel />
          </div>
        </div>
        {/* Over the middle row: header and attribution stay in view while a building is inspected. */}
        <InspectorHost profile={profile} />
        <ScenarioBar />
        <AttributionBar creditHost={creditHost} />
      </div>
    </StoreProvider>
  );
}
