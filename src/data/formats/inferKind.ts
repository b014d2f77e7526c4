import { guessBuildingFields } from './buildingMapping';
import { guessFacilityCategory } from './facilityMapping';
import { columnsOf } from './fieldNames';
import type { ImportKind, ImportedFeature } from './importResult';
import { guessNetworkKind } from './networkMapping';

/** Features looked at to decide; enough for a vote, cheap for a 100,000-feature file. */
const SAMPLE = 500;

/**
 * Suggests what a file holds from its dominant geometry and its attributes: polygons with a
 * height/floors column or OSM `building` tags are buildings, points most of which map to a
 * facility category are facilities, lines most of which are walkable ways are the network.
 * Only a suggestion — the import dialog shows it preselected.
 */
export function inferKind(features: readonly ImportedFeature[], columns?: readonly string[]): ImportKind {
  const sample = features.slice(0, SAMPLE);
  const counts = { point: 0, line: 0, polygon: 0 };
  for (const f of sample) {
    const type = f.geometry?.type;
    if (type === 'Point' || type === 'MultiPoint') counts.point++;
    else if (type === 'LineString' || type === 'MultiLineString') counts.line++;
    else if (type === 'Polygon' || type === 'MultiPolygon') counts.polygon++;
  }
  const total = counts.point + counts.line + counts.polygon;
  if (total === 0) return 'table';
  const family =
    counts.polygon >= counts.point && counts.polygon >= counts.line ? 'polygon' : counts.point >= counts.line ? 'point' : 'line';
  const ofFamily = sample.filter((f) => {
    const type = f.geometry?.type ?? '';
    return family === 'polygon' ? type.endsWith('Polygon') : family === 'point' ? type.endsWith('Point') : type.endsWith('LineString');
  });
  const share = (test: (f: ImportedFeature) => boolean) => ofFamily.filter(test).length / Math.max(ofFamily.length, 1);
  if (family === 'polygon') {
    const mapping = guessBuildingFields(columns ?? columnsOf(ofFamily.map((f) => f.properties)));
    const buildingLike =
      mapping.height !== undefined ||
      mapping.floors !== undefined ||
      share((f) => f.properties.building !== undefined || f.heightMeters !== undefined) >= 0.5;
    return buildingLike ? 'buildings' : 'polygons';
  }
  if (family === 'point') return share((f) => guessFacilityCategory(f.properties) !== null) >= 0.5 ? 'facilities' : 'points';
  return share((f) => guessNetworkKind(f.properties) !== null) >= 0.5 ? 'network' : 'lines';
}
