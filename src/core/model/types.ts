/**
 * The community data model: 人 (people), 房 (houses), 权 (rights) and 社区空间 (community space).
 *
 * These are the in-memory shapes after a community package has been read and validated
 * (see `models/README.md` for the on-disk format and `src/data/package/` for validation).
 * All coordinates are WGS84 / CGCS2000 longitude-latitude in degrees; all lengths are metres,
 * all areas square metres, and the unit is in the field name where it is not obvious.
 */

/** Longitude, latitude in degrees (WGS84 / CGCS2000, which differ by centimetres). */
export type LonLat = [lon: number, lat: number];
/** A closed linear ring of positions, first === last. */
export type Ring = LonLat[];
/** A polygon: exterior ring first, then holes. */
export type PolygonCoords = Ring[];

export interface LocalizedText {
  zh: string;
  en: string;
}

/** 普惠型 (baseline, mostly retrofits of old estates) or 引领型 (leading, new-build or high-ambition). */
export type CommunityType = 'puhui' | 'yinling';
/** 旧改类 / 新建类 / 全域类. */
export type RenewalType = 'renewal' | 'new-build' | 'whole-area';

export const BUILDING_USES = [
  'residential',
  'mixed',
  'commercial',
  'education',
  'public-service',
  'office',
  'industrial',
  'other',
] as const;
export type BuildingUse = (typeof BUILDING_USES)[number];

/** 砖混 / 钢筋混凝土 / 钢结构 / 砖木 / 其他. */
export const STRUCTURES = ['brick-concrete', 'reinforced-concrete', 'steel', 'brick-timber', 'other'] as const;
export type Structure = (typeof STRUCTURES)[number];

/** 专业物业 / 自治管理 / 政府兜底 (街道托管) / 无物业. */
export const PROPERTY_MANAGEMENT = ['professional', 'self-managed', 'government-backstop', 'none'] as const;
export type PropertyManagement = (typeof PROPERTY_MANAGEMENT)[number];

/** 在用 / 低效利用 / 闲置. */
export const IDLE_STATUSES = ['in-use', 'low-use', 'idle'] as const;
export type IdleStatus = (typeof IDLE_STATUSES)[number];

export interface Building {
  id: string;
  name?: string;
  footprint: PolygonCoords;
  floors: number;
  heightMeters: number;
  use: BuildingUse;
  yearBuilt: number;
  structure: Structure;
  hasElevator: boolean;
  propertyManagement: PropertyManagement;
  idleStatus: IdleStatus;
  grossFloorAreaM2: number;
  /** Number of unit entrances (单元) of a residential building. */
  entrances?: number;
  /** CIM level of the model this building is drawn from (CIM2 = block model ≈ LOD1). */
  cimLevel?: number;
}

export const HOUSE_USES = ['residential', 'commercial', 'public-service', 'storage'] as const;
export type HouseUse = (typeof HOUSE_USES)[number];

/** 自住 / 出租 / 空置. */
export const OCCUPANCIES = ['owner-occupied', 'rented', 'vacant'] as const;
export type Occupancy = (typeof OCCUPANCIES)[number];

/** A house (户 / 套): one unit of a building, addressed 幢-单元-层-室. */
export interface House {
  id: string;
  buildingId: string;
  /** 单元 number, 1-based. */
  entrance: number;
  floor: number;
  room: string;
  areaM2: number;
  use: HouseUse;
  occupancy: Occupancy;
  /**
   * 城乡房屋编码: the province-wide unified house code Zhejiang asks for (浙政办发〔2023〕4号). Optional;
   * when present it starts with the 6-digit administrative division code (行政区划代码) and is unique
   * in the package (validation: data/package/houseCodes.ts).
   */
  houseCode?: string;
  /** 标准地址 (一标三实): 行政区划 + 街路巷 + 门牌号 + 幢-单元-层-室. Optional; personal data at room level. */
  standardAddress?: string;
}

/** 不动产权 / 租赁 / 公房 (直管公房) / 使用权. */
export const RIGHT_TYPES = ['property', 'lease', 'public-housing', 'use-right'] as const;
export type RightType = (typeof RIGHT_TYPES)[number];

/** A right (权) on a house, held by a pseudonymous holder. */
export interface Right {
  id: string;
  houseId: string;
  rightType: RightType;
  /** Pseudonymous reference (salted hash upstream); never a name or ID number. */
  holderRef: string;
  /** Share of the right, 0 < share ≤ 1. */
  share: number;
}

