/**
 * Reads and validates the base configuration (`models/base.json`, models/base/README.md). Pure: the
 * browser, the build (its Content-Security-Policy is computed from the sources' origins) and the tests
 * share it. A configuration with any bad source is rejected as a whole, with every problem located
 * by field, e.g. `base.json, (id "city-wmts"), field "sources[2].crs": must be one of EPSG:3857, …`;
 * the app then keeps the offline default so the community still opens.
 */
import { because, DataError, englishDetail, type DataIssue } from '../../core/errors';
import type { LocalizedText } from '../../core/model/types';
import { FieldReader, describe, describeValue } from '../package/fieldReader';
import {
  BASE_CONFIG_FILE,
  BASE_FORMAT,
  BASE_FORMAT_VERSIONS,
  BASE_SOURCE_KINDS,
  IMAGERY_CRSS,
  TILESET_TYPES,
  type BaseConfig,
  type BaseSource,
  type LegendItem,
} from './baseConfig';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_ISSUES = 100;

/** The type of each kind, in the order the README lists them. */
export const SOURCE_TYPES = {
  imagery: ['natural-earth', 'wmts', 'tms', 'xyz', 'image'],
  terrain: ['ellipsoid', 'quantized-mesh', 'geotiff'],
  '3dtiles': TILESET_TYPES,
  vector: ['geojson', 'ogc-features'],
} as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseBaseConfig(text: string, file = BASE_CONFIG_FILE): BaseConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = ` (${(error as Error).message})`;
    throw new DataError(
      [{ file, ...because(`is not valid JSON${detail}`, 'issue.json.invalid', { detail: englishDetail(detail) }) }],
      'Invalid base configuration',
    );
  }
  return readBaseConfig(json, file);
}

export function readBaseConfig(json: unknown, file = BASE_CONFIG_FILE): BaseConfig {
  const issues: DataIssue[] = [];
  if (!isObject(json))
    throw new DataError([{ file, ...because('must be a JSON object', 'issue.json.mustBeObject') }], 'Invalid base configuration');
  const top = new FieldReader(json, { file }, issues);
  if (json.format !== BASE_FORMAT)
    top.fail(
      'format',
      because(`must be "${BASE_FORMAT}", got ${describe(json.format)}`, 'issue.field.mustBeValueGot', {
        value: BASE_FORMAT,
        got: describeValue(json.format),
      }),
    );
  const version = top.oneOf('version', BASE_FORMAT_VERSIONS);
  const sources: BaseSource[] = [];
  if (!Array.isArray(json.sources)) top.fail('sources', because('must be a list', 'issue.field.mustBeList'));
  else {
    const seen = new Set<string>();
    json.sources.forEach((raw, index) => {
      if (issues.length >= MAX_ISSUES) return;
      const source = readSource(raw, index, file, issues);
      if (!source) return;
      if (seen.has(source.id))
        issues.push({
          file,
          id: source.id,
          field: `sources[${index}].id`,
          ...because(`"${source.id}" is listed twice`, 'issue.field.listedTwice', { value: source.id }),
        });
      seen.add(source.id);
      sources.push(source);
    });
  }
  if (issues.length) throw new DataError(issues.slice(0, MAX_ISSUES), 'Invalid base configuration');
  return { format: BASE_FORMAT, version, sources };
}

