import { describe, expect, it } from 'vitest';
import { readBaseConfig } from '../../../../src/data/base/readBaseConfig';
import { resolveSourceUrls } from '../../../../src/features/base/bind';
import { baseLayerViews } from '../../../../src/features/base/selectors';
import { cityTileStyle } from '../../../../src/layers/cityColorModes';
import { createAppStore } from '../../../../src/stores/appStore';

const name = { zh: '源', en: 'source' };
const config = readBaseConfig({
  format: 'fct-base',
  version: '1.0',
  sources: [
    { id: 'ne', kind: 'imagery', type: 'natural-earth', name },
    { id: 'xyz', kind: 'imagery', type: 'xyz', name, url: 'tiles/{z}/{x}/{y}.png' },
    { id: 'dem', kind: 'terrain', type: 'geotiff', name, url: 'dem.tif' },
    { id: 'flat', kind: 'terrain', type: 'ellipsoid', name },
    { id: 'city', kind: '3dtiles', type: 'buildings', name, url: 'city/tileset.json', style: { colorBy: 'district' } },
    { id: 'off', kind: 'imagery', type: 'tms', name, url: 'http://gis/tms/', visible: false },
  ],
});

describe('the base as layers', () => {
  it('draws the shown sources in order: imagery stacked, the first terrain only, the city styled by its default colouring', () => {
    const store = createAppStore();
    store.getState().setBaseConfig(resolveSourceUrls(config, 'http://app/twin/models/'));
    const views = baseLayerViews(store.getState());
    expect(views.map((v) => `${v.id} ${v.kind}`)).toEqual([
      'base:ne imagery',
      'base:xyz imagery',
      'base:dem terrain',
      'base:city cityTiles',
    ]);
    const xyz = views[1] as Extract<(typeof views)[number], { kind: 'imagery' }>;
    // Templates keep their braces; relative paths land under models/.
    expect(xyz.source).toMatchObject({ url: 'http://app/twin/models/tiles/{z}/{x}/{y}.png' });
    expect((views[3] as { style: object }).style).toEqual(cityTileStyle('district'));
    // Unchanged state, the same views (the scene redraws nothing).
    expect(baseLayerViews(store.getState())).toBe(views);
  });

  it('a failed source leaves the scene, the others stay; switching it on again retries it; the user colouring wins', () => {
    const store = createAppStore();
    store.getState().setBaseConfig(config);
    store.getState().failBaseSource('dem', { message: 'dem.tif: EPSG:2385 unknown' });
    let ids = baseLayerViews(store.getState()).map((v) => v.id);
    // The next terrain shown takes the failed one's place.
    expect(ids).toEqual(['base:ne', 'base:xyz', 'base:flat', 'base:city']);
    store.getState().setBaseSourceVisible('off', true);
    store.getState().setBaseSourceVisible('dem', true);
    expect(store.getState().baseErrors).toEqual({});
    expect(store.getState().baseShown).toEqual(['ne', 'xyz', 'dem', 'flat', 'city', 'off']);
    store.getState().setCityColorMode('height');
    const views = baseLayerViews(store.getState());
    ids = views.map((v) => v.id);
    expect(ids).toEqual(['base:ne', 'base:xyz', 'base:dem', 'base:city', 'base:off']);
    expect((views[3] as { style: object }).style).toEqual(cityTileStyle('height'));
  });

  it('re-reading an unchanged configuration keeps every source object (nothing redrawn)', () => {
    const store = createAppStore();
    store.getState().setBaseConfig(config);
    const before = baseLayerViews(store.getState());
    store.getState().setBaseConfig(structuredClone(config));
    const after = baseLayerViews(store.getState());
    after.forEach((view, i) => expect((view as { source: unknown }).source).toBe((before[i] as { source: unknown }).source));
  });
});
