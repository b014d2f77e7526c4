import { describe, expect, it } from 'vitest';
import {
  CRS_IDS,
  createToWgs84,
  crsLabel,
  detectAxisOrder,
  detectCrs,
  detectCrsFromName,
  detectCrsFromWkt,
  fromWgs84,
  guessCrsFromCoordinates,
  parseCrsName,
  toWgs84,
  type CrsId,
} from '../../../../src/core/geo/crs';
import { createLocalFrame } from '../../../../src/core/geo/localFrame';

/**
 * Control points computed with PROJ 9.1.1 (Debian bookworm package proj-bin):
 *
 *   echo "30.2500 120.1500" | cs2cs -f "%.4f" EPSG:4490 EPSG:4549
 *
 * cs2cs follows each CRS's official axis order: EPSG:4490 input is "lat lon" and EPSG:4549/4528/
 * 4548/4527 output is "northing easting"; EPSG:3857 output is "easting northing". EPSG:4490 is
 * used as the source so that no datum question arises (PROJ's EPSG:4326 → EPSG:4549 is the same
 * ballpark null transformation anyway: `projinfo -s EPSG:4326 -t EPSG:4549` lists one candidate).
 *
 *   site                      lat lon           → EPSG:4549 (N E)          EPSG:4528 (N E)             EPSG:3857 (E N)
 *   West Lake (西湖)           30.2500 120.1500  3347836.5560 514436.5362   3347836.5560 40514436.5362  13375036.8188 3535725.6598
 *   上城 (Shangcheng)          30.2690 120.1805  3349947.1060 517368.6259   3349947.1060 40517368.6259  13378432.0633 3538174.3608
 *   拱墅 (Gongshu, 瓜山)        30.3500 120.1300  3358919.9521 512498.9726   3358919.9521 40512498.9726  13372810.4290 3548618.8829
 *   滨江 (Binjiang)            30.2100 120.2100  3343411.4274 520219.3443   3343411.4274 40520219.3443  13381715.9883 3530572.0469
 *   萧山 瓜沥 (Xiaoshan)        30.2300 120.4700  3345703.3362 545243.8660   3345703.3362 40545243.8660  13410659.0559 3533148.5913
 *
 *   zone 39 (CM 117°E):       lat lon           → EPSG:4548 (N E)          EPSG:4527 (N E)
 *   淳安 west (威坪 area)       29.7000 118.4500  3287738.3300 640331.6747   3287738.3300 39640331.6747
 *   淳安 千岛湖镇 (in zone 40    29.6050 119.0400  3278066.5390 697628.3669   3278066.5390 39697628.3669
 *     but zone 39 still valid)
 *
 * Inverse, `cs2cs -f "%.9f" EPSG:4549 EPSG:4490` (input "N E", output "lat lon"):
 *   3350000 520000          → 30.269436586 120.207846898
 *   EPSG:4528 3350000 40520000 → 30.269436586 120.207846898
 *   EPSG:4548 3290000 640000   → 29.720434364 118.446866289
 *   EPSG:3857 13375000 3535700 (E N) → 30.249800881 120.149669251
 */
interface ControlPoint {
  site: string;
  lon: number;
  lat: number;
  expected: Partial<Record<CrsId, [east: number, north: number]>>;
}

