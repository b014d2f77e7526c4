import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromCommunity,
} from '../../../src/analysis/service-circles/serviceCoverageRequest';
import { buildReport } from '../../../src/report/buildReport';
import { hashPackageFiles } from '../../../src/report/packageHash';
import { findPersonalIdentifiers } from '../../../src/report/privacyGuard';
import { renderReportHtml } from '../../../src/report/renderReportHtml';
import { loadSampleCommunity, SAMPLE_PACKAGE_DIR } from '../support/samplePackage';

/**
 * The privacy guard against the sample's real report, in both languages: everything the report
 * legitimately prints (areas, counts, years, the package's SHA-256 and its files' digests, the
 * coverage map and charts) passes; a phone number written the way people write them does not.
 */
describe('the privacy guard on the sample community’s report', async () => {
  const community = await loadSampleCommunity();
  const coverage = computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(community));
  const names = ['manifest.json', ...Object.values(community.manifest.layers)];
  const packageHash = await hashPackageFiles(
    names.map((name) => ({ name, content: new Uint8Array(readFileSync(path.join(SAMPLE_PACKAGE_DIR, name))) })),
    async (data) => new Uint8Array(createHash('sha256').update(data).digest()),
  );
  const model = buildReport(community, coverage, { appVersion: '0.1.0', packageHash, generatedAt: '2026-06-30T08:00:00.000Z' });

  it.each(['zh-CN', 'en'] as const)('renders in %s without a finding', (language) => {
    const html = renderReportHtml(model, language);
    expect(html.length).toBeGreaterThan(50_000);
    expect(html).toContain(packageHash.hex.slice(0, 8));
    // Opened later from a download, the file may still load nothing and run nothing.
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('still refuses the sample’s report when its attribution carries a phone number written with spaces', () => {
    const manifest = {
      ...community.manifest,
      attribution: [...community.manifest.attribution, { text: '数据提供：示范街道，联系电话 138 1234 5678' }],
    };
    const withPhone = buildReport({ ...community, manifest }, coverage, {
      appVersion: '0.1.0',
      packageHash,
      generatedAt: '2026-06-30T08:00:00.000Z',
    });
    expect(() => renderReportHtml(withPhone, 'zh-CN')).toThrow(/phone number/);
    expect(findPersonalIdentifiers('联系电话 138 1234 5678').map((f) => f.kind)).toEqual(['phone']);
  });
});
