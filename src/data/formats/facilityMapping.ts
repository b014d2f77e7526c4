import { because, issueMessage, type DataIssue } from '../../core/errors';
import { FACILITY_CATEGORIES, type Facility, type FacilityCategory, type LonLat } from '../../core/model/types';
import { ringCentroid } from '../../core/geo/polygon';
import { findField, textOf } from './fieldNames';
import { fileStem, locateFeature, type ImportResult } from './importResult';

/**
 * Imported points → our facility vocabulary (FACILITY_CATEGORIES), from, in order of trust:
 * a `category` column already in our vocabulary, OpenStreetMap tags (overpass-turbo exports),
 * AMap (高德) POI type codes and type names, and finally keywords in the name.
 *
 * A match says how it was made and whether it is `approximate` — the nearest category rather than
 * the same thing (a pharmacy is not a 社区卫生服务站; 中学 includes senior high schools) — so the
 * import dialog can ask the user to confirm those.
 */

export type FacilityMatchSource = 'category-field' | 'osm-tag' | 'amap-typecode' | 'amap-type' | 'name';

export interface FacilityMatch {
  category: FacilityCategory;
  via: FacilityMatchSource;
  approximate: boolean;
}

type Rule = [pattern: RegExp, category: FacilityCategory, approximate?: boolean];

/** Keywords in Chinese names, most specific first (党群服务中心 before 服务中心, 老年食堂 before 养老). */
const NAME_RULES: Rule[] = [
  [/党群服务/, 'party-service-centre'],
  [/老年食堂|长者食堂|老年餐桌|助餐/, 'elderly-canteen'],
  [/养老院|敬老院|福利院|护理院|颐养院/, 'nursing-home'],
  [/日间照料|养老|老年公寓|颐养|照料中心/, 'elderly-care'],
  [/助残|残疾|康复|阳光家园/, 'disability-aid'],
  [/托育|托儿所|早教|婴幼儿照护/, 'nursery'],
  [/幼儿园/, 'kindergarten'],
  [/小学/, 'primary-school'],
  [/初中|初级中学/, 'middle-school'],
  [/中学/, 'middle-school', true],
  [/社区卫生服务中心|社区医院/, 'community-health-centre'],
  [/社区卫生服务|卫生服务站|卫生室|卫生院/, 'health-station'],
  [/诊所|门诊部/, 'health-station', true],
  [/药房|药店|大药房|便利店|洗衣|理发|美发/, 'convenience-shop'],
  [/地铁站|轨道交通/, 'metro-station'],
  [/公共厕所|公厕/, 'public-toilet'],
  [/全民健身中心|体育中心|体育馆/, 'sports-centre'],
  [/文化活动|文化家园|文化礼堂|文化站|文化中心/, 'culture-station'],
  [/健身|运动场|体育/, 'fitness', true],
  [/快递|驿站|邮政|邮局|菜鸟|丰巢|速递|物流/, 'parcel'],
  [/菜市场|农贸市场|菜场|超市|生鲜/, 'grocery'],
  [/物业/, 'property-service'],
  [/邻里中心|社区服务|便民服务/, 'community-service'],
  [/公交站|公交车站/, 'bus-stop'],
  [/停车场|停车库|充电站|充电桩/, 'parking'],
  [/垃圾分类|垃圾收集|回收站|再生资源|清洁直运/, 'waste-sorting'],
];

/**
 * AMap POI type codes: six digits, 2 big class + 2 mid class + 2 sub class (AMap place-search
 * API documentation). Codes marked "seen" occur in AMap API responses with the type names given;
 * "guessed" codes follow the same table but were not confirmed against a copy of AMap's code list,
 * so the type-name rules below (same categories) back them up. Mid-class entries (…00) match any
 * sub-class code with the same first four digits.
 */
const AMAP_TYPECODES: [code: string, category: FacilityCategory, approximate: boolean, note: string][] = [
  ['141204', 'kindergarten', false, 'seen: 科教文化服务;学校;幼儿园'],
  ['141203', 'primary-school', false, 'seen: 科教文化服务;学校;小学'],
  ['141202', 'middle-school', true, 'seen: 科教文化服务;学校;中学 (includes senior high)'],
  ['060400', 'grocery', false, 'seen: 购物服务;超级市场;超市'],
  ['060200', 'convenience-shop', false, 'guessed: 购物服务;便民商店/便利店 (a 便民商业网点, not a 菜市场)'],
  ['150500', 'metro-station', false, 'guessed: 交通设施服务;地铁站'],
  ['060700', 'grocery', true, 'guessed: 购物服务;综合市场 (菜市场 are here)'],
  ['150700', 'bus-stop', false, 'seen: 交通设施服务;公交车站;公交车站相关'],
  ['150900', 'parking', false, 'seen: 150904 交通设施服务;停车场;公共停车场'],
  ['011100', 'parking', false, 'guessed: 汽车服务;充电站'],
  ['070500', 'parcel', false, 'guessed: 生活服务;物流速递'],
  ['070400', 'parcel', false, 'guessed: 生活服务;邮局'],
  ['090300', 'health-station', true, 'guessed: 医疗保健服务;诊所'],
  ['090600', 'convenience-shop', false, 'guessed: 医疗保健服务;医药保健销售店 (pharmacies: 便民商业网点)'],
];

