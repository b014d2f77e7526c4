import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Community } from '../../../../src/core/model/types';
import { resolvePackagePath } from '../../../../src/data/package/packageZip';
import { readCommunityPackage } from '../../../../src/data/package/readPackage';
import { personRowsForRole } from '../../../../src/data/privacy/exportPolicy';
import type { Role } from '../../../../src/data/privacy/mask';
import type { PeopleResponse, PersonRow } from '../../../../src/data/service/residentApi';
import { exportOpenPackage } from '../../../../src/features/import/exportPackage';
import { residentClientFor, setResidentClient } from '../../../../src/features/session/client';
import { createAppStore } from '../../../../src/stores/appStore';
import { loadSampleCommunity, loadSampleWithPersonRows } from '../../support/samplePackage';
import { APP_BASE_URL, caseworkerSession, fakeFetch, type FakeAnswer } from '../../support/fakeResidentService';

/**
 * The export takes person rows from the resident-data service for the signed-in role, as the
 * service sends them (filtered and masked there); without a session, or on a static copy without
 * the service, it is aggregates only and asks the service nothing. Every export leaves an audit record.
 */
let community: Community;
let serverRows: Record<Exclude<Role, 'public'>, PersonRow[]>;
beforeAll(async () => {
  // The open package as the app has it (resident statistics, no person rows); the rows are the service's.
  community = await loadSampleCommunity();
  const sample = await loadSampleWithPersonRows();
  // Synthetic identifiers on the first three residents, as the service's store would hold them.
  const people = sample.people.map((p, i) =>
    i < 3 ? { ...p, name: `欧阳娜${i}`, phone: `1380000000${i}`, idNumber: `33010619900101000${i}` } : p,
  );
  const buildingOf = new Map(sample.houses.map((h) => [h.id, h.buildingId]));
  // What the service sends each role: the masking rules of data/privacy/mask.ts, applied on the server.
  const asRows = (role: Role) => personRowsForRole(people, role).map((p) => ({ ...p, buildingId: buildingOf.get(p.houseId)! }));
  serverRows = { caseworker: asRows('caseworker'), administrator: asRows('administrator') };
});

async function exportAs(role: Role, service: 'online' | 'offline', peopleAnswer?: FakeAnswer) {
  const store = createAppStore();
  const fake = fakeFetch(peopleAnswer ? { [`GET communities/${community.manifest.id}/people`]: peopleAnswer } : {});
  setResidentClient(store, residentClientFor(store, { baseUrl: APP_BASE_URL, fetch: fake.fetch }));
  store.setState({ community });
  store.getState().serviceChecked(service);
  if (role !== 'public') store.getState().sessionStarted({ ...caseworkerSession, user: { ...caseworkerSession.user, role } });
  let saved: { name: string; bytes: Uint8Array } | undefined;
  await exportOpenPackage(store, { save: (name, bytes) => (saved = { name, bytes }), now: () => new Date('2026-06-30T08:00:00Z') });
  if (!saved) throw new Error('nothing was saved');
  const files = Object.fromEntries(Object.entries(unzipSync(saved.bytes)).map(([name, bytes]) => [name, strFromU8(bytes)]));
  return { store, name: saved.name, files, id: community.manifest.id, seen: fake.seen };
}

const answer = (rows: PersonRow[], masked: boolean, total = rows.length): FakeAnswer => ({
  status: 200,
  body: { rows, total, masked } satisfies PeopleResponse,
});

describe('exporting the open community with person rows from the service', () => {
  it("puts the caseworker's rows in as the service masked them (138****0002, 欧阳**), asking once for the whole community as an export, up to the service's 10,000-row limit", async () => {
    const { files, id, seen } = await exportAs('caseworker', 'online', answer(serverRows.caseworker, true));
    expect(seen.map((r) => r.url)).toEqual([`http://twin.example/twin/api/communities/${id}/people?limit=10000&purpose=export`]);
    const people = files[`${id}/people.csv`];
    expect(people).toContain('138****0002');
    expect(people).toContain('欧阳**');
    expect(people).toContain('330***********0002');
    for (const secret of ['13800000002', '欧阳娜2', '330106199001010002']) expect(Object.values(files).join('\n')).not.toContain(secret);
  });

  it('gives the public no person-level rows at all and does not ask the service: no people, no holders, only suppressed aggregates', async () => {
    const { files, id, seen } = await exportAs('public', 'online');
    expect(seen).toEqual([]);
    // Person layers are optional: the public's package has none, nor the raw building counts.
    expect(files[`${id}/people.csv`]).toBeUndefined();
    expect(files[`${id}/rights.csv`]).toBeUndefined();
    expect(files[`${id}/resident-stats.csv`]).toBeUndefined();
    const aggregates = files[`${id}/aggregates/residents-by-building.csv`];
    expect(aggregates.split('\n')[0]).toMatch(/^buildingId,residents,/);
    expect(aggregates).toContain('<5');
    // Still a package that loads: the same buildings, no one in it.
    const reread = await readCommunityPackage(async (p) => files[resolvePackagePath(id, p)]);
    expect(reread.buildings).toHaveLength(community.buildings.length);
    expect(reread.people).toEqual([]);
  });

  it('is aggregates only on a static copy (no service), asking nothing', async () => {
    const { files, id, seen, store } = await exportAs('public', 'offline');
    expect(seen).toEqual([]);
    expect(files[`${id}/people.csv`]).toBeUndefined();
    expect(store.getState().exportLog[0]).toMatchObject({ role: 'public', personRows: 0, identifiers: 'none' });
  });

  it("keeps the administrator's identifiers as sent, and logs every export with who, what and how", async () => {
    const { files, id, store } = await exportAs('administrator', 'online', answer(serverRows.administrator, false));
    expect(files[`${id}/people.csv`]).toContain('13800000002');
    expect(files[`${id}/people.csv`]).not.toContain('buildingId');
    expect(store.getState().exportLog).toEqual([
      {
        at: '2026-06-30T08:00:00.000Z',
        community: id,
        role: 'administrator',
        source: 'service',
        personRows: serverRows.administrator.length,
        identifiers: 'unmasked',
        files: expect.arrayContaining([`${id}/people.csv`]),
      },
    ]);
  });

  it('refuses an export the service cut short (10 of 11 rows) rather than leave people out without a word', async () => {
    const rows = serverRows.administrator.slice(0, 10);
    await expect(exportAs('administrator', 'online', answer(rows, false, 11))).rejects.toThrow(/10 of 11/);
  });
});
