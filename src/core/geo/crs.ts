import proj4 from 'proj4';
import { because, type IssueMessage, type Reason } from '../errors';
import type { LonLat } from '../model/types';
import { bd09ToWgs84, gcj02ToWgs84, wgs84ToBd09, wgs84ToGcj02 } from './chinaOffsets';

/**
 * Coordinate reference systems the importers understand, and conversion to WGS84 lon/lat.
 *
 * - **EPSG:4490 (CGCS2000) is treated as EPSG:4326 (WGS84).** The two realisations differ by a
 *   few centimetres in China, below what a community model can show, so lon/lat
 *   pass through unchanged and the CGCS2000 projected systems are computed on the GRS80/CGCS2000
 *   ellipsoid (identical a and 1/f = 298.257222101) without a datum shift. PROJ does the same:
 *   its only EPSG:4326 → EPSG:4549 operation is a "ballpark" (null) datum transformation.
 * - **Axis order.** Every function here takes and returns **x = easting (or longitude),
 *   y = northing (or latitude)**, the order of GeoJSON, shapefiles, proj4js and most GIS files.
 *   The EPSG definitions of EPSG:4549/4528/4548/4527 put northing (X) first, and EPSG:4326/4490
 *   put latitude first; Chinese survey tables follow that (X坐标 = 北, Y坐标 = 东). Files rarely do,
 *   but some do, so `detectAxisOrder` recognises swapped axes from the values themselves and the
 *   importers swap them back (see `createToWgs84`'s `swapAxes`).
 * - Not supported: Xi'an 1980 and Beijing 1954 based systems (their datums differ from CGCS2000 by
 *   tens of metres and need published parameters), local city grids (杭州城市坐标系, parameters not
 *   public), and vertical systems (heights are used as given).
 */
export const CRS_IDS = [
  'EPSG:4326',
  'EPSG:4490',
  'EPSG:4549',
  'EPSG:4528',
  'EPSG:4548',
  'EPSG:4527',
  'EPSG:3857',
  'GCJ-02',
  'BD-09',
] as const;
export type CrsId = (typeof CRS_IDS)[number];

export type AxisOrder = 'east-north' | 'north-east';
type Range = readonly [min: number, max: number];

interface CrsDefinition {
  label: { zh: string; en: string };
  /** proj4 definition of a projected system (x = east, y = north). */
  proj4?: string;
  /** proj4 definition of the lon/lat it is projected from. */
  base?: string;
  /** The axis order of the official (EPSG) definition, for documentation and UI hints. */
  officialAxisOrder: AxisOrder;
  /**
   * Values plausible for data in mainland China (lon 73–136°E, lat 18–54°N): used to recognise
   * swapped axes and to guess an undeclared CRS. Easting and northing ranges never overlap, which
   * is what makes the swap unambiguous.
   */
  east: Range;
  north: Range;
}

