import { MEASURE_POINTS, measureFigures, type MeasurePoint } from '../../analysis/measure/measurement';
import { snapToSolids } from '../../core/geo/snap';
import type { PointerTool, SceneAdapter, ScenePoint } from '../../engine/contract';
import type { AppStore } from '../../stores/appStore';
import { watch } from '../../stores/watch';
import { stopAll } from '../feature';
import { selectMeasureActive, selectSnapSolids } from './selectors';

/** A snap reaches this many CSS pixels on screen (CAD programs use 5–15), and never more than 5 m. */
export const SNAP_PIXELS = 12;
const MAX_SNAP_METERS = 5;

/**
 * While a measuring tool is on, clicks on the scene become its points (snapped to building corners and
 * edges) instead of selecting buildings; a finished measurement gets its figures against the scene's
 * ground (terrain sampled through the adapter).
 */
export function bindMeasureToScene(store: AppStore, adapter: SceneAdapter): () => void {
  const finish = () => {
    const s = store.getState();
    const tool = s.measureTool;
    if (!tool || s.measureDraft.length < MEASURE_POINTS[tool].min) return;
    const heights = new Map(s.community?.buildings.map((b) => [b.id, b.heightMeters]));
    const figures = measureFigures(
      tool,
      s.measureDraft,
      (lon, lat) => adapter.groundHeight(lon, lat),
      (id) => heights.get(id),
    );
    s.completeMeasurement({ tool, points: s.measureDraft, figures });
  };
  const pointer: PointerTool = {
    onClick: (point) => {
      if (!point) return;
      const s = store.getState();
      s.addMeasurePoint(toMeasurePoint(point, s.measureSnap ? selectSnapSolids(s) : []));
      const tool = store.getState().measureTool;
      if (tool && store.getState().measureDraft.length >= MEASURE_POINTS[tool].max) finish();
    },
    onDoubleClick: finish,
  };
  adapter.setPointerTool(selectMeasureActive(store.getState()) ? pointer : null);
  return stopAll(
    watch(store, selectMeasureActive, (active) => adapter.setPointerTool(active ? pointer : null)),
    watch(store, (s) => s.measureFinishRequest, finish),
    () => adapter.setPointerTool(null),
  );
}

function toMeasurePoint(point: ScenePoint, solids: Parameters<typeof snapToSolids>[1]): MeasurePoint {
  const tolerance = Math.min(MAX_SNAP_METERS, SNAP_PIXELS * point.metersPerPixel);
  const snapped = snapToSolids([point.lon, point.lat, point.heightMeters], solids, tolerance);
  const buildingId = snapped.kind === 'none' ? point.buildingId : snapped.solidId;
  return {
    position: snapped.position,
    // Buildings stand on the ground the pick found under the pointer.
    groundHeightMeters: point.groundHeightMeters,
    buildingId,
    snap: snapped.kind,
  };
}

/** Keys of the tools (large-screen keyboards too): Esc clears, Enter finishes a path or an area, Backspace takes back a point. */
export function bindMeasureKeys(store: AppStore): () => void {
  const onKey = (event: KeyboardEvent) => {
    const s = store.getState();
    if (!selectMeasureActive(s)) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    if (event.key === 'Escape') s.clearMeasure();
    // Enter on a focused button is that button's click (a tool toggled), not "finish".
    else if (event.key === 'Enter' && target?.tagName !== 'BUTTON') s.requestMeasureFinish();
    else if (event.key === 'Backspace' && s.measureDraft.length) s.undoMeasurePoint();
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
