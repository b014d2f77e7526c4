import { ImportError, type DataIssue } from '../../../../src/core/errors';
import { featureCollectionFromUrl, type FetchLike } from '../../../../src/data/formats/featuresFromUrl';
import { importFiles, type ImportBatch, type ImportedGeometry } from '../../../../src/data/formats';
import { IMPORT_FORMATS, findImportFormat, modelFormatOf } from '../../../../src/data/formats/registry';
import { localizeIssue } from '../../../../src/i18n/issues';
import { dictionaryKeys, translate } from '../../../../src/i18n/translate';
import type { FuzzCase } from './cases';

/**
 * One fuzz case in the budgeted worker: what the import worker does with it, then what must hold of
 * the outcome — a result or a named error for every file (never an unforeseen error, never a lost
 * batch: a valid file beside the broken one still imports), every issue translatable in both
 * languages with all its placeholders filled, every imported position a real longitude/latitude,
 * and the whole batch postable from a worker. Returns the broken rules, empty when all hold.
 */

const CONTROL = new TextEncoder().encode(
  JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { id: 'control' }, geometry: { type: 'Point', coordinates: [120.15, 30.27] } }],
  }),
);
const KNOWN_CODES = new Set(dictionaryKeys('en'));
const KINDS = [...new Set(IMPORT_FORMATS.map((f) => f.kind))];

function checkIssue(issue: DataIssue, where: string, violations: string[]): void {
  const message = issue.message;
  if (!message) return; // Issues without a message are shown by their English reason; none of the readers' are.
  if (!KNOWN_CODES.has(message.code)) violations.push(`${where}: message code ${message.code} is not in the dictionaries`);
  for (const language of ['zh-CN', 'en'] as const) {
    const template = translate(language, message.code);
    for (const [, name] of template.matchAll(/\{(\w+)\}/g))
      if (!(name in (message.params ?? {}))) violations.push(`${where}: ${message.code} has no value for {${name}}`);
    try {
      localizeIssue(issue, language);
    } catch (error) {
      violations.push(`${where}: cannot be localised (${error})`);
    }
  }
}

function positions(geometry: ImportedGeometry): number[][] {
  const flat: number[][] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value) && typeof value[0] === 'number') flat.push(value as number[]);
    else if (Array.isArray(value)) value.forEach(walk);
  };
  walk(geometry.coordinates);
  return flat;
}

