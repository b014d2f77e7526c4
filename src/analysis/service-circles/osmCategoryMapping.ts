import type { FacilityCategory } from '../../core/model/types';

/**
 * OpenStreetMap tags → our facility vocabulary, as data. Rows are tried in order and the first whose
 * every condition matches wins, so the specific rows (a name or a sub-tag) come before the generic
 * ones. A row with category null documents a tag we deliberately do not map.
 *
 * | OSM tags                                                       | category             | why |
 * |----------------------------------------------------------------|----------------------|-----|
 * | name ~ 党群服务                                                 | party-service-centre | no OSM tag for 党群服务中心 |
 * | name ~ 老年食堂 / 助餐 / 长者食堂                                 | elderly-canteen      | no OSM tag for 助餐点 |
 * | name ~ 托育 / 托儿所 / 婴幼儿照护                                 | nursery              | 托育 is often tagged kindergarten |
 * | name ~ 日间照料 / 托老所 / 居家养老                               | elderly-care         | |
 * | name ~ 助残 / 残疾人 / 康复中心                                   | disability-aid       | |
 * | name ~ 物业                                                     | property-service     | |
 * | amenity=childcare                                               | nursery              | OSM: care for children too young for school |
 * | amenity=kindergarten                                            | kindergarten         | 幼儿园 (3–6) |
 * | amenity=school + isced:level ~ 2 / name ~ 初中, 中学               | middle-school        | ISCED 2 = lower secondary |
 * | amenity=school (otherwise)                                      | primary-school       | ISCED 1; the commonest school in a community |
 * | amenity=social_facility + social_facility:for=senior             | elderly-care         | |
 * | amenity=social_facility + social_facility:for=disabled           | disability-aid       | |
 * | amenity=social_facility + social_facility=nursing_home / assisted_living / day_care | elderly-care | |
 * | amenity=social_facility (otherwise)                             | community-service    | |
 * | amenity=nursing_home                                            | elderly-care         | deprecated tag, still common |
 * | healthcare=rehabilitation                                       | disability-aid       | |
 * | amenity=clinic / doctors / hospital; healthcare=clinic / doctor / centre / hospital | health-station | nearest level in our vocabulary |
 * | amenity=pharmacy                                                | — (not mapped)       | 社区商业网点, no category of ours |
 * | amenity=community_centre / townhall; office=government          | community-service    | 社区服务站 / 居委会 |
 * | amenity=arts_centre / library / social_centre                   | culture-station      | 文化活动站 |
 * | amenity=post_office / parcel_locker; vending=parcel_pickup      | parcel               | 邮件和快递送达设施 |
 * | shop=supermarket / convenience / greengrocer / grocery; amenity=marketplace | grocery  | 综合超市 / 菜市场 |
 * | leisure=fitness_centre / fitness_station / sports_centre / pitch / park / playground | fitness | 健身场地 |
 * | highway=bus_stop; public_transport=platform + bus=yes; amenity=bus_station | bus-stop  | |
 * | amenity=parking / charging_station / bicycle_parking           | parking              | |
 * | amenity=recycling / waste_disposal                              | waste-sorting        | 垃圾分类点 |
 * | office=property_management                                      | property-service     | |
 */
export interface OsmCategoryRow {
  /** Every tag must match: a string is an exact value, a RegExp is tested against the value. */
  match: Readonly<Record<string, string | RegExp>>;
  category: FacilityCategory | null;
}

