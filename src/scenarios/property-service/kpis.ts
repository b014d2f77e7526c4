import { coverageShareKpi } from '../coverageKpis';
import { evidence, unavailableKpi, valueKpi, type KpiDraft } from '../kpi';
import { facilitiesOf, isHome, totalCapacity, totalHouseholds } from '../measure';
import type { ScenarioContext } from '../types';

/**
 * 服务场景 (物业可持续运营, 社区商业服务供给): property management of every home (物业管理全覆盖),
 * parcel lockers and grocery within reach.
 */

/** Homes with some property management (professional, self-managed or government backstop). */
export function propertyManagementShare(ctx: ScenarioContext): KpiDraft {
  const homes = ctx.community.buildings.filter(isHome);
  const none = homes.filter((b) => b.propertyManagement === 'none');
  return valueKpi(
    {
      id: 'property-management-share',
      label: { zh: '物业管理覆盖率（住宅楼栋）', en: 'Homes under property management' },
      unit: 'share',
      display: 'percent',
    },
    (homes.length - none.length) / homes.length,
    evidence(
      { zh: `${none.length} 幢住宅无物业管理`, en: `${none.length} homes without property management` },
      none.map((b) => b.id),
    ),
  );
}

export function professionalManagementShare(ctx: ScenarioContext): KpiDraft {
  const homes = ctx.community.buildings.filter(isHome);
  const professional = homes.filter((b) => b.propertyManagement === 'professional');
  return valueKpi(
    {
      id: 'professional-management-share',
      label: { zh: '专业物业服务住宅占比', en: 'Homes with professional management' },
      unit: 'share',
      display: 'percent',
    },
    professional.length / homes.length,
    evidence({ zh: `${homes.length} 幢住宅中 ${professional.length} 幢`, en: `${professional.length} of ${homes.length} homes` }),
  );
}

export function parcelLockersPer100Households(ctx: ScenarioContext): KpiDraft {
  const head = {
    id: 'parcel-lockers-per-100-households',
    label: { zh: '每百户快递柜格口', en: 'Parcel lockers per 100 households' },
    unit: 'lockers-per-100-households' as const,
    display: 'decimal1' as const,
  };
  const sites = facilitiesOf(ctx.community, 'parcel');
  const lockers = totalCapacity(sites);
  if (lockers === null)
    return unavailableKpi(head, 'no-data', { zh: '部分快递点缺少格口数', en: 'Some parcel points have no locker count' });
  const households = totalHouseholds(ctx.summaries);
  return valueKpi(
    head,
    (lockers / households) * 100,
    evidence(
      {
        zh: `${sites.length} 处快递点共 ${lockers} 格口，${households} 户`,
        en: `${lockers} lockers at ${sites.length} points for ${households} households`,
      },
      [],
      sites.map((f) => f.id),
    ),
  );
}

const RESIDENTS = { zh: '居民', en: 'Residents' };

export function propertyServiceKpis(ctx: ScenarioContext): KpiDraft[] {
  return [
    propertyManagementShare(ctx),
    professionalManagementShare(ctx),
    coverageShareKpi(ctx, {
      id: 'parcel-reach-share',
      category: 'parcel',
      target: 'all',
      who: RESIDENTS,
      what: { zh: '快递点', en: 'a parcel point' },
    }),
    parcelLockersPer100Households(ctx),
    coverageShareKpi(ctx, {
      id: 'grocery-reach-share',
      category: 'grocery',
      target: 'all',
      who: RESIDENTS,
      what: { zh: '菜市场或超市', en: 'a market or supermarket' },
    }),
  ];
}