const CGCS2000_LONLAT = '+proj=longlat +ellps=GRS80 +no_defs';
const WGS84_LONLAT = '+proj=longlat +datum=WGS84 +no_defs';
/** 3° Gauss-Krüger zone: transverse Mercator, scale 1, on the CGCS2000 (= GRS80) ellipsoid. */
const gaussKruger = (centralMeridianDeg: number, falseEastingMeters: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${centralMeridianDeg} +k=1 +x_0=${falseEastingMeters} +y_0=0 +ellps=GRS80 +units=m +no_defs`;

const LONLAT_EAST: Range = [73, 136];
const LONLAT_NORTH: Range = [3, 54];
/** A 3° zone spans ±1.5° of longitude, i.e. ±~160 km at 18°N; 250 km leaves margin. */
const GK_EAST: Range = [250_000, 750_000];
/** Northings of 18°N–54°N (≈ 2.0–6.0 million metres). */
const GK_NORTH: Range = [1_990_000, 6_000_000];

const DEFINITIONS: Record<CrsId, CrsDefinition> = {
  'EPSG:4326': {
    label: { en: 'WGS 84 (longitude/latitude)', zh: 'WGS84 经纬度' },
    officialAxisOrder: 'north-east',
    east: LONLAT_EAST,
    north: LONLAT_NORTH,
  },
  'EPSG:4490': {
    label: { en: 'CGCS2000 (longitude/latitude)', zh: 'CGCS2000 经纬度' },
    officialAxisOrder: 'north-east',
    east: LONLAT_EAST,
    north: LONLAT_NORTH,
  },
  'EPSG:4549': {
    label: { en: 'CGCS2000 / 3-degree Gauss-Kruger CM 120E', zh: 'CGCS2000 3度带高斯-克吕格 中央经线120°E（无带号）' },
    proj4: gaussKruger(120, 500_000),
    base: CGCS2000_LONLAT,
    officialAxisOrder: 'north-east',
    east: GK_EAST,
    north: GK_NORTH,
  },
  'EPSG:4528': {
    label: { en: 'CGCS2000 / 3-degree Gauss-Kruger zone 40', zh: 'CGCS2000 3度带高斯-克吕格 第40带（带号）' },
    proj4: gaussKruger(120, 40_500_000),
    base: CGCS2000_LONLAT,
    officialAxisOrder: 'north-east',
    east: [40_000_000 + GK_EAST[0], 40_000_000 + GK_EAST[1]],
    north: GK_NORTH,
  },
  'EPSG:4548': {
    label: { en: 'CGCS2000 / 3-degree Gauss-Kruger CM 117E', zh: 'CGCS2000 3度带高斯-克吕格 中央经线117°E（无带号）' },
    proj4: gaussKruger(117, 500_000),
    base: CGCS2000_LONLAT,
    officialAxisOrder: 'north-east',
    east: GK_EAST,
    north: GK_NORTH,
  },
  'EPSG:4527': {
    label: { en: 'CGCS2000 / 3-degree Gauss-Kruger zone 39', zh: 'CGCS2000 3度带高斯-克吕格 第39带（带号）' },
    proj4: gaussKruger(117, 39_500_000),
    base: CGCS2000_LONLAT,
    officialAxisOrder: 'north-east',
    east: [39_000_000 + GK_EAST[0], 39_000_000 + GK_EAST[1]],
    north: GK_NORTH,
  },
  'EPSG:3857': {
    label: { en: 'Web Mercator', zh: 'Web 墨卡托' },
    proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +no_defs',
    base: WGS84_LONLAT,
    officialAxisOrder: 'east-north',
    // 73°E–136°E and 3°N–54°N in spherical Mercator metres.
    east: [8_120_000, 15_140_000],
    north: [330_000, 7_180_000],
  },
  'GCJ-02': {
    label: { en: 'GCJ-02 (AMap/Tencent, offset)', zh: 'GCJ-02 火星坐标（高德/腾讯）' },
    officialAxisOrder: 'east-north',
    east: LONLAT_EAST,
    north: LONLAT_NORTH,
  },
  'BD-09': {
    label: { en: 'BD-09 (Baidu, offset)', zh: 'BD-09 百度坐标' },
    officialAxisOrder: 'east-north',
    east: LONLAT_EAST,
    north: LONLAT_NORTH,
  },
};

export function isCrsId(value: string): value is CrsId {
  return (CRS_IDS as readonly string[]).includes(value);
}

/** "EPSG:4549 — CGCS2000 / 3-degree Gauss-Kruger CM 120E" (or its Chinese label). */
export function crsLabel(crs: CrsId, locale: 'zh-CN' | 'en' = 'en'): string {
  const label = DEFINITIONS[crs].label[locale === 'zh-CN' ? 'zh' : 'en'];
  return crs.startsWith('EPSG:') ? `${crs} — ${label}` : label;
}

/** True for systems in metres (Gauss-Krüger zones, Web Mercator). */
export function isProjected(crs: CrsId): boolean {
  return DEFINITIONS[crs].proj4 !== undefined;
}

/** The axis order of the official definition (EPSG:4549 is northing-first, EPSG:3857 easting-first). */
export function officialAxisOrder(crs: CrsId): AxisOrder {
  return DEFINITIONS[crs].officialAxisOrder;
}

type Converter = { forward: (p: [number, number]) => number[]; inverse: (p: [number, number]) => number[] };
const converters = new Map<CrsId, Converter>();

function converterFor(crs: CrsId): Converter | undefined {
  const def = DEFINITIONS[crs];
  if (!def.proj4 || !def.base) return undefined;
  let converter = converters.get(crs);
  if (!converter) {
    converter = proj4(def.base, def.proj4) as Converter;
    converters.set(crs, converter);
  }
  return converter;
}

/**
 * A function converting (x = east/lon, y = north/lat) in `crs` to WGS84 [lon, lat] — built once per
 * file and called per vertex. With `swapAxes` it reads (x = north, y = east), for files that follow
 * the official northing-first order. Invalid input yields non-finite numbers, never an exception.
 */
export function createToWgs84(crs: CrsId, options: { swapAxes?: boolean } = {}): (x: number, y: number) => LonLat {
  const convert = baseToWgs84(crs);
  return options.swapAxes ? (x, y) => convert(y, x) : convert;
}

function baseToWgs84(crs: CrsId): (x: number, y: number) => LonLat {
  switch (crs) {
    case 'EPSG:4326':
    case 'EPSG:4490':
      return (x, y) => [x, y];
    case 'GCJ-02':
      return (x, y) => gcj02ToWgs84(x, y);
    case 'BD-09':
      return (x, y) => bd09ToWgs84(x, y);
    default: {
      const converter = converterFor(crs)!;
      return (x, y) => {
        if (!Number.isFinite(x) || !Number.isFinite(y)) return [Number.NaN, Number.NaN];
        try {
          const [lon, lat] = converter.inverse([x, y]);
          return [lon, lat];
        } catch {
          return [Number.NaN, Number.NaN];
        }
      };
    }
  }
}

/** Converts one position (x = east/lon, y = north/lat) in `crs` to WGS84 [lon, lat]. */
export function toWgs84(crs: CrsId, x: number, y: number): LonLat {
  return baseToWgs84(crs)(x, y);
}

/** Converts WGS84 lon/lat to (x = east/lon, y = north/lat) in `crs`. */
export function fromWgs84(crs: CrsId, lon: number, lat: number): [x: number, y: number] {
  switch (crs) {
    case 'EPSG:4326':
    case 'EPSG:4490':
      return [lon, lat];
    case 'GCJ-02':
      return wgs84ToGcj02(lon, lat);
    case 'BD-09':
      return wgs84ToBd09(lon, lat);
    default: {
      const [x, y] = converterFor(crs)!.forward([lon, lat]);
      return [x, y];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Axis order and guessing from coordinate values

/** A position as read from a file: x first, y second (any further ordinates ignored). */
export type CoordinateSample = readonly number[];

const inRange = (value: number, [min, max]: Range) => value >= min && value <= max;

export interface AxisOrderGuess {
  /** 'east-north' when x holds eastings (or longitudes); 'unknown' when the values fit neither way. */
  order: AxisOrder | 'unknown';
  /** Finite samples that fit the returned order (or the better of the two when unknown). */
  fitting: number;
  /** Finite samples looked at. */
  total: number;
}

/** Share of finite samples that must fit one order: a few broken positions must not hide the pattern. */
const AXIS_ORDER_QUORUM = 0.9;

/**
 * Recognises swapped axes from the values: in China a 3° Gauss-Krüger easting is 250–750 km
 * (40,250–40,750 km with the zone 40 prefix) while a northing is 2,000–6,000 km (Zhejiang: about
 * 3,000–3,500 km), and a longitude (73–136) never looks like a latitude (3–54). At least 90 % of
 * the finite samples must fit the same way, else the answer is 'unknown'; the misfits are left
 * for the readers to skip as out of range.
 */
export function detectAxisOrder(crs: CrsId, samples: Iterable<CoordinateSample>): AxisOrderGuess {
  const { east, north } = DEFINITIONS[crs];
  let asIs = 0;
  let swapped = 0;
  let total = 0;
  for (const sample of samples) {
    const x = sample[0];
    const y = sample[1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    total++;
    if (inRange(x, east) && inRange(y, north)) asIs++;
    else if (inRange(y, east) && inRange(x, north)) swapped++;
  }
  const quorum = Math.max(1, Math.ceil(total * AXIS_ORDER_QUORUM));
  if (asIs >= quorum) return { order: 'east-north', fitting: asIs, total };
  if (swapped >= quorum) return { order: 'north-east', fitting: swapped, total };
  return { order: 'unknown', fitting: Math.max(asIs, swapped), total };
}

export type CrsConfidence = 'declared' | 'guessed' | 'unknown';

export interface CrsDetection {
  /** null when the CRS is unknown or declared but unsupported. */
  crs: CrsId | null;
  confidence: CrsConfidence;
  /** What the file declared, verbatim (shortened), when it declared anything. */
  declared?: string;
  /** From the coordinate values, when samples were given: 'north-east' means x holds northings. */
  axisOrder: AxisOrder | 'unknown';
  /** false when samples were given and fit the CRS in neither axis order (wrong declaration?). */
  coordinatesFit?: boolean;
  /** One English sentence saying how the answer was reached, for logs and the import dialog. */
  reason: string;
  /** The same as a message, for the UI. */
  message?: IssueMessage;
}

/**
 * Guesses an undeclared CRS from coordinate values. Lon/lat cannot be told from GCJ-02/BD-09 (they
 * differ by < 1.2 km), so lon/lat is reported as EPSG:4326 and the user must say if it came from
 * AMap/Baidu. Unprefixed Gauss-Krüger values cannot tell zone 40 from zone 39; zone 40 (CM 120°E,
 * all of Hangzhou east of 118.5°E) is assumed.
 */
export function guessCrsFromCoordinates(samples: Iterable<CoordinateSample>): CrsDetection {
  const list = [...samples].filter((s) => Number.isFinite(s[0]) && Number.isFinite(s[1]));
  if (list.length === 0)
    return {
      crs: null,
      confidence: 'unknown',
      axisOrder: 'unknown',
      ...because('no finite coordinates to guess from', 'issue.crs.noCoordinates'),
    };
  const candidates: [CrsId, Reason][] = [
    [
      'EPSG:4326',
      because(
        'values look like longitude/latitude in China (could also be CGCS2000, or GCJ-02/BD-09 if taken from AMap/Baidu)',
        'issue.crs.looksLonLat',
      ),
    ],
    ['EPSG:4528', because('eastings carry the zone-40 prefix (40,xxx,xxx m): CGCS2000 3° zone 40', 'issue.crs.looksZone40')],
    ['EPSG:4527', because('eastings carry the zone-39 prefix (39,xxx,xxx m): CGCS2000 3° zone 39', 'issue.crs.looksZone39')],
    [
      'EPSG:4549',
      because(
        'values look like 3° Gauss-Krüger metres without zone prefix; CM 120°E assumed (use EPSG:4548 west of 118.5°E)',
        'issue.crs.looksGaussKruger',
      ),
    ],
    ['EPSG:3857', because('values look like Web Mercator metres', 'issue.crs.looksWebMercator')],
  ];
  for (const [crs, why] of candidates) {
    const { order } = detectAxisOrder(crs, list);
    if (order !== 'unknown') {
      const swap =
        order === 'north-east' ? because('; x holds northings (latitudes), so the axes are swapped', 'issue.crs.swapNote') : null;
      return {
        crs,
        confidence: 'guessed',
        axisOrder: order,
        coordinatesFit: true,
        ...because(`guessed from coordinates: ${why.reason}${swap?.reason ?? ''}`, 'issue.crs.guessed', {
          why: why.message!,
          swap: swap?.message ?? '',
        }),
      };
    }
  }
  return {
    crs: null,
    confidence: 'unknown',
    axisOrder: 'unknown',
    coordinatesFit: false,
    ...because('the coordinates fit none of the supported systems for China (local city grid? mixed systems?)', 'issue.crs.fitsNone'),
  };
}

// ---------------------------------------------------------------------------------------------
// Declared CRS: names, URNs, URIs

const shorten = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text).trim();

/**
 * Parses a CRS reference as found in GeoJSON `crs` members, CityJSON `metadata.referenceSystem`
 * and UI input: `EPSG:4549`, `urn:ogc:def:crs:EPSG::4549`, `urn:ogc:def:crs:EPSG:6.6:4549`,
 * `https://www.opengis.net/def/crs/EPSG/0/4549`, `urn:ogc:def:crs:OGC:1.3:CRS84`, `CRS84`,
 * `4549`, `CGCS2000`, `WGS84`, `GCJ-02`, `BD-09`. Returns the EPSG code as text when it is
 * one we do not support, so the caller can name it.
 */
export function parseCrsName(name: string): { crs: CrsId | null; code?: string } {
  const text = name.trim();
  if (/(^|[:/])CRS:?84$/i.test(text)) return { crs: 'EPSG:4326' };
  if (/^gcj[-_ ]?0?2$/i.test(text)) return { crs: 'GCJ-02' };
  if (/^bd[-_ ]?0?9(ll)?$/i.test(text)) return { crs: 'BD-09' };
  if (/^cgcs\s*2000$/i.test(text)) return { crs: 'EPSG:4490' };
  if (/^wgs\s*-?\s*(19)?84$/i.test(text)) return { crs: 'EPSG:4326' };
  const match = /EPSG(?::[\d.]*:|:|\/[\d.]+\/)\s*(\d+)/i.exec(text) ?? /^(\d{4,6})$/.exec(text);
  if (!match) return { crs: null };
  const id = `EPSG:${match[1]}`;
  return isCrsId(id) ? { crs: id } : { crs: null, code: id };
}

export function detectCrsFromName(name: string): CrsDetection {
  const { crs, code } = parseCrsName(name);
  const declared = shorten(name);
  if (crs)
    return {
      crs,
      confidence: 'declared',
      declared,
      axisOrder: 'unknown',
      ...because(`declared as "${declared}"`, 'issue.crs.declaredAs', { declared }),
    };
  return {
    crs: null,
    confidence: 'unknown',
    declared,
    axisOrder: 'unknown',
    ...(code
      ? because(`declared ${code}, which is not supported`, 'issue.crs.declaredUnsupported', { code })
      : because(`unrecognised CRS reference "${declared}"`, 'issue.crs.unrecognised', { declared })),
  };
}

// ---------------------------------------------------------------------------------------------
// Declared CRS: WKT (.prj files, ESRI WKT1, OGC/GDAL WKT1, WKT2)

/** Lower-case letters and digits only, so "CGCS2000 / 3-degree Gauss-Kruger CM 120E" ~ "CGCS2000_3_Degree_GK_CM_120E". */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const NAMED: [RegExp, CrsId][] = [
  [/^cgcs20003degree(gk|gausskruger)cm120e$/, 'EPSG:4549'],
  [/^cgcs20003degree(gk|gausskruger)zone40$/, 'EPSG:4528'],
  [/^cgcs20003degree(gk|gausskruger)cm117e$/, 'EPSG:4548'],
  [/^cgcs20003degree(gk|gausskruger)zone39$/, 'EPSG:4527'],
  [/webmercator|pseudomercator|popularvisualisation/, 'EPSG:3857'],
  [/^(gcs)?chinageodeticcoordinatesystem2000$|^(gcs)?cgcs2000$/, 'EPSG:4490'],
  [/^(gcs)?wgs(19)?84$/, 'EPSG:4326'],
];

/** Datums whose systems are NOT CGCS2000-compatible (offsets of tens of metres). */
const FOREIGN_DATUM = /beijing|xian|xi_an|1954|1980/;

interface WktSummary {
  kind: string;
  name: string;
  datum: string;
  method: string;
  parameters: Map<string, number>;
  /** EPSG code attached to the top-level CRS, if any. */
  topLevelEpsg?: string;
}

function summariseWkt(wkt: string): WktSummary | null {
  const head = /^\s*([A-Za-z_]+)\s*[[(]\s*"([^"]*)"/.exec(wkt);
  if (!head) return null;
  const parameters = new Map<string, number>();
  for (const m of wkt.matchAll(/PARAMETER\s*[[(]\s*"([^"]*)"\s*,\s*([-+0-9.eE]+)/gi)) parameters.set(squash(m[1]), Number(m[2]));
  // The top-level authority sits at bracket depth 1 (a direct child of PROJCS/GEOGCS/…); nested
  // ones (the base GEOGCS, the datum) must not be mistaken for the whole CRS's.
  let topLevelEpsg: string | undefined;
  for (const m of wkt.matchAll(/(?:AUTHORITY\s*[[(]\s*"EPSG"\s*,\s*"?(\d+)"?|\bID\s*[[(]\s*"EPSG"\s*,\s*"?(\d+)"?)/gi)) {
    if (bracketDepthAt(wkt, m.index) === 1) topLevelEpsg = m[1] ?? m[2];
  }
  return {
    kind: head[1].toUpperCase(),
    name: head[2],
    datum: /DATUM\s*[[(]\s*"([^"]*)"/i.exec(wkt)?.[1] ?? '',
    method: /(?:PROJECTION|METHOD)\s*[[(]\s*"([^"]*)"/i.exec(wkt)?.[1] ?? '',
    parameters,
    topLevelEpsg,
  };
}

function bracketDepthAt(text: string, index: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < index; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '[' || c === '(')) depth++;
    else if (!quoted && (c === ']' || c === ')')) depth--;
  }
  return depth;
}

/** Gauss-Krüger / transverse Mercator on CGCS2000 (or WGS84, cm-equal) by its parameters. */
function crsFromTmParameters(summary: WktSummary): CrsId | null {
  if (!/gauss|transverse/i.test(summary.method)) return null;
  const p = (name: string, fallback: number) => summary.parameters.get(name) ?? fallback;
  const cm = p('centralmeridian', p('longitudeofnaturalorigin', Number.NaN));
  const fe = p('falseeasting', Number.NaN);
  const k = p('scalefactor', p('scalefactoratnaturalorigin', 1));
  const lat0 = p('latitudeoforigin', p('latitudeofnaturalorigin', 0));
  const fn = p('falsenorthing', 0);
  if (k !== 1 || lat0 !== 0 || fn !== 0) return null;
  if (cm === 120 && fe === 500_000) return 'EPSG:4549';
  if (cm === 120 && fe === 40_500_000) return 'EPSG:4528';
  if (cm === 117 && fe === 500_000) return 'EPSG:4548';
  if (cm === 117 && fe === 39_500_000) return 'EPSG:4527';
  return null;
}

export function detectCrsFromWkt(wkt: string): CrsDetection {
  const declared = shorten(wkt.replace(/\s+/g, ' '));
  const unknown = (why: Reason): CrsDetection => ({ crs: null, confidence: 'unknown', declared, axisOrder: 'unknown', ...why });
  const summary = summariseWkt(wkt);
  if (!summary) return unknown(because('the .prj text is not WKT', 'issue.crs.notWkt'));
  const found = (crs: CrsId, how: Reason): CrsDetection => ({
    crs,
    confidence: 'declared',
    declared,
    axisOrder: 'unknown',
    ...because(`declared in WKT (${how.reason})`, 'issue.crs.declaredInWkt', { how: how.message ?? how.reason }),
  });
  if (summary.topLevelEpsg) {
    const id = `EPSG:${summary.topLevelEpsg}`;
    if (isCrsId(id)) return found(id, because(`authority ${id}`, 'issue.crs.byAuthority', { crs: id }));
  }
  const datum = squash(summary.datum);
  if (FOREIGN_DATUM.test(squash(summary.name)) || FOREIGN_DATUM.test(datum)) {
    const datumName = summary.datum || { zh: '北京 1954 / 西安 1980', en: "Beijing 1954 / Xi'an 1980" };
    return unknown(
      because(
        `"${summary.name}" is on the ${typeof datumName === 'string' ? datumName : datumName.en} datum, which differs from CGCS2000 by tens of metres; reproject it to CGCS2000 first`,
        'issue.crs.foreignDatum',
        { name: summary.name, datum: datumName },
      ),
    );
  }
  const squashed = squash(summary.name);
  for (const [pattern, crs] of NAMED)
    if (pattern.test(squashed)) return found(crs, because(`name "${summary.name}"`, 'issue.crs.byName', { name: summary.name }));
  const projected = /^PROJ/.test(summary.kind);
  if (projected) {
    const datumOk = /china2000|cgcs2000|wgs1984|wgs84|worldgeodeticsystem1984/.test(datum);
    const byParameters = datumOk ? crsFromTmParameters(summary) : null;
    if (byParameters) {
      return found(
        byParameters,
        because(`${summary.method}, central meridian and false easting of "${summary.name}"`, 'issue.crs.byParameters', {
          method: summary.method,
          name: summary.name,
        }),
      );
    }
    if (/mercator/i.test(summary.method) && /auxiliary|pseudo|popular/i.test(summary.method + summary.name)) {
      return found('EPSG:3857', { reason: summary.method });
    }
  } else if (/china2000|cgcs2000/.test(datum)) {
    return found('EPSG:4490', because(`datum "${summary.datum}"`, 'issue.crs.byDatum', { datum: summary.datum }));
  } else if (/wgs1984|wgs84|worldgeodeticsystem1984/.test(datum)) {
    return found('EPSG:4326', because(`datum "${summary.datum}"`, 'issue.crs.byDatum', { datum: summary.datum }));
  }
  const code = summary.topLevelEpsg ? ` (EPSG:${summary.topLevelEpsg})` : '';
  return unknown(because(`"${summary.name}"${code} is not a supported CRS`, 'issue.crs.unsupportedWkt', { name: summary.name, code }));
}

// ---------------------------------------------------------------------------------------------

export interface CrsSource {
  /** Contents of a .prj file (or any WKT). */
  wkt?: string;
  /** A CRS reference: GeoJSON `crs` name, CityJSON `referenceSystem`, "EPSG:4549"… */
  name?: string;
  /** Coordinates as stored (x first), to check the declaration and the axis order, or to guess. */
  samples?: readonly CoordinateSample[];
}

/**
 * Works out the CRS of a file: a declaration (WKT, then name) wins; coordinates then tell the
 * axis order and whether they fit. Without a usable declaration the CRS is guessed from the
 * coordinates. A declared but unsupported CRS is never replaced by a guess (it would silently
 * misplace data by tens of metres); the caller must ask the user.
 */
export function detectCrs(source: CrsSource): CrsDetection {
  const declared = source.wkt?.trim() ? detectCrsFromWkt(source.wkt) : source.name?.trim() ? detectCrsFromName(source.name) : undefined;
  const samples = source.samples ?? [];
  if (declared?.crs) {
    if (samples.length === 0) return declared;
    const { order } = detectAxisOrder(declared.crs, samples);
    const declaredWhy = declared.message ?? declared.reason;
    if (order !== 'unknown') {
      if (order !== 'north-east') return { ...declared, axisOrder: order, coordinatesFit: true };
      const note = '; the coordinates are stored northing-first, so the axes are swapped';
      return {
        ...declared,
        axisOrder: order,
        coordinatesFit: true,
        ...because(declared.reason + note, 'issue.crs.declaredSwapped', { declared: declaredWhy }),
      };
    }
    const guess = guessCrsFromCoordinates(samples);
    const hint = guess.crs ? because(` (they look like ${guess.crs})`, 'issue.crs.looksLike', { crs: guess.crs }) : null;
    return {
      ...declared,
      coordinatesFit: false,
      ...because(`${declared.reason}, but the coordinates do not fit it${hint?.reason ?? ''}`, 'issue.crs.declaredMisfit', {
        declared: declaredWhy,
        hint: hint?.message ?? '',
      }),
    };
  }
  if (declared) return declared;
  return guessCrsFromCoordinates(samples);
}
