import { describe, expect, it } from 'vitest';
import type { Community } from '../../../src/core/model/types';
import { createAppStore } from '../../../src/stores/appStore';
import { buildingsWithIds, stubCommunity } from '../support/stubCommunity';

const community = (id: string, buildingIds: string[]): Community => stubCommunity(id, { buildings: buildingsWithIds(buildingIds) });

describe('app store', () => {
  it('keeps the loaded community and its readiness when a later load fails (nothing is lost)', () => {
    const store = createAppStore();
    const first = community('a', ['B1']);
    store.getState().setCommunity(first);
    store.getState().setSceneReady(true);
    store.getState().beginLoading();
    expect(store.getState().sceneReady).toBe(false); // data-ready is removed while loading
    store.getState().failLoading('bad package', [{ file: 'buildings.geojson', feature: 3, field: 'floors', reason: 'x' }]);
    expect(store.getState().community).toBe(first);
    expect(store.getState().status).toBe('error');
    expect(store.getState().loadError?.issues[0].feature).toBe(3);
    expect(store.getState().sceneReady).toBe(true); // the old scene is still completely drawn
  });

  it('keeps a share link selection that exists in the loaded community and drops one that does not', () => {
    const store = createAppStore({ selectedBuildingId: 'B2' });
    store.getState().setCommunity(community('a', ['B1', 'B2']));
    expect(store.getState().selectedBuildingId).toBe('B2');
    store.getState().setCommunity(community('b', ['C1']));
    expect(store.getState().selectedBuildingId).toBeNull();
  });

  it('starts from share-link layers over the defaults', () => {
    const store = createAppStore({ layers: { network: true } });
    expect(store.getState().layers.network).toBe(true);
    expect(store.getState().layers.buildings).toBe(true);
  });
});