/** One source; its fields are named `sources[i].<field>` in every issue. */
function readSource(raw: unknown, index: number, file: string, issues: DataIssue[]): BaseSource | null {
  const at = `sources[${index}]`;
  if (!isObject(raw)) {
    issues.push({
      file,
      field: at,
      ...because(`must be an object, got ${describe(raw)}`, 'issue.field.mustBeObjectGot', { got: describeValue(raw) }),
    });
    return null;
  }
  const id = typeof raw.id === 'string' ? raw.id : undefined;
  // The reader sees the fields under their full names, so every issue says where it is.
  const prefixed = Object.fromEntries(Object.entries(raw).map(([key, value]) => [`${at}.${key}`, value]));
  const f = new FieldReader(prefixed, { file, ...(id ? { id } : {}) }, issues);
  const field = (name: string) => `${at}.${name}`;
  const sourceId = f.string(field('id'));
  if (sourceId && !ID_PATTERN.test(sourceId))
    f.fail(
      field('id'),
      because(`must use only a–z, 0–9 and "-", got ${describe(sourceId)}`, 'issue.field.idCharsGot', { got: describe(sourceId) }),
    );
  const kind = f.oneOf(field('kind'), BASE_SOURCE_KINDS);
  const type = f.oneOf(field('type'), SOURCE_TYPES[kind] as readonly string[]);
  const common = {
    id: sourceId,
    name: localized(f, raw.name, field('name')),
    attribution: f.optionalString(field('attribution')) ?? '',
    visible: f.optionalBoolean(field('visible')) ?? true,
    ...(raw.legend === undefined ? {} : { legend: legend(f, raw.legend, field('legend')) }),
  };
  const url = () => httpUrl(f, raw.url, field('url'));
  const maximumLevel = () => f.optionalInteger(field('maximumLevel'), { min: 0, max: 24 });
  const crs = () => f.oneOf(field('crs'), IMAGERY_CRSS);
  const opt = <T>(key: string, value: T | undefined) => (value === undefined ? {} : { [key]: value });

  switch (`${kind}/${type}`) {
    case 'imagery/natural-earth':
      return { ...common, kind: 'imagery', type: 'natural-earth' };
    case 'imagery/wmts': {
      const labels = raw.tileMatrixLabels;
      if (labels !== undefined && !(Array.isArray(labels) && labels.every((l) => typeof l === 'string' && l)))
        f.fail(field('tileMatrixLabels'), because('must be a list of texts', 'issue.base.textList'));
      return {
        ...common,
        kind: 'imagery',
        type: 'wmts',
        url: url(),
        layer: f.string(field('layer')),
        style: f.optionalString(field('style')) ?? 'default',
        format: f.optionalString(field('format')) ?? 'image/png',
        tileMatrixSetID: f.string(field('tileMatrixSetID')),
        crs: crs(),
        ...opt('tileMatrixLabels', Array.isArray(labels) ? (labels as string[]) : undefined),
        ...opt('maximumLevel', maximumLevel()),
      };
    }
    case 'imagery/tms':
      return { ...common, kind: 'imagery', type: 'tms', url: url(), ...opt('maximumLevel', maximumLevel()) };
    case 'imagery/xyz': {
      const template = url();
      if (template && !(/\{z\}/.test(template) && /\{x\}/.test(template) && /\{(y|reverseY)\}/.test(template)))
        f.fail(field('url'), because('must be a template with {z}, {x} and {y} (or {reverseY})', 'issue.base.xyzTemplate'));
      return {
        ...common,
        kind: 'imagery',
        type: 'xyz',
        url: template,
        crs: f.optionalOneOf(field('crs'), IMAGERY_CRSS) ?? 'EPSG:3857',
        ...opt('maximumLevel', maximumLevel()),
      };
    }
    case 'imagery/image':
      return { ...common, kind: 'imagery', type: 'image', url: url(), rectangle: rectangle(f, raw.rectangle, field('rectangle')) };
    case 'terrain/ellipsoid':
      return { ...common, kind: 'terrain', type: 'ellipsoid' };
    case 'terrain/quantized-mesh':
      return { ...common, kind: 'terrain', type: 'quantized-mesh', url: url() };
    case 'terrain/geotiff':
      return { ...common, kind: 'terrain', type: 'geotiff', url: url() };
    case 'vector/geojson':
    case 'vector/ogc-features':
      return {
        ...common,
        kind: 'vector',
        type: type as 'geojson' | 'ogc-features',
        url: url(),
        ...opt('color', raw.color === undefined ? undefined : rgb(f, raw.color, field('color'))),
      };
    default: {
      if (kind !== '3dtiles') return null; // kind or type was wrong: already reported
      const style = raw.style;
      let colorBy: 'district' | 'yearBuilt' | 'height' | undefined;
      if (style !== undefined) {
        if (!isObject(style))
          f.fail(
            field('style'),
            because(`must be an object, got ${describe(style)}`, 'issue.field.mustBeObjectGot', { got: describeValue(style) }),
          );
        else
          colorBy = new FieldReader({ [`${at}.style.colorBy`]: style.colorBy }, { file, ...(id ? { id } : {}) }, issues).optionalOneOf(
            `${at}.style.colorBy`,
            ['district', 'yearBuilt', 'height'] as const,
          );
      }
      return {
        ...common,
        kind: '3dtiles',
        type: type as (typeof TILESET_TYPES)[number],
        url: url(),
        ...(colorBy ? { style: { colorBy } } : {}),
      };
    }
  }
}

