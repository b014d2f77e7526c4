import type { DataIssue } from '../../core/errors';

/**
 * The features of a GeoJSON FeatureCollection text, or null (with an issue naming the file) when the
 * text is not JSON or not a FeatureCollection. Shared by the package reader and the CLI inputs.
 */
export function parseFeatureCollection(text: string, file: string, issues: DataIssue[]): unknown[] | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    issues.push({ file, reason: `is not valid JSON (${(error as Error).message})` });
    return null;
  }
  const collection = json as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    issues.push({ file, reason: 'must be a GeoJSON FeatureCollection' });
    return null;
  }
  return collection.features;
}
