import { AGE_BANDS, BUILDING_USES, ELDERLY_AGE_BANDS, RIGHT_TYPES, type Community } from '../core/model/types';
import type { BuildingSummary } from '../data/community/buildingSummaries';
import { suppressCount, suppressTable } from '../data/privacy/aggregate';
import type { BasicInformation } from './reportModel';

/**
 * 基本信息 of the report: buildings, households, residents by age band and the rights mix, summed
 * over the building summaries. Every count of people (or of rights, each held by somebody) goes
 * through the n < 5 suppression of data/privacy/aggregate: age bands as one table whose total and
 * 60+ sub-total are printed (so complementary cells are hidden too), rights as one table with its total.
 */
export function basicInformation(
  community: Pick<Community, 'buildings'>,
  summaries: ReadonlyMap<string, BuildingSummary>,
): BasicInformation {
  const rows = [...summaries.values()];
  const sum = (f: (s: BuildingSummary) => number) => rows.reduce((t, s) => t + f(s), 0);
  const ageCounts = AGE_BANDS.map((band) => sum((s) => s.residentsByAgeBand[band]));
  const elderlyGroup = ELDERLY_AGE_BANDS.map((band) => AGE_BANDS.indexOf(band));
  const ageCells = suppressTable(ageCounts, [elderlyGroup]);
  const rightCounts = RIGHT_TYPES.map((type) => sum((s) => s.rightsByType[type]));
  const rightCells = suppressTable(rightCounts);
  const byUse = BUILDING_USES.map((use) => ({ key: use, count: community.buildings.filter((b) => b.use === use).length })).filter(
    (r) => r.count > 0,
  );
  return {
    buildings: community.buildings.length,
    residentialBuildings: community.buildings.filter((b) => b.use === 'residential' || b.use === 'mixed').length,
    // Buildings are not people: their counts are shown as they are.
    buildingsByUse: byUse.map((r) => ({ key: r.key, count: { value: r.count, suppressed: false } })),
    households: suppressCount(sum((s) => s.households)),
    residents: suppressCount(sum((s) => s.residents)),
    residentsByAgeBand: AGE_BANDS.map((band, i) => ({ key: band, count: ageCells[i] })),
    elderly: suppressCount(sum((s) => s.elderly)),
    livingAloneElderly: suppressCount(sum((s) => s.livingAloneElderly)),
    withDisability: suppressCount(sum((s) => s.withDisability)),
    rightsByType: RIGHT_TYPES.map((type, i) => ({ key: type, count: rightCells[i] })),
    rights: suppressCount(rightCounts.reduce((a, b) => a + b, 0)),
    // GB 50096-2011 asks an elevator from 7 storeys; 4+ storeys without one is the usual 加装电梯 screen (elevatorRules.json) [M].
    buildingsWithoutElevatorFourPlusFloors: community.buildings.filter(
      (b) => (b.use === 'residential' || b.use === 'mixed') && b.floors >= 4 && !b.hasElevator,
    ).length,
  };
}
