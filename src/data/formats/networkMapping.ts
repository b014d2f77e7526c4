import { because, issueMessage, type DataIssue } from '../../core/errors';
import { NETWORK_KINDS, type LonLat, type NetworkKind, type NetworkLine } from '../../core/model/types';
import { textOf } from './fieldNames';
import { fileStem, locateFeature, type ImportResult } from './importResult';

/**
 * Imported lines → the walking network (NetworkLine). OSM `highway=*` values follow the OSM wiki
 * (Key:highway); a `kind` column already in our vocabulary wins. Motor roads are kept as 'road'
 * because the analyses walk along them (pavements are rarely mapped separately in Hangzhou).
 */

const ROAD_CLASSES = new Set([
  'motorway',
  'trunk',
  'primary',
  'secondary',
  'tertiary',
  'unclassified',
  'residential',
  'service',
  'living_street',
  'primary_link',
  'secondary_link',
  'tertiary_link',
  'road',
]);

export function guessNetworkKind(properties: Record<string, unknown>): NetworkKind | null {
  const kind = textOf(properties.kind);
  if (kind && (NETWORK_KINDS as readonly string[]).includes(kind)) return kind as NetworkKind;
  const highway = textOf(properties.highway)?.toLowerCase();
  if (!highway) return null;
  if (highway === 'crossing' || textOf(properties.footway) === 'crossing') return 'crossing';
  if (highway === 'steps') return 'steps';
  if (highway === 'footway' || highway === 'pedestrian' || highway === 'corridor') return 'footway';
  if (highway === 'path' || highway === 'cycleway' || highway === 'track' || highway === 'bridleway') return 'path';
  return ROAD_CLASSES.has(highway) ? 'road' : null;
}

/** Network lines from line features; multilines become one line per part ("-1", "-2"… on the id). */
export function readNetworkLines(result: Pick<ImportResult, 'file' | 'features'>): { lines: NetworkLine[]; issues: DataIssue[] } {
  const lines: NetworkLine[] = [];
  const issues: DataIssue[] = [];
  const stem = fileStem(result.file);
  result.features.forEach((feature, index) => {
    const location = locateFeature(result.file, feature);
    const g = feature.geometry;
    const parts: LonLat[][] = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [];
    if (parts.length === 0) {
      issues.push({
        ...location,
        field: 'geometry',
        ...because(`a network line needs a line, got ${g?.type ?? 'none'}`, 'issue.mapping.networkNeedsLine', {
          got: g?.type ?? issueMessage('issue.value.none'),
        }),
      });
      return;
    }
    const kind = guessNetworkKind(feature.properties);
    if (!kind) {
      issues.push({
        ...location,
        field: 'highway',
        ...because('not a walkable way (no known highway or kind value)', 'issue.mapping.notWalkable'),
      });
      return;
    }
    const name = textOf(feature.properties.name);
    const baseId = feature.id ?? `${stem}-${index + 1}`;
    parts.forEach((coordinates, part) => {
      lines.push({ id: parts.length > 1 ? `${baseId}-${part + 1}` : baseId, kind, coordinates, ...(name ? { name } : {}) });
    });
  });
  return { lines, issues };
}
