import { FACILITY_CATEGORIES, type CameraBookmark, type FacilityCategory } from '../core/model/types';
import { parseLanguage, type Language } from '../i18n/translate';
import { isColorMode, type ColorMode } from '../layers/buildingColorModes';
import { isCityColorMode, type CityColorMode } from '../layers/cityColorModes';
import { LAYER_IDS, defaultLayerVisibility, isLayerId, type LayerId } from '../layers/layerCatalog';
import { parseScenarioId, type ScenarioId } from '../scenarios/registry';

/**
 * What a share link restores. Only view state and public ids go into URLs — never names, phone
 * numbers, ID numbers or any other personal data (building ids are property codes, not people).
 */
export interface ShareState {
  community?: string;
  building?: string | null;
  camera?: CameraBookmark;
  layers?: Record<LayerId, boolean>;
  colorMode?: ColorMode;
  language?: Language;
  /** The service-circle category shown (`?service=kindergarten`). */
  serviceCategory?: FacilityCategory;
  /** The scenario shown (`?scenario=health`): a registry id, parsed here once for the whole app. */
  scenario?: ScenarioId | null;
  /** The base sources shown (`?base=natural-earth,city`), when they differ from models/base.json's defaults. */
  baseShown?: readonly string[] | null;
  /** How the city's buildings are coloured (`?city=height`). */
  cityColorMode?: CityColorMode;
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function parseCamera(text: string | null): CameraBookmark | undefined {
  if (!text) return undefined;
  const parts = text.split(',').map(Number);
  if (parts.length !== 5 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [lon, lat, heightMeters, headingDeg, pitchDeg] = parts;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90 || heightMeters <= 0 || Math.abs(pitchDeg) > 90) return undefined;
  return { lon, lat, heightMeters, headingDeg, pitchDeg };
}

/** Reads a share link's query string; unknown or malformed values are ignored, never fatal. */
export function parseShareState(search: string): ShareState {
  const params = new URLSearchParams(search);
  const state: ShareState = {};
  const community = params.get('community');
  if (community && SAFE_ID.test(community)) state.community = community;
  const building = params.get('building');
  if (building && SAFE_ID.test(building)) state.building = building;
  const camera = parseCamera(params.get('cam'));
  if (camera) state.camera = camera;
  const layers = params.get('layers');
  if (layers !== null) {
    const visible = new Set(layers.split(',').filter(isLayerId));
    state.layers = Object.fromEntries(LAYER_IDS.map((id) => [id, visible.has(id)])) as Record<LayerId, boolean>;
  }
  const color = params.get('color');
  if (isColorMode(color)) state.colorMode = color;
  const language = parseLanguage(params.get('lang'));
  if (language) state.language = language;
  const service = params.get('service');
  if (service && (FACILITY_CATEGORIES as readonly string[]).includes(service)) state.serviceCategory = service as FacilityCategory;
  const scenario = parseScenarioId(params.get('scenario'));
  if (scenario) state.scenario = scenario;
  const base = params.get('base');
  if (base !== null) state.baseShown = base.split(',').filter((id) => SAFE_ID.test(id));
  const city = params.get('city');
  if (isCityColorMode(city)) state.cityColorMode = city;
  return state;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * Writes the share state into a query string, keeping parameters this module does not own
 * (e.g. `mode`, `profile`). Defaults are left out so links stay short.
 */
export function writeShareState(state: ShareState, currentSearch = ''): string {
  const params = new URLSearchParams(currentSearch);
  const setOrDelete = (key: string, value: string | undefined | null) => (value ? params.set(key, value) : params.delete(key));
  setOrDelete('community', state.community);
  setOrDelete('building', state.building ?? undefined);
  const c = state.camera;
  // 6 decimals of a degree ≈ 0.1 m: enough to restore a view exactly.
  setOrDelete(
    'cam',
    c && [round(c.lon, 6), round(c.lat, 6), round(c.heightMeters, 0), round(c.headingDeg, 1), round(c.pitchDeg, 1)].join(','),
  );
  const defaults = defaultLayerVisibility();
  const layers = state.layers;
  const differs = layers && LAYER_IDS.some((id) => layers[id] !== defaults[id]);
  setOrDelete('layers', differs ? LAYER_IDS.filter((id) => layers[id]).join(',') : undefined);
  setOrDelete('color', state.colorMode && state.colorMode !== 'use' ? state.colorMode : undefined);
  setOrDelete('lang', state.language === 'en' ? 'en' : undefined);
  setOrDelete('service', state.serviceCategory && state.serviceCategory !== 'elderly-care' ? state.serviceCategory : undefined);
  setOrDelete('scenario', state.scenario ?? undefined);
  // An empty list is a choice too (every source off): written as `base=`.
  if (state.baseShown) params.set('base', state.baseShown.join(','));
  else params.delete('base');
  setOrDelete('city', state.cityColorMode && state.cityColorMode !== 'plain' ? state.cityColorMode : undefined);
  // `fly=1` asks for one arrival flight when a link from the city view opens; the link the view
  // writes afterwards (and shares) opens where the camera is, without flying again.
  params.delete('fly');
  const text = params.toString();
  return text ? `?${text}` : '';
}
