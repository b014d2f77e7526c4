import { pointInPolygon } from '../../core/geo/polygon';
import type { Community, Facility, LonLat } from '../../core/model/types';
import { coverageShareKpi } from '../coverageKpis';
import { evidence, valueKpi, type KpiDraft } from '../kpi';
import { facilitiesOf, totalResidents } from '../measure';
import { activityGrounds, excludedGrounds, sumArea } from '../surfaces';
import type { ScenarioContext } from '../types';

/**
 * 邻里场景 (邻里开放共享): the community's shared spaces — the public activity grounds (plazas) of the
 * base map, culture stations and fitness sites — and how much of them there is per resident. Car
 * parks and school or kindergarten yards are not activity ground (surfaceRules.json).
 */
export interface SharedSpaces {
  plazas: { areaM2: number; centroid: LonLat }[];
  /** Car parks and school yards, left out (named in the evidence so nobody adds them back by hand). */
  excludedAreaM2: number;
  culture: Facility[];
  fitness: Facility[];
  /** Fitness sites on a plaza: their area is already in the plaza's, so it is not added again. */
  fitnessOnPlazas: Facility[];
  plazaAreaM2: number;
  cultureAreaM2: number;
  /** Fitness sites off the plazas (floorAreaM2; a site without it adds 0). */
  fitnessAreaM2: number;
  totalAreaM2: number;
}

export function sharedSpaces(community: Pick<Community, 'base' | 'facilities'>): SharedSpaces {
  const grounds = activityGrounds(community);
  const plazaPolygons = grounds.map((g) => g.polygon);
  const plazas = grounds.map((g) => ({ areaM2: g.areaM2, centroid: g.centroid }));
  const culture = facilitiesOf(community, 'culture-station');
  const fitness = facilitiesOf(community, 'fitness');
  const fitnessOnPlazas = fitness.filter((f) => plazaPolygons.some((p) => pointInPolygon(f.position, p)));
  const plazaAreaM2 = plazas.reduce((s, p) => s + p.areaM2, 0);
  const cultureAreaM2 = culture.reduce((s, f) => s + (f.floorAreaM2 ?? 0), 0);
  const fitnessAreaM2 = fitness.filter((f) => !fitnessOnPlazas.includes(f)).reduce((s, f) => s + (f.floorAreaM2 ?? 0), 0);
  return {
    plazas,
    excludedAreaM2: sumArea(excludedGrounds(community)),
    culture,
    fitness,
    fitnessOnPlazas,
    plazaAreaM2,
    cultureAreaM2,
    fitnessAreaM2,
    totalAreaM2: plazaAreaM2 + cultureAreaM2 + fitnessAreaM2,
  };
}

/** Shared activity space (plazas + culture stations + fitness sites off the plazas) per resident. */
export function activitySpacePerCapita(ctx: ScenarioContext): KpiDraft {
  const s = sharedSpaces(ctx.community);
  const residents = totalResidents(ctx.summaries);
  const round = (x: number) => Math.round(x);
  return valueKpi(
    {
      id: 'activity-space-per-capita',
      label: { zh: '人均公共活动空间', en: 'Shared activity space per resident' },
      unit: 'm2-per-person',
      display: 'decimal2',
    },
    s.totalAreaM2 / residents,
    evidence(
      {
        zh: `广场 ${round(s.plazaAreaM2)} m² + 文化站 ${round(s.cultureAreaM2)} m² + 健身场地 ${round(s.fitnessAreaM2)} m²，居民 ${residents} 人（停车场、校园场地 ${round(s.excludedAreaM2)} m² 不计入）`,
        en: `Plazas ${round(s.plazaAreaM2)} m² + culture stations ${round(s.cultureAreaM2)} m² + fitness sites ${round(s.fitnessAreaM2)} m², ${residents} residents (car parks and school yards, ${round(s.excludedAreaM2)} m², not counted)`,
      },
      [],
      [...s.culture, ...s.fitness].map((f) => f.id),
    ),
  );
}

/** The largest plaza (完整社区: at least one plaza with outdoor fitness of ≥ 150 m²). */
export function largestPlazaArea(ctx: ScenarioContext): KpiDraft {
  const s = sharedSpaces(ctx.community);
  const largest = s.plazas.reduce((m, p) => Math.max(m, p.areaM2), 0);
  return valueKpi(
    { id: 'largest-plaza-area', label: { zh: '最大公共活动广场面积', en: 'Largest plaza' }, unit: 'm2', display: 'integer' },
    largest,
    evidence({ zh: `底图中共 ${s.plazas.length} 处广场`, en: `Plazas on the base map: ${s.plazas.length}` }),
  );
}

export function sharedSpaceCount(ctx: ScenarioContext): KpiDraft {
  const s = sharedSpaces(ctx.community);
  const n = s.plazas.length + s.culture.length + s.fitness.length - s.fitnessOnPlazas.length;
  return valueKpi(
    { id: 'shared-space-count', label: { zh: '共享空间数量', en: 'Shared spaces' }, unit: 'count', display: 'integer' },
    n,
    evidence(
      {
        zh: `广场 ${s.plazas.length}、文化站 ${s.culture.length}、健身场地 ${s.fitness.length}（其中 ${s.fitnessOnPlazas.length} 处在广场上）`,
        en: `Plazas: ${s.plazas.length}, culture stations: ${s.culture.length}, fitness sites: ${s.fitness.length} (on a plaza: ${s.fitnessOnPlazas.length})`,
      },
      [],
      [...s.culture, ...s.fitness].map((f) => f.id),
    ),
  );
}

const RESIDENTS = { zh: '居民', en: 'Residents' };

export function neighbourhoodKpis(ctx: ScenarioContext): KpiDraft[] {
  return [
    activitySpacePerCapita(ctx),
    largestPlazaArea(ctx),
    sharedSpaceCount(ctx),
    coverageShareKpi(ctx, {
      id: 'fitness-reach-share',
      category: 'fitness',
      target: 'all',
      who: RESIDENTS,
      what: { zh: '健身场地', en: 'a fitness site' },
    }),
    coverageShareKpi(ctx, {
      id: 'culture-reach-share',
      category: 'culture-station',
      target: 'all',
      who: RESIDENTS,
      what: { zh: '文化活动站', en: 'a culture station' },
    }),
  ];
}
