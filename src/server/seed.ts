import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { pointInPolygon, ringCentroid } from '../core/geo/polygon';
import type { PolygonCoords } from '../core/model/types';
import type { Store } from './db/store';
import { insertPeople, parsePeopleCsv, refreshBuildingCounts, type PersonRecord } from './people';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLE_COMMUNITY_ID = 'sample-jinghe';

interface Feature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

function readFeatures(file: string): Feature[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { features: Feature[] }).features;
}

function readCsv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: 'greedy' }).data;
}

function polygonOf(feature: Feature): PolygonCoords | undefined {
  if (feature.geometry.type === 'Polygon') return feature.geometry.coordinates as PolygonCoords;
  if (feature.geometry.type === 'MultiPolygon') return (feature.geometry.coordinates as PolygonCoords[])[0];
  return undefined;
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '欧阳',
  '诸葛',
];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞'];

/**
 * Deterministic synthetic identifiers for the i-th sample person, visibly fake so nobody mistakes
 * them for real ones: phones in the 170 virtual-operator block with the person's index as the
 * number, ID numbers with region code 000000 (no such 行政区划) and birth date 19000101.
 */
export function syntheticIdentifiers(index: number): { name: string; phone: string; idNumber: string } {
  const name = SURNAMES[index % SURNAMES.length] + GIVEN[Math.floor(index / SURNAMES.length) % GIVEN.length];
  const phone = `170${String(index).padStart(8, '0')}`;
  const idNumber = `00000019000101${String(index % 10000).padStart(4, '0')}`;
  return { name, phone, idNumber };
}

export interface SeedResult {
  seeded: boolean;
  people: number;
}

/**
 * Loads the synthetic sample community `sample-jinghe` (buildings, houses, grid cells from
 * models/sample-jinghe; people and rights from src/server/seed/sample-jinghe) in one transaction.
 * Idempotent: a community already present is left as it is.
 */
export async function seedSample(store: Store, modelsDir = join(ROOT, 'models', SAMPLE_COMMUNITY_ID)): Promise<SeedResult> {
  const seedDir = join(dirname(fileURLToPath(import.meta.url)), 'seed', SAMPLE_COMMUNITY_ID);
  const manifest = JSON.parse(readFileSync(join(modelsDir, 'manifest.json'), 'utf8')) as { name: { zh: string; en: string } };
  const grids = readFeatures(join(modelsDir, 'grids.geojson'));
  const buildings = readFeatures(join(modelsDir, 'buildings.geojson'));
  const houses = readCsv(join(modelsDir, 'houses.csv'));
  const rights = readCsv(join(seedDir, 'rights.csv'));
  const community = SAMPLE_COMMUNITY_ID;

  return store.transaction(async (tx) => {
    if ((await tx.query('SELECT 1 FROM communities WHERE id = $1', [community])).length) return { seeded: false, people: 0 };
    // Writes to people and rights pass row-level security as a city-wide administrator would.
    await tx.query("SELECT set_config('app.role', 'administrator', true), set_config('app.community_id', '', true)");
    await tx.query('INSERT INTO communities (id, name_zh, name_en) VALUES ($1, $2, $3)', [community, manifest.name.zh, manifest.name.en]);
    const cells = grids.map((g) => ({
      id: String(g.properties.id),
      name: String(g.properties.name ?? g.properties.id),
      polygon: polygonOf(g),
    }));
    for (const cell of cells)
      await tx.query('INSERT INTO grid_cells (id, community_id, name) VALUES ($1, $2, $3)', [cell.id, community, cell.name]);
    // A building's grid cell: the cell containing its footprint centroid.
    const gridOf = (feature: Feature): string | null => {
      const polygon = polygonOf(feature);
      if (!polygon) return null;
      const centre = ringCentroid(polygon);
      return cells.find((cell) => cell.polygon && pointInPolygon(centre, cell.polygon))?.id ?? null;
    };
    await tx.query(
      `INSERT INTO buildings (id, community_id, grid_id, name)
       SELECT id, $1, nullif(grid_id, ''), nullif(name, '') FROM unnest($2::text[], $3::text[], $4::text[]) AS b (id, grid_id, name)`,
      [
        community,
        buildings.map((b) => String(b.properties.id)),
        buildings.map((b) => gridOf(b) ?? ''),
        buildings.map((b) => String(b.properties.name ?? '')),
      ],
    );
    await tx.query(
      `INSERT INTO houses (id, building_id, community_id) SELECT id, building_id, $1 FROM unnest($2::text[], $3::text[]) AS h (id, building_id)`,
      [community, houses.map((h) => h.id), houses.map((h) => h.buildingId)],
    );
    const { records, problems } = parsePeopleCsv(readFileSync(join(seedDir, 'people.csv'), 'utf8'), new Set(houses.map((h) => h.id)));
    if (problems.length)
      throw new Error(`seed people.csv: ${problems.map((p) => `row ${p.row} ${p.field ?? ''}: ${p.reason}`).join('; ')}`);
    const withIdentifiers: PersonRecord[] = records.map((p, i) => ({ ...p, ...syntheticIdentifiers(i + 1) }));
    await insertPeople(tx, community, withIdentifiers);
    await tx.query(
      `INSERT INTO rights (id, house_id, building_id, community_id, grid_id, right_type, holder_ref, share)
       SELECT r.id, r.house_id, h.building_id, h.community_id, b.grid_id, r.right_type, r.holder_ref, nullif(r.share, '')::float8
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS r (id, house_id, right_type, holder_ref, share)
       JOIN houses h ON h.id = r.house_id AND h.community_id = $1 JOIN buildings b ON b.id = h.building_id`,
      [
        community,
        rights.map((r) => r.id),
        rights.map((r) => r.houseId),
        rights.map((r) => r.rightType),
        rights.map((r) => r.holderRef),
        rights.map((r) => r.share ?? ''),
      ],
    );
    await refreshBuildingCounts(tx, community);
    return { seeded: true, people: withIdentifiers.length };
  });
}
