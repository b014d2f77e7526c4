import {
  Credit,
  Ellipsoid,
  Event,
  GeographicTilingScheme,
  HeightmapTerrainData,
  Math as CesiumMath,
  type Rectangle,
  type TerrainData,
  TerrainProvider,
} from 'cesium';
import { fromUrl, type GeoTIFF, type GeoTIFFImage } from 'geotiff';
import { issueMessage, type IssueMessage } from '../../../core/errors';
import { fromWgs84, isCrsId, isProjected, toWgs84, type CrsId } from '../../../core/geo/crs';

/** Heights per tile side: Cesium's heightmap tiles are 65 × 65 (64 cells). */
const SIZE = 65;
const DEEPEST_LEVEL = 18;

/** A DEM that cannot be used, with the reason as a translatable message. */
export class DemError extends Error {
  constructor(
    message: string,
    readonly issue: IssueMessage,
  ) {
    super(message);
    this.name = 'DemError';
  }
}

/** The CRS of a GeoTIFF from its GeoKeys (EPSG codes the app can project, core/geo/crs.ts). */
export function demCrs(image: GeoTIFFImage, url: string): CrsId {
  const keys = (image.getGeoKeys() ?? {}) as { ProjectedCSTypeGeoKey?: number; GeographicTypeGeoKey?: number };
  const code = keys.ProjectedCSTypeGeoKey ?? keys.GeographicTypeGeoKey;
  const crs = code === undefined ? undefined : `EPSG:${code}`;
  if (crs && isCrsId(crs) && crs !== 'GCJ-02' && crs !== 'BD-09') return crs;
  const named = code === undefined ? 'none' : `EPSG:${code}`;
  throw new DemError(
    `${url}: the DEM's coordinate system (${named}) is not one the app can read (EPSG:4326, EPSG:4490, EPSG:3857 or a CGCS2000 Gauss-Krüger zone)`,
    issueMessage('issue.base.demProjection', { url, crs: named }),
  );
}

/**
 * Terrain from a GeoTIFF DEM (heights in metres), read in the browser with geotiff.js: each globe
 * tile asks for a 65 × 65 heightmap, sampled bilinearly from the DEM window under the tile (range
 * requests where the server allows them, so a large cloud-optimised DEM is never loaded whole).
 * Projected DEMs (CGCS2000 Gauss-Krüger, Web Mercator) are sampled through core/geo/crs, the same
 * projections the importer uses. Outside the DEM the ground is the ellipsoid (height 0).
 */
export class GeoTiffTerrainProvider implements TerrainProvider {
  readonly errorEvent = new Event();
  readonly credit: Credit;
  readonly tilingScheme = new GeographicTilingScheme();
  readonly hasWaterMask = false;
  readonly hasVertexNormals = false;
  readonly availability = undefined;
  private readonly levelZeroError = TerrainProvider.getEstimatedLevelZeroGeometricErrorForAHeightmap(
    Ellipsoid.WGS84,
    SIZE,
    this.tilingScheme.getNumberOfXTilesAtLevel(0),
  );

  private constructor(
    private readonly image: GeoTIFFImage,
    private readonly crs: CrsId,
    /** The DEM's extent in degrees [west, south, east, north]. */
    private readonly extent: [number, number, number, number],
    private readonly deepestLevel: number,
    private readonly noData: number | null,
    attribution: string,
  ) {
    this.credit = new Credit(attribution || 'DEM');
  }

  static async fromUrl(url: string, attribution = ''): Promise<GeoTiffTerrainProvider> {
    let tiff: GeoTIFF;
    let image: GeoTIFFImage;
    try {
      tiff = await fromUrl(url, { allowFullFile: true });
      image = await tiff.getImage();
    } catch (error) {
      const detail = ` (${(error as Error).message})`;
      throw new DemError(
        `${url}: not a readable GeoTIFF${detail}`,
        issueMessage('issue.base.demUnreadable', { url, detail: { zh: '', en: detail } }),
      );
    }
    const crs = demCrs(image, url);
    const [minX, minY, maxX, maxY] = image.getBoundingBox();
    const corners = [toWgs84(crs, minX, minY), toWgs84(crs, maxX, maxY), toWgs84(crs, minX, maxY), toWgs84(crs, maxX, minY)];
    const extent: [number, number, number, number] = [
      Math.min(...corners.map((c) => c[0])),
      Math.min(...corners.map((c) => c[1])),
      Math.max(...corners.map((c) => c[0])),
      Math.max(...corners.map((c) => c[1])),
    ];
    if (!extent.every(Number.isFinite) || extent[0] < -180 || extent[2] > 180 || extent[1] < -90 || extent[3] > 90)
      throw new DemError(`${url}: the DEM's extent is not on the globe`, issueMessage('issue.base.demProjection', { url, crs }));
    // The deepest level whose 64 cells per tile are still no finer than the DEM's pixels.
    const pixelDegrees = ((extent[2] - extent[0]) / image.getWidth()) * (isProjected(crs) ? 1 : 1);
    const deepestLevel = Math.max(0, Math.min(DEEPEST_LEVEL, Math.ceil(Math.log2(180 / (64 * pixelDegrees)))));
    const noData = image.getGDALNoData();
    return new GeoTiffTerrainProvider(image, crs, extent, deepestLevel, noData, attribution);
  }

