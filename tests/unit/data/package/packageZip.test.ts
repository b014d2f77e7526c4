import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packageZip, resolvePackagePath } from '../../../../src/data/package/packageZip';
import { readCommunityPackage } from '../../../../src/data/package/readPackage';
import { withImportedData } from '../../../../src/data/community/importedData';
import { loadSampleCommunity, SAMPLE_PACKAGE_DIR } from '../../support/samplePackage';

describe('packageZip', () => {
  it('resolves manifest paths that climb out of the package folder', () => {
    expect(resolvePackagePath('sample-jinghe', '../context/osm/buildings.geojson')).toBe('context/osm/buildings.geojson');
    expect(resolvePackagePath('sample-jinghe', 'buildings.geojson')).toBe('sample-jinghe/buildings.geojson');
  });

  it('exports the sample as a zip that reads back to the same community, context layer included', async () => {
    const original = await loadSampleCommunity();
    const entries = unzipSync(packageZip(original));
    expect(Object.keys(entries)).toContain('index.json');
    const reread = await readCommunityPackage(async (p) => {
      const entry = entries[resolvePackagePath('sample-jinghe', p)];
      if (!entry) throw new Error(`not in the zip: ${p}`);
      return strFromU8(entry);
    });
    // The package files are written by the same writer that made the committed sample: identical bytes.
    expect(strFromU8(entries['sample-jinghe/buildings.geojson'])).toBe(
      readFileSync(path.join(SAMPLE_PACKAGE_DIR, 'buildings.geojson'), 'utf8'),
    );
    expect(reread.people).toHaveLength(original.people.length);
    expect(reread.residentStats).toEqual(original.residentStats);
    expect(reread.residentStats.length).toBeGreaterThan(0);
    expect(reread.houses).toEqual(original.houses);
    expect(reread.context[0].buildings).toHaveLength(original.context[0].buildings.length);
    expect(reread.context[0].buildings[5]).toEqual(original.context[0].buildings[5]);
  });

  it('writes imported facilities into the exported package, so an import becomes a reusable package', async () => {
    const original = await loadSampleCommunity();
    const pois = {
      file: 'pois.csv',
      features: [
        { row: 2, geometry: { type: 'Point' as const, coordinates: original.manifest.centre }, properties: { 名称: '阳光托育园' } },
      ],
    };
    const { community } = withImportedData(original, [{ result: pois, mapping: { target: 'facilities' } }]);
    const entries = unzipSync(packageZip(community));
    const reread = await readCommunityPackage(async (p) => strFromU8(entries[resolvePackagePath('sample-jinghe', p)]));
    expect(reread.facilities).toHaveLength(original.facilities.length + 1);
    expect(reread.facilities.at(-1)).toMatchObject({ id: 'pois-1', category: 'nursery', name: '阳光托育园' });
  });
});
