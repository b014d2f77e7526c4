import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../../src/data/formats/index';
import {
  IMPORT_FORMATS,
  acceptedFileTypes,
  detectFormat,
  droppableFormatList,
  findImportFormat,
  modelFormatOf,
  readableFormatList,
  urlFormatOf,
} from '../../../../src/data/formats/registry';

const text = (s: string) => new TextEncoder().encode(s);

describe('import format registry', () => {
  it('has one entry per format with an id, both names and lower-case extensions without a dot', () => {
    expect(IMPORT_FORMATS.map((f) => f.id)).toEqual(['geojson', 'cityjson', 'csv', 'shapefile', 'zip', '3d-tiles', 'gltf']);
    for (const format of IMPORT_FORMATS) {
      expect(format.name.zh && format.name.en, format.id).toBeTruthy();
      for (const ext of format.extensions) expect(ext, format.id).toMatch(/^[a-z0-9]+(\.[a-z0-9]+)*$/);
    }
    expect(IMPORT_FORMATS.filter((f) => f.dimension === '3d').map((f) => f.id)).toEqual(['cityjson', '3d-tiles', 'gltf']);
  });

  it('detects by extension, by confidence, and looks into .json for CityJSON', () => {
    expect(detectFormat('a.city.json')).toBe('cityjson');
    expect(detectFormat('A.CITYJSON')).toBe('cityjson');
    expect(detectFormat('a.json', text('{"type": "CityJSON", "version": "2.0"}'))).toBe('cityjson');
    expect(detectFormat('a.json', text('{"type": "FeatureCollection"}'))).toBe('geojson');
    expect(detectFormat('a.json')).toBe('geojson');
    expect(detectFormat('a.geojson', text('{"type": "CityJSON"}'))).toBe('geojson');
    expect(detectFormat('survey.TXT')).toBe('csv');
    expect(detectFormat('roads.shp.xml')).toBe('shapefile');
    // Containers and models are not read into layers by themselves.
    expect(detectFormat('a.zip')).toBeNull();
    expect(detectFormat('tower.glb')).toBeNull();
    expect(findImportFormat('a.zip', undefined, ['container'])?.id).toBe('zip');
  });

  it('recognises glTF models by name or by the GLB magic, and a 3D Tiles tileset by its content', () => {
    expect(modelFormatOf('Tower.GLB')?.id).toBe('gltf');
    expect(modelFormatOf('scene.gltf')?.id).toBe('gltf');
    expect(modelFormatOf('scene.obj')).toBeNull();
    expect(findImportFormat('model.bin', text('glTF\u0002\u0000\u0000\u0000'), ['model'])?.id).toBe('gltf');
    expect(urlFormatOf({ asset: { version: '1.1' }, root: { geometricError: 0 } })?.id).toBe('3d-tiles');
    expect(urlFormatOf({ asset: { version: '1.0' } })).toBeNull();
    expect(urlFormatOf({ type: 'FeatureCollection', features: [] })).toBeNull();
  });

  it('makes the file picker accept every extension a file can be dropped as (the same list as before, plus CityJSON and shapefile side files)', () => {
    const accept = acceptedFileTypes().split(',');
    for (const ext of ['.geojson', '.json', '.csv', '.tsv', '.txt', '.shp', '.shx', '.dbf', '.prj', '.cpg', '.zip', '.glb', '.gltf'])
      expect(accept).toContain(ext);
    expect(accept).toContain('.cityjson');
    expect(new Set(accept).size).toBe(accept.length);
  });

  it('lists the formats for messages and the help text in both languages', () => {
    expect(readableFormatList()).toEqual({
      en: 'GeoJSON, CityJSON, CSV, shapefile or a zip of them',
      zh: 'GeoJSON、CityJSON、CSV、Shapefile 或它们的 zip 压缩包',
    });
    expect(droppableFormatList('en')).toBe(
      'GeoJSON, CityJSON, CSV (UTF-8/GBK), shapefile (pick .shp .dbf .prj .cpg together), zip (of the formats above) and glTF/GLB models',
    );
    expect(droppableFormatList('zh')).toBe(
      'GeoJSON、CityJSON、CSV（UTF-8/GBK）、Shapefile（.shp .dbf .prj .cpg 一起选）、zip 压缩包（内含以上格式）、glTF/GLB 模型',
    );
  });

  it('names the supported formats when a file is of none of them', () => {
    const { failures } = importFiles(new Map([['map.kml', text('<kml/>')]]));
    expect(failures).toHaveLength(1);
    expect(failures[0].code).toBe('unsupported-format');
    expect(failures[0].issues[0]).toMatchObject({
      file: 'map.kml',
      reason: 'is not a supported format: GeoJSON, CityJSON, CSV, shapefile or a zip of them',
      message: { code: 'issue.format.unsupported', params: { formats: readableFormatList() } },
    });
  });

  it('says a shapefile is incomplete when only its side files came', () => {
    const { failures } = importFiles(new Map([['roads.dbf', new Uint8Array(40)]]));
    expect(failures.map((f) => [f.code, f.issues[0].file, f.issues[0].reason])).toEqual([
      ['missing-file', 'roads.dbf', 'is part of a shapefile but the .shp is missing'],
    ]);
  });
});