function checkGeometry(geometry: ImportedGeometry | null, where: string, violations: string[]): void {
  if (!geometry) return;
  const all = positions(geometry);
  if (all.length === 0) violations.push(`${where}: ${geometry.type} without positions`);
  for (const [lon, lat] of all)
    if (!(Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
      violations.push(`${where}: position [${lon}, ${lat}] is not a longitude/latitude`);
      break;
    }
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.type === 'MultiPolygon' ? geometry.coordinates.flat() : [];
  for (const ring of rings) {
    const [first, last] = [ring[0], ring.at(-1)];
    if (ring.length < 4 || first?.[0] !== last?.[0] || first?.[1] !== last?.[1])
      violations.push(`${where}: a ring is not closed with 4+ positions`);
  }
  if (
    (geometry.type === 'LineString' && geometry.coordinates.length < 2) ||
    (geometry.type === 'MultiPoint' && geometry.coordinates.length < 1)
  )
    violations.push(`${where}: ${geometry.type} with too few positions`);
}

function checkBatch(batch: ImportBatch, inputs: readonly string[], violations: string[]): void {
  try {
    structuredClone(batch);
  } catch (error) {
    violations.push(`the batch cannot be posted from the worker (${error})`);
  }
  for (const failure of batch.failures) {
    if (failure.code === 'unreadable') violations.push(`unforeseen error: ${failure.issues[0]?.reason}`);
    failure.issues.forEach((issue, i) => checkIssue(issue, `failure ${failure.code} issue ${i}`, violations));
  }
  for (const result of batch.results) {
    result.features.forEach((feature, i) => checkGeometry(feature.geometry, `${result.file} feature ${i}`, violations));
    for (const [list, issues] of [
      ['skipped', result.skipped],
      ['warnings', result.warnings ?? []],
      ['repaired', result.repaired],
    ] as const)
      issues.slice(0, 200).forEach((issue, i) => checkIssue(issue, `${result.file} ${list} ${i}`, violations));
  }
  // Every file comes back: as a layer, as a failure, or as a part of one (a zip's entries, a shapefile's .dbf).
  const named = [...batch.results.map((r) => r.file), ...batch.failures.flatMap((f) => f.issues.map((i) => i.file))];
  const stem = (name: string) => name.replace(/\.[^./]+$/, '');
  for (const input of inputs)
    if (!named.some((n) => n === input || n.startsWith(`${input}/`) || stem(n) === stem(input) || input.startsWith(`${stem(n)}.`)))
      violations.push(`${input} came back neither as a layer nor as a failure`);
  const control = batch.results.find((r) => r.file === 'control.geojson');
  if (control?.features.length !== 1) violations.push('the valid file beside it did not import (the batch was lost)');
}

function serve(pages: Record<string, string>): FetchLike {
  return async (url) => {
    const body = pages[url];
    return body === undefined ? { ok: false, status: 404, text: async () => '' } : { ok: true, status: 200, text: async () => body };
  };
}

/** What came of a batch, in a few words for the run's tally: layers read (with skipped features) or the failures' codes. */
function summary(batch: ImportBatch): string {
  const layers = batch.results.filter((r) => r.file !== 'control.geojson');
  const codes = [...new Set(batch.failures.map((f) => f.code))].sort().join(', ');
  if (layers.length)
    return `read${layers.some((r) => r.skipped.length) ? ' with skipped features' : ''}${codes ? ` and refused (${codes})` : ''}`;
  return `refused (${codes})`;
}

export async function runFuzzCase(fuzzCase: FuzzCase): Promise<{ violations: string[]; outcome: string }> {
  const violations: string[] = [];
  if (fuzzCase.kind === 'files') {
    const batch = importFiles(new Map([...fuzzCase.files, ['control.geojson', CONTROL]]));
    checkBatch(
      batch,
      fuzzCase.files.map(([name]) => name),
      violations,
    );
    return { violations, outcome: summary(batch) };
  }
  if (fuzzCase.kind === 'model') {
    const [name, bytes] = fuzzCase.file;
    modelFormatOf(name);
    findImportFormat(name, bytes, KINDS);
    const batch = importFiles(new Map([fuzzCase.file, ['control.geojson', CONTROL]]));
    checkBatch(batch, [name], violations);
    return { violations, outcome: `${batch.failures.map((f) => f.code).join(',') || 'read'}` };
  }
  try {
    const fetched = await featureCollectionFromUrl(fuzzCase.url, serve(fuzzCase.pages), { maxPages: 20, maxBytes: 5_000_000 });
    if (fetched.kind === 'tileset') return { violations, outcome: 'tileset' };
    fetched.warnings.forEach((w, i) => checkIssue({ file: fuzzCase.url, ...w }, `url warning ${i}`, violations));
    const batch = importFiles(
      new Map([
        [fetched.name, new TextEncoder().encode(fetched.text)],
        ['control.geojson', CONTROL],
      ]),
    );
    checkBatch(batch, [fetched.name], violations);
    return { violations, outcome: `URL ${summary(batch)}` };
  } catch (error) {
    if (!(error instanceof ImportError)) violations.push(`URL import threw ${(error as Error)?.name}: ${(error as Error)?.message}`);
    else error.issues.forEach((issue, i) => checkIssue(issue, `url failure ${i}`, violations));
    return { violations, outcome: `URL refused: ${(error as ImportError).code}` };
  }
}
