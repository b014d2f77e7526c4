import { describe, expect, it } from 'vitest';
import { filesOfLayer } from '../../../../src/features/import/importUserFiles';

const file = (name: string) => ({ name }) as File;

describe('filesOfLayer (re-reading a failed layer with a chosen coordinate system)', () => {
  const picked = [file('roads.shp'), file('roads.dbf'), file('roads.shx'), file('pois.csv'), file('parcels.zip')];

  it('takes every part of a shapefile named by its .shp', () => {
    expect(filesOfLayer(picked, 'roads.shp').map((f) => f.name)).toEqual(['roads.shp', 'roads.dbf', 'roads.shx']);
  });

  it('takes a single file on its own', () => {
    expect(filesOfLayer(picked, 'pois.csv').map((f) => f.name)).toEqual(['pois.csv']);
  });

  it('takes the whole zip for a layer that came out of it', () => {
    expect(filesOfLayer(picked, 'parcels.zip/data/parcels.shp').map((f) => f.name)).toEqual(['parcels.zip']);
  });
});
