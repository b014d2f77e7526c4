import { because, englishDetail, type DataIssue } from '../../core/errors';

/**
 * The features of a GeoJSON FeatureCollection text, or null (with an issue naming the file) when the
 * text is not JSON or not a FeatureCollection. Shared by the package reader and the CLI inputs.
 */
export function parseFeatureCollection(text: string, file: string, issues: DataIssue[]): unknown[] | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = ` (${(error as Error).message})`;
    issues.push({ file, ...because(`is not valid JSON${detail}`, 'issue.json.invalid', { detail: englishDetail(detail) }) });
    return null;
  }
  const collection = json as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    issues.push({ file, ...because('must be a GeoJSON FeatureCollection', 'issue.package.mustBeFeatureCollection') });
    return null;
  }
  return collection.features;
}
