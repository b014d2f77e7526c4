import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWalkGraph } from '../../../src/analysis/network/buildGraph';
import { networkHash, readHierarchyFile } from '../../../src/analysis/network/hierarchy/hierarchyFile';
import { labelOf, sweepDistances } from '../../../src/analysis/network/hierarchy/sweep';
import { shortestPathTree } from '../../../src/analysis/network/shortestPaths';
import { runGraph } from '../../../src/pipeline/graph';
import { loadSampleCommunity, SAMPLE_PACKAGE_DIR } from '../support/samplePackage';

const dir = mkdtempSync(path.join(os.tmpdir(), 'graph-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) } };
}

describe('npm run graph', () => {
  it('writes the sample network’s hierarchy, which the app’s graph of the same network reads (same hash) and which answers like Dijkstra', async () => {
    const { out, io: cli } = io();
    expect(await runGraph([SAMPLE_PACKAGE_DIR, '--out', dir], cli)).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'walk-hierarchy.json'), 'utf8'));
    const graph = buildWalkGraph((await loadSampleCommunity()).network);
    expect(manifest).toMatchObject({ format: 'fct-walk-hierarchy', version: 1, nodes: graph.nodeCount, networkHash: networkHash(graph) });
    expect(out.join('\n')).toContain(`${graph.nodeCount} nodes`);
    const hierarchy = readHierarchyFile(new Uint8Array(readFileSync(path.join(dir, 'walk-hierarchy.bin'))), networkHash(graph));
    const swept = sweepDistances(hierarchy, [{ nodes: [0] }]);
    const tree = shortestPathTree(graph, { nodes: [0] });
    for (let v = 0; v < graph.nodeCount; v++) expect(Math.abs(labelOf(hierarchy, swept, v, 0) - tree.distanceMeters[v])).toBeLessThan(1e-9);
  }, 60_000);

  it('reads a network GeoJSON and names the feature of a bad geometry (exit 1); a missing --out is a usage error (exit 2)', async () => {
    const file = path.join(dir, 'network.geojson');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'LineString',
              coordinates: [
                [120.1, 30.2],
                [120.101, 30.2],
              ],
            },
          },
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [120.1, 30.2] } },
        ],
      }),
    );
    const bad = io();
    expect(await runGraph([file, '--out', path.join(dir, 'g')], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toMatch(/network\.geojson.*feature 1.*geometry/s);
    const usage = io();
    expect(await runGraph([file], usage.io)).toBe(2);
    expect(usage.err.join('\n')).toContain('--out');
  });
});