const CONTROL_POINTS: ControlPoint[] = [
  {
    site: 'West Lake',
    lon: 120.15,
    lat: 30.25,
    expected: {
      'EPSG:4549': [514436.5362, 3347836.556],
      'EPSG:4528': [40514436.5362, 3347836.556],
      'EPSG:3857': [13375036.8188, 3535725.6598],
    },
  },
  {
    site: '上城',
    lon: 120.1805,
    lat: 30.269,
    expected: {
      'EPSG:4549': [517368.6259, 3349947.106],
      'EPSG:4528': [40517368.6259, 3349947.106],
      'EPSG:3857': [13378432.0633, 3538174.3608],
    },
  },
  {
    site: '拱墅',
    lon: 120.13,
    lat: 30.35,
    expected: {
      'EPSG:4549': [512498.9726, 3358919.9521],
      'EPSG:4528': [40512498.9726, 3358919.9521],
      'EPSG:3857': [13372810.429, 3548618.8829],
    },
  },
  {
    site: '滨江',
    lon: 120.21,
    lat: 30.21,
    expected: {
      'EPSG:4549': [520219.3443, 3343411.4274],
      'EPSG:4528': [40520219.3443, 3343411.4274],
      'EPSG:3857': [13381715.9883, 3530572.0469],
    },
  },
  {
    site: '萧山',
    lon: 120.47,
    lat: 30.23,
    expected: {
      'EPSG:4549': [545243.866, 3345703.3362],
      'EPSG:4528': [40545243.866, 3345703.3362],
      'EPSG:3857': [13410659.0559, 3533148.5913],
    },
  },
  {
    site: '淳安 west',
    lon: 118.45,
    lat: 29.7,
    expected: { 'EPSG:4548': [640331.6747, 3287738.33], 'EPSG:4527': [39640331.6747, 3287738.33] },
  },
  {
    site: '淳安 千岛湖镇',
    lon: 119.04,
    lat: 29.605,
    expected: { 'EPSG:4548': [697628.3669, 3278066.539], 'EPSG:4527': [39697628.3669, 3278066.539] },
  },
];

/** cs2cs prints 4 decimals, so ±0.00005 m of rounding; the requirement is 0.01 m. */
const TOLERANCE_METERS = 0.01;

/** Distance in metres between two lon/lat points (local tangent plane; fine at these scales). */
function metersBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const [e, n] = createLocalFrame([a[0], a[1]]).toLocal([b[0], b[1]]);
  return Math.hypot(e, n);
}

describe('fromWgs84 / toWgs84 against PROJ cs2cs', () => {
  for (const point of CONTROL_POINTS) {
    for (const [crs, [east, north]] of Object.entries(point.expected) as [CrsId, [number, number]][]) {
      it(`${point.site} (${point.lon}, ${point.lat}) → ${crs} agrees with cs2cs within 1 cm, and back`, () => {
        const [x, y] = fromWgs84(crs, point.lon, point.lat);
        expect(Math.abs(x - east)).toBeLessThan(TOLERANCE_METERS);
        expect(Math.abs(y - north)).toBeLessThan(TOLERANCE_METERS);
        // The inverse of cs2cs's own numbers lands within a centimetre of the original point.
        expect(metersBetween(toWgs84(crs, east, north), [point.lon, point.lat])).toBeLessThan(TOLERANCE_METERS);
      });
    }
  }

  it('inverts the cs2cs inverse control points within 1 cm', () => {
    const cases: [CrsId, number, number, number, number][] = [
      ['EPSG:4549', 520000, 3350000, 120.207846898, 30.269436586],
      ['EPSG:4528', 40520000, 3350000, 120.207846898, 30.269436586],
      ['EPSG:4548', 640000, 3290000, 118.446866289, 29.720434364],
      ['EPSG:3857', 13375000, 3535700, 120.149669251, 30.249800881],
    ];
    for (const [crs, x, y, lon, lat] of cases) {
      expect(metersBetween(toWgs84(crs, x, y), [lon, lat])).toBeLessThan(TOLERANCE_METERS);
    }
  });

  it('passes EPSG:4326 and EPSG:4490 lon/lat through unchanged (CGCS2000 = WGS84 at cm level)', () => {
    expect(toWgs84('EPSG:4490', 120.15, 30.25)).toEqual([120.15, 30.25]);
    expect(fromWgs84('EPSG:4326', 120.15, 30.25)).toEqual([120.15, 30.25]);
  });

  it('reads northing-first coordinates when asked to swap axes', () => {
    const northFirst = createToWgs84('EPSG:4549', { swapAxes: true });
    expect(metersBetween(northFirst(3347836.556, 514436.5362), [120.15, 30.25])).toBeLessThan(TOLERANCE_METERS);
  });

  it('returns non-finite numbers rather than throwing for NaN input', () => {
    const [lon, lat] = toWgs84('EPSG:4549', Number.NaN, 3347836);
    expect(Number.isFinite(lon) || Number.isFinite(lat)).toBe(false);
  });
});

