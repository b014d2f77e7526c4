import { describe, expect, it } from 'vitest';
import { createLocalFrame } from '../../../../src/core/geo/localFrame';
import type { Community } from '../../../../src/core/model/types';
import type { LayerView, SceneAdapter, SceneClip } from '../../../../src/engine/contract';
import { bindClipToScene } from '../../../../src/features/clip/bind';
import { clipLayers, selectClipSummary, selectInspectorClip } from '../../../../src/features/clip/selectors';
import { selectLayersShown } from '../../../../src/features/view/selectors';
import { createAppStore } from '../../../../src/stores/appStore';

const centre: [number, number] = [120.18, 30.25];
const frame = createLocalFrame(centre);
const lonLat = (east: number, north: number) => frame.toLonLat(east, north);
// A 40 × 12 m slab, 30 m high, centred on the community's centre; and a 9 m block 100 m east.
const community = {
  manifest: { id: 'c', centre },
  buildings: [
    { id: 'S', heightMeters: 30, footprint: [[lonLat(-20, -6), lonLat(20, -6), lonLat(20, 6), lonLat(-20, 6), lonLat(-20, -6)]] },
    { id: 'E', heightMeters: 9, footprint: [[lonLat(95, -5), lonLat(105, -5), lonLat(105, 5), lonLat(95, 5), lonLat(95, -5)]] },
  ],
  context: [],
  facilities: [],
  houses: [],
  people: [],
  rights: [],
} as unknown as Community;

function storeWithCommunity() {
  const store = createAppStore();
  store.setState({ community });
  return store;
}
const clipLayer = (layers: readonly LayerView[]) => layers.find((l) => l.id === 'clip') as LayerView<'clipVolumes'> | undefined;

describe('the clip tool (剖切)', () => {
  it('is off by default: no layer, the buildings shown, no inspector cut', () => {
    const store = storeWithCommunity();
    expect(clipLayers(store.getState())).toEqual([]);
    expect(selectLayersShown(store.getState()).buildings).toBe(true);
    expect(selectInspectorClip(store.getState())).toBeNull();
  });

  it('a plane through the selected slab facing west keeps its west half and hides the whole buildings layer', () => {
    const store = storeWithCommunity();
    store.getState().selectBuilding('S');
    store.getState().setClipMode('plane');
    store.getState().setClipSettings({ azimuthDeg: 270 });
    const s = store.getState();
    expect(selectLayersShown(s).buildings).toBe(false);
    const layer = clipLayer(clipLayers(s))!;
    // Only the slab's west half stays (the block east of the plane is gone); it keeps its pick key.
    expect(layer.volumes.map((v) => v.key)).toEqual(['building:S']);
    const xs = layer.volumes[0].ring.map((p) => frame.toLocal(p)[0]);
    expect(Math.max(...xs)).toBeCloseTo(0, 6);
    expect(Math.min(...xs)).toBeCloseTo(-20, 6);
    const cut = selectClipSummary(s)!.cut;
    expect(cut.map((c) => c.id)).toEqual(['S']);
    expect(cut[0].cutLengthMeters).toBeCloseTo(12, 6);
    expect(cut[0].cutFaceAreaM2).toBeCloseTo(12 * 30, 4);
    expect(selectInspectorClip(s)).toEqual({ kind: 'lengthwise' });
    // Off again: the buildings are back.
    store.getState().setClipMode(null);
    expect(selectLayersShown(store.getState()).buildings).toBe(true);
    expect(clipLayers(store.getState())).toEqual([]);
  });

  it('a section at 10.5 m cuts the slab at its footprint area and leaves the 9 m block whole; the inspector gets the height', () => {
    const store = storeWithCommunity();
    store.getState().setClipMode('section');
    const s = store.getState();
    expect(s.clipSettings!.sectionMeters).toBe(10.5);
    const summary = selectClipSummary(s)!;
    expect(summary.kept).toBe(2);
    expect(summary.cut.map((c) => [c.id, Math.round(c.sectionAreaM2 * 1e6) / 1e6])).toEqual([['S', 480]]);
    expect(clipLayer(clipLayers(s))!.sections).toHaveLength(1);
    expect(selectInspectorClip(s)).toEqual({ kind: 'section', heightMeters: 10.5 });
  });

  it('hands tiles and models the same clip in the community frame, and takes it back when unbound', () => {
    const store = storeWithCommunity();
    const calls: (SceneClip | null)[] = [];
    const adapter = { setClip: (clip: SceneClip | null) => calls.push(clip), isDestroyed: () => false } as unknown as SceneAdapter;
    const stop = bindClipToScene(store, adapter);
    store.getState().setClipMode('box');
    store.getState().setClipSettings({ bottomMeters: 3, topMeters: 12 });
    const box = calls.at(-1)!;
    expect(box.origin).toEqual({ lon: centre[0], lat: centre[1] });
    // Four sides, a floor and a ceiling.
    expect(box.planes).toHaveLength(6);
    expect(box.planes.slice(4)).toEqual([
      { normal: [0, 0, 1], offsetMeters: 3 },
      { normal: [0, 0, -1], offsetMeters: -12 },
    ]);
    stop();
    expect(calls.at(-1)).toBeNull();
  });

  it('brings an azimuth into 0–360° and keeps the last one for a value that is not a number', () => {
    const store = storeWithCommunity();
    store.getState().setClipMode('plane');
    store.getState().setClipSettings({ azimuthDeg: -90 });
    expect(store.getState().clipSettings!.azimuthDeg).toBe(270);
    store.getState().setClipSettings({ azimuthDeg: Number.NaN });
    expect(store.getState().clipSettings!.azimuthDeg).toBe(270);
  });

  it('forgets the clip with another community', () => {
    const store = storeWithCommunity();
    store.getState().setClipMode('section');
    store.getState().clearClip();
    expect(store.getState().clipMode).toBeNull();
    expect(store.getState().clipSettings).toBeNull();
  });
});
