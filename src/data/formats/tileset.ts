import type { UrlFormat } from './formatTypes';

/** A 3D Tiles tileset.json: an `asset` with a version and a `root` tile (3D Tiles 1.0 and 1.1). */
export function isTilesetJson(json: unknown): boolean {
  const j = json as { asset?: { version?: unknown }; root?: unknown } | null;
  return typeof j === 'object' && j !== null && typeof j.asset?.version === 'string' && typeof j.root === 'object' && j.root !== null;
}

/**
 * 3D Tiles (1.0 and 1.1) by URL: recognised by the content of the tileset.json, then streamed by
 * the viewer. Not read from a dropped file: its tiles are addressed relative to its URL.
 */
export const tilesetFormat: UrlFormat<'3d-tiles'> = {
  id: '3d-tiles',
  kind: 'url',
  name: { zh: '3D Tiles 瓦片集', en: '3D Tiles tileset' },
  extensions: ['json'],
  dimension: '3d',
  detect: () => 0,
  recognize: isTilesetJson,
};
