import {
  BillboardCollection,
  Cartesian2,
  Cartesian3,
  Color,
  DistanceDisplayCondition,
  HorizontalOrigin,
  LabelCollection,
  LabelStyle,
  NearFarScalar,
  VerticalOrigin,
} from 'cesium';
import type { Facility, FacilityCategory } from '../../../core/model/types';
import { FACILITY_STYLES } from '../../../layers/layerCatalog';
import { rgbToCss } from '../../../layers/buildingColorModes';

const ICON_SIZE = 48;
/** Frequent, small points whose names only help up close; their labels would bury the rest. */
const MINOR_CATEGORIES = new Set<FacilityCategory>(['waste-sorting', 'parcel', 'parking', 'fitness', 'property-service']);
/** True for the frequent, small categories whose names are dropped first when frames run slow. */
export const isMinorCategory = (category: FacilityCategory): boolean => MINOR_CATEGORIES.has(category);
const iconCache = new Map<FacilityCategory, HTMLCanvasElement>();

/** A disc in the category colour with a one-character glyph, drawn once per category (no image files, no network). */
export function facilityIcon(category: FacilityCategory): HTMLCanvasElement {
  const cached = iconCache.get(category);
  if (cached) return cached;
  const style = FACILITY_STYLES[category];
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = ICON_SIZE;
  const ctx = canvas.getContext('2d')!;
  const r = ICON_SIZE / 2;
  ctx.beginPath();
  ctx.arc(r, r, r - 3, 0, Math.PI * 2);
  ctx.fillStyle = rgbToCss(style.color);
  ctx.fill();
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255,255,255,0.95)';
  ctx.stroke();
  ctx.fillStyle = '#fff';
  ctx.font = `bold ${Math.round(ICON_SIZE * 0.5)}px "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(style.glyph, r, r + 1);
  iconCache.set(category, canvas);
  return canvas;
}

export interface FacilityLayer {
  billboards: BillboardCollection;
  labels: LabelCollection;
}

/**
 * One billboard (icon) and one label per facility. Icons are drawn over buildings (depth test off)
 * at the roof of the building that hosts them; labels appear only nearer than 1.4 km (450 m for minor
 * categories) to limit clutter.
 */
export function createFacilityLayer(
  facilities: readonly Facility[],
  roofHeightOf: (facility: Facility) => number,
  /** Size factor for large screens (1 at 1920 CSS px wide), so icons and names stay readable from afar. */
  uiScale = 1,
): FacilityLayer {
  const iconPixels = Math.round(28 * uiScale);
  const fontPixels = Math.round(14 * uiScale);
  const billboards = new BillboardCollection();
  const labels = new LabelCollection();
  for (const facility of facilities) {
    const position = Cartesian3.fromDegrees(facility.position[0], facility.position[1], roofHeightOf(facility) + 4);
    billboards.add({
      id: `facility:${facility.id}`,
      position,
      image: facilityIcon(facility.category),
      width: iconPixels,
      height: iconPixels,
      verticalOrigin: VerticalOrigin.BOTTOM,
      disableDepthTestDistance: Number.POSITIVE_INFINITY,
      scaleByDistance: new NearFarScalar(300, 1.2, 4000, 0.6),
    });
    labels.add({
      id: `facility:${facility.id}`,
      position,
      text: facility.name,
      font: `${fontPixels}px "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif`,
      fillColor: Color.WHITE,
      outlineColor: Color.fromCssColorString('#0b1420'),
      outlineWidth: 3,
      style: LabelStyle.FILL_AND_OUTLINE,
      horizontalOrigin: HorizontalOrigin.CENTER,
      verticalOrigin: VerticalOrigin.TOP,
      pixelOffset: new Cartesian2(0, 4 * uiScale),
      disableDepthTestDistance: Number.POSITIVE_INFINITY,
      distanceDisplayCondition: new DistanceDisplayCondition(0, MINOR_CATEGORIES.has(facility.category) ? 450 : 1400),
    });
  }
  return { billboards, labels };
}
