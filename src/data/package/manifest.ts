import { DataError, type DataIssue } from '../../core/errors';
import {
  OPTIONAL_PACKAGE_LAYERS,
  PACKAGE_LAYERS,
  type SatisfactionSurvey,
  type Attribution,
  type CameraBookmark,
  type CommunityManifest,
  type ContextLayerRef,
  type LocalizedText,
} from '../../core/model/types';
import { FieldReader } from './fieldReader';
import { checkPolygon, isLonLat, toPolygonCoords } from './geometry';

export const PACKAGE_FORMAT = 'fct-community-package';
export const SUPPORTED_FORMAT_VERSIONS = ['1.0'];

function localized(reader: FieldReader, record: Record<string, unknown>, field: string): LocalizedText {
  const value = record[field];
  if (typeof value !== 'object' || value === null || typeof (value as LocalizedText).zh !== 'string') {
    reader.fail(field, 'must be an object {"zh": "…", "en": "…"}');
    return { zh: '', en: '' };
  }
  const text = value as Partial<LocalizedText>;
  return { zh: text.zh ?? '', en: typeof text.en === 'string' && text.en ? text.en : (text.zh ?? '') };
}

function attributionOf(value: unknown): Attribution | null {
  if (typeof value !== 'object' || value === null) return null;
  const a = value as Record<string, unknown>;
  if (typeof a.text !== 'string' || a.text === '') return null;
  return {
    text: a.text,
    ...(typeof a.url === 'string' ? { url: a.url } : {}),
    ...(typeof a.license === 'string' ? { license: a.license } : {}),
  };
}

