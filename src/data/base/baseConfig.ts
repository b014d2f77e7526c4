/**
 * The city's shared digital base (统一数字底座): the imagery, terrain, 3D Tiles and vector sources a
 * deployment lays under every community, in `models/base.json` (format in models/base/README.md).
 * These are the shapes after `parseBaseConfig` has validated a file.
 *
 * The shipped default (DEFAULT_BASE_CONFIG, also the content of models/base.json) keeps the app fully
 * offline: Cesium's bundled Natural Earth II and the ellipsoid. A deployer points sources at the
 * city's own servers (a GeoServer WMTS, a quantized-mesh terrain server, a tile folder).
 */
import type { LocalizedText } from '../../core/model/types';

export const BASE_FORMAT = 'fct-base';
export const BASE_FORMAT_VERSIONS = ['1.0'] as const;
/** Where the base configuration lives, relative to models/. */
export const BASE_CONFIG_FILE = 'base.json';

export const BASE_SOURCE_KINDS = ['imagery', 'terrain', '3dtiles', 'vector'] as const;
export type BaseSourceKind = (typeof BASE_SOURCE_KINDS)[number];

/**
 * Geographic CRSs of imagery tile matrix sets: Web Mercator (EPSG:3857, also 900913), WGS 84 (EPSG:4326)
 * and CGCS2000 (EPSG:4490, 天地图's `_c` sets and most Chinese GeoServer/ArcGIS caches). CGCS2000
 * differs from WGS 84 by centimetres (DOMAIN.md), so its geographic sets tile like EPSG:4326.
 */
export const IMAGERY_CRSS = ['EPSG:3857', 'EPSG:4326', 'EPSG:4490'] as const;
export type ImageryCrs = (typeof IMAGERY_CRSS)[number];

/** One colour of a legend: [r, g, b] 0–255 and its label in both languages. */
export interface LegendItem {
  color: [number, number, number];
  label: LocalizedText;
}

interface SourceCommon {
  /** Stable id (a–z, 0–9, "-"): share links and error messages name the source by it. */
  id: string;
  name: LocalizedText;
  /** Shown in the attribution bar and the layer list (licence, owner, 审图号). */
  attribution: string;
  /** Shown when the app opens (a share link may override). */
  visible: boolean;
  legend?: LegendItem[];
}

export type ImagerySource = SourceCommon & { kind: 'imagery' } & (
    | { type: 'natural-earth' }
    | {
        /** OGC WMTS 1.0: KVP (`…/gwc/service/wmts`) or REST (a template with {TileMatrix}, {TileRow}, {TileCol}). */
        type: 'wmts';
        url: string;
        layer: string;
        style: string;
        format: string;
        tileMatrixSetID: string;
        crs: ImageryCrs;
        /** Tile matrix identifiers by zoom level when they are not "0", "1", … (GeoServer: "EPSG:4490:0", …). */
        tileMatrixLabels?: string[];
        maximumLevel?: number;
      }
    /** A Tile Map Service folder (`tilemapresource.xml`, as gdal2tiles writes). */
    | { type: 'tms'; url: string; maximumLevel?: number }
    /** A URL template with {z}, {x}, {y} (or {reverseY}). */
    | { type: 'xyz'; url: string; crs: ImageryCrs; maximumLevel?: number }
    /** One georeferenced image (PNG/JPEG) covering [west, south, east, north] degrees. */
    | { type: 'image'; url: string; rectangle: [number, number, number, number] }
  );

export type TerrainSource = SourceCommon & { kind: 'terrain' } & (
    | { type: 'ellipsoid' }
    /** A quantized-mesh server (Cesium terrain: `layer.json` at the URL). */
    | { type: 'quantized-mesh'; url: string }
    /** A GeoTIFF DEM (heights in metres, EPSG:4326/4490 or a CGCS2000 Gauss-Krüger zone) read in the browser. */
    | { type: 'geotiff'; url: string }
  );

/** What a 3D Tiles source holds: city buildings (features with attributes), 倾斜摄影 meshes or BIM/glTF models. */
export const TILESET_TYPES = ['buildings', 'oblique', 'bim'] as const;
export type TilesetType = (typeof TILESET_TYPES)[number];

export interface TilesetStyle {
  /** Colour by this city-building attribute (see layers/cityColorModes.ts). */
  colorBy?: 'district' | 'yearBuilt' | 'height';
}

export type TilesSource = SourceCommon & {
  kind: '3dtiles';
  type: TilesetType;
  url: string;
  style?: TilesetStyle;
};

export type VectorSource = SourceCommon & {
  kind: 'vector';
  /** A GeoJSON file, or an OGC API – Features collection (`…/collections/<id>`). */
  type: 'geojson' | 'ogc-features';
  url: string;
  color?: [number, number, number];
};

export type BaseSource = ImagerySource | TerrainSource | TilesSource | VectorSource;

export interface BaseConfig {
  format: typeof BASE_FORMAT;
  version: (typeof BASE_FORMAT_VERSIONS)[number];
  sources: BaseSource[];
}

/** The shipped base: offline, no configuration needed (same content as models/base.json). */
export const DEFAULT_BASE_CONFIG: BaseConfig = {
  format: BASE_FORMAT,
  version: '1.0',
  sources: [
    {
      id: 'natural-earth',
      kind: 'imagery',
      type: 'natural-earth',
      name: { zh: '自然地球影像（内置）', en: 'Natural Earth II (bundled)' },
      attribution: 'Natural Earth II, public domain (bundled with CesiumJS)',
      visible: true,
    },
    {
      id: 'ellipsoid',
      kind: 'terrain',
      type: 'ellipsoid',
      name: { zh: '椭球面（无地形）', en: 'Ellipsoid (no terrain)' },
      attribution: 'WGS 84 / CGCS2000 ellipsoid',
      visible: true,
    },
  ],
};

/** The URL a source fetches from (none for the bundled and computed ones). */
export function sourceUrl(source: BaseSource): string | undefined {
  return 'url' in source ? source.url : undefined;
}