describe('GCJ-02 and BD-09', () => {
  it('shifts West Lake (120.15, 30.25) by +0.00471°, −0.00232° ≈ +453 m E, −258 m N (public GCJ-02 formula)', () => {
    const [gLon, gLat] = toWgs84('EPSG:4326', ...fromWgs84('GCJ-02', 120.15, 30.25));
    const [lon, lat] = fromWgs84('GCJ-02', 120.15, 30.25);
    expect(lon - 120.15).toBeCloseTo(0.00471, 5);
    expect(lat - 30.25).toBeCloseTo(-0.00232, 5);
    const [east, north] = createLocalFrame([120.15, 30.25]).toLocal([gLon, gLat]);
    expect(east).toBeGreaterThan(448);
    expect(east).toBeLessThan(458);
    expect(north).toBeGreaterThan(-263);
    expect(north).toBeLessThan(-253);
  });

  it('matches a table of Hangzhou offsets to the 5 decimals it gives', () => {
    // [lon, lat, GCJ−WGS Δlon, Δlat, BD−WGS Δlon, Δlat] computed with the public GCJ-02/BD-09 formulas and kept to 5 decimals.
    const table: [number, number, number, number, number, number][] = [
      [120.15, 30.25, 0.00471, -0.00232, 0.01124, 0.00359],
      [120.19, 30.26, 0.00459, -0.00239, 0.01117, 0.00335],
      [120.13, 30.35, 0.00477, -0.00228, 0.01119, 0.00397],
      [120.21, 30.21, 0.00453, -0.00243, 0.01099, 0.00365],
      [120.47, 30.23, 0.00444, -0.00237, 0.01084, 0.00398],
    ];
    for (const [lon, lat, gLon, gLat, bLon, bLat] of table) {
      const g = fromWgs84('GCJ-02', lon, lat);
      const b = fromWgs84('BD-09', lon, lat);
      expect(g[0] - lon).toBeCloseTo(gLon, 5);
      expect(g[1] - lat).toBeCloseTo(gLat, 5);
      expect(b[0] - lon).toBeCloseTo(bLon, 5);
      expect(b[1] - lat).toBeCloseTo(bLat, 5);
    }
  });

  it('inverts GCJ-02 and BD-09 to within 1 cm of the original point (iterated inverse)', () => {
    for (const point of CONTROL_POINTS) {
      for (const crs of ['GCJ-02', 'BD-09'] as const) {
        const shifted = fromWgs84(crs, point.lon, point.lat);
        expect(metersBetween(toWgs84(crs, shifted[0], shifted[1]), [point.lon, point.lat])).toBeLessThan(0.01);
      }
    }
  });

  it('leaves points outside China unshifted (the public formula’s own rectangle)', () => {
    expect(fromWgs84('GCJ-02', 2.35, 48.85)).toEqual([2.35, 48.85]);
  });
});

describe('axis order', () => {
  it('sees eastings first for shapefile-style (E, N) Gauss-Krüger values and northings first when swapped', () => {
    expect(detectAxisOrder('EPSG:4549', [[514436, 3347836]]).order).toBe('east-north');
    expect(detectAxisOrder('EPSG:4549', [[3347836, 514436]]).order).toBe('north-east');
    expect(detectAxisOrder('EPSG:4528', [[3347836, 40514436]]).order).toBe('north-east');
    expect(detectAxisOrder('EPSG:4326', [[30.25, 120.15]]).order).toBe('north-east');
  });

  it('answers unknown when the values fit the CRS in neither order', () => {
    expect(detectAxisOrder('EPSG:4549', [[120.15, 30.25]]).order).toBe('unknown');
    expect(
      detectAxisOrder('EPSG:4549', [
        [514436, 3347836],
        [120, 30],
      ]).order,
    ).toBe('unknown');
  });
});