/** Validates manifest.json; throws a DataError naming every bad field. */
export function parseManifest(json: unknown, file = 'manifest.json'): CommunityManifest {
  const issues: DataIssue[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new DataError([{ file, reason: 'must be a JSON object' }], 'Invalid community package');
  }
  const record = json as Record<string, unknown>;
  const f = new FieldReader(record, { file }, issues);

  if (record.format !== PACKAGE_FORMAT) f.fail('format', `must be "${PACKAGE_FORMAT}"`);
  const formatVersion = f.string('formatVersion');
  if (formatVersion && !SUPPORTED_FORMAT_VERSIONS.includes(formatVersion)) {
    f.fail('formatVersion', `version ${formatVersion} is not supported (supported: ${SUPPORTED_FORMAT_VERSIONS.join(', ')})`);
  }
  const id = f.string('id');
  if (id && !/^[a-z0-9][a-z0-9-]*$/.test(id)) f.fail('id', 'must use only a–z, 0–9 and "-"');
  const name = localized(f, record, 'name');
  const district = localized(f, record, 'district');
  const street = record.street === undefined ? undefined : localized(f, record, 'street');
  const communityType = f.oneOf('communityType', ['puhui', 'yinling'] as const);
  const renewalType = f.oneOf('renewalType', ['renewal', 'new-build', 'whole-area'] as const);
  const crs = f.oneOf('crs', ['EPSG:4326', 'EPSG:4490'] as const);
  if (!isLonLat(record.centre)) f.fail('centre', 'must be [longitude, latitude] in degrees');
  const boundaryProblem = checkPolygon(record.boundary);
  if (boundaryProblem) f.fail('boundary', boundaryProblem);
  const dataDate = f.string('dataDate');
  if (dataDate && !/^\d{4}-\d{2}-\d{2}$/.test(dataDate)) f.fail('dataDate', `must be YYYY-MM-DD, got "${dataDate}"`);

  const attribution: Attribution[] = [];
  if (!Array.isArray(record.attribution) || record.attribution.length === 0) {
    f.fail('attribution', 'must list at least one source: [{"text": "…"}]');
  } else {
    record.attribution.forEach((a, i) => {
      const parsed = attributionOf(a);
      if (parsed) attribution.push(parsed);
      else f.fail(`attribution[${i}]`, 'must be {"text": "…", "url"?: "…", "license"?: "…"}');
    });
  }

  const layers = {} as CommunityManifest['layers'];
  const layerRecord = record.layers;
  if (typeof layerRecord !== 'object' || layerRecord === null) {
    f.fail('layers', `must name the file of each layer: ${PACKAGE_LAYERS.join(', ')}`);
  } else {
    for (const layer of PACKAGE_LAYERS) {
      const path = (layerRecord as Record<string, unknown>)[layer];
      if (typeof path !== 'string' || path === '') f.fail(`layers.${layer}`, 'is required (a file name in the package folder)');
      else if (path.includes('..') || path.startsWith('/')) f.fail(`layers.${layer}`, 'must be a file inside the package folder');
      else layers[layer] = path;
    }
    for (const layer of OPTIONAL_PACKAGE_LAYERS) {
      const path = (layerRecord as Record<string, unknown>)[layer];
      if (path === undefined) continue;
      if (typeof path !== 'string' || path === '' || path.includes('..') || path.startsWith('/'))
        f.fail(`layers.${layer}`, 'must be a file inside the package folder, or left out');
      else layers[layer] = path;
    }
  }

  let synthetic: CommunityManifest['synthetic'];
  if (record.synthetic !== undefined) {
    const s = record.synthetic as Record<string, unknown>;
    if (typeof s !== 'object' || s === null || !Array.isArray(s.layers)) {
      f.fail('synthetic', 'must be {"layers": [...], "notice": {"zh", "en"}}');
    } else {
      synthetic = { layers: s.layers.map(String), notice: localized(f, s, 'notice') };
    }
  }

  let camera: CameraBookmark | undefined;
  if (record.camera !== undefined) {
    const c = new FieldReader(record.camera as Record<string, unknown>, { file }, issues);
    camera = {
      lon: c.number('lon', { min: -180, max: 180 }),
      lat: c.number('lat', { min: -90, max: 90 }),
      heightMeters: c.number('heightMeters', { above: 0 }),
      headingDeg: c.number('headingDeg'),
      pitchDeg: c.number('pitchDeg', { min: -90, max: 90 }),
    };
  }

  let survey: SatisfactionSurvey | undefined;
  if (record.survey !== undefined) {
    // Read into a local list so each issue can be named `survey.<field>`.
    const surveyIssues: DataIssue[] = [];
    const v = new FieldReader((record.survey ?? {}) as Record<string, unknown>, { file }, surveyIssues);
    const date = v.string('date');
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) v.fail('date', `must be YYYY-MM-DD, got "${date}"`);
    survey = { date, respondents: v.integer('respondents', { min: 0 }), satisfiedShare: v.number('satisfiedShare', { min: 0, max: 1 }) };
    const byScenario = (record.survey as Record<string, unknown>).byScenario;
    if (byScenario !== undefined) {
      const entries = typeof byScenario === 'object' && byScenario !== null ? Object.entries(byScenario) : null;
      if (!entries || entries.some(([, share]) => typeof share !== 'number' || !(share >= 0 && share <= 1)))
        v.fail('byScenario', 'must map scenario ids to shares between 0 and 1');
      else survey.byScenario = Object.fromEntries(entries) as Record<string, number>;
    }
    issues.push(...surveyIssues.map((issue) => ({ ...issue, field: `survey.${issue.field}` })));
  }

  const context: ContextLayerRef[] = [];
  if (record.context !== undefined) {
    if (!Array.isArray(record.context)) f.fail('context', 'must be a list');
    else
      record.context.forEach((entry, i) => {
        const e = entry as Record<string, unknown>;
        const attributionOfEntry = attributionOf(e?.attribution);
        if (typeof e?.id !== 'string' || typeof e.path !== 'string' || e.kind !== 'buildings' || !attributionOfEntry) {
          f.fail(`context[${i}]`, 'must be {"id", "kind": "buildings", "path", "attribution": {"text"}}');
        } else context.push({ id: e.id, kind: 'buildings', path: e.path, attribution: attributionOfEntry });
      });
  }

  if (issues.length) throw new DataError(issues, 'Invalid community package');
  return {
    format: PACKAGE_FORMAT,
    formatVersion,
    id,
    name,
    district,
    ...(street ? { street } : {}),
    communityType,
    renewalType,
    crs,
    centre: [(record.centre as number[])[0], (record.centre as number[])[1]],
    boundary: toPolygonCoords(record.boundary),
    attribution,
    dataDate,
    ...(synthetic ? { synthetic } : {}),
    ...(camera ? { camera } : {}),
    ...(survey ? { survey } : {}),
    layers,
    ...(context.length ? { context } : {}),
  };
}
