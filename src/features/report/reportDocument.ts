import { version as appVersion } from '../../../package.json';
import { computeSunlightAsync } from '../../analysis/sunlight/computeSunlightAsync';
import { summariseSunlight } from '../../analysis/sunlight/homeSunlight';
import { sunlightRequestFromCommunity, type Volume } from '../../analysis/sunlight/sunlightRequest';
import { writePackage } from '../../data/package/writePackage';
import { buildReport } from '../../report/buildReport';
import { hashPackageFiles, webSha256 } from '../../report/packageHash';
import { renderReportHtml } from '../../report/renderReportHtml';
import { plansThatBuild, reportSunlight } from '../../report/sunlightSection';
import type { AppStore } from '../../stores/appStore';
import { selectSunlightDate, selectSunlightPreset } from '../sunlight/selectors';

/**
 * The one-click report of the open community, in the browser: the same model and HTML as the
 * `npm run report` CLI, from the store's community and the service coverage the worker computed,
 * plus a snapshot of the 3D view. Loaded on the first click (ECharts' SVG renderer and the report
 * code stay out of the start-up bundle).
 *
 * The package hash covers the package as the app holds it, written by writePackage — byte for byte
 * the files of a package generated or exported by this app (tested for the sample), so the browser
 * and the CLI print the same hash for it.
 *
 * Sunlight is the sunlight tab's rule and day (the default preset's 大寒 unless the user chose
 * otherwise): its result when one is on hand, else a run in the sunlight worker, plus one run per plan
 * that builds (the suggested plan, the planner's named plans), so the 建筑 scenario's 日照达标率 and
 * the reuse section's before/after are printed, never "pending".
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
  const preset = selectSunlightPreset(s);
  const date = selectSunlightDate(s);
  const onHand = s.sunlightResult?.presetId === preset.id && s.sunlightResult.date === date ? s.sunlightResult : null;
  const run = async (volumes: readonly Volume[]) => {
    const result =
      volumes.length === 0 && onHand
        ? onHand
        : await computeSunlightAsync(sunlightRequestFromCommunity(community, { preset, date, volumes }));
    return summariseSunlight(community, result, preset.minHours, summaries);
  };
  const sunlight = await reportSunlight(preset, date, plansThatBuild(community, coverage, s.reusePlans), run);
  const now = new Date();
  const model = buildReport(community, coverage, {
    appVersion,
    packageHash,
    generatedAt: now.toISOString(),
    snapshotPng,
    summaries,
    sunlight,
  });
  const html = renderReportHtml(model, language);
  return { html, fileName: `${community.manifest.id}-report-${now.toISOString().slice(0, 10)}.html` };
}