describe('guessCrsFromCoordinates', () => {
  it.each([
    [[120.15, 30.25], 'EPSG:4326', 'east-north'],
    [[514436.5, 3347836.6], 'EPSG:4549', 'east-north'],
    [[3347836.6, 514436.5], 'EPSG:4549', 'north-east'],
    [[40514436.5, 3347836.6], 'EPSG:4528', 'east-north'],
    [[39640331.7, 3287738.3], 'EPSG:4527', 'east-north'],
    [[13375036.8, 3535725.7], 'EPSG:3857', 'east-north'],
  ] as const)('guesses %j as %s (%s)', (sample, crs, order) => {
    const guess = guessCrsFromCoordinates([sample]);
    expect(guess).toMatchObject({ crs, confidence: 'guessed', axisOrder: order });
  });

  it('gives up on values that fit nothing (e.g. a local grid with small numbers)', () => {
    expect(guessCrsFromCoordinates([[1234.5, 5678.9]])).toMatchObject({ crs: null, confidence: 'unknown' });
  });
});

describe('detectCrs from .prj WKT', () => {
  // From `projinfo EPSG:xxxx -o WKT1_ESRI -q` (PROJ 9.1.1), as ArcGIS writes .prj files.
  const ESRI_4549 =
    'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
  const ESRI_4528 =
    'PROJCS["CGCS2000_3_Degree_GK_Zone_40",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",40500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
  const ESRI_4490 =
    'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
  const ESRI_4326 =
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
  const ESRI_3857 =
    'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]';
  const ESRI_4527 =
    'PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
  // `projinfo EPSG:4549 -o WKT1_GDAL -q` (what GDAL/QGIS write), with its top-level AUTHORITY.
  const GDAL_4549 = `PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 120E",
    GEOGCS["China Geodetic Coordinate System 2000",
        DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],
        PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],
        UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],
        AUTHORITY["EPSG","4490"]],
    PROJECTION["Transverse_Mercator"],
    PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",120],PARAMETER["scale_factor",1],
    PARAMETER["false_easting",500000],PARAMETER["false_northing",0],
    UNIT["metre",1,AUTHORITY["EPSG","9001"]],
    AUTHORITY["EPSG","4549"]]`;
  // `projinfo EPSG:4549 -o WKT2_2019 -q --single-line`, shortened (USAGE dropped).
  const WKT2_4549 =
    'PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 120E",BASEGEOGCRS["China Geodetic Coordinate System 2000",DATUM["China 2000",ELLIPSOID["CGCS2000",6378137,298.257222101,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4490]],CONVERSION["3-degree Gauss-Kruger CM 120E",METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",120,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],PARAMETER["Scale factor at natural origin",1,SCALEUNIT["unity",1],ID["EPSG",8805]],PARAMETER["False easting",500000,LENGTHUNIT["metre",1],ID["EPSG",8806]],PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["northing (X)",north,ORDER[1],LENGTHUNIT["metre",1]],AXIS["easting (Y)",east,ORDER[2],LENGTHUNIT["metre",1]],ID["EPSG",4549]]';

  it.each([
    ['ESRI CGCS2000_3_Degree_GK_CM_120E', ESRI_4549, 'EPSG:4549'],
    ['ESRI CGCS2000_3_Degree_GK_Zone_40', ESRI_4528, 'EPSG:4528'],
    ['ESRI CGCS2000_3_Degree_GK_Zone_39', ESRI_4527, 'EPSG:4527'],
    ['ESRI GCS_China_Geodetic_Coordinate_System_2000', ESRI_4490, 'EPSG:4490'],
    ['ESRI GCS_WGS_1984', ESRI_4326, 'EPSG:4326'],
    ['ESRI WGS_1984_Web_Mercator_Auxiliary_Sphere', ESRI_3857, 'EPSG:3857'],
    ['GDAL WKT1 with AUTHORITY["EPSG","4549"]', GDAL_4549, 'EPSG:4549'],
    ['WKT2 with ID["EPSG",4549]', WKT2_4549, 'EPSG:4549'],
  ])('recognises %s', (_name, wkt, crs) => {
    expect(detectCrsFromWkt(wkt)).toMatchObject({ crs, confidence: 'declared' });
  });

  it('recognises a renamed Gauss-Krüger CRS by its projection parameters', () => {
    const custom = ESRI_4549.replace('CGCS2000_3_Degree_GK_CM_120E', 'Hangzhou_Project_Grid');
    expect(detectCrsFromWkt(custom)).toMatchObject({ crs: 'EPSG:4549', confidence: 'declared' });
    const prefixed = ESRI_4528.replace('CGCS2000_3_Degree_GK_Zone_40', 'Custom_TM');
    expect(detectCrsFromWkt(prefixed).crs).toBe('EPSG:4528');
  });

  it('does not take the base GEOGCS authority (4490) for the projected CRS', () => {
    const noTopAuthority = GDAL_4549.replace(/,\s*AUTHORITY\["EPSG","4549"\]\]$/, ']').replace(
      'CGCS2000 / 3-degree Gauss-Kruger CM 120E',
      'Some TM',
    );
    expect(detectCrsFromWkt(noTopAuthority).crs).toBe('EPSG:4549'); // by parameters, not EPSG:4490
  });

  it('refuses Xi’an 1980 Gauss-Krüger (tens of metres off CGCS2000) instead of guessing', () => {
    // `projinfo EPSG:2385 -o WKT1_ESRI -q`
    const xian =
      'PROJCS["Xian_1980_3_Degree_GK_CM_120E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const detection = detectCrsFromWkt(xian);
    expect(detection.crs).toBeNull();
    expect(detection.reason).toMatch(/Xian_1980/);
  });
});

