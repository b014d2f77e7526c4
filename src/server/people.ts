import Papa from 'papaparse';
import { AGE_BANDS, PERSON_TAGS, SEXES, type AgeBand, type Person, type PersonTag, type Sex } from '../core/model/types';
import type { Queryable } from './db/store';

/** A person row as imported or seeded: the model's Person (the CSV's columns; identifiers optional). */
export type PersonRecord = Person;

export interface RowProblem {
  /** The CSV line, the header being row 1 (as a spreadsheet numbers it). */
  row?: number;
  field?: string;
  reason: string;
}

const ID_PATTERN = /^[A-Za-z0-9._-]{1,80}$/;
const REQUIRED = ['id', 'houseId', 'ageBand', 'sex'] as const;

/**
 * Decodes an uploaded CSV: GBK when the charset says so (gbk, gb2312, gb18030: Excel's default for
 * Chinese on Windows), else UTF-8 — falling back to GBK when the bytes are not valid UTF-8.
 */
export function decodeCsv(bytes: Uint8Array, charset: string | undefined): string {
  const declared = charset?.trim().toLowerCase();
  if (declared && ['gbk', 'gb2312', 'gb18030', 'cp936'].includes(declared)) return new TextDecoder('gbk').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/**
 * Parses and validates people CSV text (columns id, houseId, ageBand, sex, tags; optional name,
 * phone, idNumber; tags separated by `|`). Every row is checked; any problem rejects the whole file.
 * `houseIds`: the houses of the community (a person must live in one of them).
 */
export function parsePeopleCsv(text: string, houseIds: ReadonlySet<string>): { records: PersonRecord[]; problems: RowProblem[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const problems: RowProblem[] = [];
  const fields = parsed.meta.fields ?? [];
  for (const field of REQUIRED) if (!fields.includes(field)) problems.push({ row: 1, field, reason: 'missing column' });
  if (problems.length) return { records: [], problems };
  const records: PersonRecord[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((raw, index) => {
    const row = index + 2;
    const value = (field: string) => (raw[field] ?? '').trim();
    const before = problems.length;
    const id = value('id');
    if (!ID_PATTERN.test(id)) problems.push({ row, field: 'id', reason: 'expected 1–80 letters, digits, . _ -' });
    else if (seen.has(id)) problems.push({ row, field: 'id', reason: 'duplicate id' });
    seen.add(id);
    const houseId = value('houseId');
    if (!houseIds.has(houseId)) problems.push({ row, field: 'houseId', reason: 'no such house in this community' });
    const ageBand = value('ageBand');
    if (!(AGE_BANDS as readonly string[]).includes(ageBand))
      problems.push({ row, field: 'ageBand', reason: `expected one of ${AGE_BANDS.join(', ')}` });
    const sex = value('sex');
    if (!(SEXES as readonly string[]).includes(sex)) problems.push({ row, field: 'sex', reason: 'expected F or M' });
    const tags = value('tags')
      ? value('tags')
          .split('|')
          .map((t) => t.trim())
      : [];
    const badTag = tags.find((t) => !(PERSON_TAGS as readonly string[]).includes(t));
    if (badTag !== undefined) problems.push({ row, field: 'tags', reason: `expected tags among ${PERSON_TAGS.join(', ')}` });
    const phone = value('phone');
    if (phone && !/^\+?[0-9 -]{5,20}$/.test(phone)) problems.push({ row, field: 'phone', reason: 'expected digits' });
    const idNumber = value('idNumber');
    if (idNumber && !/^[0-9]{15}$|^[0-9]{17}[0-9Xx]$/.test(idNumber))
      problems.push({ row, field: 'idNumber', reason: 'expected 15 or 18 characters' });
    const name = value('name');
    if (name.length > 100) problems.push({ row, field: 'name', reason: 'longer than 100 characters' });
    if (problems.length > before) return;
    records.push({
      id,
      houseId,
      ageBand: ageBand as AgeBand,
      sex: sex as Sex,
      tags: tags as PersonTag[],
      ...(name ? { name } : {}),
      ...(phone ? { phone } : {}),
      ...(idNumber ? { idNumber: idNumber.toUpperCase() } : {}),
    });
  });
  for (const error of parsed.errors.slice(0, 20)) problems.push({ row: (error.row ?? 0) + 2, reason: error.message });
  return { records, problems };
}

/**
 * Inserts people of one community in one statement (arrays unnested on the server: the SQL text is
 * fixed whatever the row count). Building and grid come from the house.
 */
export async function insertPeople(tx: Queryable, communityId: string, records: readonly PersonRecord[]): Promise<void> {
  const BATCH = 5000;
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    await tx.query(
      `INSERT INTO people (id, house_id, building_id, community_id, grid_id, age_band, sex, tags, name, phone, id_number)
       SELECT r.id, r.house_id, h.building_id, h.community_id, b.grid_id, r.age_band, r.sex,
              coalesce(string_to_array(nullif(r.tags, ''), '|'), '{}'), nullif(r.name, ''), nullif(r.phone, ''), nullif(r.id_number, '')
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         AS r (id, house_id, age_band, sex, tags, name, phone, id_number)
       JOIN houses h ON h.id = r.house_id AND h.community_id = $1
       JOIN buildings b ON b.id = h.building_id`,
      [
        communityId,
        batch.map((p) => p.id),
        batch.map((p) => p.houseId),
        batch.map((p) => p.ageBand),
        batch.map((p) => p.sex),
        batch.map((p) => p.tags.join('|')),
        batch.map((p) => p.name ?? ''),
        batch.map((p) => p.phone ?? ''),
        batch.map((p) => p.idNumber ?? ''),
      ],
    );
  }
}

/** Recomputes a community's per-building counts from its people (definitions: data/community/buildingSummaries.ts). */
export async function refreshBuildingCounts(tx: Queryable, communityId: string): Promise<void> {
  await tx.query('DELETE FROM building_counts WHERE community_id = $1', [communityId]);
  await tx.query(
    `INSERT INTO building_counts (building_id, community_id, residents, elderly, infants, with_disability, living_alone_elderly)
     SELECT b.id, b.community_id, count(p.id),
            count(p.id) FILTER (WHERE p.age_band IN ('60-69', '70-79', '80+')),
            count(p.id) FILTER (WHERE 'infant' = ANY (p.tags)),
            count(p.id) FILTER (WHERE 'disability' = ANY (p.tags)),
            count(p.id) FILTER (WHERE 'living-alone-elderly' = ANY (p.tags))
     FROM buildings b LEFT JOIN people p ON p.building_id = b.id
     WHERE b.community_id = $1
     GROUP BY b.id, b.community_id`,
    [communityId],
  );
}
