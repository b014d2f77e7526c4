import type { BaseKind, FacilityCategory, NetworkKind, ReuseKind } from '../core/model/types';
import type { Rgb } from './buildingColorModes';

/** The layers of a community scene. Layers are data; `engine/cesium/renderers/*` draw them. */
export const LAYER_IDS = ['buildings', 'context', 'facilities', 'serviceReach', 'route', 'network', 'reuse', 'boundary', 'base'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export interface LayerDefinition {
  id: LayerId;
  titleKey: string;
  visibleByDefault: boolean;
}

export const LAYERS: LayerDefinition[] = [
  { id: 'buildings', titleKey: 'layers.buildings', visibleByDefault: true },
  { id: 'context', titleKey: 'layers.context', visibleByDefault: true },
  { id: 'facilities', titleKey: 'layers.facilities', visibleByDefault: true },
  { id: 'serviceReach', titleKey: 'layers.serviceReach', visibleByDefault: true },
  { id: 'route', titleKey: 'layers.route', visibleByDefault: true },
  { id: 'network', titleKey: 'layers.network', visibleByDefault: false },
  { id: 'reuse', titleKey: 'layers.reuse', visibleByDefault: false },
  { id: 'boundary', titleKey: 'layers.boundary', visibleByDefault: true },
  { id: 'base', titleKey: 'layers.base', visibleByDefault: true },
];

export function isLayerId(value: unknown): value is LayerId {
  return (LAYER_IDS as readonly unknown[]).includes(value);
}

export function defaultLayerVisibility(): Record<LayerId, boolean> {
  return Object.fromEntries(LAYERS.map((l) => [l.id, l.visibleByDefault])) as Record<LayerId, boolean>;
}

/** Facility icons: a coloured disc with a one-character glyph, grouped by who the service is for. */
export const FACILITY_STYLES: Record<FacilityCategory, { color: Rgb; glyph: string }> = {
  nursery: { color: [255, 159, 67], glyph: '托' },
  kindergarten: { color: [255, 159, 67], glyph: '幼' },
  'primary-school': { color: [84, 160, 255], glyph: '小' },
  'middle-school': { color: [84, 160, 255], glyph: '中' },
  'elderly-care': { color: [238, 82, 83], glyph: '老' },
  'elderly-canteen': { color: [238, 82, 83], glyph: '食' },
  'disability-aid': { color: [238, 82, 83], glyph: '残' },
  'health-station': { color: [16, 172, 132], glyph: '医' },
  'culture-station': { color: [165, 94, 234], glyph: '文' },
  fitness: { color: [16, 172, 132], glyph: '健' },
  parcel: { color: [130, 140, 160], glyph: '递' },
  grocery: { color: [254, 202, 87], glyph: '菜' },
  'property-service': { color: [130, 140, 160], glyph: '物' },
  'community-service': { color: [222, 60, 60], glyph: '社' },
  'party-service-centre': { color: [200, 16, 46], glyph: '党' },
  'bus-stop': { color: [46, 134, 222], glyph: '公' },
  parking: { color: [72, 126, 176], glyph: 'P' },
  'waste-sorting': { color: [39, 174, 96], glyph: '♻' },
  'convenience-shop': { color: [254, 202, 87], glyph: '便' },
  'public-toilet': { color: [130, 140, 160], glyph: '厕' },
  // The street (街道) tier: the same hues as their community counterparts, marked by their own glyphs.
  'community-health-centre': { color: [16, 172, 132], glyph: '卫' },
  'street-service-centre': { color: [222, 60, 60], glyph: '街' },
  'street-culture-centre': { color: [165, 94, 234], glyph: '艺' },
  'nursing-home': { color: [238, 82, 83], glyph: '院' },
  'sports-centre': { color: [16, 172, 132], glyph: '体' },
  'metro-station': { color: [46, 134, 222], glyph: '地' },
};

export const NETWORK_COLORS: Record<NetworkKind, Rgb> = {
  road: [250, 250, 250],
  footway: [120, 220, 255],
  path: [150, 230, 160],
  steps: [255, 200, 80],
  crossing: [255, 255, 255],
};

export const REUSE_COLORS: Record<ReuseKind, Rgb> = {
  'idle-property': [255, 140, 0],
  'scattered-plot': [255, 99, 72],
  'corner-plot': [253, 203, 110],
  'inefficient-land': [232, 67, 147],
};

/** The community's own base map; muted so buildings and facilities stand out on a dark screen. */
export const BASE_COLORS: Record<BaseKind, Rgb> = {
  ground: [58, 62, 70],
  road: [92, 96, 104],
  water: [52, 106, 150],
  plaza: [110, 104, 92],
  parking: [78, 82, 92],
  'school-yard': [96, 92, 84],
  'public-green': [64, 120, 72],
  'block-green': [60, 96, 66],
  'private-garden': [58, 88, 64],
  green: [64, 110, 72],
};

export const BOUNDARY_COLOR: Rgb = [255, 196, 0];
/** Streets within 5 / 10 / 15 minutes of the chosen service, same ramp as the walk-time colour mode. */
export const REACH_BAND_COLORS: readonly Rgb[] = [
  [26, 152, 80],
  [166, 217, 106],
  [253, 174, 97],
];
export const ROUTE_COLOR: Rgb = [0, 229, 255];
export const CONTEXT_BUILDING_COLOR: Rgb = [150, 156, 168];
export const HOVER_COLOR: Rgb = [255, 255, 255];
export const SELECTED_COLOR: Rgb = [0, 229, 255];

/** Colours of imported layers, in import order (qualitative, distinct from the base palette). */
export const IMPORTED_LAYER_COLORS: readonly Rgb[] = [
  [255, 105, 180],
  [0, 206, 209],
  [255, 215, 0],
  [154, 205, 50],
  [186, 85, 211],
  [255, 127, 80],
];