/** AMap type names ("大类;中类;小类"), matched on the mid and sub class. */
const AMAP_TYPE_RULES: Rule[] = [
  [/幼儿园/, 'kindergarten'],
  [/小学/, 'primary-school'],
  [/中学/, 'middle-school', true],
  [/超级市场|超市/, 'grocery'],
  [/综合市场|农副产品市场|蔬菜市场|菜市场/, 'grocery'],
  [/便民商店|便利店/, 'convenience-shop'],
  [/地铁站/, 'metro-station'],
  [/公交车站|公交站/, 'bus-stop'],
  [/停车场|充电站/, 'parking'],
  [/物流速递|邮局|邮政/, 'parcel'],
  [/诊所/, 'health-station', true],
  [/医药保健销售店|药房/, 'convenience-shop'],
  [/体育休闲服务;运动场馆/, 'fitness', true],
];

const tag = (p: Record<string, unknown>, key: string) => textOf(p[key])?.toLowerCase();

/** OpenStreetMap tags → category. Tag values follow the OSM wiki (Key:amenity, Key:shop, …). */
function fromOsmTags(p: Record<string, unknown>, name: string | undefined): FacilityMatch | null {
  const amenity = tag(p, 'amenity');
  const osm = (category: FacilityCategory, approximate = false): FacilityMatch => ({ category, via: 'osm-tag', approximate });
  const byName = name ? NAME_RULES.find(([pattern]) => pattern.test(name)) : undefined;
  switch (amenity) {
    case 'childcare':
      return osm('nursery');
    case 'kindergarten':
      return osm('kindergarten');
    case 'school': {
      // OSM does not tell primary from middle school; isced:level or the name does.
      const level = tag(p, 'isced:level') ?? tag(p, 'school:level');
      if (level === '2' || /初中|中学/.test(name ?? '')) return osm('middle-school', !/初中|初级中学/.test(name ?? '') && level !== '2');
      return osm('primary-school', !(level === '1' || /小学/.test(name ?? '')));
    }
    case 'clinic':
    case 'doctors':
      return osm('health-station', !/社区卫生服务|卫生服务站/.test(name ?? ''));
    case 'pharmacy':
      return osm('convenience-shop');
    case 'hospital':
      // A hospital is not a 社区卫生服务站: only its name can make it the street's 社区卫生服务中心.
      return /社区卫生服务中心|社区医院/.test(name ?? '') ? osm('community-health-centre') : null;
    case 'toilets':
      return osm('public-toilet');
    case 'nursing_home':
      return osm('nursing-home');
    case 'social_facility': {
      const target = tag(p, 'social_facility:for');
      if (target === 'senior' || target === 'elderly') return osm('elderly-care');
      if (target === 'disabled' || target === 'disability') return osm('disability-aid');
      return byName ? osm(byName[1], true) : null;
    }
    case 'community_centre':
      // 社区服务中心, 文化家园 and 党群服务中心 are all tagged community_centre; the name tells them apart.
      if (
        byName &&
        ['party-service-centre', 'culture-station', 'elderly-care', 'elderly-canteen', 'community-service'].includes(byName[1])
      ) {
        return osm(byName[1]);
      }
      return osm('community-service', true);
    case 'post_office':
    case 'parcel_locker':
      return osm('parcel');
    case 'marketplace':
      return osm('grocery');
    case 'parking':
    case 'charging_station':
      return osm('parking');
    case 'recycling':
    case 'waste_disposal':
      return osm('waste-sorting', true);
  }
  const shop = tag(p, 'shop');
  if (shop === 'supermarket' || shop === 'greengrocer') return osm('grocery');
  if (shop === 'convenience' || shop === 'chemist' || shop === 'laundry' || shop === 'hairdresser') return osm('convenience-shop');
  const leisure = tag(p, 'leisure');
  if (leisure === 'fitness_centre' || leisure === 'fitness_station') return osm('fitness');
  if (leisure === 'sports_centre' || leisure === 'stadium') return osm('sports-centre');
  // A park is green space and a playground a block-level play ground: neither is a 健身场地.
  if (leisure === 'park' || leisure === 'playground') return null;
  if (tag(p, 'railway') === 'subway_entrance' || (tag(p, 'railway') === 'station' && tag(p, 'station') === 'subway'))
    return osm('metro-station');
  if (tag(p, 'highway') === 'bus_stop') return osm('bus-stop');
  if (tag(p, 'public_transport') === 'platform' && tag(p, 'bus') === 'yes') return osm('bus-stop');
  if (tag(p, 'vending') === 'parcel_pickup') return osm('parcel');
  return null;
}

