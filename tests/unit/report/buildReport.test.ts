import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromCommunity,
} from '../../../src/analysis/service-circles/serviceCoverageRequest';
import type { Community, Right } from '../../../src/core/model/types';
import { buildReport } from '../../../src/report/buildReport';
import { hashPackageFiles, webSha256, type PackageHash, type Sha256 } from '../../../src/report/packageHash';
import { sha256Bytes } from '../../../src/report/sha256';
import { PrivacyError } from '../../../src/report/privacyGuard';
import { renderReportHtml } from '../../../src/report/renderReportHtml';
import { SCENARIOS } from '../../../src/scenarios';
import { tinyCommunity } from '../scenarios/tinyCommunity';

/**
 * The report model on the hand-made community of tests/unit/scenarios/tinyCommunity.ts (its comment
 * works out every count used here): 5 buildings, 17 households, 24 residents — 0–2: 1, 3–5: 3,
 * 6–11: 1, 18–59: 13, 60–69: 3, 70–79: 2, 80+: 1 (60+ = 6), 2 living alone, 1 with a disability.
 * Added here: 9 rights (6 property, 2 lease, 1 public housing) and, on one resident, a name, a phone
 * and an ID number that must never reach the report.
 */
const sha256: Sha256 = async (data) => new Uint8Array(createHash('sha256').update(data).digest());
const HASH: PackageHash = { algorithm: 'SHA-256', hex: 'ab'.repeat(32), files: [] };

function community(): Community {
  const c = tinyCommunity();
  const houses = c.houses.filter((h) => h.use === 'residential').slice(0, 9);
  const types: Right['rightType'][] = [
    'property',
    'property',
    'property',
    'property',
    'property',
    'property',
    'lease',
    'lease',
    'public-housing',
  ];
  c.rights = houses.map((h, i) => ({ id: `R${i}`, houseId: h.id, rightType: types[i], holderRef: `holder-${i}`, share: 1 }));
  c.people[0] = { ...c.people[0], name: '王小明', phone: '13912345678', idNumber: '33010619900101123X' };
  return c;
}

function report(c: Community = community()) {
  const coverage = computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(c));
  return { coverage, model: buildReport(c, coverage, { appVersion: '9.9.9', packageHash: HASH, generatedAt: '2025-02-01T08:00:00.000Z' }) };
}

describe('buildReport basic information', () => {
  const { model } = report();

  it('counts buildings, households and residents of the tiny community', () => {
    expect(model.basics.buildings).toBe(5);
    expect(model.basics.residentialBuildings).toBe(3);
    expect(model.basics.households).toEqual({ value: 17, suppressed: false });
    expect(model.basics.residents).toEqual({ value: 24, suppressed: false });
    expect(model.basics.elderly).toEqual({ value: 6, suppressed: false });
    // H1 (6 floors, no lift) is the only home of 4+ floors without an elevator; H3 has one, H2 has 3 floors.
    expect(model.basics.buildingsWithoutElevatorFourPlusFloors).toBe(1);
  });

  it('hides every age band under 5 people and keeps zeros and the 13 adults', () => {
    const bands = Object.fromEntries(model.basics.residentsByAgeBand.map((r) => [r.key, r.count]));
    expect(bands['18-59']).toEqual({ value: 13, suppressed: false });
    expect(bands['12-14']).toEqual({ value: 0, suppressed: false });
    for (const band of ['0-2', '3-5', '6-11', '60-69', '70-79', '80+']) expect(bands[band], band).toEqual({ suppressed: true });
    // 2 living alone and 1 with a disability: small cells.
    expect(model.basics.livingAloneElderly).toEqual({ suppressed: true });
    expect(model.basics.withDisability).toEqual({ suppressed: true });
  });

  it('suppresses the 2 leases and the 1 public-housing right but prints the 6 property rights and the total of 9', () => {
    const rights = Object.fromEntries(model.basics.rightsByType.map((r) => [r.key, r.count]));
    expect(rights).toEqual({
      property: { value: 6, suppressed: false },
      lease: { suppressed: true },
      'public-housing': { suppressed: true },
      'use-right': { value: 0, suppressed: false },
    });
    expect(model.basics.rights).toEqual({ value: 9, suppressed: false });
  });

  it('draws suppressed age bands as "<5" bars, never as numbers', () => {
    const series = model.charts['age-bands'].series[0];
    expect(series.values[0]).toBeNull();
    expect(series.suppressed![0]).toBe(true);
    expect(series.values[5]).toBe(13);
  });
});