export const AGE_BANDS = ['0-2', '3-5', '6-11', '12-14', '15-17', '18-59', '60-69', '70-79', '80+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const ELDERLY_AGE_BANDS: readonly AgeBand[] = ['60-69', '70-79', '80+'];

export const SEXES = ['F', 'M'] as const;
export type Sex = (typeof SEXES)[number];

export const PERSON_TAGS = ['living-alone-elderly', 'disability', 'infant'] as const;
export type PersonTag = (typeof PERSON_TAGS)[number];

/**
 * A resident. Personal data: the UI shows aggregates by default and masks the optional
 * identifying fields (never present in bundled samples, which are synthetic).
 */
export interface Person {
  id: string;
  houseId: string;
  ageBand: AgeBand;
  sex: Sex;
  tags: PersonTag[];
  name?: string;
  phone?: string;
  idNumber?: string;
}

/**
 * One building's residents and rights as counts (resident-stats.csv): what a package carries in place
 * of person rows, which live behind the residents' data service. Raw counts, the community's open
 * statistics at building level; every view still suppresses counts under 5 before showing them.
 * "Above the third floor" is the elevator rule's floor (src/analysis/reuse/elevatorRules.json).
 */
export interface BuildingResidentStats {
  buildingId: string;
  residents: number;
  residentsByAgeBand: Record<AgeBand, number>;
  /** Residents 60+ (the sum of the 60+ age bands). */
  elderly: number;
  elderlyAboveThirdFloor: number;
  /** Residents aged 80+ living above the third floor. */
  elderly80PlusAboveThirdFloor: number;
  residentsAboveThirdFloor: number;
  livingAloneElderly: number;
  withDisability: number;
  withDisabilityAboveThirdFloor: number;
  infants: number;
  /** Houses with at least one resident, and those of them above the third floor. */
  occupiedHomes: number;
  occupiedHomesAboveThirdFloor: number;
  rightsByType: Record<RightType, number>;
}

/** The floor the resident statistics count "above" from (加装电梯: residents above the 3rd floor). */
export const STATS_ABOVE_FLOOR = 3;

/** The facility vocabulary; the service-circle rules key on these ids. */
export const FACILITY_CATEGORIES = [
  'nursery', // 托育 (0–3)
  'kindergarten', // 幼儿园 (3–6)
  'primary-school', // 小学
  'middle-school', // 初中
  'elderly-care', // 养老 / 日间照料
  'elderly-canteen', // 老年食堂 / 助餐点
  'disability-aid', // 助残 / 康复
  'health-station', // 社区卫生服务站
  'culture-station', // 文化活动站
  'fitness', // 健身场地
  'parcel', // 快递 / 邮政
  'grocery', // 综合超市 / 菜市场
  'property-service', // 物业服务
  'community-service', // 社区服务站
  'party-service-centre', // 党群服务中心
  'bus-stop', // 公交站
  'parking', // 停车 / 充电
  'waste-sorting', // 垃圾分类点
  'convenience-shop', // 便民商业网点 (便利店、药店、洗衣、理发…)
  'public-toilet', // 公共厕所
  // The street (街道) 15-minute tier of 杭政办函〔2023〕52号 四(一)1, GB 50180-2018 表B.0.1:
  'community-health-centre', // 社区卫生服务中心 (社区医院)
  'street-service-centre', // 街道社区服务中心
  'street-culture-centre', // 街道文化活动中心
  'nursing-home', // 养老院
  'sports-centre', // 全民健身中心 / 大型多功能运动场地
  'metro-station', // 轨道交通站点
] as const;
export type FacilityCategory = (typeof FACILITY_CATEGORIES)[number];

export const CAPACITY_UNITS = ['places', 'beds', 'seats', 'spaces', 'lockers'] as const;
export type CapacityUnit = (typeof CAPACITY_UNITS)[number];

/**
 * 错时共享: a facility opened to residents outside its own hours (a school's sports field in the
 * evening and at weekends), serving other categories then. 杭政办函〔2023〕52号 四(二)4: 推动企事业单位
 * 向社区开放教育、文体等活动设施和停车场地，实现错时共享.
 */
export interface TimeSharing {
  /** The categories it serves while shared (e.g. fitness for a school field); never its own. */
  categories: FacilityCategory[];
  /** When residents may use it, e.g. "Mo-Fr 17:00-21:00; Sa,Su 08:00-21:00" (core/time/weeklyHours.ts). */
  hours: string;
}

export interface Facility {
  id: string;
  category: FacilityCategory;
  name: string;
  position: LonLat;
  floorAreaM2?: number;
  capacity?: number;
  capacityUnit?: CapacityUnit;
  /** EV charging points, for parking. */
  chargers?: number;
  /** The building it occupies, if any. */
  buildingId?: string;
  /** Shared with residents outside its own hours (错时共享). */
  sharing?: TimeSharing;
}

export const NETWORK_KINDS = ['road', 'footway', 'path', 'steps', 'crossing'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

export interface NetworkLine {
  id: string;
  kind: NetworkKind;
  name?: string;
  coordinates: LonLat[];
}

/** 闲置房产 / 插花地 / 边角地 / 低效地. */
export const REUSE_KINDS = ['idle-property', 'scattered-plot', 'corner-plot', 'inefficient-land'] as const;
export type ReuseKind = (typeof REUSE_KINDS)[number];

export const OWNER_TYPES = ['state', 'collective', 'enterprise', 'community', 'private'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

export interface ReuseSpace {
  id: string;
  kind: ReuseKind;
  name?: string;
  footprint: PolygonCoords;
  areaM2: number;
  ownerType: OwnerType;
  /** For idle property: the building it is in. */
  buildingId?: string;
  floors?: number;
  groundFloorAccess?: boolean;
  currentUse?: string;
}

/**
 * Surfaces of the community's own vector base map. The kind says what a surface IS, because only
 * some count in the indicators (surfaces.ts): a `plaza` is a public activity ground (公共活动场地),
 * unlike a `parking` lot or a `school-yard` (school, kindergarten grounds); a `public-green` is
 * 公共绿地 open to all, unlike `block-green` (宅间/宅旁绿地) and a `private-garden`. `green` is green
 * space of unknown status (format 1.0 packages): drawn, never counted.
 */
export const BASE_KINDS = [
  'ground',
  'road',
  'water',
  'plaza',
  'parking',
  'school-yard',
  'public-green',
  'block-green',
  'private-garden',
  'green',
] as const;
export type BaseKind = (typeof BASE_KINDS)[number];

export interface BaseSurface {
  kind: BaseKind;
  polygon: PolygonCoords;
  /** e.g. 景和游园; shown as evidence. */
  name?: string;
}

/**
 * A governance grid cell (网格): the unit of 基层治理 in Zhejiang, each with its grid workers
 * (专职网格员) and attached volunteers. Households are not stored: they are counted from the houses
 * of the buildings whose footprint centroid lies in the cell.
 */
export interface GridCell {
  id: string;
  name: string;
  polygon: PolygonCoords;
  /** Full-time grid workers (专职网格员). */
  staffCount: number;
  /** Party members and volunteers attached to the cell (党员/志愿者联户). */
  volunteerCount?: number;
}

/**
 * Residents' satisfaction survey (居民满意度). The 2023 opinion makes satisfaction a precondition of
 * acceptance (居民满意度为验收前提), so it gates the overall score.
 */
export interface SatisfactionSurvey {
  /** ISO date of the survey. */
  date: string;
  respondents: number;
  /** Share of respondents satisfied or very satisfied, 0–1. */
  satisfiedShare: number;
  /** Satisfied share per scenario id (0–1), where the survey asked per scenario. */
  byScenario?: Record<string, number>;
}

export interface Attribution {
  text: string;
  url?: string;
  license?: string;
}

/** A context layer drawn around the community (e.g. real OSM buildings), not analysed. */
export interface ContextBuilding {
  id: string;
  name?: string;
  footprint: PolygonCoords;
  heightMeters: number;
  kind: string;
}

export interface CameraBookmark {
  lon: number;
  lat: number;
  heightMeters: number;
  headingDeg: number;
  pitchDeg: number;
}

export interface CommunityManifest {
  format: 'fct-community-package';
  formatVersion: string;
  id: string;
  name: LocalizedText;
  district: LocalizedText;
  street?: LocalizedText;
  communityType: CommunityType;
  renewalType: RenewalType;
  crs: 'EPSG:4326' | 'EPSG:4490';
  centre: LonLat;
  boundary: PolygonCoords;
  attribution: Attribution[];
  dataDate: string;
  /** Present when any layer is synthetic; the UI shows the notice. */
  synthetic?: { layers: string[]; notice: LocalizedText };
  camera?: CameraBookmark;
  survey?: SatisfactionSurvey;
  layers: Record<PackageLayerName, string> & Partial<Record<OptionalPackageLayerName, string>>;
  context?: ContextLayerRef[];
}

export const PACKAGE_LAYERS = ['buildings', 'houses', 'facilities', 'network', 'reuse', 'base'] as const;
export type PackageLayerName = (typeof PACKAGE_LAYERS)[number];
/**
 * Layers a package may leave out (older packages have no grids or resident statistics). Person rows
 * (people, rights) are optional since the bundled packages carry building-level statistics instead:
 * the rows live behind the residents' data service; a planner's own package may still hold them.
 */
export const OPTIONAL_PACKAGE_LAYERS = ['rights', 'people', 'residentStats', 'grids'] as const;
export type OptionalPackageLayerName = (typeof OPTIONAL_PACKAGE_LAYERS)[number];

export interface ContextLayerRef {
  id: string;
  kind: 'buildings';
  /** Path relative to the package folder. */
  path: string;
  attribution: Attribution;
}

/** A whole community, validated and in memory. */
export interface Community {
  manifest: CommunityManifest;
  buildings: Building[];
  houses: House[];
  rights: Right[];
  people: Person[];
  facilities: Facility[];
  network: NetworkLine[];
  reuse: ReuseSpace[];
  base: BaseSurface[];
  /** Governance grid cells; empty when the package has none. */
  grids: GridCell[];
  /** Residents and rights per building as counts; empty when the package has none (it may have person rows). */
  residentStats: BuildingResidentStats[];
  context: { ref: ContextLayerRef; buildings: ContextBuilding[] }[];
}
