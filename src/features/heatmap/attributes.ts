import type { AggregationInput } from '../../analysis/aggregate/gridAggregation';
import { ringCentroid } from '../../core/geo/polygon';
import type { Community } from '../../core/model/types';
import type { BuildingSummary } from '../../data/community/buildingSummaries';
import type { MessageKey } from '../../i18n/translate';

/**
 * The attributes a heatmap can show, each as (numerator, denominator, count) per building so a cell pools its
 * buildings. Person-derived ones come from the per-building aggregates (`summaries`: counts, never rows),
 * and their cells are suppressed below 5 counted, as in the building panel. A new attribute is one entry here.
 */
export interface HeatmapAttribute {
  id: string;
  labelKey: MessageKey;
  /** The cell value as text: a share as a percentage, minutes, households per 1,000 m². */
  format(value: number): string;
  personDerived: boolean;
  /** What small-cell suppression counts, for the legend (residents, houses, households, buildings). */
  countKey: MessageKey;
  inputs(facts: HeatmapFacts): AggregationInput[] | null;
}

export interface HeatmapFacts {
  community: Community;
  summaries: ReadonlyMap<string, BuildingSummary>;
  /** Walk seconds to the chosen category per building (indexed like the buildings), when the service circles have run. */
  walkSeconds: ArrayLike<number> | undefined;
}

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

function perBuilding(
  facts: HeatmapFacts,
  take: (summary: BuildingSummary, index: number) => Omit<AggregationInput, 'position'> | null,
): AggregationInput[] {
  const inputs: AggregationInput[] = [];
  facts.community.buildings.forEach((b, i) => {
    const summary = facts.summaries.get(b.id);
    const taken = summary ? take(summary, i) : null;
    if (taken) inputs.push({ position: ringCentroid(b.footprint), ...taken });
  });
  return inputs;
}

export const HEATMAP_ATTRIBUTES = [
  {
    id: 'elderlyShare',
    labelKey: 'heatmap.attr.elderlyShare',
    format: percent,
    personDerived: true,
    countKey: 'heatmap.count.residents',
    inputs: (facts) =>
      perBuilding(facts, (s) => (s.residents ? { numerator: s.elderly, denominator: s.residents, count: s.residents } : null)),
  },
  {
    id: 'vacancy',
    labelKey: 'heatmap.attr.vacancy',
    format: percent,
    // Whether a home stands empty says something about its household: treated as person-derived.
    personDerived: true,
    countKey: 'heatmap.count.houses',
    inputs: (facts) =>
      perBuilding(facts, (s) => (s.houses ? { numerator: s.housesByOccupancy.vacant, denominator: s.houses, count: s.houses } : null)),
  },
  {
    id: 'householdDensity',
    labelKey: 'heatmap.attr.householdDensity',
    format: (v) => v.toFixed(1),
    personDerived: true,
    countKey: 'heatmap.count.households',
    inputs: (facts) => {
      const area = new Map(facts.community.buildings.map((b) => [b.id, b.grossFloorAreaM2]));
      return perBuilding(facts, (s) => {
        const gfa = area.get(s.buildingId) ?? 0;
        // Households per 1,000 m² of gross floor area of the buildings that house them.
        return s.households && gfa > 0 ? { numerator: s.households, denominator: gfa / 1000, count: s.households } : null;
      });
    },
  },
  {
    id: 'walkTime',
    labelKey: 'heatmap.attr.walkTime',
    format: (v) => v.toFixed(1),
    personDerived: false,
    countKey: 'heatmap.count.buildings',
    inputs: (facts) => {
      const seconds = facts.walkSeconds;
      if (!seconds) return null;
      // Mean walk of the cell's homes (buildings with households) to the category chosen in the 服务圈 tab; unreachable ones left out.
      return perBuilding(facts, (s, i) =>
        s.households && Number.isFinite(seconds[i]) ? { numerator: seconds[i] / 60, denominator: 1, count: 1 } : null,
      );
    },
  },
] as const satisfies readonly HeatmapAttribute[];

export type HeatmapAttributeId = (typeof HEATMAP_ATTRIBUTES)[number]['id'];

export const heatmapAttribute = (id: HeatmapAttributeId): HeatmapAttribute => HEATMAP_ATTRIBUTES.find((a) => a.id === id)!;
