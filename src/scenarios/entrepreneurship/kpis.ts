import type { House, LocalizedText } from '../../core/model/types';
import { evidence, valueKpi, type KpiDraft } from '../kpi';
import type { ScenarioContext } from '../types';

/**
 * 创业场景: space that could host co-working or an incubator (杭政办函〔2023〕52号 四(三)7:
 * "鼓励利用低效闲置用房建立创新创业载体") — vacant non-residential rooms and idle property.
 */

/** Vacant rooms not used as homes (shops, service rooms, storage). */
export function vacantNonResidentialHouses(ctx: ScenarioContext): House[] {
  return ctx.community.houses.filter((h) => h.use !== 'residential' && h.occupancy === 'vacant');
}

export interface CoworkingCandidate {
  /** A reuse space id, or the building id for its vacant rooms. */
  id: string;
  label: LocalizedText;
  kind: 'idle-property' | 'vacant-rooms';
  buildingId?: string;
  areaM2: number;
}

/**
 * Candidates: idle-property reuse spaces (floor space in a building), plus the vacant non-residential
 * rooms of buildings not already counted as such a space (so no floor space is counted twice).
 * Largest first.
 */
export function coworkingCandidates(ctx: ScenarioContext): CoworkingCandidate[] {
  const idle = ctx.community.reuse.filter((r) => r.kind === 'idle-property');
  const counted = new Set(idle.map((r) => r.buildingId).filter((id): id is string => id !== undefined));
  const out: CoworkingCandidate[] = idle.map((r) => ({
    id: r.id,
    label: { zh: r.name ?? r.id, en: r.id },
    kind: 'idle-property',
    ...(r.buildingId ? { buildingId: r.buildingId } : {}),
    areaM2: r.areaM2,
  }));
  const rooms = new Map<string, number>();
  for (const h of vacantNonResidentialHouses(ctx))
    if (!counted.has(h.buildingId)) rooms.set(h.buildingId, (rooms.get(h.buildingId) ?? 0) + h.areaM2);
  const buildingName = new Map(ctx.community.buildings.map((b) => [b.id, b.name]));
  for (const [buildingId, areaM2] of rooms) {
    out.push({
      id: buildingId,
      label: { zh: `${buildingName.get(buildingId) ?? buildingId} 空置商铺`, en: `${buildingId} vacant rooms` },
      kind: 'vacant-rooms',
      buildingId,
      areaM2,
    });
  }
  return out.sort((p, q) => q.areaM2 - p.areaM2 || p.id.localeCompare(q.id));
}

export function idleRoomCount(ctx: ScenarioContext): KpiDraft {
  const rooms = vacantNonResidentialHouses(ctx);
  const buildings = [...new Set(rooms.map((h) => h.buildingId))];
  return valueKpi(
    { id: 'idle-room-count', label: { zh: '空置非住宅用房', en: 'Vacant non-residential rooms' }, unit: 'rooms', display: 'integer' },
    rooms.length,
    evidence({ zh: `分布在 ${buildings.length} 幢建筑`, en: `In ${buildings.length} buildings` }, buildings),
  );
}

export function idleRoomArea(ctx: ScenarioContext): KpiDraft {
  const rooms = vacantNonResidentialHouses(ctx);
  return valueKpi(
    {
      id: 'idle-room-area',
      label: { zh: '空置非住宅用房面积', en: 'Floor area of vacant non-residential rooms' },
      unit: 'm2',
      display: 'integer',
    },
    rooms.reduce((s, h) => s + h.areaM2, 0),
    evidence({ zh: `${rooms.length} 间`, en: `${rooms.length} rooms` }, [...new Set(rooms.map((h) => h.buildingId))]),
  );
}

/** Vacant share of the non-residential rooms (a weak street-level market shows here first). */
export function commercialVacancyRate(ctx: ScenarioContext): KpiDraft {
  const rooms = ctx.community.houses.filter((h) => h.use !== 'residential');
  const vacant = rooms.filter((h) => h.occupancy === 'vacant');
  return valueKpi(
    {
      id: 'commercial-vacancy-rate',
      label: { zh: '非住宅用房空置率', en: 'Vacancy of non-residential rooms' },
      unit: 'share',
      display: 'percent',
    },
    vacant.length / rooms.length,
    evidence({ zh: `${rooms.length} 间中空置 ${vacant.length} 间`, en: `${vacant.length} of ${rooms.length} rooms vacant` }, [
      ...new Set(vacant.map((h) => h.buildingId)),
    ]),
  );
}

export function idleBuildingCount(ctx: ScenarioContext): KpiDraft {
  const buildings = ctx.community.buildings.filter((b) => b.idleStatus !== 'in-use');
  const idle = buildings.filter((b) => b.idleStatus === 'idle').length;
  return valueKpi(
    {
      id: 'idle-building-count',
      label: { zh: '闲置及低效利用建筑', en: 'Idle or under-used buildings' },
      unit: 'buildings',
      display: 'integer',
    },
    buildings.length,
    evidence(
      { zh: `闲置 ${idle} 幢，低效利用 ${buildings.length - idle} 幢`, en: `${idle} idle, ${buildings.length - idle} under-used` },
      buildings.map((b) => b.id),
    ),
  );
}

export function coworkingCandidateArea(ctx: ScenarioContext): KpiDraft {
  const candidates = coworkingCandidates(ctx);
  return valueKpi(
    {
      id: 'coworking-candidate-area',
      label: { zh: '可用于共享办公/孵化的空间', en: 'Space usable for co-working or incubators' },
      unit: 'm2',
      display: 'integer',
    },
    candidates.reduce((s, c) => s + c.areaM2, 0),
    evidence(
      { zh: `闲置房产与空置商铺共 ${candidates.length} 处`, en: `${candidates.length} idle properties and buildings with vacant rooms` },
      [...new Set(candidates.map((c) => c.buildingId).filter((id): id is string => id !== undefined))],
    ),
  );
}

/** Leftover land (插花地, 边角地, 低效地): for outdoor markets and events, not desks. */
export function reusePlotArea(ctx: ScenarioContext): KpiDraft {
  const plots = ctx.community.reuse.filter((r) => r.kind !== 'idle-property');
  return valueKpi(
    {
      id: 'reuse-plot-area',
      label: { zh: '可盘活的插花地、边角地、低效地', en: 'Leftover land to reuse' },
      unit: 'm2',
      display: 'integer',
    },
    plots.reduce((s, r) => s + r.areaM2, 0),
    evidence({ zh: `${plots.length} 处`, en: `${plots.length} plots` }),
  );
}

export function entrepreneurshipKpis(ctx: ScenarioContext): KpiDraft[] {
  return [
    coworkingCandidateArea(ctx),
    idleRoomCount(ctx),
    idleRoomArea(ctx),
    commercialVacancyRate(ctx),
    idleBuildingCount(ctx),
    reusePlotArea(ctx),
  ];
}
