import { DataError, type DataIssue } from '../core/errors';
import { FACILITY_CATEGORIES, type Community, type FacilityCategory, type LocalizedText } from '../core/model/types';
import { DEFAULT_REUSE_RULES, householdsOf, resolveReuseRules, type ReuseRuleSet } from '../analysis/reuse/reuseRules';
import type { CommunityScore } from '../scenarios';
import { activityGrounds, DEFAULT_SURFACE_RULES, parkChecks, publicGreens } from '../scenarios/surfaces';
import itemsJson from './completeCommunityItems.json';
import type { InventoryRow, InventoryStatus } from './reportModel';

/**
 * The inventory against the full 完整社区 list (completeCommunityItems.json: the 20 items of the
 * 完整居住社区建设标准 in their 6 groups, then the rows of the Zhejiang matrix). Each item is shown by
 * facilities of its categories (minimum floor areas from reuseRules.json, resolved for the
 * community's households — one source for the what-if and the report), a surface of the base map
 * (surfaceRules.json), an indicator of the scenarios, or — where the package holds nothing to show
 * it — says so and what would.
 */
export const ITEM_GROUPS = ['basic-services', 'commercial', 'municipal', 'public-space', 'property', 'governance', 'zhejiang'] as const;
export type ItemGroup = (typeof ITEM_GROUPS)[number];

export type ItemCheck =
  /** Facilities of these categories; minCount (default 1); eachCategory: every category needs one. */
  | { kind: 'facilities'; categories: FacilityCategory[]; minCount?: number; eachCategory?: boolean }
  | { kind: 'surface'; measure: 'activity-ground' | 'park'; minAreaM2?: number }
  | { kind: 'indicator'; indicator: string }
  | { kind: 'not-in-data'; needs: LocalizedText };

export interface CompleteCommunityItem {
  /** 1–20 of the standard; null for rows of the Zhejiang matrix. */
  number: number | null;
  group: ItemGroup;
  item: LocalizedText;
  check: ItemCheck;
  threshold: LocalizedText;
  source: string;
}

