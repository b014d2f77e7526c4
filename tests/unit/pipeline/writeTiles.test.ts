import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readB3dm } from '../../../src/data/tiles/writeB3dm';
import { runWriteTiles } from '../../../src/pipeline/writeTiles';

const COMMITTED = path.resolve('models/tiles/sample-jinghe');

describe('npm run tiles', () => {
  it('regenerates the committed sample tileset byte for byte (run `npm run tiles` after changing the sample)', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'tiles-'));
    try {
      const lines: string[] = [];
      expect(await runWriteTiles(['models/sample-jinghe', out], (l) => lines.push(l))).toBe(0);
      expect(lines[0]).toMatch(/203 buildings in \d+ tiles/);
      const names = ['tileset.json', ...readdirSync(path.join(out, 'tiles')).map((n) => `tiles/${n}`)];
      for (const name of names)
        expect(readFileSync(path.join(out, name)).equals(readFileSync(path.join(COMMITTED, name))), name).toBe(true);
      // Every building is a feature exactly once across the tiles.
      const ids = names
        .filter((n) => n.endsWith('.b3dm'))
        .flatMap((n) => readB3dm(new Uint8Array(readFileSync(path.join(out, n)))).batchTable.id);
      expect(new Set(ids).size).toBe(203);
      expect(ids).toHaveLength(203);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('exits 2 with the usage when arguments are missing, and 1 naming the file of a bad package', async () => {
    const lines: string[] = [];
    expect(await runWriteTiles([], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toContain('usage');
    expect(await runWriteTiles(['tests/no-such-package', 'out'], (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toContain('manifest.json');
  });
});
