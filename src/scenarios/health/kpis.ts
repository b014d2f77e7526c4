import type { FacilityCategory } from '../../core/model/types';
import { suppressCount } from '../../data/privacy/aggregate';
import { coverageBuildingIds, coverageShareKpi, populationReach } from '../coverageKpis';
import { evidence, PENDING_NOTE, SUPPRESSED_NOTE, unavailableKpi, valueKpi, type KpiDraft } from '../kpi';
import { sumSummaries, totalResidents } from '../measure';
import type { ScenarioContext } from '../types';

/**
 * 健康场景 (一老): 5-minute reach of day care (日间照料), elderly canteens (老年食堂) and the health
 * station for residents aged 60+, disability aid, and living-alone elderly (aggregated, n < 5 hidden).
 */

/** The three services the 2023 provincial opinion puts around the elderly at the 5-minute level. */
export const ELDERLY_SERVICES: readonly FacilityCategory[] = ['elderly-care', 'elderly-canteen', 'health-station'];

/**
 * Per building (coverage index order): how many of ELDERLY_SERVICES lie within their rule's walk,
 * or null while the circles compute or when one of them was not computed.
 */
export function elderlyServicesReached(ctx: ScenarioContext): Uint8Array | null {
  if (!ctx.coverage) return null;
  const reaches = ELDERLY_SERVICES.map((c) => populationReach(ctx.coverage!, c, '60+'));
  if (reaches.some((r) => r === null)) return null;
  const count = new Uint8Array(ctx.coverage.buildings.count);
  for (const r of reaches) {
    const walk = r!.category.walkDistanceMeters;
    for (let b = 0; b < count.length; b++) if (walk[b] <= r!.maxMeters) count[b]++;
  }
  return count;
}

/** Residents 60+ with all three services within their walks. */
export function elderlyAllThreeShare(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'elderly-all-services-share',
    label: {
      zh: '60岁以上老人5分钟内照料、助餐、卫生服务齐全的比例',
      en: 'Aged 60+ with day care, canteen and health station all within 5 minutes',
    },
    unit: 'share' as const,
    display: 'percent' as const,
  };
  if (!ctx.coverage) return unavailableKpi(head, 'pending', PENDING_NOTE);
  const reached = elderlyServicesReached(ctx);
  const elderly = ctx.coverage.population['60+'];
  if (!reached || !elderly)
    return unavailableKpi(head, 'no-data', {
      zh: '服务圈分析未包含这些设施',
      en: 'The service-circle run did not include these categories',
    });
  const ids = coverageBuildingIds(ctx, ctx.coverage);
  let within = 0;
  let total = 0;
  const missing: string[] = [];
  for (let b = 0; b < reached.length; b++) {
    if (!(elderly[b] > 0)) continue;
    total += elderly[b];
    if (reached[b] === ELDERLY_SERVICES.length) within += elderly[b];
    else missing.push(ids[b]);
  }
  return valueKpi(
    head,
    within / total,
    evidence(
      {
        zh: `${missing.length} 幢建筑的老人缺少至少一项服务`,
        en: `Elderly residents of ${missing.length} buildings miss at least one service`,
      },
      missing,
    ),
  );
}

/** 独居老人 in the community: a count of people, hidden below 5. */
export function livingAloneElderly(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'living-alone-elderly',
    label: { zh: '独居老人', en: 'Elderly living alone' },
    unit: 'persons' as const,
    display: 'integer' as const,
  };
  const count = sumSummaries(ctx.summaries, (s) => s.livingAloneElderly);
  const cell = suppressCount(count);
  const buildings = [...ctx.summaries.values()].filter((s) => s.livingAloneElderly > 0).map((s) => s.buildingId);
  const ev = evidence({ zh: `分布在 ${buildings.length} 幢建筑`, en: `Across ${buildings.length} buildings` }, buildings);
  return cell.suppressed
    ? unavailableKpi(head, 'suppressed', SUPPRESSED_NOTE, ev)
    : valueKpi(head, cell.value, ev, { zh: '人数按建筑汇总，少于5人不显示', en: 'Counted per building; counts below 5 are hidden' });
}

export function elderlyShare(ctx: ScenarioContext): KpiDraft {
  const elderly = sumSummaries(ctx.summaries, (s) => s.elderly);
  const residents = totalResidents(ctx.summaries);
  return valueKpi(
    { id: 'elderly-share', label: { zh: '60岁以上人口占比', en: 'Share of residents aged 60+' }, unit: 'share', display: 'percent' },
    elderly / residents,
    evidence({ zh: `60岁以上 ${elderly} 人，居民 ${residents} 人`, en: `${elderly} aged 60+ of ${residents} residents` }),
  );
}

const ELDERLY = { zh: '60岁以上老人', en: 'Residents aged 60+' };

export function healthKpis(ctx: ScenarioContext): KpiDraft[] {
  return [
    coverageShareKpi(ctx, {
      id: 'elderly-care-reach-share',
      category: 'elderly-care',
      target: '60+',
      who: ELDERLY,
      what: { zh: '日间照料中心', en: 'day care' },
    }),
    coverageShareKpi(ctx, {
      id: 'elderly-canteen-reach-share',
      category: 'elderly-canteen',
      target: '60+',
      who: ELDERLY,
      what: { zh: '老年食堂', en: 'an elderly canteen' },
    }),
    coverageShareKpi(ctx, {
      id: 'health-station-elderly-reach-share',
      category: 'health-station',
      target: '60+',
      who: ELDERLY,
      what: { zh: '社区卫生服务站', en: 'the health station' },
    }),
    elderlyAllThreeShare(ctx),
    // The street (街道) 15-minute tier: informational, the street's facility rather than the community's.
    coverageShareKpi(ctx, {
      id: 'health-centre-reach-share',
      category: 'community-health-centre',
      target: 'all',
      who: { zh: '居民', en: 'Residents' },
      what: { zh: '社区卫生服务中心', en: 'a community health centre' },
    }),
    coverageShareKpi(ctx, {
      id: 'disability-aid-reach-share',
      category: 'disability-aid',
      target: 'disability',
      who: { zh: '残疾人', en: 'Residents with a disability' },
      what: { zh: '助残/康复设施', en: 'disability aid' },
    }),
    livingAloneElderly(ctx),
    elderlyShare(ctx),
  ];
}
