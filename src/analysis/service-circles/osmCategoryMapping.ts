import type { FacilityCategory } from '../../core/model/types';

/**
 * OpenStreetMap tags → our facility vocabulary, as data. Rows are tried in order and the first whose
 * every condition matches wins, so the specific rows (a name or a sub-tag) come before the generic
 * ones. A row with category null says a tag is deliberately NOT one of ours: nearest is not equal
 * (a hospital is no 社区卫生服务站, a convenience store no 菜市场, a park no 健身场地, a government
 * office no 社区服务站, and "中学" may be a senior high school). The CLI lists what stayed unmapped.
 *
 * | OSM tags                                                       | category                | why |
 * |----------------------------------------------------------------|-------------------------|-----|
 * | name ~ 党群服务                                                 | party-service-centre    | no OSM tag for 党群服务中心 |
 * | name ~ 老年食堂 / 助餐 / 长者食堂                                 | elderly-canteen         | no OSM tag for 助餐点 |
 * | name ~ 托育 / 托儿所 / 婴幼儿照护                                 | nursery                 | 托育 is often tagged kindergarten |
 * | name ~ 日间照料 / 托老所 / 居家养老                               | elderly-care            | |
 * | name ~ 养老院 / 敬老院 / 福利院 / 护理院                          | nursing-home            | residential care, street tier (表B.0.1) |
 * | name ~ 助残 / 残疾人 / 康复中心                                   | disability-aid          | |
 * | name ~ 物业                                                     | property-service        | |
 * | name ~ 社区卫生服务中心 / 社区医院                                | community-health-centre | street tier (表B.0.1) |
 * | name ~ 社区卫生服务站 / 卫生服务站                                | health-station          | |
 * | name ~ 街道…服务中心 / 街道文化 / 文化活动中心                     | street-service-centre / street-culture-centre | street tier |
 * | name ~ 社区服务 / 居委会 / 居民委员会                             | community-service       | 社区服务站 |
 * | amenity=childcare                                               | nursery                 | OSM: care for children too young for school |
 * | amenity=kindergarten                                            | kindergarten            | 幼儿园 (3–6) |
 * | amenity=school + isced:level ~ 2 / name ~ 初中, 初级中学          | middle-school           | ISCED 2 = lower secondary |
 * | amenity=school + name ~ 高中 / 高级中学 / 中学 (alone)            | — (not mapped)          | senior high, or 完全中学: not the 初中 of the rule |
 * | amenity=school (otherwise)                                      | primary-school          | ISCED 1; the commonest school in a community |
 * | amenity=social_facility + social_facility=nursing_home / assisted_living | nursing-home   | |
 * | amenity=social_facility + social_facility:for=senior / =day_care | elderly-care           | |
 * | amenity=social_facility + social_facility:for=disabled           | disability-aid          | |
 * | amenity=social_facility (otherwise)                             | community-service       | |
 * | amenity=nursing_home                                            | nursing-home            | deprecated tag, still common |
 * | healthcare=rehabilitation                                       | disability-aid          | |
 * | amenity=hospital; healthcare=hospital                           | — (not mapped)          | a city-level hospital, not a 社区卫生服务站/中心 |
 * | healthcare=centre                                               | community-health-centre | OSM "health centre" |
 * | amenity=clinic / doctors; healthcare=clinic / doctor             | health-station          | the nearest level (门诊 of the 5-min circle) |
 * | amenity=pharmacy; shop=chemist / convenience / laundry / dry_cleaning / hairdresser | convenience-shop | 便民商业网点 (完整社区 item 8) |
 * | amenity=townhall; office=government                             | — (not mapped)          | 街道办事处 or a government office, not the 社区服务站 |
 * | amenity=community_centre                                        | community-service       | 社区服务站 / 居委会 |
 * | amenity=arts_centre / library / social_centre                   | culture-station         | 文化活动站 |
 * | amenity=post_office / parcel_locker; vending=parcel_pickup      | parcel                  | 邮件和快递送达设施 |
 * | shop=supermarket / greengrocer / grocery; amenity=marketplace   | grocery                 | 综合超市 / 菜市场 |
 * | leisure=fitness_station / pitch                                 | fitness                 | outdoor fitness and ball grounds (表B.0.2) |
 * | leisure=sports_centre / stadium                                 | sports-centre           | 全民健身中心 / 体育场 (表B.0.1) |
 * | leisure=park / playground / fitness_centre                      | — (not mapped)          | green space (base map) / block play ground / a commercial gym |
 * | railway=station + station=subway; railway=subway_entrance; public_transport=station + subway=yes | metro-station | |
 * | highway=bus_stop; public_transport=platform + bus=yes; amenity=bus_station | bus-stop     | |
 * | amenity=parking / charging_station / bicycle_parking           | parking                 | |
 * | amenity=toilets                                                 | public-toilet           | |
 * | amenity=recycling / waste_disposal                              | waste-sorting           | 垃圾分类点 |
 * | office=property_management                                      | property-service        | |
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
  { match: { name: /养老院|敬老院|福利院|护理院/ }, category: 'nursing-home' },
  { match: { name: /助残|残疾人|康复中心/ }, category: 'disability-aid' },
  { match: { name: /物业/ }, category: 'property-service' },
  { match: { name: /社区卫生服务中心|社区医院/ }, category: 'community-health-centre' },
  { match: { name: /卫生服务站/ }, category: 'health-station' },
  { match: { name: /街道.*(社区)?服务中心/ }, category: 'street-service-centre' },
  { match: { name: /街道.*文化|文化活动中心/ }, category: 'street-culture-centre' },
  { match: { name: /社区服务|居委会|居民委员会/ }, category: 'community-service' },
  { match: { amenity: 'childcare' }, category: 'nursery' },
  { match: { amenity: 'kindergarten' }, category: 'kindergarten' },
  { match: { amenity: 'school', 'isced:level': /(^|[;,\s])2($|[;,\s-])/ }, category: 'middle-school' },
  { match: { amenity: 'school', name: /初中|初级中学/ }, category: 'middle-school' },
  { match: { amenity: 'school', name: /高中|高级中学|中学/ }, category: null },
  { match: { amenity: 'school' }, category: 'primary-school' },
  { match: { amenity: 'social_facility', social_facility: /^(nursing_home|assisted_living)$/ }, category: 'nursing-home' },
  { match: { amenity: 'social_facility', social_facility: 'day_care' }, category: 'elderly-care' },
  { match: { amenity: 'social_facility', 'social_facility:for': /senior/ }, category: 'elderly-care' },
  { match: { amenity: 'social_facility', 'social_facility:for': /disabled/ }, category: 'disability-aid' },
  { match: { amenity: 'social_facility' }, category: 'community-service' },
  { match: { amenity: 'nursing_home' }, category: 'nursing-home' },
  { match: { healthcare: 'rehabilitation' }, category: 'disability-aid' },
  { match: { amenity: 'hospital' }, category: null },
  { match: { healthcare: 'hospital' }, category: null },
  { match: { healthcare: 'centre' }, category: 'community-health-centre' },
  { match: { amenity: /^(clinic|doctors)$/ }, category: 'health-station' },
  { match: { healthcare: /^(clinic|doctor)$/ }, category: 'health-station' },
  { match: { amenity: 'pharmacy' }, category: 'convenience-shop' },
  { match: { shop: /^(chemist|convenience|laundry|dry_cleaning|hairdresser)$/ }, category: 'convenience-shop' },
  { match: { amenity: 'townhall' }, category: null },
  { match: { office: 'government' }, category: null },
  { match: { amenity: 'community_centre' }, category: 'community-service' },
  { match: { amenity: /^(arts_centre|library|social_centre)$/ }, category: 'culture-station' },
  { match: { amenity: /^(post_office|parcel_locker)$/ }, category: 'parcel' },
  { match: { vending: 'parcel_pickup' }, category: 'parcel' },
  { match: { shop: /^(supermarket|greengrocer|grocery)$/ }, category: 'grocery' },
  { match: { amenity: 'marketplace' }, category: 'grocery' },
  { match: { leisure: /^(fitness_station|pitch)$/ }, category: 'fitness' },
  { match: { leisure: /^(sports_centre|stadium)$/ }, category: 'sports-centre' },
  { match: { leisure: /^(park|playground|fitness_centre)$/ }, category: null },
  { match: { railway: 'station', station: 'subway' }, category: 'metro-station' },
  { match: { railway: 'subway_entrance' }, category: 'metro-station' },
  { match: { public_transport: 'station', subway: 'yes' }, category: 'metro-station' },
  { match: { highway: 'bus_stop' }, category: 'bus-stop' },
  { match: { public_transport: 'platform', bus: 'yes' }, category: 'bus-stop' },
  { match: { amenity: 'bus_station' }, category: 'bus-stop' },
  { match: { amenity: /^(parking|charging_station|bicycle_parking)$/ }, category: 'parking' },
  { match: { amenity: 'toilets' }, category: 'public-toilet' },
  { match: { amenity: /^(recycling|waste_disposal)$/ }, category: 'waste-sorting' },
  { match: { office: 'property_management' }, category: 'property-service' },
];

/** The main OSM tag of a feature, to list what stayed unmapped ("amenity=hospital"); "no tags" when none. */
const MAIN_KEYS = ['amenity', 'shop', 'leisure', 'healthcare', 'office', 'railway', 'public_transport', 'highway', 'tourism', 'building'];
export function mainOsmTag(tags: Readonly<Record<string, unknown>>): string {
  const key = MAIN_KEYS.find((k) => typeof tags[k] === 'string');
  return key ? `${key}=${tags[key] as string}` : 'no tags';
}

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
