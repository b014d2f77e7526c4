import { because, DataError, type DataIssue } from '../../core/errors';
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
import { isLonLat, polygonProblem, toPolygonCoords } from './geometry';

export const PACKAGE_FORMAT = 'fct-community-package';
/** 1.1: base kinds that say what counts, 错时共享 on facilities, 城乡房屋编码 / 标准地址 on houses (models/README.md). */
export const SUPPORTED_FORMAT_VERSIONS = ['1.0', '1.1'];

function localized(reader: FieldReader, record: Record<string, unknown>, field: string): LocalizedText {
  const value = record[field];
  if (typeof value !== 'object' || value === null || typeof (value as LocalizedText).zh !== 'string') {
    reader.fail(field, because('must be an object {"zh": "…", "en": "…"}', 'issue.field.mustBeLocalized'));
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

/** "must be YYYY-MM-DD, got …" (`got` as it should be shown, quotes included). */
export const mustBeDate = (got: string) => because(`must be YYYY-MM-DD, got ${got}`, 'issue.field.mustBeDate', { got });

/** Validates manifest.json; throws a DataError naming every bad field. */
export function parseManifest(json: unknown, file = 'manifest.json'): CommunityManifest {
  const issues: DataIssue[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new DataError([{ file, ...because('must be a JSON object', 'issue.json.mustBeObject') }], 'Invalid community package');
  }
  const record = json as Record<string, unknown>;
  const f = new FieldReader(record, { file }, issues);

  if (record.format !== PACKAGE_FORMAT)
    f.fail('format', because(`must be "${PACKAGE_FORMAT}"`, 'issue.field.mustBeValue', { value: PACKAGE_FORMAT }));
  const formatVersion = f.string('formatVersion');
  if (formatVersion && !SUPPORTED_FORMAT_VERSIONS.includes(formatVersion)) {
    f.fail(
      'formatVersion',
      because(
        `version ${formatVersion} is not supported (supported: ${SUPPORTED_FORMAT_VERSIONS.join(', ')})`,
        'issue.field.versionUnsupported',
        {
          version: formatVersion,
          supported: SUPPORTED_FORMAT_VERSIONS,
        },
      ),
    );
  }
  const id = f.string('id');
  if (id && !/^[a-z0-9][a-z0-9-]*$/.test(id)) f.fail('id', because('must use only a–z, 0–9 and "-"', 'issue.field.idChars'));
  const name = localized(f, record, 'name');
  const district = localized(f, record, 'district');
  const street = record.street === undefined ? undefined : localized(f, record, 'street');
  const communityType = f.oneOf('communityType', ['puhui', 'yinling'] as const);
  const renewalType = f.oneOf('renewalType', ['renewal', 'new-build', 'whole-area'] as const);
  const crs = f.oneOf('crs', ['EPSG:4326', 'EPSG:4490'] as const);
  if (!isLonLat(record.centre)) f.fail('centre', because('must be [longitude, latitude] in degrees', 'issue.field.mustBeLonLat'));
  const boundaryProblem = polygonProblem(record.boundary);
  if (boundaryProblem) f.fail('boundary', boundaryProblem);
  const dataDate = f.string('dataDate');
  if (dataDate && !/^\d{4}-\d{2}-\d{2}$/.test(dataDate)) f.fail('dataDate', mustBeDate(`"${dataDate}"`));

  const attribution: Attribution[] = [];
  if (!Array.isArray(record.attribution) || record.attribution.length === 0) {
    f.fail('attribution', because('must list at least one source: [{"text": "…"}]', 'issue.manifest.attributionRequired'));
  } else {
    record.attribution.forEach((a, i) => {
      const parsed = attributionOf(a);
      if (parsed) attribution.push(parsed);
      else f.fail(`attribution[${i}]`, because('must be {"text": "…", "url"?: "…", "license"?: "…"}', 'issue.manifest.attributionShape'));
    });
  }

  const layers = {} as CommunityManifest['layers'];
  const layerRecord = record.layers;
  if (typeof layerRecord !== 'object' || layerRecord === null) {
    f.fail(
      'layers',
      because(`must name the file of each layer: ${PACKAGE_LAYERS.join(', ')}`, 'issue.manifest.layersRequired', {
        layers: PACKAGE_LAYERS,
      }),
    );
  } else {
    for (const layer of PACKAGE_LAYERS) {
      const path = (layerRecord as Record<string, unknown>)[layer];
      if (typeof path !== 'string' || path === '')
        f.fail(`layers.${layer}`, because('is required (a file name in the package folder)', 'issue.manifest.layerFileRequired'));
      else if (path.includes('..') || path.startsWith('/'))
        f.fail(`layers.${layer}`, because('must be a file inside the package folder', 'issue.manifest.layerOutside'));
      else layers[layer] = path;
    }
    for (const layer of OPTIONAL_PACKAGE_LAYERS) {
      const path = (layerRecord as Record<string, unknown>)[layer];
      if (path === undefined) continue;
      if (typeof path !== 'string' || path === '' || path.includes('..') || path.startsWith('/'))
        f.fail(`layers.${layer}`, because('must be a file inside the package folder, or left out', 'issue.manifest.optionalLayerOutside'));
      else layers[layer] = path;
    }
  }

  let synthetic: CommunityManifest['synthetic'];
  if (record.synthetic !== undefined) {
    const s = record.synthetic as Record<string, unknown>;
    if (typeof s !== 'object' || s === null || !Array.isArray(s.layers)) {
      f.fail('synthetic', because('must be {"layers": [...], "notice": {"zh", "en"}}', 'issue.manifest.syntheticShape'));
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
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) v.fail('date', mustBeDate(`"${date}"`));
    survey = { date, respondents: v.integer('respondents', { min: 0 }), satisfiedShare: v.number('satisfiedShare', { min: 0, max: 1 }) };
    const byScenario = (record.survey as Record<string, unknown>).byScenario;
    if (byScenario !== undefined) {
      const entries = typeof byScenario === 'object' && byScenario !== null ? Object.entries(byScenario) : null;
      if (!entries || entries.some(([, share]) => typeof share !== 'number' || !(share >= 0 && share <= 1)))
        v.fail('byScenario', because('must map scenario ids to shares between 0 and 1', 'issue.manifest.byScenario'));
      else survey.byScenario = Object.fromEntries(entries) as Record<string, number>;
    }
    issues.push(...surveyIssues.map((issue) => ({ ...issue, field: `survey.${issue.field}` })));
  }

  const context: ContextLayerRef[] = [];
  if (record.context !== undefined) {
    if (!Array.isArray(record.context)) f.fail('context', because('must be a list', 'issue.field.mustBeList'));
    else
      record.context.forEach((entry, i) => {
        const e = entry as Record<string, unknown>;
        const attributionOfEntry = attributionOf(e?.attribution);
        if (typeof e?.id !== 'string' || typeof e.path !== 'string' || e.kind !== 'buildings' || !attributionOfEntry) {
          f.fail(
            `context[${i}]`,
            because('must be {"id", "kind": "buildings", "path", "attribution": {"text"}}', 'issue.manifest.contextShape'),
          );
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
