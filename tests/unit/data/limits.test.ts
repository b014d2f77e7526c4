import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, formatBytes, LIMITS_FILE, parseDeploymentLimits } from '../../../src/data/limits';
import { deploymentLimits, forgetDeploymentLimits } from '../../../src/features/import/deploymentLimits';

describe('deployment limits (config/limits.json)', () => {
  it('ships the defaults, spelled out, so a deployer sees every limit there is to change', () => {
    const shipped = JSON.parse(readFileSync(LIMITS_FILE, 'utf8'));
    expect(parseDeploymentLimits(shipped)).toEqual({ limits: DEFAULT_LIMITS, issues: [] });
    expect(shipped).toEqual(DEFAULT_LIMITS);
  });

  it('takes the values a deployment sets and keeps the defaults for the rest', () => {
    const { limits, issues } = parseDeploymentLimits({
      import: { maxFileBytes: 500_000_000 },
      tours: { allowedOrigins: ['https://gis.intranet:8443/some/path'] },
    });
    expect(issues).toEqual([]);
    expect(limits.import).toEqual({ ...DEFAULT_LIMITS.import, maxFileBytes: 500_000_000 });
    expect(limits.tours).toEqual({ maxBytes: DEFAULT_LIMITS.tours.maxBytes, allowedOrigins: ['https://gis.intranet:8443'] });
  });

  it('ignores, with a located issue each, what is misspelt or not a limit: a typo never lifts a limit', () => {
    const { limits, issues } = parseDeploymentLimits({
      import: { maxFileByte: 1e12, maxNestingDepth: -1, maxCellLength: '1000' },
      tours: { allowedOrigins: ['javascript:alert(1)', 'gis.intranet'], maxBytes: 0.5 },
      extra: true,
    });
    expect(limits).toEqual(DEFAULT_LIMITS);
    expect(issues.map((i) => [i.field, i.message?.code])).toEqual([
      ['extra', 'issue.limit.unknownKey'],
      ['import.maxFileByte', 'issue.limit.unknownKey'],
      ['import.maxNestingDepth', 'issue.limit.notPositive'],
      ['import.maxCellLength', 'issue.limit.notPositive'],
      ['tours.allowedOrigins[0]', 'issue.limit.notOrigin'],
      ['tours.allowedOrigins[1]', 'issue.limit.notOrigin'],
      ['tours.maxBytes', 'issue.limit.notPositive'],
    ]);
    expect(issues.every((i) => i.file === LIMITS_FILE)).toBe(true);
  });

  it('are read once from beside the app, and the defaults hold when the file is missing', async () => {
    const asked: string[] = [];
    const serve = (status: number, body: unknown) =>
      (async (url: string) => {
        asked.push(url);
        return new Response(JSON.stringify(body), { status });
      }) as unknown as typeof fetch;
    forgetDeploymentLimits();
    const set = await deploymentLimits(serve(200, { import: { maxUrlPages: 7 } }), 'http://wall.intranet/twin/');
    expect(set.import.maxUrlPages).toBe(7);
    await deploymentLimits(serve(200, {}), 'http://wall.intranet/twin/');
    expect(asked).toEqual(['http://wall.intranet/twin/config/limits.json']);
    forgetDeploymentLimits();
    expect(await deploymentLimits(serve(404, null), 'http://wall.intranet/twin/')).toEqual(DEFAULT_LIMITS);
    forgetDeploymentLimits();
  });

  it('write sizes as file managers do', () => {
    expect([formatBytes(999), formatBytes(1_048_576), formatBytes(100_000_000), formatBytes(1_073_741_824)]).toEqual([
      '999 B',
      '1 MB',
      '100 MB',
      '1.1 GB',
    ]);
  });
});
