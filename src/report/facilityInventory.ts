import { DataError } from '../core/errors';
import { FACILITY_CATEGORIES, type Community, type FacilityCategory, type LocalizedText } from '../core/model/types';
import { DEFAULT_REUSE_RULES, type ReuseRuleSet } from '../analysis/reuse/reuseRules';
import itemsJson from './completeCommunityItems.json';
import type { InventoryRow, InventoryStatus } from './reportModel';

/**
 * The facility inventory against the 完整社区 list (completeCommunityItems.json): per item, how many
 * facilities of its category the package holds and whether the largest reaches the minimum floor
 * area of the reuse rules (reuseRules.json, 完整居住社区建设标准 items 1–6 and 14) — one source of the
 * minimum areas for the what-if and for the report.
 */
export interface CompleteCommunityItem {
  category: FacilityCategory;
  item: LocalizedText;
  source: string;
}

export interface CompleteCommunityItems {
  version: string;
  items: CompleteCommunityItem[];
}

export function parseCompleteCommunityItems(json: unknown, file = 'completeCommunityItems.json'): CompleteCommunityItems {
  const root = (typeof json === 'object' && json !== null ? json : {}) as { version?: unknown; items?: unknown };
  const items = Array.isArray(root.items) ? (root.items as Partial<CompleteCommunityItem>[]) : [];
  const bad = items.findIndex(
    (i) =>
      !(FACILITY_CATEGORIES as readonly unknown[]).includes(i.category) || typeof i.item?.zh !== 'string' || typeof i.source !== 'string',
  );
  if (typeof root.version !== 'string' || !items.length || bad >= 0) {
    throw new DataError(
      [{ file, field: bad >= 0 ? `items[${bad}]` : 'items', reason: 'must be a version and a list of {category, item {zh, en}, source}' }],
      'Invalid complete-community items',
    );
  }
  return { version: root.version, items: items as CompleteCommunityItem[] };
}

export const DEFAULT_COMPLETE_COMMUNITY_ITEMS: CompleteCommunityItems = parseCompleteCommunityItems(itemsJson);

export function facilityInventory(
  community: Pick<Community, 'facilities'>,
  items: CompleteCommunityItems = DEFAULT_COMPLETE_COMMUNITY_ITEMS,
  reuseRules: ReuseRuleSet = DEFAULT_REUSE_RULES,
): InventoryRow[] {
  return items.items.map(({ category, item, source }) => {
    const facilities = community.facilities.filter((f) => f.category === category);
    const areas = facilities.map((f) => f.floorAreaM2).filter((a): a is number => typeof a === 'number');
    const largest = areas.length ? Math.max(...areas) : null;
    const rule = reuseRules.rules.find((r) => r.category === category);
    const min = rule?.minFloorAreaM2 ?? null;
    let status: InventoryStatus;
    if (!facilities.length) status = 'missing';
    else if (min === null) status = 'has';
    else if (largest === null) status = 'area-unknown';
    else status = largest >= min ? 'has' : 'below-minimum';
    return {
      category,
      item,
      itemSource: source,
      count: facilities.length,
      largestFloorAreaM2: largest,
      minFloorAreaM2: min,
      minAreaSource: min === null ? null : rule!.source,
      status,
    };
  });
}
