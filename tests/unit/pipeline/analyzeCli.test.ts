import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The CLI as a user runs it: `npx tsx src/pipeline/analyze.ts …`, exit code and streams. */
function cli(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'src/pipeline/analyze.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npx tsx src/pipeline/analyze.ts', () => {
  it('prints JSON for the sample package and exits 0', () => {
    const { code, stdout } = cli('models/sample-jinghe', '--json');
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(stdout).buildings).length).toBe(203);
  }, 60_000);

  it('exits non-zero with a located error for a bad file', () => {
    const { code, stderr } = cli(
      '--buildings',
      'tests/fixtures/analysis/osm-tiny/buildings.geojson',
      '--network',
      'tests/fixtures/analysis/osm-tiny/network.geojson',
      '--facilities',
      'tests/fixtures/analysis/bad-facilities.geojson',
    );
    expect(code).toBe(1);
    expect(stderr).toContain('tests/fixtures/analysis/bad-facilities.geojson, feature 1, (id "f2"), field "category"');
  }, 60_000);
});
