import { elevatorCandidates as screenElevators, type ElevatorCandidate } from '../../analysis/reuse/elevatorCandidates';
import { DEFAULT_ELEVATOR_RULES } from '../../analysis/reuse/elevatorRules';
import { suppressCount } from '../../data/privacy/aggregate';
import { evidence, SUPPRESSED_NOTE, unavailableKpi, valueKpi, type KpiDraft } from '../kpi';
import { isHome, yearOf } from '../measure';
import type { ScenarioContext } from '../types';

/**
 * 建筑场景: the housing stock (age, structure), elevator-addition candidates ranked by need, and the
 * CIM level of each building model (the 建筑 scene names CIM数字化建设平台应用).
 */

/**
 * The stock of the 老旧小区改造 programme: 国办发〔2020〕23号 targets compounds built before the end of
 * 2000 [M]. A statistic of the housing stock here, not an elevator rule (elevatorRules.json
 * `builtByFilter`, off by default).
 */
export const OLD_STOCK_LAST_YEAR = DEFAULT_ELEVATOR_RULES.builtByFilter.maxYearBuilt;

export const homes = (ctx: ScenarioContext) => ctx.community.buildings.filter(isHome);

/**
 * 加装电梯 candidates: the app's one elevator screen (analysis/reuse/elevatorCandidates with
 * elevatorRules.json: residential, ≥ 4 floors, no elevator; ranked by the elderly, then the
 * households, above the 3rd floor). Raw counts: suppress below 5 before showing them.
 */
export function elevatorCandidates(ctx: ScenarioContext): ElevatorCandidate[] {
  return screenElevators(ctx.community, DEFAULT_ELEVATOR_RULES);
}

/** What the KPIs and the legend say the screen is, from the rules themselves. */
export function elevatorScreenText(): { zh: string; en: string } {
  const r = DEFAULT_ELEVATOR_RULES;
  const year = r.builtByFilter.enabled ? r.builtByFilter.maxYearBuilt : null;
  return {
    zh: `≥${r.minFloors}层、无电梯${year === null ? '' : `、${year}年及以前建成`}，按${r.aboveFloor}层以上老人数、户数排序`,
    en: `≥ ${r.minFloors} floors, no elevator${year === null ? '' : `, built by ${year}`}; ranked by residents 60+, then households, above the ${r.aboveFloor}rd floor`,
  };
}

export function oldStockShare(ctx: ScenarioContext): KpiDraft {
  const all = homes(ctx);
  const old = all.filter((b) => b.yearBuilt <= OLD_STOCK_LAST_YEAR);
  return valueKpi(
    {
      id: 'pre-2001-home-share',
      label: { zh: '2000年及以前建成的住宅占比', en: 'Homes built in 2000 or earlier' },
      unit: 'share',
      display: 'percent',
    },
    old.length / all.length,
    evidence({ zh: `${all.length} 幢住宅中 ${old.length} 幢`, en: `${old.length} of ${all.length} homes` }),
  );
}

/** Mean age of the homes at the package's data date. */
export function meanHomeAge(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'mean-home-age',
    label: { zh: '住宅平均房龄', en: 'Mean age of homes' },
    unit: 'years' as const,
    display: 'decimal1' as const,
  };
  const year = yearOf(ctx.community.manifest.dataDate);
  if (year === null) return unavailableKpi(head, 'no-data', { zh: '数据日期无效', en: 'The package has no valid data date' });
  const all = homes(ctx);
  return valueKpi(
    head,
    all.reduce((s, b) => s + (year - b.yearBuilt), 0) / all.length,
    evidence({ zh: `截至 ${year} 年`, en: `As of ${year}` }),
  );
}

export function elevatorCandidateCount(ctx: ScenarioContext): KpiDraft {
  const candidates = elevatorCandidates(ctx);
  const draft = valueKpi(
    {
      id: 'elevator-candidates',
      label: { zh: '加装电梯候选楼栋', en: 'Elevator-addition candidates' },
      unit: 'buildings',
      display: 'integer',
    },
    candidates.length,
    evidence(
      elevatorScreenText(),
      candidates.map((c) => c.buildingId),
    ),
  );
  // Informational, but candidates are work to do: flag them.
  return { ...draft, status: candidates.length > 0 ? 'warn' : 'good' };
}

export function elderlyAboveThirdFloorInCandidates(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'elevator-candidate-elderly',
    label: { zh: '候选楼栋3层以上的60岁以上老人', en: 'Residents 60+ above the 3rd floor in candidates' },
    unit: 'persons' as const,
    display: 'integer' as const,
  };
  const candidates = elevatorCandidates(ctx);
  const cell = suppressCount(candidates.reduce((s, c) => s + c.elderlyAboveFloor, 0));
  const ev = evidence(
    { zh: '加装电梯最直接的受益人', en: 'Those an elevator would help most' },
    candidates.map((c) => c.buildingId),
  );
  return cell.suppressed ? unavailableKpi(head, 'suppressed', SUPPRESSED_NOTE, ev) : valueKpi(head, cell.value, ev);
}