export const OSM_CATEGORY_ROWS: readonly OsmCategoryRow[] = [
  { match: { name: /党群服务/ }, category: 'party-service-centre' },
  { match: { name: /老年食堂|助餐|长者食堂/ }, category: 'elderly-canteen' },
  { match: { name: /托育|托儿所|婴幼儿照护/ }, category: 'nursery' },
  { match: { name: /日间照料|托老所|居家养老/ }, category: 'elderly-care' },
  { match: { name: /助残|残疾人|康复中心/ }, category: 'disability-aid' },
  { match: { name: /物业/ }, category: 'property-service' },
  { match: { amenity: 'childcare' }, category: 'nursery' },
  { match: { amenity: 'kindergarten' }, category: 'kindergarten' },
  { match: { amenity: 'school', 'isced:level': /(^|[;,\s])2($|[;,\s-])/ }, category: 'middle-school' },
  { match: { amenity: 'school', name: /初中|中学/ }, category: 'middle-school' },
  { match: { amenity: 'school' }, category: 'primary-school' },
  { match: { amenity: 'social_facility', 'social_facility:for': /senior/ }, category: 'elderly-care' },
  { match: { amenity: 'social_facility', 'social_facility:for': /disabled/ }, category: 'disability-aid' },
  { match: { amenity: 'social_facility', social_facility: /^(nursing_home|assisted_living|day_care)$/ }, category: 'elderly-care' },
  { match: { amenity: 'social_facility' }, category: 'community-service' },
  { match: { amenity: 'nursing_home' }, category: 'elderly-care' },
  { match: { healthcare: 'rehabilitation' }, category: 'disability-aid' },
  { match: { amenity: /^(clinic|doctors|hospital)$/ }, category: 'health-station' },
  { match: { healthcare: /^(clinic|doctor|centre|hospital)$/ }, category: 'health-station' },
  { match: { amenity: 'pharmacy' }, category: null },
  { match: { amenity: /^(community_centre|townhall)$/ }, category: 'community-service' },
  { match: { office: 'government' }, category: 'community-service' },
  { match: { amenity: /^(arts_centre|library|social_centre)$/ }, category: 'culture-station' },
  { match: { amenity: /^(post_office|parcel_locker)$/ }, category: 'parcel' },
  { match: { vending: 'parcel_pickup' }, category: 'parcel' },
  { match: { shop: /^(supermarket|convenience|greengrocer|grocery)$/ }, category: 'grocery' },
  { match: { amenity: 'marketplace' }, category: 'grocery' },
  { match: { leisure: /^(fitness_centre|fitness_station|sports_centre|pitch|park|playground)$/ }, category: 'fitness' },
  { match: { highway: 'bus_stop' }, category: 'bus-stop' },
  { match: { public_transport: 'platform', bus: 'yes' }, category: 'bus-stop' },
  { match: { amenity: 'bus_station' }, category: 'bus-stop' },
  { match: { amenity: /^(parking|charging_station|bicycle_parking)$/ }, category: 'parking' },
  { match: { amenity: /^(recycling|waste_disposal)$/ }, category: 'waste-sorting' },
  { match: { office: 'property_management' }, category: 'property-service' },
];

/** Our category for a feature's OSM tags, or null when no row maps it (or a row maps it to nothing). */
export function categoryFromOsmTags(tags: Readonly<Record<string, unknown>>): FacilityCategory | null {
  for (const row of OSM_CATEGORY_ROWS) {
    const matches = Object.entries(row.match).every(([key, expected]) => {
      const value = tags[key];
      if (typeof value !== 'string') return false;
      return typeof expected === 'string' ? value === expected : expected.test(value);
    });
    if (matches) return row.category;
  }
  return null;
}

/**
 * Whether an OSM way can be walked. Lines without a `highway` tag (e.g. our own network layer) are
 * walkable; motorways, ways under construction and ways with foot=no / access=no (without
 * foot=yes) are not. Steps, footways, paths and crossings are.
 */
export function isWalkableOsmWay(tags: Readonly<Record<string, unknown>>): boolean {
  const highway = tags.highway;
  if (typeof highway === 'string' && /^(motorway|motorway_link|construction|proposed|raceway|bus_guideway)$/.test(highway)) return false;
  if (tags.foot === 'no' || tags.foot === 'private') return false;
  if ((tags.access === 'no' || tags.access === 'private') && tags.foot !== 'yes' && tags.foot !== 'designated') return false;
  return true;
}

/**
 * OSM `building` values that are not homes: such buildings are attached and reported, but do not
 * count in building shares (a school is not a home that needs a school nearby).
 */
export const OSM_NON_RESIDENTIAL_BUILDINGS: readonly string[] = [
  'commercial',
  'retail',
  'industrial',
  'warehouse',
  'office',
  'school',
  'kindergarten',
  'university',
  'college',
  'hospital',
  'public',
  'civic',
  'government',
  'church',
  'temple',
  'mosque',
  'garage',
  'garages',
  'shed',
  'parking',
  'service',
  'roof',
  'kiosk',
  'hotel',
  'train_station',
  'transportation',
  'sports_hall',
  'stadium',
  'greenhouse',
  'farm_auxiliary',
];
