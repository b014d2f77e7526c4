import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeasurePoint } from '../../../../src/analysis/measure/measurement';
import { createLocalFrame } from '../../../../src/core/geo/localFrame';
import type { Community } from '../../../../src/core/model/types';
import type { PointerTool, SceneAdapter, ScenePoint } from '../../../../src/engine/contract';
import { bindMeasureToScene } from '../../../../src/features/measure/bind';
import { measureLayers, selectSnapSolids } from '../../../../src/features/measure/selectors';
import { createAppStore, type AppStore } from '../../../../src/stores/appStore';

const frame = createLocalFrame([120.18, 30.25]);
const lonLat = (east: number, north: number) => frame.toLonLat(east, north);
// One 20 × 10 m block, 18 m high, its south-west corner at the origin.
const community = {
  manifest: { id: 'c' },
  buildings: [{ id: 'B1', heightMeters: 18, footprint: [[lonLat(0, 0), lonLat(20, 0), lonLat(20, 10), lonLat(0, 10), lonLat(0, 0)]] }],
  context: [],
  facilities: [],
  houses: [],
  people: [],
  rights: [],
} as unknown as Community;

/** What the binding asks of the scene: the pointer tool it hands over, and flat ground. */
function fakeAdapter() {
  const state: { tool: PointerTool | null } = { tool: null };
  const adapter = { setPointerTool: (tool: PointerTool | null) => (state.tool = tool), groundHeight: () => 0 } as unknown as SceneAdapter;
  return { adapter, state };
}
const click = (east: number, north: number, height: number, buildingId: string | null = null): ScenePoint => {
  const [lon, lat] = lonLat(east, north);
  return { lon, lat, heightMeters: height, groundHeightMeters: 0, buildingId, metersPerPixel: 0.1 };
};

let store: AppStore;
let scene: ReturnType<typeof fakeAdapter>;
let stop: () => void;
beforeEach(() => {
  store = createAppStore();
  store.setState({ community });
  scene = fakeAdapter();
  stop = bindMeasureToScene(store, scene.adapter);
});
afterEach(() => stop());