export interface CompleteCommunityItems {
  version: string;
  items: CompleteCommunityItem[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is LocalizedText => isObject(v) && typeof v.zh === 'string' && typeof v.en === 'string';
const isCategory = (v: unknown): v is FacilityCategory => (FACILITY_CATEGORIES as readonly unknown[]).includes(v);

function parseCheck(value: unknown): ItemCheck | string {
  const c = isObject(value) ? value : {};
  switch (c.kind) {
    case 'facilities':
      if (!Array.isArray(c.categories) || !c.categories.length || !c.categories.every(isCategory))
        return 'must list facility categories (FACILITY_CATEGORIES)';
      if (c.minCount !== undefined && !(typeof c.minCount === 'number' && Number.isInteger(c.minCount) && c.minCount >= 1))
        return 'minCount must be an integer ≥ 1';
      return {
        kind: 'facilities',
        categories: c.categories,
        ...(c.minCount !== undefined ? { minCount: c.minCount as number } : {}),
        ...(c.eachCategory === true ? { eachCategory: true } : {}),
      };
    case 'surface':
      if (c.measure !== 'activity-ground' && c.measure !== 'park') return 'measure must be "activity-ground" or "park"';
      if (c.minAreaM2 !== undefined && !(typeof c.minAreaM2 === 'number' && c.minAreaM2 > 0)) return 'minAreaM2 must be a number > 0';
      return { kind: 'surface', measure: c.measure, ...(c.minAreaM2 !== undefined ? { minAreaM2: c.minAreaM2 as number } : {}) };
    case 'indicator':
      return typeof c.indicator === 'string' && c.indicator ? { kind: 'indicator', indicator: c.indicator } : 'must name an indicator id';
    case 'not-in-data':
      return isText(c.needs) ? { kind: 'not-in-data', needs: c.needs } : 'must say what data would show it ({"zh", "en"})';
    default:
      return 'kind must be "facilities", "surface", "indicator" or "not-in-data"';
  }
}

export function parseCompleteCommunityItems(json: unknown, file = 'completeCommunityItems.json'): CompleteCommunityItems {
  const root = isObject(json) ? json : {};
  const issues: DataIssue[] = [];
  if (typeof root.version !== 'string') issues.push({ file, field: 'version', reason: 'must be a version string' });
  const items: CompleteCommunityItem[] = [];
  if (!Array.isArray(root.items) || !root.items.length) issues.push({ file, field: 'items', reason: 'must be a non-empty list' });
  else
    root.items.forEach((raw: unknown, i: number) => {
      const row = isObject(raw) ? raw : {};
      const at = (f: string) => `items[${i}].${f}`;
      const before = issues.length;
      if (!(row.number === null || (typeof row.number === 'number' && Number.isInteger(row.number) && row.number >= 1)))
        issues.push({ file, field: at('number'), reason: 'must be the item number (1–20) or null' });
      if (!(ITEM_GROUPS as readonly unknown[]).includes(row.group))
        issues.push({ file, field: at('group'), reason: `must be one of ${ITEM_GROUPS.join(', ')}` });
      if (!isText(row.item)) issues.push({ file, field: at('item'), reason: 'must be {"zh", "en"}' });
      if (!isText(row.threshold)) issues.push({ file, field: at('threshold'), reason: 'must say the threshold ({"zh", "en"})' });
      if (typeof row.source !== 'string' || !row.source.trim())
        issues.push({ file, field: at('source'), reason: 'must cite where the item comes from' });
      const check = parseCheck(row.check);
      if (typeof check === 'string') issues.push({ file, field: at('check'), reason: check });
      if (issues.length === before)
        items.push({
          number: row.number as number | null,
          group: row.group as ItemGroup,
          item: row.item as LocalizedText,
          check: check as ItemCheck,
          threshold: row.threshold as LocalizedText,
          source: row.source as string,
        });
    });
  if (issues.length) throw new DataError(issues, 'Invalid complete-community items');
  return { version: root.version as string, items };
}

export const DEFAULT_COMPLETE_COMMUNITY_ITEMS: CompleteCommunityItems = parseCompleteCommunityItems(itemsJson);

const round = (x: number) => Math.round(x);

export function facilityInventory(
  community: Pick<Community, 'facilities' | 'houses' | 'base'>,
  score: Pick<CommunityScore, 'scenarios'> | null,
  items: CompleteCommunityItems = DEFAULT_COMPLETE_COMMUNITY_ITEMS,
  bundledReuseRules: ReuseRuleSet = DEFAULT_REUSE_RULES,
): InventoryRow[] {
  const reuseRules = resolveReuseRules(bundledReuseRules, householdsOf(community));
  const assessments = score?.scenarios.flatMap((s) => s.assessments) ?? [];
  return items.items.map((row) => {
    const base = { number: row.number, group: row.group, item: row.item, threshold: row.threshold, itemSource: row.source };
    const result = (status: InventoryStatus, detail: LocalizedText, extra: Partial<InventoryRow> = {}): InventoryRow => ({
      ...base,
      categories: [],
      count: null,
      largestFloorAreaM2: null,
      minFloorAreaM2: null,
      minAreaSource: null,
      status,
      detail,
      ...extra,
    });
    const check = row.check;
    switch (check.kind) {
      case 'facilities': {
        const facilities = community.facilities.filter((f) => check.categories.includes(f.category));
        const areas = facilities.map((f) => f.floorAreaM2).filter((a): a is number => typeof a === 'number');
        const largest = areas.length ? Math.max(...areas) : null;
        const rule = reuseRules.rules.find((r) => r.category === check.categories[0]);
        const min = rule?.minFloorAreaM2 ?? null;
        const lacking = check.eachCategory ? check.categories.filter((c) => !facilities.some((f) => f.category === c)) : [];
        let status: InventoryStatus;
        if (!facilities.length) status = 'missing';
        else if (facilities.length < (check.minCount ?? 1) || lacking.length) status = 'below-minimum';
        else if (min === null) status = 'has';
        else if (largest === null) status = 'area-unknown';
        else status = largest >= min ? 'has' : 'below-minimum';
        const detail: LocalizedText = lacking.length
          ? { zh: `缺：${lacking.join('、')}`, en: `None of: ${lacking.join(', ')}` }
          : { zh: '', en: '' };
        return result(status, detail, {
          categories: check.categories,
          count: facilities.length,
          largestFloorAreaM2: largest,
          minFloorAreaM2: min,
          minAreaSource: min === null ? null : rule!.source,
        });
      }
      case 'surface': {
        if (check.measure === 'activity-ground') {
          const grounds = activityGrounds(community);
          const largest = grounds.reduce((m, g) => Math.max(m, g.areaM2), 0);
          const min = check.minAreaM2 ?? 0;
          return result(
            !grounds.length ? 'missing' : largest >= min ? 'has' : 'below-minimum',
            { zh: `${grounds.length} 处广场，最大 ${round(largest)} m²`, en: `${grounds.length} plazas, largest ${round(largest)} m²` },
            {
              count: grounds.length,
              largestFloorAreaM2: grounds.length ? largest : null,
              minFloorAreaM2: min || null,
              minAreaSource: row.source,
            },
          );
        }
        const parks = parkChecks(community);
        const park = parks.find((p) => p.qualifies);
        const { minAreaM2, minWidthMeters } = DEFAULT_SURFACE_RULES.park;
        return result(
          park ? 'has' : publicGreens(community).length ? 'below-minimum' : 'missing',
          park
            ? {
                zh: `${park.name ?? '公共绿地'}，宽 ${round(park.widthMeters)} m`,
                en: `${park.name ?? 'Public green'}, ${round(park.widthMeters)} m wide`,
              }
            : {
                zh: `无 ≥${minAreaM2} m²、宽 ≥${minWidthMeters} m 的公共绿地`,
                en: `No public green of ≥ ${minAreaM2} m² and ≥ ${minWidthMeters} m wide`,
              },
          {
            count: parks.length,
            largestFloorAreaM2: (park ?? parks[0])?.areaM2 ?? null,
            minFloorAreaM2: minAreaM2,
            minAreaSource: DEFAULT_SURFACE_RULES.park.source,
          },
        );
      }
      case 'indicator': {
        const a = assessments.find((x) => x.indicator.id === check.indicator);
        if (!a) return result('not-assessed', { zh: '指标未计算', en: 'Indicator not computed' });
        const status: InventoryStatus = a.outcome === 'pass' ? 'has' : a.outcome === 'fail' ? 'below-minimum' : 'not-assessed';
        return result(status, a.reason);
      }
      case 'not-in-data':
        return result('not-in-data', { zh: `需：${check.needs.zh}`, en: `Needs ${check.needs.en}` });
    }
  });
}
