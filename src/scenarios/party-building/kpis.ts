import { coverageShareKpi } from '../coverageKpis';
import { evidence, unavailableKpi, valueKpi, type KpiDraft } from '../kpi';
import { facilitiesOf, totalHouseholds } from '../measure';
import type { ScenarioContext } from '../types';

/**
 * 一统 (党建统领): the 党群服务中心 at the centre of the community's service matrix (浙政办发〔2023〕4号),
 * how far residents walk to it, and party members and volunteers attached to the grid cells (联户).
 */

export const partyCentres = (ctx: ScenarioContext) => facilitiesOf(ctx.community, 'party-service-centre');

export function partyCentreCount(ctx: ScenarioContext): KpiDraft {
  const centres = partyCentres(ctx);
  return valueKpi(
    { id: 'party-centre-count', label: { zh: '党群服务中心', en: 'Party-and-public service centres' }, unit: 'count', display: 'integer' },
    centres.length,
    evidence(
      { zh: centres.map((f) => f.name).join('、') || '无', en: centres.map((f) => f.id).join(', ') || 'none' },
      centres.map((f) => f.buildingId).filter((id): id is string => id !== undefined),
      centres.map((f) => f.id),
    ),
  );
}

export function partyCentreArea(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'party-centre-area',
    label: { zh: '党群服务中心建筑面积', en: 'Floor area of the party-and-public service centres' },
    unit: 'm2' as const,
    display: 'integer' as const,
  };
  const centres = partyCentres(ctx);
  if (centres.some((f) => typeof f.floorAreaM2 !== 'number'))
    return unavailableKpi(head, 'no-data', { zh: '部分中心缺少面积', en: 'Some centres have no floor area recorded' });
  return valueKpi(
    head,
    centres.reduce((s, f) => s + f.floorAreaM2!, 0),
    evidence(
      { zh: `${centres.length} 处`, en: `Centres: ${centres.length}` },
      [],
      centres.map((f) => f.id),
    ),
  );
}

/** 党员/志愿者联户: people attached to the grid cells per 100 households. */
export function volunteersPer100Households(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'volunteers-per-100-households',
    label: { zh: '每百户联户党员/志愿者', en: 'Party members and volunteers per 100 households' },
    unit: 'volunteers-per-100-households' as const,
    display: 'decimal1' as const,
  };
  const grids = ctx.community.grids;
  if (grids.length === 0) return unavailableKpi(head, 'no-data', { zh: '数据包没有网格图层', en: 'The package has no grid cells' });
  const volunteers = grids.reduce((s, g) => s + (g.volunteerCount ?? 0), 0);
  const households = totalHouseholds(ctx.summaries);
  return valueKpi(
    head,
    (volunteers / households) * 100,
    evidence({ zh: `${volunteers} 人，${households} 户`, en: `${volunteers} people for ${households} households` }),
  );
}

/** The survey's satisfied share for this scenario, where it asked per scenario. */
export function partySatisfiedShare(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'party-satisfied-share',
    label: { zh: '党建统领居民满意度', en: 'Residents satisfied with party-led services' },
    unit: 'share' as const,
    display: 'percent' as const,
  };
  const share = ctx.community.manifest.survey?.byScenario?.['party-building'];
  if (share === undefined) return unavailableKpi(head, 'no-data', { zh: '调查未分场景统计', en: 'The survey has no per-scenario result' });
  return valueKpi(
    head,
    share,
    evidence({ zh: `${ctx.community.manifest.survey!.date} 调查`, en: `Survey of ${ctx.community.manifest.survey!.date}` }),
  );
}

export function partyBuildingKpis(ctx: ScenarioContext): KpiDraft[] {
  return [
    partyCentreCount(ctx),
    coverageShareKpi(ctx, {
      id: 'party-centre-reach-share',
      category: 'party-service-centre',
      target: 'all',
      who: { zh: '居民', en: 'Residents' },
      what: { zh: '党群服务中心', en: 'a party-and-public service centre' },
    }),
    partyCentreArea(ctx),
    volunteersPer100Households(ctx),
    partySatisfiedShare(ctx),
  ];
}
