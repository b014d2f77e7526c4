import { describe, expect, it } from 'vitest';
import type { Community } from '../../../src/core/model/types';
import { createAppStore } from '../../../src/stores/appStore';
import { DEFAULT_INSPECTOR_EXPLODE_METERS } from '../../../src/features/inspector/slice';
import { buildingsWithIds, stubCommunity } from '../support/stubCommunity';

const community = (buildingIds: string[]): Community => stubCommunity('c', { buildings: buildingsWithIds(buildingIds) });

describe('inspector slice', () => {
  it('opens on a building with the floors to mark, and starts without a picked unit', () => {
    const store = createAppStore();
    store.getState().selectUnit('old');
    store.getState().openInspector('B1', [1, 2]);
    const s = store.getState();
    expect(s.inspectedBuildingId).toBe('B1');
    expect(s.inspectorHighlightFloors).toEqual([1, 2]);
    expect(s.selectedUnitId).toBeNull();
    expect(s.inspectorExplodeMeters).toBe(DEFAULT_INSPECTOR_EXPLODE_METERS);
  });

  it('forgets building, marks and picked unit on close but keeps the colour mode and floor gap', () => {
    const store = createAppStore();
    store.getState().openInspector('B1', [3]);
    store.getState().setInspectorColorMode('ageBand');
    store.getState().setInspectorExplode(6);
    store.getState().selectUnit('B1-1-0101');
    store.getState().closeInspector();
    const s = store.getState();
    expect([s.inspectedBuildingId, s.selectedUnitId, s.inspectorHighlightFloors]).toEqual([null, null, []]);
    expect([s.inspectorColorMode, s.inspectorExplodeMeters]).toEqual(['ageBand', 6]);
  });

  it('never takes a negative floor gap', () => {
    const store = createAppStore();
    store.getState().setInspectorExplode(-2);
    expect(store.getState().inspectorExplodeMeters).toBe(0);
  });

  it('closes when another community replaces the one the building belongs to', () => {
    const store = createAppStore();
    store.getState().setCommunity(community(['B1']));
    store.getState().openInspector('B1');
    store.getState().setCommunity(community(['B1', 'B2']));
    expect(store.getState().inspectedBuildingId).toBeNull();
  });
});