  requestTileGeometry(x: number, y: number, level: number): Promise<TerrainData> | undefined {
    const rectangle = this.tilingScheme.tileXYToRectangle(x, y, level);
    return this.heightsOf(rectangle).then(
      (buffer) => new HeightmapTerrainData({ buffer, width: SIZE, height: SIZE, childTileMask: level < this.deepestLevel ? 15 : 0 }),
    );
  }

  getLevelMaximumGeometricError(level: number): number {
    return this.levelZeroError / (1 << level);
  }

  getTileDataAvailable(_x: number, _y: number, level: number): boolean | undefined {
    return level <= this.deepestLevel;
  }

  loadTileDataAvailability(): undefined {
    return undefined;
  }

  /** 65 × 65 heights over the tile, rows from north to south, as HeightmapTerrainData wants them. */
  private async heightsOf(rectangle: Rectangle): Promise<Float32Array> {
    const heights = new Float32Array(SIZE * SIZE);
    const [w, s, e, n] = [rectangle.west, rectangle.south, rectangle.east, rectangle.north].map(CesiumMath.toDegrees);
    const [west, south, east, north] = this.extent;
    if (e < west || w > east || n < south || s > north) return heights;
    // Every sample's position in the DEM's coordinates, and the window of the DEM they fall in.
    const points = new Float64Array(SIZE * SIZE * 2);
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let row = 0; row < SIZE; row++) {
      const lat = n - ((n - s) * row) / (SIZE - 1);
      for (let col = 0; col < SIZE; col++) {
        const lon = w + ((e - w) * col) / (SIZE - 1);
        const [px, py] = this.crs === 'EPSG:4326' || this.crs === 'EPSG:4490' ? [lon, lat] : fromWgs84(this.crs, lon, lat);
        points[2 * (row * SIZE + col)] = px;
        points[2 * (row * SIZE + col) + 1] = py;
        minX = Math.min(minX, px);
        maxX = Math.max(maxX, px);
        minY = Math.min(minY, py);
        maxY = Math.max(maxY, py);
      }
    }
    const image = this.image;
    const [originX, originY] = image.getOrigin();
    const [resX, resY] = image.getResolution(); // resY is negative for north-up images
    const width = image.getWidth();
    const height = image.getHeight();
    const col0 = Math.max(0, Math.floor((minX - originX) / resX));
    const col1 = Math.min(width, Math.ceil((maxX - originX) / resX) + 1);
    const row0 = Math.max(0, Math.floor((maxY - originY) / resY));
    const row1 = Math.min(height, Math.ceil((minY - originY) / resY) + 1);
    if (col1 <= col0 || row1 <= row0) return heights;
    // Read at most twice the tile's resolution: coarse tiles of a large DEM read little.
    const readWidth = Math.min(col1 - col0, 2 * SIZE);
    const readHeight = Math.min(row1 - row0, 2 * SIZE);
    const rasters = (await image.readRasters({
      window: [col0, row0, col1, row1],
      width: readWidth,
      height: readHeight,
      samples: [0],
      resampleMethod: 'bilinear',
      interleave: true,
    })) as unknown as ArrayLike<number>;
    const value = (c: number, r: number) => {
      const v = rasters[Math.min(readHeight - 1, Math.max(0, r)) * readWidth + Math.min(readWidth - 1, Math.max(0, c))];
      return v === this.noData || !Number.isFinite(v) ? 0 : v;
    };
    const scaleX = readWidth / (col1 - col0);
    const scaleY = readHeight / (row1 - row0);
    for (let i = 0; i < SIZE * SIZE; i++) {
      const pixelCol = (points[2 * i] - originX) / resX;
      const pixelRow = (points[2 * i + 1] - originY) / resY;
      if (pixelCol < 0 || pixelCol > width || pixelRow < 0 || pixelRow > height) continue;
      // Pixel centres sit at +0.5: bilinear between the four around the point.
      const c = (pixelCol - col0) * scaleX - 0.5;
      const r = (pixelRow - row0) * scaleY - 0.5;
      const c0 = Math.floor(c);
      const r0 = Math.floor(r);
      const fc = c - c0;
      const fr = r - r0;
      heights[i] =
        value(c0, r0) * (1 - fc) * (1 - fr) +
        value(c0 + 1, r0) * fc * (1 - fr) +
        value(c0, r0 + 1) * (1 - fc) * fr +
        value(c0 + 1, r0 + 1) * fc * fr;
    }
    return heights;
  }
}
