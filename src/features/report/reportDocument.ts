import { version as appVersion } from '../../../package.json';
import { writePackage } from '../../data/package/writePackage';
import { buildReport } from '../../report/buildReport';
import { hashPackageFiles, webSha256 } from '../../report/packageHash';
import { renderReportHtml } from '../../report/renderReportHtml';
import type { AppStore } from '../../stores/appStore';

/**
 * The one-click report of the open community, in the browser: the same model and HTML as the
 * `npm run report` CLI, from the store's community and the service coverage the worker computed,
 * plus a snapshot of the 3D view. Loaded on the first click (ECharts' SVG renderer and the report
 * code stay out of the start-up bundle).
 *
 * The package hash covers the package as the app holds it, written by writePackage — byte for byte
 * the files of a package generated or exported by this app (tested for the sample), so the browser
 * and the CLI print the same hash for it.
 */
export async function reportDocument(
  store: AppStore,
  snapshot: (() => Promise<string>) | null,
): Promise<{ html: string; fileName: string }> {
  const s = store.getState();
  if (!s.community) throw new Error('no community is open');
  if (!s.coverage) throw new Error('the service circles are still being computed');
  const { community, coverage, summaries, language } = s;
  // A failed snapshot (lost context, view not built yet) leaves the report without its picture, nothing more.
  const snapshotPng = snapshot ? await snapshot().catch(() => null) : null;
  const files = [...writePackage(community)].map(([name, content]) => ({ name, content }));
  const packageHash = await hashPackageFiles(files, webSha256);
  const now = new Date();
  const model = buildReport(community, coverage, { appVersion, packageHash, generatedAt: now.toISOString(), snapshotPng, summaries });
  const html = renderReportHtml(model, language);
  return { html, fileName: `${community.manifest.id}-report-${now.toISOString().slice(0, 10)}.html` };
}
