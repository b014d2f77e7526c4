import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Community } from '../../../../src/core/model/types';
import { resolvePackagePath } from '../../../../src/data/package/packageZip';
import { readCommunityPackage } from '../../../../src/data/package/readPackage';
import type { Role } from '../../../../src/data/privacy/mask';
import { exportOpenPackage } from '../../../../src/features/import/exportPackage';
import { createAppStore } from '../../../../src/stores/appStore';
import { loadSampleWithPersonRows } from '../../support/samplePackage';

/**
 * The export button goes through the same role policy as the screen: the caseworker's zip holds the
 * masked identifiers the panel shows (138****0002), the public's no person rows at all, only
 * suppressed aggregates; every export leaves an audit record.
 */
let community: Community;
beforeAll(async () => {
  // A package that holds person rows (the sample with its service seed put back), as a planner's own may.
  const sample = await loadSampleWithPersonRows();
  // Synthetic identifiers on the first three residents, as a package with personal fields would carry.
  const people = sample.people.map((p, i) =>
    i < 3 ? { ...p, name: `欧阳娜${i}`, phone: `1380000000${i}`, idNumber: `33010619900101000${i}` } : p,
  );
  community = { ...sample, people };
});

async function exportAs(role: Role) {
  const store = createAppStore();
  store.setState({ community, role });
  let saved: { name: string; bytes: Uint8Array } | undefined;
  await exportOpenPackage(store, { save: (name, bytes) => (saved = { name, bytes }), now: () => new Date('2026-06-30T08:00:00Z') });
  if (!saved) throw new Error('nothing was saved');
  const files = Object.fromEntries(Object.entries(unzipSync(saved.bytes)).map(([name, bytes]) => [name, strFromU8(bytes)]));
  return { store, name: saved.name, files, id: community.manifest.id };
}

describe('exporting the open community through the role policy', () => {
  it('masks names, phones and ID numbers for the caseworker exactly as the panel does', async () => {
    const { files, id } = await exportAs('caseworker');
    const people = files[`${id}/people.csv`];
    expect(people).toContain('138****0002');
    expect(people).toContain('欧阳**');
    expect(people).toContain('330***********0002');
    for (const secret of ['13800000002', '欧阳娜2', '330106199001010002']) expect(Object.values(files).join('\n')).not.toContain(secret);
  });

  it('gives the public no person-level rows at all: no people, no holders, only suppressed aggregates', async () => {
    const { files, id } = await exportAs('public');
    // Person layers are optional: the public's package has none, nor the raw building counts.
    expect(files[`${id}/people.csv`]).toBeUndefined();
    expect(files[`${id}/rights.csv`]).toBeUndefined();
    expect(files[`${id}/resident-stats.csv`]).toBeUndefined();
    const aggregates = files[`${id}/aggregates/residents-by-building.csv`];
    expect(aggregates.split('\n')[0]).toMatch(/^buildingId,residents,/);
    expect(aggregates).toContain('<5');
    expect(Object.values(files).join('\n')).not.toContain('1380000000');
    // Still a package that loads: the same buildings, no one in it.
    const reread = await readCommunityPackage(async (p) => files[resolvePackagePath(id, p)]);
    expect(reread.buildings).toHaveLength(community.buildings.length);
    expect(reread.people).toEqual([]);
  });

  it('keeps identifiers for the administrator, and logs every export with who, what and how', async () => {
    const { files, id, store } = await exportAs('administrator');
    expect(files[`${id}/people.csv`]).toContain('13800000002');
    expect(store.getState().exportLog).toEqual([
      {
        at: '2026-06-30T08:00:00.000Z',
        community: id,
        role: 'administrator',
        source: 'local',
        personRows: community.people.length,
        identifiers: 'unmasked',
        files: expect.arrayContaining([`${id}/people.csv`]),
      },
    ]);
  });
});