describe('buildReport facility inventory: the 20 items of the 完整居住社区建设标准', () => {
  const { model } = report();
  const item = (n: number) => model.inventory.find((r) => r.number === n)!;

  it('lists the 20 items in order, in the six groups, then the rows of the Zhejiang matrix, each with a threshold and a source', () => {
    const numbered = model.inventory.filter((r) => r.number !== null);
    expect(numbered.map((r) => r.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(numbered.map((r) => r.group))).toEqual(
      new Set(['basic-services', 'commercial', 'municipal', 'public-space', 'property', 'governance']),
    );
    expect(model.inventory.filter((r) => r.number === null).every((r) => r.group === 'zhejiang')).toBe(true);
    for (const r of model.inventory) {
      expect(r.threshold.zh.length, r.item.en).toBeGreaterThan(0);
      expect(r.itemSource).toMatch(/\[(V|M)/);
    }
    expect(item(15).threshold.zh).toContain('4000');
    expect(item(13).item.zh).toContain('公共厕所');
  });

  it('marks what the tiny community lacks as missing, and says what data would show the items the package cannot', () => {
    expect(item(3).status).toBe('missing');
    expect(model.inventory.find((r) => r.categories.includes('disability-aid'))!.status).toBe('missing');
    expect(item(9)).toMatchObject({ status: 'not-in-data', count: null });
    expect(item(9).detail.en).toMatch(/^Needs /);
  });

  it('checks facilities against the reuse rules minimum, surfaces against the surface rules, indicators by their outcome', () => {
    // The kindergarten states no floor area: it cannot be checked against 2,200 m².
    expect(item(2)).toMatchObject({ count: 1, largestFloorAreaM2: null, minFloorAreaM2: 2200, status: 'area-unknown' });
    // The culture station (100 m²) has no minimum in the rules.
    expect(item(20)).toMatchObject({ minFloorAreaM2: null, status: 'has' });
    // Plazas 1,600 and 100 m² (the 2,400 m² car park does not count): ≥ 150 m².
    expect(item(14)).toMatchObject({ count: 2, minFloorAreaM2: 150, status: 'has' });
    expect(item(14).largestFloorAreaM2).toBeCloseTo(1600, 0);
    // The public green 100 × 60 m: a park of ≥ 4,000 m², ≥ 30 m wide.
    expect(item(15)).toMatchObject({ status: 'has', minFloorAreaM2: 4000 });
    expect(item(15).largestFloorAreaM2).toBeCloseTo(6000, 0);
    // Sanitation needs both a sorted-waste point and a public toilet: the tiny community has no toilet.
    expect(item(13)).toMatchObject({ status: 'below-minimum' });
    // Property service: the scenario's indicator.
    const management = model.scenarios.flatMap((s) => s.indicators).find((r) => r.id === 'property-service.management-coverage')!;
    expect(item(16).status).toBe(management.outcome === 'pass' ? 'has' : 'below-minimum');
  });

  it('reports a facility below the minimum', () => {
    const c = community();
    c.facilities.find((f) => f.category === 'health-station')!.floorAreaM2 = 80;
    const health = report(c).model.inventory.find((r) => r.number === 5)!;
    expect(health).toMatchObject({ largestFloorAreaM2: 80, minFloorAreaM2: 120, status: 'below-minimum' });
  });
});

describe('buildReport coverage, scenarios and acceptance', () => {
  const { model, coverage } = report();

  it('prints the shares the analysis engine computes', () => {
    for (const c of coverage.categories) {
      const row = model.coverage.rows.find((r) => r.category === c.category)!;
      expect(row.shareWithinRule).toBe(c.summary.shareTargetPopulationWithinThreshold);
      expect(row.facilities).toBe(c.facilityIndices.length);
    }
    // Elderly care at S1: H1 and H2 are 180 m away, H3 380 m (> 300 m). 60+: H1 4, H2 0, H3 2 → 4 of 6 within.
    const care = model.coverage.rows.find((r) => r.category === 'elderly-care')!;
    expect(care.shareWithinRule).toBeCloseTo(4 / 6, 12);
    expect(care.shareWithin5Min).toBeCloseTo(4 / 6, 12);
    expect(care.shareWithin15Min).toBe(1);
    expect(care.uncovered).toEqual({ suppressed: true }); // the 2 in H3
  });

  it('colours the map by the 5-minute elderly-care walk', () => {
    const cls = Object.fromEntries(model.map.buildings.map((b) => [b.id, b.cls]));
    expect(cls).toEqual({ H1: 'within', H2: 'within', H3: 'beyond', S1: 'not-home', C1: 'not-home' });
    expect(model.map.facilities).toHaveLength(1);
  });

  it('has every scenario with its indicators and evidence counts', () => {
    expect(model.scenarios.map((s) => s.id)).toEqual(SCENARIOS.map((s) => s.id));
    const nursery = model.scenarios.find((s) => s.id === 'education')!.indicators.find((i) => i.id === 'education.nursery-5min')!;
    expect(nursery.outcome).toBe('fail');
    expect(nursery.evidenceBuildings).toBeGreaterThan(0);
  });

  it('scores the four acceptance dimensions behind the satisfaction gate', () => {
    expect(model.acceptance.dimensions.map((d) => d.name.zh)).toEqual(['场景响应度', '数字化平台落地性', '运营可持续性', '特色亮点塑造']);
    expect(model.acceptance.gate).toMatchObject({ status: 'passed', satisfiedShare: 0.9, threshold: 0.8 });
    for (const d of model.acceptance.dimensions) expect(d.source.length).toBeGreaterThan(20);
    const scored = model.acceptance.dimensions.filter((d) => d.score !== null);
    expect(model.acceptance.score).toBeCloseTo(scored.reduce((s, d) => s + d.score!, 0) / scored.length, 9); // equal weights
  });

  it('names the app version, the rule-set versions and the package hash', () => {
    expect(model.reproducibility.appVersion).toBe('9.9.9');
    expect(model.reproducibility.ruleSets.map((r) => r.file)).toContain('src/analysis/service-circles/rules.json');
    expect(model.reproducibility.ruleSets.every((r) => /^\d+\.\d+/.test(r.version))).toBe(true);
    expect(model.reproducibility.ruleSets[0].edits).toEqual([]);
    expect(model.reproducibility.packageHash.hex).toBe(HASH.hex);
  });

  it('lists the service-rule edits a coverage was computed with', () => {
    const c = community();
    const rules = serviceCoverageRequestFromCommunity(c).rules;
    const edited = { ...rules, rules: rules.rules.map((r) => (r.category === 'fitness' ? { ...r, maxDistanceMeters: 500 } : r)) };
    const coverage = computeServiceCoverageFromRequest(
      serviceCoverageRequestFromCommunity(c, { rules: edited, walkSpeedMetersPerSecond: 1.2 }),
    );
    const model = buildReport(c, coverage, { appVersion: '1', packageHash: HASH, generatedAt: '' });
    expect(model.reproducibility.ruleSets[0].edits).toEqual(['walkSpeedMetersPerSecond 1 → 1.2', 'fitness.maxDistanceMeters 300 → 500']);
  });

  it('shows the synthetic notice only when the manifest sets one', () => {
    expect(model.cover.syntheticNotice).toBeNull();
    const c = community();
    c.manifest.synthetic = { layers: ['people'], notice: { zh: '合成数据', en: 'Synthetic' } };
    expect(report(c).model.cover.syntheticNotice).toEqual({ zh: '合成数据', en: 'Synthetic' });
  });
});

describe('renderReportHtml', () => {
  const { model } = report();

  it('prints the community, every scenario and the dimensions in either language', () => {
    const zh = renderReportHtml(model, 'zh-CN');
    expect(zh).toContain('小样社区');
    for (const s of SCENARIOS) expect(zh).toContain(s.name.zh);
    expect(zh).toContain('特色亮点塑造');
    const en = renderReportHtml(model, 'en');
    expect(en).toContain('<html lang="en">');
    for (const s of SCENARIOS) expect(en).toContain(s.name.en.replace(/&/g, '&amp;'));
  });

  it('is self-contained: inline SVG charts and map, no script, no external reference', () => {
    const html = renderReportHtml(model, 'zh-CN');
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(5); // 4 charts + the map
    expect(html).not.toMatch(/<script|<link|\ssrc="http|url\(http/i);
    expect(html).toContain('&lt;5');
  });

  it("never prints a resident's name, phone or ID number, whatever the package holds", () => {
    const html = renderReportHtml(model, 'zh-CN');
    for (const secret of ['王小明', '13912345678', '33010619900101123X']) expect(html).not.toContain(secret);
  });

  it('refuses a report whose text would carry a phone number', () => {
    const c = community();
    c.manifest.attribution = [{ text: '数据提供：示范街道，联系电话 13812345678' }];
    expect(() => renderReportHtml(report(c).model, 'zh-CN')).toThrow(PrivacyError);
  });
});

describe('hashPackageFiles', () => {
  const files = [
    { name: 'people.csv', content: 'id,houseId\n' },
    { name: 'manifest.json', content: '{}\n' },
    { name: 'buildings.geojson', content: new Uint8Array([1, 2, 3]) },
  ];

  it('hashes the sha256sum listing of the files sorted by name', async () => {
    const hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
    // What `sha256sum buildings.geojson manifest.json people.csv | sha256sum` prints.
    const listing = `${hex(new Uint8Array([1, 2, 3]))}  buildings.geojson\n${hex('{}\n')}  manifest.json\n${hex('id,houseId\n')}  people.csv\n`;
    const hash = await hashPackageFiles(files, sha256);
    expect(hash.hex).toBe(hex(listing));
    expect(hash.files.map((f) => [f.name, f.bytes])).toEqual([
      ['buildings.geojson', 3],
      ['manifest.json', 3],
      ['people.csv', 11],
    ]);
  });

  it('does not depend on the order the files are given in', async () => {
    const a = await hashPackageFiles(files, sha256);
    const b = await hashPackageFiles([...files].reverse(), sha256);
    expect(b.hex).toBe(a.hex);
  });
});

describe('sha256Bytes (browsers without crypto.subtle)', () => {
  it('matches node:crypto on the FIPS 180-4 examples and across block boundaries', async () => {
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    // FIPS 180-4 / NIST example "abc".
    expect(hex(sha256Bytes(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const length of [0, 55, 56, 63, 64, 65, 1000]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
      expect(hex(sha256Bytes(data)), `${length} bytes`).toBe(createHash('sha256').update(data).digest('hex'));
      expect(hex(await webSha256(data))).toBe(hex(sha256Bytes(data)));
    }
  });
});