function localized(f: FieldReader, value: unknown, field: string): LocalizedText {
  if (isObject(value) && typeof value.zh === 'string' && value.zh && typeof value.en === 'string' && value.en)
    return { zh: value.zh, en: value.en };
  f.fail(
    field,
    value === undefined
      ? because('is required ({"zh": "…", "en": "…"})', 'issue.field.requiredLocalized')
      : because(`must be {"zh": "…", "en": "…"} with both texts, got ${describe(value)}`, 'issue.field.mustBeLocalizedBoth', {
          got: describeValue(value),
        }),
  );
  return { zh: '', en: '' };
}

/**
 * An absolute http(s) URL, or a path relative to models/ (a tile folder served beside the app). Other
 * schemes (file:, data:, javascript:) are refused: the base is fetched by the browser from servers.
 */
function httpUrl(f: FieldReader, value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    f.fail(
      field,
      value === undefined
        ? because('is required', 'issue.field.required')
        : because(`must be a URL, got ${describe(value)}`, 'issue.base.mustBeUrl', { got: describeValue(value) }),
    );
    return '';
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    f.fail(
      field,
      because(`must be an http(s) URL or a path under models/, got ${describe(value)}`, 'issue.base.urlScheme', { got: describe(value) }),
    );
    return '';
  }
  if (scheme) {
    try {
      new URL(value.replace(/[{}]/g, ''));
    } catch {
      f.fail(field, because(`must be a URL, got ${describe(value)}`, 'issue.base.mustBeUrl', { got: describe(value) }));
      return '';
    }
  }
  return value;
}

function rectangle(f: FieldReader, value: unknown, field: string): [number, number, number, number] {
  const ok =
    Array.isArray(value) &&
    value.length === 4 &&
    value.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    value[0] >= -180 &&
    value[2] <= 180 &&
    value[1] >= -90 &&
    value[3] <= 90 &&
    value[0] < value[2] &&
    value[1] < value[3];
  if (!ok) {
    f.fail(
      field,
      because(`must be [west, south, east, north] in degrees, got ${describe(value)}`, 'issue.base.rectangle', {
        got: describeValue(value),
      }),
    );
    return [0, 0, 0, 0];
  }
  return value as [number, number, number, number];
}

function rgb(f: FieldReader, value: unknown, field: string): [number, number, number] {
  if (Array.isArray(value) && value.length === 3 && value.every((v) => Number.isInteger(v) && v >= 0 && v <= 255))
    return value as [number, number, number];
  f.fail(field, because(`must be [r, g, b] with 0–255 each, got ${describe(value)}`, 'issue.base.rgb', { got: describeValue(value) }));
  return [255, 255, 255];
}

function legend(f: FieldReader, value: unknown, field: string): LegendItem[] {
  if (!Array.isArray(value)) {
    f.fail(field, because('must be a list', 'issue.field.mustBeList'));
    return [];
  }
  return value.map((item, i) => {
    const at = `${field}[${i}]`;
    const entry = isObject(item) ? item : {};
    return { color: rgb(f, entry.color, `${at}.color`), label: localized(f, entry.label, `${at}.label`) };
  });
}
