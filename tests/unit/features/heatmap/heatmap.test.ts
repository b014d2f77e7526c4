import { describe, expect, it } from 'vitest';
import { createLocalFrame } from '../../../../src/core/geo/localFrame';
import type { Community } from '../../../../src/core/model/types';
import type { BuildingSummary } from '../../../../src/data/community/buildingSummaries';
import { HEATMAP_COLORS, SUPPRESSED_COLOR, heatmapLayers, heatmapLegend, selectHeatmap } from '../../../../src/features/heatmap/selectors';
import { createAppStore } from '../../../../src/stores/appStore';

const frame = createLocalFrame([120.18, 30.25]);
const box = (east: number, north: number) => [
  [frame.toLonLat(east, north), frame.toLonLat(east + 10, north), frame.toLonLat(east + 10, north + 10), frame.toLonLat(east, north)],
];
// Two buildings in one 100 m square (south-west of the centre), one alone in the next square east.
const buildings = [
  { id: 'A', footprint: box(10, 10), grossFloorAreaM2: 2000 },
  { id: 'B', footprint: box(60, 60), grossFloorAreaM2: 1000 },
  { id: 'C', footprint: box(130, 10), grossFloorAreaM2: 500 },
];
const community = { manifest: { id: 'c', centre: [120.18, 30.25] }, buildings } as unknown as Community;
const summary = (buildingId: string, residents: number, elderly: number, houses: number, vacant: number, households: number) =>
  ({ buildingId, residents, elderly, houses, households, housesByOccupancy: { vacant } }) as unknown as BuildingSummary;
const summaries = new Map([
  ['A', summary('A', 30, 6, 12, 2, 10)],
  ['B', summary('B', 10, 9, 6, 1, 5)],
  ['C', summary('C', 3, 3, 2, 0, 2)],
]);

function storeWith(attribute: 'elderlyShare' | 'householdDensity' | 'walkTime') {
  const store = createAppStore();
  store.setState({ community, summaries, heatmapAttribute: attribute, heatmapShape: 'square', heatmapCellMeters: 100 });
  return store;
}

describe('heatmap selectors', () => {
  it('pools the share aged 60+ per cell and suppresses the cell of 3 residents', () => {
    const result = selectHeatmap(storeWith('elderlyShare').getState())!;
    const byKey = new Map(result.cells.map((c) => [c.key, c]));
    // (6 + 9) / (30 + 10) = 37.5 %
    expect(byKey.get('0,0')).toMatchObject({ value: 0.375, count: 40, suppressed: false });
    expect(byKey.get('1,0')).toMatchObject({ value: null, suppressed: true });
    const legend = heatmapLegend(result, 'fewer than 5');
    expect(legend.at(-1)).toEqual({ color: SUPPRESSED_COLOR, label: 'fewer than 5', literal: true });
    // One shown value: one class, the darkest colour.
    expect(legend[0]).toEqual({ color: HEATMAP_COLORS[4], label: '37.5% – 37.5%', literal: true });
  });

  it('gives households per 1,000 m² of floor area: (10 + 5) / 3 = 5.0', () => {
    const result = selectHeatmap(storeWith('householdDensity').getState())!;
    expect(result.cells.find((c) => c.key === '0,0')!.value).toBeCloseTo(5, 9);
  });

  it('waits for the service circles before showing walk times, and draws nothing when off', () => {
    const store = storeWith('walkTime');
    expect(selectHeatmap(store.getState())).toMatchObject({ pending: true, cells: [] });
    expect(heatmapLayers(store.getState())).toEqual([]);
    store.getState().setHeatmapAttribute(null);
    expect(selectHeatmap(store.getState())).toBeNull();
  });

  it('draws columns with heights following the value and suppressed cells flat and grey', () => {
    const store = storeWith('elderlyShare');
    const [layer] = heatmapLayers(store.getState()) as unknown as {
      kind: string;
      style: string;
      cells: { color: number[]; topMeters: number }[];
    }[];
    expect(layer).toMatchObject({ kind: 'cells', style: 'columns' });
    expect(layer.cells.map((c) => c.topMeters).sort((a, b) => a - b)).toEqual([0, 120]);
    expect(layer.cells.find((c) => c.topMeters === 0)!.color).toEqual(SUPPRESSED_COLOR);
    store.getState().setHeatmapCellMeters(10_000);
    expect(store.getState().heatmapCellMeters).toBe(500);
  });
});
