import { useEffect, useMemo, useRef, useState } from 'react';
import type { BuildingInspectorAdapter, RenderProfile } from '../engine/contract';
import { layoutBuildingUnits } from '../layers/unitLayout';
import { selectInspectorClip } from '../features/clip/selectors';
import { InspectorPanel } from '../features/inspector/InspectorPanel';
import { useApp, useAppStore, useTranslate } from '../ui/StoreContext';

declare global {
  interface Window {
    /** Read-only hooks of the open 分层分户 inspector for automated browser tests. */
    __twinInspector?: {
      unitScreenPosition(unitId: string): { x: number; y: number } | null;
      nextFrame(): Promise<void>;
      floorCount(): number;
    };
  }
}

/** Mounts the inspector while the store names a building to inspect; one engine per building. */
export function InspectorHost({ profile }: { profile: RenderProfile }) {
  const buildingId = useApp((s) => s.inspectedBuildingId);
  return buildingId ? <Inspector key={buildingId} buildingId={buildingId} profile={profile} /> : null;
}

/**
 * three.js is imported lazily, like Cesium in `Viewport`: its chunk loads only when somebody opens
 * the inspector. The engine lives exactly as long as this component and is disposed with it
 * (close, Esc, another community), which frees its WebGL context.
 */
function Inspector({ buildingId, profile }: { buildingId: string; profile: RenderProfile }) {
  const t = useTranslate();
  const store = useAppStore();
  const community = useApp((s) => s.community);
  const role = useApp((s) => s.role);
  const highlightFloors = useApp((s) => s.inspectorHighlightFloors);
  const colorMode = useApp((s) => s.inspectorColorMode);
  const explodeMeters = useApp((s) => s.inspectorExplodeMeters);
  const selectedUnitId = useApp((s) => s.selectedUnitId);
  const clip = useApp(selectInspectorClip);
  const building = community?.buildings.find((b) => b.id === buildingId);
  // Recomputed when the role changes: what a unit may show about its residents depends on it.
  const layout = useMemo(
    () => (building && community ? layoutBuildingUnits(building, community, { role, highlightFloors }) : null),
    [building, community, role, highlightFloors],
  );
  const canvasHost = useRef<HTMLDivElement>(null);
  const [engine, setEngine] = useState<BuildingInspectorAdapter | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let created: BuildingInspectorAdapter | null = null;
    let cancelled = false;
    const hooks: NonNullable<Window['__twinInspector']> = {
      unitScreenPosition: (id) => created?.unitScreenPosition(id) ?? null,
      nextFrame: () => created?.nextFrame() ?? Promise.resolve(),
      floorCount: () => created?.floorCount() ?? 0,
    };
    import('../engine/three/BuildingInspector').then(
      ({ BuildingInspector }) => {
        if (cancelled || !canvasHost.current) return;
        try {
          created = new BuildingInspector(
            canvasHost.current,
            { onHoverUnit: (id) => store.getState().hoverUnit(id), onPickUnit: (id) => store.getState().selectUnit(id) },
            profile,
          );
        } catch (error) {
          // No WebGL (blocked, or the context limit reached): say so instead of a blank box.
          setFailure(error instanceof Error ? error.message : String(error));
          return;
        }
        window.__twinInspector = hooks;
        setEngine(created);
      },
      (error: unknown) => !cancelled && setFailure(String(error)),
    );
    return () => {
      cancelled = true;
      created?.dispose();
      if (window.__twinInspector === hooks) delete window.__twinInspector;
    };
  }, [store, profile]);

  useEffect(() => {
    if (!engine || !layout) return;
    const { inspectorExplodeMeters, inspectorColorMode, selectedUnitId: selected } = store.getState();
    engine.show(layout, { explodeMeters: inspectorExplodeMeters, colorMode: inspectorColorMode });
    engine.setSelectedUnit(selected);
    let live = true;
    void engine.nextFrame().then(() => live && !engine.isDestroyed() && setReady(true));
    return () => {
      live = false;
    };
  }, [engine, layout, store]);
  useEffect(() => engine?.setColorMode(colorMode), [engine, colorMode]);
  useEffect(() => engine?.setExplode(explodeMeters), [engine, explodeMeters]);
  useEffect(() => engine?.setSelectedUnit(selectedUnitId), [engine, selectedUnitId]);
  // The clip tool's cut (剖切): the same section height, or a lengthwise cut for a plane or a box.
  useEffect(() => engine?.setClip(clip), [engine, clip]);

  if (!building || !layout) return null;
  return (
    <section
      className="inspector panel"
      data-testid="inspector"
      data-building-id={buildingId}
      data-inspector-ready={ready ? 'true' : undefined}
      data-clip={clip ? (clip.kind === 'section' ? `section:${clip.heightMeters}` : clip.kind) : undefined}
    >
      <div className="inspector-view">
        {/* The engine owns this element's children (canvas, floor labels); React never renders into it. */}
        <div className="inspector-canvas" ref={canvasHost} />
        {!engine && !failure && <p className="inspector-status muted">{t('inspector.loading')}</p>}
        {failure && <p className="inspector-status error-text">{t('inspector.noWebgl', { reason: failure })}</p>}
      </div>
      <InspectorPanel building={building} layout={layout} />
    </section>
  );
}