/** Walk-ups of 4+ floors that have an elevator. */
export function elevatorShare(ctx: ScenarioContext): KpiDraft {
  const tall = homes(ctx).filter((b) => b.floors >= DEFAULT_ELEVATOR_RULES.minFloors);
  const without = tall.filter((b) => !b.hasElevator);
  return valueKpi(
    {
      id: 'elevator-share',
      label: { zh: '4层及以上住宅有电梯的比例', en: 'Homes of 4+ floors with an elevator' },
      unit: 'share',
      display: 'percent',
    },
    (tall.length - without.length) / tall.length,
    evidence(
      { zh: `${without.length} 幢无电梯`, en: `${without.length} without` },
      without.map((b) => b.id),
    ),
  );
}

/**
 * Older masonry homes (brick-concrete or brick-timber, built before 1990). The data model has no
 * condition survey, so this age-and-structure proxy stands in for "condition"; it is not an inspection.
 */
export function olderMasonryHomes(ctx: ScenarioContext): KpiDraft {
  const old = homes(ctx).filter((b) => (b.structure === 'brick-concrete' || b.structure === 'brick-timber') && b.yearBuilt < 1990);
  return valueKpi(
    {
      id: 'older-masonry-homes',
      label: { zh: '1990年前的砖混/砖木住宅', en: 'Brick homes built before 1990' },
      unit: 'buildings',
      display: 'integer',
    },
    old.length,
    evidence(
      { zh: '房屋安全状况未入库，以结构与房龄代替', en: 'No condition survey in the data: structure and age stand in for it' },
      old.map((b) => b.id),
    ),
    { zh: '代理指标，非房屋安全鉴定结果', en: 'A proxy, not a structural inspection' },
  );
}

/** Buildings drawn from a CIM model (any level ≥ 1) among all buildings. */
export function cimModelShare(ctx: ScenarioContext): KpiDraft {
  const without = ctx.community.buildings.filter((b) => !(typeof b.cimLevel === 'number' && b.cimLevel >= 1));
  const n = ctx.community.buildings.length;
  return valueKpi(
    { id: 'cim-model-share', label: { zh: '纳入CIM模型的建筑比例', en: 'Buildings with a CIM model' }, unit: 'share', display: 'percent' },
    (n - without.length) / n,
    evidence(
      { zh: `${without.length} 幢缺少CIM等级`, en: `${without.length} buildings have no CIM level` },
      without.map((b) => b.id),
    ),
  );
}

/** The lowest CIM level among the modelled buildings (CIM2 = block model ≈ LOD1). */
export function cimMinLevel(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'cim-min-level',
    label: { zh: '建筑模型最低CIM等级', en: 'Lowest CIM level of the building models' },
    unit: 'cim-level' as const,
    display: 'integer' as const,
  };
  const levels = ctx.community.buildings.filter((b) => typeof b.cimLevel === 'number');
  if (levels.length === 0) return unavailableKpi(head, 'no-data', { zh: '数据包未标注CIM等级', en: 'The package states no CIM level' });
  const min = Math.min(...levels.map((b) => b.cimLevel!));
  return valueKpi(
    head,
    min,
    evidence(
      { zh: `CIM${min} 的建筑`, en: `Buildings at CIM${min}` },
      levels.filter((b) => b.cimLevel === min).map((b) => b.id),
    ),
  );
}

/**
 * 日照达标率: homes reaching the sunlight rule the user picked (GB 50180-2018 §4.0.9 大寒日 ≥ 2 h by
 * default) on their best façade point; pending until the sunlight feature has computed it.
 */
export function sunlightPassRate(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'sunlight-pass-rate',
    label: { zh: '住宅日照达标率', en: 'Homes meeting the sunlight rule' },
    unit: 'share' as const,
    display: 'percent' as const,
  };
  const sunlight = ctx.sunlight;
  if (!sunlight)
    return unavailableKpi(head, 'pending', {
      zh: '日照分析未计算（打开日照面板）',
      en: 'Sunlight not computed yet (open the sunlight tab)',
    });
  const failing = sunlight.buildings.filter((b) => b.failingHomes > 0).map((b) => b.buildingId);
  return valueKpi(
    head,
    sunlight.passRate,
    evidence(
      {
        zh: `${sunlight.totalHomes} 户中 ${sunlight.failingHomes} 户低于 ${sunlight.minHours} 小时（${sunlight.presetId}）`,
        en: `${sunlight.failingHomes} of ${sunlight.totalHomes} homes below ${sunlight.minHours} h (${sunlight.presetId})`,
      },
      failing,
    ),
  );
}

export function architectureKpis(ctx: ScenarioContext): KpiDraft[] {
  return [
    oldStockShare(ctx),
    meanHomeAge(ctx),
    olderMasonryHomes(ctx),
    elevatorShare(ctx),
    elevatorCandidateCount(ctx),
    elderlyAboveThirdFloorInCandidates(ctx),
    cimModelShare(ctx),
    cimMinLevel(ctx),
    sunlightPassRate(ctx),
  ];
}