function fromAmap(p: Record<string, unknown>): FacilityMatch | null {
  const codeField = findField(Object.keys(p), ['typecode', 'type_code', '类型编码', '分类编码', 'poi_type_code']);
  const codes = codeField ? (textOf(p[codeField]) ?? '').split(/[|;,]/).map((c) => c.trim()) : [];
  for (const code of codes) {
    if (!/^\d{6}$/.test(code)) continue;
    const hit =
      AMAP_TYPECODES.find(([c]) => c === code) ?? AMAP_TYPECODES.find(([c]) => c.endsWith('00') && c.slice(0, 4) === code.slice(0, 4));
    if (hit) return { category: hit[1], via: 'amap-typecode', approximate: hit[2] };
  }
  const typeField = findField(Object.keys(p), ['type', '类型', '分类', 'poi_type', '大类;中类;小类']);
  const typeText = typeField ? textOf(p[typeField]) : undefined;
  // AMap joins several types with "|"; the first is the main one. Only "a;b;c" texts are AMap types.
  const main = typeText?.split('|')[0];
  if (main && main.includes(';')) {
    const midAndSub = main.split(';').slice(1).join(';');
    const hit = AMAP_TYPE_RULES.find(([pattern]) => pattern.test(midAndSub) || pattern.test(main));
    if (hit) return { category: hit[1], via: 'amap-type', approximate: hit[2] ?? false };
  }
  return null;
}

export const FACILITY_NAME_FIELDS = ['name', '名称', '设施名称', 'POI名称', 'name:zh', 'MC'];

export function guessFacilityCategory(properties: Record<string, unknown>): FacilityMatch | null {
  const categoryField = findField(Object.keys(properties), ['category', '设施类别', '类别']);
  const declared = categoryField ? textOf(properties[categoryField]) : undefined;
  if (declared && (FACILITY_CATEGORIES as readonly string[]).includes(declared)) {
    return { category: declared as FacilityCategory, via: 'category-field', approximate: false };
  }
  const nameField = findField(Object.keys(properties), FACILITY_NAME_FIELDS);
  const name = nameField ? textOf(properties[nameField]) : undefined;
  // A senior high school (高中) is not the 初中 of the 15-minute circle: the user maps it by hand if at all.
  if (name && /高中|高级中学/.test(name) && !/初中|初级中学/.test(name)) return null;
  const match = fromOsmTags(properties, name) ?? fromAmap(properties);
  if (match) return match;
  const byName = name ? NAME_RULES.find(([pattern]) => pattern.test(name)) : undefined;
  return byName ? { category: byName[1], via: 'name', approximate: byName[2] ?? false } : null;
}

export interface ImportedFacility {
  facility: Facility;
  match: FacilityMatch;
}

/**
 * Facilities from the point (or area: OSM often maps schools as polygons) features of an import.
 * Features whose category cannot be told are reported, not dropped silently; `override` lets the
 * dialog supply a category the rules missed.
 */
export function readFacilities(
  result: Pick<ImportResult, 'file' | 'features'>,
  override?: (properties: Record<string, unknown>) => FacilityCategory | null | undefined,
): { facilities: ImportedFacility[]; issues: DataIssue[] } {
  const facilities: ImportedFacility[] = [];
  const issues: DataIssue[] = [];
  const stem = fileStem(result.file);
  result.features.forEach((feature, index) => {
    const location = locateFeature(result.file, feature);
    const position = representativePoint(feature.geometry);
    if (!position) {
      const got = feature.geometry?.type ?? 'none';
      issues.push({
        ...location,
        field: 'geometry',
        ...because(`a facility needs a point or an area, got ${got}`, 'issue.mapping.facilityNeedsPoint', {
          got: feature.geometry?.type ?? issueMessage('issue.value.none'),
        }),
      });
      return;
    }
    const chosen = override?.(feature.properties);
    const match: FacilityMatch | null = chosen
      ? { category: chosen, via: 'category-field', approximate: false }
      : guessFacilityCategory(feature.properties);
    if (!match) {
      issues.push({
        ...location,
        field: 'category',
        ...because('no facility category could be told from the tags, type or name', 'issue.mapping.noCategory'),
      });
      return;
    }
    const nameField = findField(Object.keys(feature.properties), FACILITY_NAME_FIELDS);
    const id = feature.id ?? `${stem}-${index + 1}`;
    facilities.push({
      facility: { id, category: match.category, name: (nameField ? textOf(feature.properties[nameField]) : undefined) ?? id, position },
      match,
    });
  });
  return { facilities, issues };
}

function representativePoint(geometry: ImportResult['features'][number]['geometry']): LonLat | null {
  switch (geometry?.type) {
    case 'Point':
      return geometry.coordinates;
    case 'MultiPoint':
      return geometry.coordinates[0] ?? null;
    case 'Polygon':
      return ringCentroid(geometry.coordinates);
    case 'MultiPolygon':
      return geometry.coordinates[0] ? ringCentroid(geometry.coordinates[0]) : null;
    default:
      return null;
  }
}
