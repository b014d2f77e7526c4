import { polygonAreaM2 } from '../../core/geo/localFrame';
import { pointInPolygon } from '../../core/geo/polygon';
import { NETWORK_KINDS, type LonLat, type NetworkKind } from '../../core/model/types';
import { coverageShareKpi } from '../coverageKpis';
import { evidence, unavailableKpi, valueKpi, type KpiDraft } from '../kpi';
import { facilitiesOf, polylineLengthMeters, totalCapacity, totalHouseholds } from '../measure';
import type { ScenarioContext } from '../types';

/**
 * 交通场景 (5、10、30分钟出行圈, 智慧共享停车, 供能保障): bus stops within a 10-minute walk, parking and
 * charging against households, and the slow-traffic (walking) network.
 */

/** Walking-only kinds: 慢行系统 (footways, paths, steps). */
export const SLOW_KINDS: readonly NetworkKind[] = ['footway', 'path', 'steps'];

/**
 * Network length by kind inside the community boundary, metres: a segment counts when its midpoint
 * lies inside (segments are short, so the cut at the edge is off by at most half a segment each).
 */
export function networkLengthByKind(ctx: ScenarioContext): Record<NetworkKind, number> {
  const boundary = ctx.community.manifest.boundary;
  const out = Object.fromEntries(NETWORK_KINDS.map((k) => [k, 0])) as Record<NetworkKind, number>;
  for (const line of ctx.community.network) {
    for (let i = 1; i < line.coordinates.length; i++) {
      const a = line.coordinates[i - 1];
      const b = line.coordinates[i];
      const mid: LonLat = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      if (pointInPolygon(mid, boundary)) out[line.kind] += polylineLengthMeters([a, b]);
    }
  }
  return out;
}

export function slowNetworkLength(ctx: ScenarioContext): KpiDraft {
  const byKind = networkLengthByKind(ctx);
  const m = Math.round;
  return valueKpi(
    {
      id: 'slow-network-length',
      label: { zh: '慢行网络长度（步道、小径、台阶）', en: 'Slow-traffic network (footways, paths, steps)' },
      unit: 'm',
      display: 'integer',
    },
    SLOW_KINDS.reduce((s, k) => s + byKind[k], 0),
    evidence({
      zh: `步道 ${m(byKind.footway)} 米、小径 ${m(byKind.path)} 米、台阶 ${m(byKind.steps)} 米（社区边界内）`,
      en: `Footways ${m(byKind.footway)} m, paths ${m(byKind.path)} m, steps ${m(byKind.steps)} m (inside the boundary)`,
    }),
  );
}

/** All walkable lines inside the boundary per km² of the community. */
export function networkDensity(ctx: ScenarioContext): KpiDraft {
  const byKind = networkLengthByKind(ctx);
  const totalKm = Object.values(byKind).reduce((s, x) => s + x, 0) / 1000;
  const areaKm2 = polygonAreaM2(ctx.community.manifest.boundary) / 1e6;
  return valueKpi(
    { id: 'walk-network-density', label: { zh: '步行路网密度', en: 'Walkable network density' }, unit: 'km-per-km2', display: 'decimal1' },
    totalKm / areaKm2,
    evidence({
      zh: `路网 ${totalKm.toFixed(2)} km，社区面积 ${areaKm2.toFixed(3)} km²`,
      en: `${totalKm.toFixed(2)} km of network on ${areaKm2.toFixed(3)} km²`,
    }),
  );
}

export function parkingPerHousehold(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'parking-spaces-per-household',
    label: { zh: '户均停车位', en: 'Parking spaces per household' },
    unit: 'spaces-per-household' as const,
    display: 'decimal2' as const,
  };
  const parking = facilitiesOf(ctx.community, 'parking');
  const spaces = totalCapacity(parking);
  const ids = parking.map((f) => f.id);
  if (spaces === null)
    return unavailableKpi(
      head,
      'no-data',
      { zh: '部分停车场缺少车位数', en: 'Some car parks have no capacity recorded' },
      evidence({ zh: '', en: '' }, [], ids),
    );
  const households = totalHouseholds(ctx.summaries);
  return valueKpi(
    head,
    spaces / households,
    evidence({ zh: `车位 ${spaces} 个，住宅 ${households} 户`, en: `${spaces} spaces for ${households} households` }, [], ids),
  );
}

/** Share of parking spaces with an EV charger (a car park without `chargers` counts as none). */
export function chargerShare(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'charger-share',
    label: { zh: '充电车位占比', en: 'Spaces with an EV charger' },
    unit: 'share' as const,
    display: 'percent' as const,
  };
  const parking = facilitiesOf(ctx.community, 'parking');
  const spaces = totalCapacity(parking);
  if (spaces === null)
    return unavailableKpi(head, 'no-data', { zh: '部分停车场缺少车位数', en: 'Some car parks have no capacity recorded' });
  const chargers = parking.reduce((s, f) => s + (f.chargers ?? 0), 0);
  const without = parking.filter((f) => !f.chargers).map((f) => f.id);
  return valueKpi(
    head,
    chargers / spaces,
    evidence(
      {
        zh: `充电桩 ${chargers} 个，车位 ${spaces} 个；${without.length} 处停车场无充电桩`,
        en: `${chargers} chargers for ${spaces} spaces; car parks without any: ${without.length}`,
      },
      [],
      without,
    ),
  );
}

export function transportKpis(ctx: ScenarioContext): KpiDraft[] {
  return [
    coverageShareKpi(ctx, {
      id: 'bus-stop-reach-share',
      category: 'bus-stop',
      target: 'all',
      who: { zh: '居民', en: 'Residents' },
      what: { zh: '公交站', en: 'a bus stop' },
    }),
    // The street (街道) 15-minute tier: informational (GB 50180-2018 表B.0.1 轨道交通站点 ≤ 800 m).
    coverageShareKpi(ctx, {
      id: 'metro-reach-share',
      category: 'metro-station',
      target: 'all',
      who: { zh: '居民', en: 'Residents' },
      what: { zh: '地铁站', en: 'a metro station' },
    }),
    parkingPerHousehold(ctx),
    chargerShare(ctx),
    slowNetworkLength(ctx),
    networkDensity(ctx),
  ];
}