describe('detectCrs from names (GeoJSON crs, CityJSON referenceSystem)', () => {
  it.each([
    ['urn:ogc:def:crs:EPSG::4549', 'EPSG:4549'],
    ['urn:ogc:def:crs:EPSG:6.6:4528', 'EPSG:4528'],
    ['EPSG:4490', 'EPSG:4490'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'],
    ['http://www.opengis.net/def/crs/OGC/1.3/CRS84', 'EPSG:4326'],
    ['https://www.opengis.net/def/crs/EPSG/0/4549', 'EPSG:4549'],
    ['GCJ-02', 'GCJ-02'],
    ['bd09', 'BD-09'],
  ])('reads %s as %s', (name, crs) => {
    expect(detectCrsFromName(name)).toMatchObject({ crs, confidence: 'declared' });
  });

  it('names an unsupported EPSG code', () => {
    expect(parseCrsName('https://www.opengis.net/def/crs/EPSG/0/7415')).toEqual({ crs: null, code: 'EPSG:7415' });
    expect(detectCrsFromName('EPSG:32650').reason).toMatch(/EPSG:32650.*not supported/);
  });
});

describe('detectCrs combining a declaration with coordinates', () => {
  it('keeps the declaration and notices swapped axes', () => {
    const detection = detectCrs({ name: 'EPSG:4549', samples: [[3347836.6, 514436.5]] });
    expect(detection).toMatchObject({ crs: 'EPSG:4549', confidence: 'declared', axisOrder: 'north-east', coordinatesFit: true });
  });

  it('flags coordinates that contradict the declaration but keeps the declaration', () => {
    const detection = detectCrs({ name: 'EPSG:4326', samples: [[514436.5, 3347836.6]] });
    expect(detection).toMatchObject({ crs: 'EPSG:4326', coordinatesFit: false });
    expect(detection.reason).toMatch(/EPSG:4549/);
  });

  it('falls back to a guess when nothing is declared', () => {
    expect(detectCrs({ samples: [[120.15, 30.25]] })).toMatchObject({ crs: 'EPSG:4326', confidence: 'guessed' });
  });
});

describe('crsLabel', () => {
  it('labels every CRS in both languages', () => {
    for (const crs of CRS_IDS) {
      expect(crsLabel(crs, 'en').length).toBeGreaterThan(3);
      expect(crsLabel(crs, 'zh-CN').length).toBeGreaterThan(3);
    }
    expect(crsLabel('EPSG:4549')).toBe('EPSG:4549 — CGCS2000 / 3-degree Gauss-Kruger CM 120E');
  });
});