describe('the measuring tools in the scene', () => {
  it('are off by default: clicks select buildings until a tool is picked in the open tab', () => {
    expect(scene.state.tool).toBeNull();
    store.getState().setMeasureTool('distance');
    expect(scene.state.tool).toBeNull(); // the tab is not open
    store.getState().setSidePanelTab('measure');
    expect(scene.state.tool).not.toBeNull();
    store.getState().setMeasureTool(null);
    expect(scene.state.tool).toBeNull();
  });

  it('measures a roof edge with two clicks near its corners: snapped exactly, 20 m', () => {
    store.getState().setSidePanelTab('measure');
    store.getState().setMeasureTool('distance');
    // 0.5 m off each corner: within 12 px × 0.1 m/px.
    scene.state.tool!.onClick(click(0.4, -0.3, 17.8, 'B1'));
    expect(store.getState().measureDraft[0].snap).toBe('vertex');
    scene.state.tool!.onClick(click(19.7, 0.4, 18, 'B1'));
    const [m] = store.getState().measurements;
    expect(store.getState().measureDraft).toEqual([]);
    expect(m.tool).toBe('distance');
    if (m.figures.tool !== 'distance') throw new Error('not a distance');
    expect(m.figures.horizontalMeters).toBeCloseTo(20, 4);
    expect(m.figures.heightDifferenceMeters).toBe(0);
  });

  it('does not snap when snapping is off, and leaves nothing behind when the tool is closed', () => {
    store.getState().setSidePanelTab('measure');
    store.getState().setMeasureTool('distance');
    store.getState().setMeasureSnap(false);
    scene.state.tool!.onClick(click(0.4, -0.3, 17.8));
    scene.state.tool!.onClick(click(19.7, 0.4, 18));
    const f = store.getState().measurements[0].figures;
    if (f.tool !== 'distance') throw new Error('not a distance');
    expect(f.horizontalMeters).toBeCloseTo(Math.hypot(19.3, 0.7), 3);
    expect(measureLayers(store.getState())).toHaveLength(1);
    store.getState().setMeasureTool(null);
    expect(store.getState()).toMatchObject({ measureTool: null, measureDraft: [], measurements: [] });
    expect(measureLayers(store.getState())).toEqual([]);
  });

  it('finishes an area on request (button, Enter, double click) and needs three points', () => {
    store.getState().setSidePanelTab('measure');
    store.getState().setMeasureTool('area');
    const tool = scene.state.tool!;
    tool.onClick(click(50, 50, 0));
    tool.onClick(click(80, 50, 0));
    store.getState().requestMeasureFinish();
    expect(store.getState().measurements).toEqual([]);
    tool.onClick(click(80, 70, 0));
    tool.onClick(click(80, 70, 0)); // the second click of a double click adds nothing
    expect(store.getState().measureDraft).toHaveLength(3);
    tool.onDoubleClick!();
    const f = store.getState().measurements[0].figures;
    if (f.tool !== 'area') throw new Error('not an area');
    expect(f.horizontalSquareMeters).toBeCloseTo(300, 1);
  });

  it('clears with Esc: the unfinished measurement first, then the results', () => {
    store.getState().setSidePanelTab('measure');
    store.getState().setMeasureTool('path');
    const tool = scene.state.tool!;
    tool.onClick(click(50, 50, 0));
    tool.onClick(click(80, 50, 0));
    store.getState().requestMeasureFinish();
    tool.onClick(click(90, 50, 0));
    store.getState().clearMeasure();
    expect(store.getState().measureDraft).toEqual([]);
    expect(store.getState().measurements).toHaveLength(1);
    store.getState().clearMeasure();
    expect(store.getState().measurements).toEqual([]);
  });

  it('gives the roof height of a clicked building from its data, and hides its layer when the tab closes', () => {
    store.getState().setSidePanelTab('measure');
    store.getState().setMeasureTool('height');
    scene.state.tool!.onClick(click(10, 5, 17.9, 'B1'));
    expect(store.getState().measurements[0].figures).toMatchObject({ tool: 'height', roofHeightMeters: 18, buildingId: 'B1' });
    const [layer] = measureLayers(store.getState()) as unknown as { kind: string; labels: { text: string }[] }[];
    expect(layer.labels[0].text).toBe('1: 18.00 m');
    store.getState().setSidePanelTab('layers');
    expect(measureLayers(store.getState())).toEqual([]);
  });

  it('snaps to the city context around the community, never to context buildings the community model replaces', () => {
    const square = (e: number, n: number) => [[lonLat(e, n), lonLat(e + 10, n), lonLat(e + 10, n + 10), lonLat(e, n + 10), lonLat(e, n)]];
    const withContext = {
      ...community,
      manifest: {
        id: 'c',
        boundary: square(-5, -5).map((ring) =>
          ring.map(([lon, lat]) => [lon + (lon - lonLat(0, 0)[0]) * 5, lat + (lat - lonLat(0, 0)[1]) * 5]),
        ),
      },
      context: [
        {
          buildings: [
            { id: 'osm-inside', footprint: square(2, 2), heightMeters: 9 },
            { id: 'osm-outside', footprint: square(300, 300), heightMeters: 9 },
          ],
        },
      ],
    } as unknown as Community;
    store.setState({ community: withContext });
    expect(selectSnapSolids(store.getState()).map((s) => s.id)).toEqual(['B1', 'osm-outside']);
  });

  it('drops measurements with the community they were taken on', () => {
    store.setState({ measurements: [{ id: 1, tool: 'height', points: [] as MeasurePoint[], figures: {} as never }] });
    store.getState().setCommunity({ ...community });
    expect(store.getState().measurements).toEqual([]);
  });
});
