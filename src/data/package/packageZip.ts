import { strToU8, zipSync } from 'fflate';
import type { Community, ContextBuilding, PolygonCoords } from '../../core/model/types';
import { featureCollectionText, packageIndexEntry, writeIndex, writePackage } from './writePackage';

/** Resolves a manifest path (which may climb out with `../`) against the package folder. */
export function resolvePackagePath(packageFolder: string, relative: string): string {
  const parts = packageFolder.split('/').filter(Boolean);
  for (const segment of relative.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function contextFeature(building: ContextBuilding) {
  return {
    properties: {
      id: building.id,
      ...(building.name ? { name: building.name } : {}),
      building: building.kind,
      height_m: building.heightMeters,
    },
    geometry: { type: 'Polygon' as const, coordinates: building.footprint as PolygonCoords },
  };
}

/**
 * The open community as a zip laid out like `models/`: `index.json`, `<id>/…` with every layer, and
 * the context layers at the paths the manifest names, so unzipping into `models/` (or importing the
 * zip) gives a package that loads as it is. Personal fields are written only if the community has
 * them; the bundled samples have none. `extraFiles` (name in the package folder → text) travel along,
 * e.g. the aggregates of a public export. What a role may export is packageExport.ts's business.
 */
export function packageZip(community: Community, extraFiles: ReadonlyMap<string, string> = new Map()): Uint8Array {
  const folder = community.manifest.id;
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of [...writePackage(community), ...extraFiles]) entries[`${folder}/${name}`] = strToU8(text);
  for (const context of community.context) {
    entries[resolvePackagePath(folder, context.ref.path)] = strToU8(featureCollectionText(context.buildings.map(contextFeature)));
  }
  entries['index.json'] = strToU8(writeIndex([packageIndexEntry(community.manifest)]));
  // Level 6 deflate: GeoJSON and CSV shrink ~5×; the zip is made once per click.
  return zipSync(entries, { level: 6 });
}
