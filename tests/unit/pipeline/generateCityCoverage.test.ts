import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { communityCoverageFile } from '../../../src/analysis/city/communityCoverage';
import { DEFAULT_SERVICE_RULES } from '../../../src/analysis/service-circles/rules';
import { parseCityDataset } from '../../../src/data/city/readCityDataset';
import {
  coverageOfStandIn,
  FACILITY_KEEP_SHARE,
  seedOfCommunity,
  standInCommunity,
} from '../../../src/pipeline/city/syntheticCityCoverage';
import { generateSampleCommunity } from '../../../src/pipeline/sample/generateSampleCommunity';

const city = parseCityDataset(readFileSync('models/city/hangzhou-future-communities.json', 'utf8'), 'city.json');
const bundled = JSON.parse(readFileSync('models/city/community-coverage.json', 'utf8')) as { communities: { id: string }[] };

describe('synthetic city coverage', () => {
  it('seeds each community by its id (FNV-1a: "a" → 0xe40c292c)', () => {
    expect(seedOfCommunity('a')).toBe(0xe40c292c);
    expect(seedOfCommunity('xihu-004')).not.toBe(seedOfCommunity('xihu-005'));
  });

  it('uses the sample itself for the community with the sample package, and thins the others by status', () => {
    const withPackage = city.communities.find((c) => c.package)!;
    expect(standInCommunity(withPackage).facilities).toHaveLength(generateSampleCommunity().facilities.length);
    const created = city.communities.find((c) => c.status === 'created' && !c.package)!;
    const standIn = standInCommunity(created);
    const full = generateSampleCommunity(seedOfCommunity(created.id)).facilities.length;
    expect(standIn.facilities.length).toBeLessThan(full);
    // 70 % kept on average; a run of ~50 facilities stays well inside 40–95 %.
    expect(standIn.facilities.length / full).toBeGreaterThan(FACILITY_KEEP_SHARE.created - 0.3);
  });

  it('regenerates two communities of the bundled file exactly (the file is deterministic)', () => {
    for (const c of [city.communities[0]!, city.communities.find((x) => x.status === 'accepted' && !x.package)!]) {
      const row = coverageOfStandIn(c, standInCommunity(c));
      const published = communityCoverageFile({
        city: city.city,
        walkSpeedMetersPerSecond: DEFAULT_SERVICE_RULES.walkSpeedMetersPerSecond,
        categories: DEFAULT_SERVICE_RULES.rules.map((rule) => ({ category: rule.category, rule })),
        rows: [row],
      }).communities[0];
      expect(published).toEqual(bundled.communities.find((x) => x.id === c.id));
    }
  });
});
