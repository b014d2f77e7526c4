import { useCallback, useMemo, useRef } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { RenderProfile } from '../engine/contract';
import type { AppStore, CameraState } from '../stores/appStore';
import { AttributionBar } from '../ui/panels/AttributionBar';
import { BaseFeaturePanel } from '../features/base/BaseFeaturePanel';
import { BuildingPanel } from '../features/view/BuildingPanel';
import { HeaderBar } from './HeaderBar';
import { ImportedFeaturePanel } from '../features/import/ImportedFeaturePanel';
import { ScenarioBar } from '../features/scenarios/Panel';
import { StatusOverlay } from '../ui/panels/StatusOverlay';
import { StoreProvider } from '../ui/StoreContext';
import { FileDrop } from '../features/import/FileDrop';
import { importPickedFiles } from '../features/import/importUserFiles';
import { InspectorHost } from './InspectorHost';
import { openReport } from '../features/report/openReport';
import { SidePanel } from './SidePanel';
import { Viewport } from './Viewport';
import { SplitOverlay } from '../features/plan-split/SplitOverlay';

/** Planner mode: the 3D scene fills the window, panels float over it. */
export function App({ store, cameraStore, profile }: { store: AppStore; cameraStore: StoreApi<CameraState>; profile: RenderProfile }) {
  const creditHost = useMemo(() => document.createElement('span'), []);
  // The 3D view's snapshot for the report, filled by the Viewport while its view exists.
  const snapshotRef = useRef<(() => Promise<string>) | null>(null);
  const onReport = useCallback(() => openReport(store, snapshotRef.current), [store]);
  const onFiles = useCallback((files: File[]) => void importPickedFiles(store, files), [store]);
  return (
    <StoreProvider store={store}>
      <FileDrop onFiles={onFiles} />
      <Viewport store={store} cameraStore={cameraStore} profile={profile} creditHost={creditHost} snapshotRef={snapshotRef} />
      <div className="overlay">
        <HeaderBar onReport={onReport} />
        <div className="middle">
          <SidePanel />
          <StatusOverlay />
          <div className="right-column">
            <BuildingPanel />
            <ImportedFeaturePanel />
            <BaseFeaturePanel />
          </div>
        </div>
        {/* Over the middle row: header and attribution stay in view while a building is inspected. */}
        <SplitOverlay />
        <InspectorHost profile={profile} />
        <ScenarioBar />
        <AttributionBar creditHost={creditHost} />
      </div>
    </StoreProvider>
  );
}
