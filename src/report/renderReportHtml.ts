import { THREE_VALUES } from '../scenarios/threeValues';
import type { LocalizedText } from '../core/model/types';
import { formatSuppressed, MIN_CELL_SIZE, type SuppressedCount } from '../data/privacy/aggregate';
import { formatNumber, localize, translate, type Language } from '../i18n/translate';
import { formatValue } from '../scenarios';
import { coverageMapSvg, MAP_CLASS_COLORS } from './coverageMapSvg';
import { groupHex } from './packageHash';
import { assertNoPersonalIdentifiers } from './privacyGuard';
import { renderChartSvg } from './reportCharts';
import type { IndicatorRow, InventoryStatus, MapBuildingClass, ReportModel } from './reportModel';
import { reportCss } from './reportStyles';

/**
 * The report model → one self-contained, printable HTML document: inline CSS (A4 print rules),
 * charts as inline SVG (ECharts server-side rendering), the coverage map as inline SVG, the 3D
 * snapshot (if any) as a data: URL — no script, no external request. Every text is escaped. The
 * finished document passes the privacy guard (no phone or ID number) or is not returned at all.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Chart sizes in CSS px: a full-width chart on A4 with 15 mm margins is 180 mm ≈ 680 px. */
const CHART_WIDTH = 680;

export function renderReportHtml(model: ReportModel, language: Language): string {
  const t = (key: string) => escapeHtml(translate(language, key));
  const tp = (key: string, params: Record<string, string | number>) => escapeHtml(translate(language, key, params));
  const l = (text: LocalizedText) => escapeHtml(localize(language, text));
  const n = (x: number, digits = 0) => formatNumber(language, x, digits);
  const c = (cell: SuppressedCount | null) => (cell === null ? '—' : escapeHtml(formatSuppressed(cell, (v) => n(v))));
  const pct = (x: number | null) => formatValue(x, 'share', 'percent', language);
  const score = (x: number | null) => (x === null ? '—' : n(x));
  const chart = (id: string, height: number) => {
    const spec = model.charts[id];
    return spec ? `<div class="chart">${renderChartSvg(spec, language, CHART_WIDTH, height)}</div>` : '';
  };
  const status = (cls: 'good' | 'bad' | 'warn' | 'none', text: string) => `<span class="status ${cls}">${text}</span>`;
  /**
   * A table: `numeric` columns right-aligned, `nowrap` columns kept on one line, `widths` (percent per
   * column) fixes the layout so tables of one kind line up.
   */
  const table = (head: string[], rows: string[][], numeric: number[] = [], widths?: number[], nowrap: number[] = []) => {
    const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : nowrap.includes(i) ? ' class="nowrap"' : '');
    return `<table${widths ? ' class="fixed"' : ''}>${widths ? `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>` : ''}<thead><tr>${head
      .map((h, i) => `<th${cls(i)}>${h}</th>`)
      .join(
        '',
      )}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((d, i) => `<td${cls(i)}>${d}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  };

  const { cover, basics, coverage, acceptance, reuse, sources, reproducibility } = model;
  const title = t('report.title');
  const name = l(cover.name);

  // ── Cover ─────────────────────────────────────────────────────────────────────────────────────
  const gateClass = acceptance.gate.status === 'passed' ? 'good' : 'bad';
  const coverSection = `<section class="cover">
  <div class="cover-title">
    <div class="kicker">${t('report.kicker')}</div>
    <h1>${title}</h1>
    <div class="community" data-field="community-name">${name}</div>
    <p class="muted">${l(cover.district)}${cover.street ? ` · ${l(cover.street)}` : ''}</p>
  </div>
  ${cover.syntheticNotice ? `<div class="notice"><strong>${t('report.synthetic')}</strong> ${l(cover.syntheticNotice)}</div>` : ''}
  ${cover.snapshotPng ? `<img class="snapshot" alt="${t('report.snapshot')}" src="${escapeHtml(cover.snapshotPng)}">` : ''}
  <div class="figures">
    <div class="figure"><div class="value">${score(acceptance.score)}</div><div class="label">${t('report.acceptance.total')}</div></div>
    <div class="figure"><div class="value">${pct(acceptance.gate.satisfiedShare)}</div><div class="label">${t('report.acceptance.satisfaction')} ${status(gateClass, t(`report.gate.${acceptance.gate.status}`))}</div></div>
    <div class="figure"><div class="value">${n(acceptance.failedIndicators)}</div><div class="label">${t('report.acceptance.failedIndicators')}</div></div>
    <div class="figure"><div class="value">${n(coverage.gaps.length)}</div><div class="label">${t('report.coverage.gapCount')}</div></div>
  </div>
  <dl>
    <dt>${t('report.cover.type')}</dt><dd>${t(`community.type.${cover.communityType}`)} · ${t(`community.renewal.${cover.renewalType}`)}</dd>
    <dt>${t('report.cover.dataDate')}</dt><dd>${escapeHtml(cover.dataDate)}</dd>
    <dt>${t('report.cover.generated')}</dt><dd>${escapeHtml(cover.generatedAt)}</dd>
    <dt>${t('report.cover.package')}</dt><dd>${escapeHtml(cover.communityId)} · SHA-256 <span class="mono">${escapeHtml(groupHex(reproducibility.packageHash.hex.slice(0, 16)))}…</span></dd>
    <dt>${t('report.cover.app')}</dt><dd>${escapeHtml(reproducibility.appVersion)}</dd>
  </dl>
  <p class="small muted">${t('report.cover.basis')}</p>
  <p class="small muted">${t('report.cover.privacy')}</p>
</section>`;

  // ── 1 Basic information ───────────────────────────────────────────────────────────────────────
  const basicsSection = `<section>
  <h2>1 ${t('report.basics.title')}</h2>
  <div class="two-col">
    ${table(
      [t('report.basics.item'), t('report.basics.value')],
      [
        [t('report.basics.buildings'), n(basics.buildings)],
        [t('report.basics.residentialBuildings'), n(basics.residentialBuildings)],
        [t('report.basics.households'), c(basics.households)],
        [t('report.basics.residents'), c(basics.residents)],
        [t('report.basics.elderly'), c(basics.elderly)],
        [t('report.basics.livingAlone'), c(basics.livingAloneElderly)],
        [t('report.basics.disability'), c(basics.withDisability)],
        [t('report.basics.noElevator'), n(basics.buildingsWithoutElevatorFourPlusFloors)],
      ],
      [1],
    )}
    <div>
      ${table(
        [t('report.basics.use'), t('report.basics.count')],
        basics.buildingsByUse.map((r) => [t(`use.${r.key}`), c(r.count)]),
        [1],
      )}
      ${table([t('report.basics.rightType'), t('report.basics.count')], [...basics.rightsByType.map((r) => [t(`right.${r.key}`), c(r.count)]), [`<strong>${t('report.basics.total')}</strong>`, c(basics.rights)]], [1])}
    </div>
  </div>
  <h3>${t('report.basics.ageBands')}</h3>
  ${table(
    basics.residentsByAgeBand.map((r) => escapeHtml(r.key)),
    [basics.residentsByAgeBand.map((r) => c(r.count))],
    basics.residentsByAgeBand.map((_, i) => i),
  )}
  ${chart('age-bands', 220)}
  <p class="small muted">${tp('report.basics.suppressed', { k: MIN_CELL_SIZE })}</p>
</section>`;

  // ── 2 Facility inventory ──────────────────────────────────────────────────────────────────────
  const inventoryStatus = (s: InventoryStatus) =>
    status(
      s === 'has' ? 'good' : s === 'missing' ? 'bad' : s === 'not-in-data' || s === 'not-assessed' ? 'none' : 'warn',
      t(`report.inventory.${s}`),
    );
  const inventorySection = `<section>
  <h2>2 ${t('report.inventory.title')}</h2>
  <p class="muted">${t('report.inventory.intro')}</p>
  ${table(
    [
      t('report.inventory.item'),
      t('report.inventory.threshold'),
      t('report.inventory.count'),
      t('report.inventory.largest'),
      t('report.inventory.minimum'),
      t('report.inventory.status'),
    ],
    model.inventory.map((r) => [
      `${r.number === null ? '' : `${r.number} · `}${l(r.item)}${r.categories.length ? `<br><span class="muted small">${r.categories.map((c) => t(`facility.${c}`)).join('、')}</span>` : ''}`,
      l(r.threshold),
      r.count === null ? '—' : n(r.count),
      r.largestFloorAreaM2 === null ? '—' : `${n(r.largestFloorAreaM2)} m²`,
      r.minFloorAreaM2 === null ? '—' : `≥ ${n(r.minFloorAreaM2)} m²`,
      `${inventoryStatus(r.status)}${r.detail.zh ? `<br><span class="muted small">${l(r.detail)}</span>` : ''}`,
    ]),
    [2, 3, 4],
  )}
  <p class="small muted">${t('report.inventory.note')}</p>
</section>`;

  // ── 3 Service circles ─────────────────────────────────────────────────────────────────────────
  const legendItem = (cls: MapBuildingClass) => `<span><i style="background:${MAP_CLASS_COLORS[cls]}"></i>${t(`report.map.${cls}`)}</span>`;
  const coverageSection = `<section>
  <h2>3 ${t('report.coverage.title')}</h2>
  <p class="muted">${tp('report.coverage.intro', { speed: n(coverage.walkSpeedMetersPerSecond, 2), near: n(coverage.fiveMinuteMeters), far: n(coverage.fifteenMinuteMeters) })}</p>
  ${table(
    [
      t('report.coverage.category'),
      t('report.coverage.level'),
      t('report.coverage.radius'),
      t('report.coverage.target'),
      t('report.coverage.facilities'),
      t('report.coverage.withinRule'),
      t('report.coverage.within5'),
      t('report.coverage.within15'),
      t('report.coverage.uncovered'),
    ],
    coverage.rows.map((r) => [
      t(`facility.${r.category}`),
      `${t(`report.tier.${r.tier}`)} · ${t(`report.level.${r.level}`)}`,
      `${n(r.maxDistanceMeters)} m`,
      t(`report.target.${r.targetPopulation}`),
      n(r.facilities),
      pct(r.shareWithinRule),
      pct(r.shareWithin5Min),
      pct(r.shareWithin15Min),
      c(r.uncovered),
    ]),
    [2, 4, 5, 6, 7, 8],
    undefined,
    [1],
  )}
  ${chart('coverage', 340)}
  <h3>${t('report.map.title')}</h3>
  <div class="map">${coverageMapSvg(model.map, { north: t('report.map.north'), scale: '100 m' })}</div>
  <div class="legend">${(['within', 'beyond', 'unreachable', 'not-home'] as const).map(legendItem).join('')}<span><i style="background:#1f2933;border-radius:50%"></i>${t(`facility.${model.map.category}`)}</span></div>
  <h3>${t('report.gaps.title')}</h3>
  ${
    coverage.gaps.length
      ? table(
          [
            t('report.gaps.priority'),
            t('report.coverage.category'),
            t('report.gaps.uncoveredTarget'),
            t('report.gaps.uncoveredBuildings'),
            t('report.gaps.worst'),
          ],
          coverage.gaps.map((g) => [
            n(g.priority),
            `${t(`facility.${g.category}`)}${g.missing ? ` ${status('bad', t('report.gaps.missing'))}` : ''}`,
            c(g.uncoveredTarget),
            `${n(g.uncoveredBuildings)} / ${n(g.buildingsCounted)}`,
            escapeHtml(g.worstBuildingIds.join(', ')) || '—',
          ]),
          [0, 2, 3],
        )
      : `<p>${t('report.gaps.none')}</p>`
  }
  <p class="small muted">${t('report.gaps.note')}</p>
</section>`;

  // ── 4 Scenarios ───────────────────────────────────────────────────────────────────────────────
  const outcomeClass = (o: IndicatorRow['outcome']) => (o === 'pass' ? 'good' : o === 'fail' ? 'bad' : 'none');
  const indicatorValue = (r: IndicatorRow, x: number | null) => escapeHtml(formatValue(x, r.unit, r.display, language));
  const scenarioBlocks = model.scenarios
    .map(
      (s) => `<div class="scenario">
    <h3>${l(s.name)}<span class="score">${t('report.scenarios.score')} ${score(s.score)} · ${tp('report.scenarios.passed', { passed: s.passed, total: s.passed + s.failed })}${s.satisfiedShare !== null ? ` · ${t('report.acceptance.satisfaction')} ${pct(s.satisfiedShare)}` : ''}</span></h3>
    ${table(
      [
        t('report.scenarios.indicator'),
        t('report.scenarios.value'),
        t('report.scenarios.threshold'),
        t('report.scenarios.outcome'),
        t('report.scenarios.evidence'),
      ],
      s.indicators.map((r) => [
        l(r.name),
        indicatorValue(r, r.value),
        r.threshold === null ? '—' : `${r.direction === 'min' ? '≥' : '≤'} ${indicatorValue(r, r.threshold)}`,
        status(outcomeClass(r.outcome), t(`scenario.outcome.${r.outcome}`)),
        tp('report.scenarios.evidenceCounts', { buildings: n(r.evidenceBuildings), facilities: n(r.evidenceFacilities) }),
      ]),
      [1, 2, 4],
      [40, 17, 17, 11, 15],
    )}
  </div>`,
    )
    .join('');
  // 住宅日照: the preset named beside the figures (the 建筑 scenario's 日照达标率 above is the same figure).
  const sun = model.sunlight;
  const hours = (h: number) => (Number.isFinite(h) ? `${n(h, 1)} h` : '—');
  const sunlightBlock = sun
    ? `<div class="scenario" data-field="sunlight">
    <h3>${t('report.sunlight.title')}</h3>
    <p><strong>${t('report.sunlight.preset')}</strong>：<span data-field="sunlight-preset">${l(sun.preset.name)}</span> <span class="muted small mono">${escapeHtml(sun.preset.id)}</span> · ${tp('report.sunlight.day', { date: sun.date, from: sun.preset.windowStartHours, to: sun.preset.windowEndHours, step: sun.preset.stepMinutes })}</p>
    <p class="small muted">${t('report.sunlight.source')} ${escapeHtml(sun.preset.sources.minHours ?? '')} ${escapeHtml(sun.preset.sources.window ?? '')}</p>
    ${table(
      [t('report.basics.item'), t('report.basics.value')],
      [
        [t('report.sunlight.homes'), n(sun.homes)],
        [t('report.sunlight.failing'), `<span data-field="sunlight-failing">${n(sun.failingHomes)}</span>`],
        [
          t('report.sunlight.passRate'),
          `<span data-field="sunlight-pass-rate">${sun.passRate === null ? '—' : `${n(sun.passRate * 100, 1)}%`}</span>`,
        ],
        [t('report.sunlight.residents'), c(sun.residentsInFailingHomes)],
      ],
      [1],
    )}
    ${
      sun.worstBuildings.length
        ? table(
            [
              t('report.elevators.building'),
              t('report.sunlight.failingOf'),
              t('report.sunlight.worstFloor'),
              t('report.sunlight.residentsShort'),
            ],
            sun.worstBuildings.map((b) => [
              escapeHtml(b.buildingId),
              `${n(b.failingHomes)} / ${n(b.homes)}`,
              hours(b.worstFloorHours),
              c(b.residents),
            ]),
            [1, 2, 3],
          )
        : ''
    }
    <p class="small muted">${tp('report.sunlight.note', { shown: sun.worstBuildings.length, count: sun.buildingsWithFailingHomes })}</p>
  </div>`
    : `<p class="muted" data-field="sunlight">${t('report.sunlight.notComputed')}</p>`;
  const scenarioSection = `<section>
  <h2>4 ${t('report.scenarios.title')}</h2>
  <p class="muted">${tp('report.scenarios.intro', { type: t(`community.type.${cover.communityType}`) })}</p>
  <p class="frame">${t('report.scenarios.frame')} ${THREE_VALUES.values
    .map((v) => {
      const named = v.scenarios.map((id) => model.scenarios.find((s) => s.id === id)).filter((s) => s !== undefined);
      const score = (s: (typeof named)[number]) => (s.score === null ? '—' : String(Math.round(s.score)));
      return `<strong>${l(v.name)}</strong>（${named.map((s) => `${l(s.name)} ${score(s)}`).join('、')}）`;
    })
    .join(' · ')}</p>
  ${chart('scenario-scores', 260)}
  ${scenarioBlocks}
  ${sunlightBlock}
</section>`;

  // ── 5 Reuse and elevators ─────────────────────────────────────────────────────────────────────
  const reuseSection = `<section>
  <h2>5 ${t('report.reuse.title')}</h2>
  <p class="muted">${tp('report.reuse.intro', { budget: reuse.budget, candidates: reuse.candidates })}</p>
  ${
    reuse.picks.length
      ? table(
          [
            t('report.reuse.step'),
            t('report.reuse.candidate'),
            t('report.reuse.categories'),
            t('report.reuse.newlyCovered'),
            t('report.reuse.homes'),
          ],
          reuse.picks.map((p) => [
            n(p.step),
            `${escapeHtml(p.candidateName ?? p.candidateId)}${p.hub ? ` ${status('good', t('report.reuse.hub'))}` : ''}<div class="small muted">${escapeHtml(p.candidateId)}</div>`,
            p.categories.map((x) => t(`facility.${x.category}`)).join('<br>'),
            p.categories.map((x) => c(x.newlyCovered)).join('<br>'),
            p.categories.map((x) => n(x.buildingsNewlyCovered)).join('<br>'),
          ]),
          [0, 3, 4],
        )
      : `<p>${t('report.reuse.none')}</p>`
  }
  ${reuse.stoppedEarly ? `<p class="small muted">${t('report.reuse.stoppedEarly')} ${escapeHtml(reuse.stoppedEarly)}</p>` : ''}
  ${
    reuse.sunlight.length && sun
      ? `<h3>${t('report.reuse.sunlightTitle')}</h3>
  <p class="muted small">${tp('report.reuse.sunlightIntro', { preset: localize(language, sun.preset.name), date: sun.date })}</p>
  ${table(
    [
      t('report.reuse.sunlightPlan'),
      t('report.reuse.sunlightFailing'),
      t('report.reuse.sunlightLosing'),
      t('report.reuse.sunlightDropping'),
      t('report.reuse.sunlightBuildings'),
      t('report.sunlight.residentsShort'),
    ],
    reuse.sunlight.map((r) => [
      `${l(r.plan)}<div class="small muted">${escapeHtml(r.volumeIds.join(', '))}</div>${r.elevatorsOnly ? `<div class="small muted">${t('report.reuse.sunlightExempt')}</div>` : ''}`,
      `${n(r.failingBefore)} → ${n(r.failingAfter)}`,
      n(r.homesLosingSunlight),
      `<span data-field="sunlight-dropping">${n(r.homesDroppingBelow)}</span>`,
      r.buildings.map((b) => `${escapeHtml(b.buildingId)} (${n(b.homes)})`).join('<br>') || '—',
      c(r.residents),
    ]),
    [1, 2, 3, 5],
  )}`
      : ''
  }
  <h3>${t('report.elevators.title')}</h3>
  <p class="muted">${tp('report.elevators.intro', { count: reuse.elevatorCandidates, shown: reuse.elevators.length, floor: reuse.aboveFloor })}</p>
  ${
    reuse.elevators.length
      ? table(
          [
            t('report.elevators.rank'),
            t('report.elevators.building'),
            t('report.elevators.floors'),
            t('report.elevators.yearBuilt'),
            tp('report.elevators.elderlyAbove', { floor: reuse.aboveFloor }),
            tp('report.elevators.householdsAbove', { floor: reuse.aboveFloor }),
          ],
          reuse.elevators.map((e) => [
            n(e.rank),
            escapeHtml(e.buildingId),
            n(e.floors),
            String(e.yearBuilt),
            c(e.elderlyAboveFloor),
            c(e.householdsAboveFloor),
          ]),
          [0, 2, 3, 4, 5],
        )
      : ''
  }
  <p class="small muted">${t('report.elevators.note')}</p>
</section>`;

  // ── 6 Acceptance scoring ──────────────────────────────────────────────────────────────────────
  const acceptanceSection = `<section>
  <h2>6 ${t('report.acceptance.title')}</h2>
  <p>${status(gateClass, t(`report.gate.${acceptance.gate.status}`))} ${l(acceptance.gate.reason)}${acceptance.gate.respondents !== null ? ` · ${tp('report.acceptance.respondents', { count: n(acceptance.gate.respondents) })}` : ''}</p>
  ${table(
    [t('report.acceptance.dimension'), t('report.acceptance.weight'), t('report.acceptance.inputs'), t('report.acceptance.score')],
    acceptance.dimensions.map((d) => [
      `<strong>${l(d.name)}</strong>`,
      n(d.weight, 2),
      d.inputs.map((i) => `${l(i.label)}：${score(i.score)} <span class="muted">(${l(i.detail)})</span>`).join('<br>'),
      score(d.score),
    ]),
    [1, 3],
  )}
  <p><strong>${t('report.acceptance.total')}：${score(acceptance.score)}</strong> / ${t('report.acceptance.passMark')} ${n(acceptance.passMark)} · ${t('report.acceptance.indicatorLevel')}：${t(`scenario.acceptance.${acceptance.acceptance}`)} (${tp('report.acceptance.failedCount', { count: acceptance.failedIndicators })})</p>
  ${
    acceptance.blocking.length
      ? `<p>${status('bad', t('report.acceptance.blocking'))}</p><ul>${acceptance.blocking.map((b) => `<li>${l(b.name)}：${l(b.reason)}</li>`).join('')}</ul>`
      : `<p class="muted">${t('report.acceptance.noBlocking')}</p>`
  }
  ${chart('dimensions', 220)}
  <h3>${t('report.acceptance.sources')}</h3>
  <ul class="sources small">
    ${acceptance.dimensions.map((d) => `<li><strong>${l(d.name)}</strong>：${escapeHtml(d.source)}</li>`).join('')}
    <li><strong>${t('report.acceptance.gate')}</strong>：${escapeHtml(acceptance.gate.source)}</li>
    <li><strong>${t('report.acceptance.method')}</strong>：${escapeHtml(acceptance.method)} ${escapeHtml(acceptance.methodSource)}</li>
    <li><strong>${t('report.acceptance.decision')}</strong>：${escapeHtml(acceptance.decisionMethod)} ${escapeHtml(acceptance.decisionSource)} ${escapeHtml(acceptance.passMarkSource)}</li>
  </ul>
</section>`;

  // ── 7 Sources and reproducibility ─────────────────────────────────────────────────────────────
  const hash = reproducibility.packageHash;
  const sourcesSection = `<section>
  <h2>7 ${t('report.sources.title')}</h2>
  <h3>${t('report.sources.attribution')}</h3>
  <ul class="sources">${sources.attributions
    .map(
      (a) =>
        `<li>${escapeHtml(a.text)}${a.license ? ` (${escapeHtml(a.license)})` : ''}${a.url ? ` <span class="muted">${escapeHtml(a.url)}</span>` : ''}</li>`,
    )
    .join('')}</ul>
  ${
    sources.syntheticNotice
      ? `<div class="notice"><strong>${t('report.synthetic')}</strong> ${l(sources.syntheticNotice)}<div class="small muted">${t('report.sources.syntheticLayers')} ${escapeHtml(sources.syntheticLayers.join(', '))}</div></div>`
      : ''
  }
  <h3>${t('report.sources.reproducibility')}</h3>
  ${table(
    [t('report.sources.item'), t('report.sources.value')],
    [
      [t('report.sources.appVersion'), escapeHtml(reproducibility.appVersion)],
      ...reproducibility.ruleSets.map((r) => [
        `<span class="mono">${escapeHtml(r.file)}</span>`,
        `${escapeHtml(r.version)}${r.edits.length ? `<div class="small">${t('report.sources.edits')} ${escapeHtml(r.edits.join('; '))}</div>` : ''}`,
      ]),
      [t('report.sources.packageHash'), `<span class="mono">${escapeHtml(groupHex(hash.hex))}</span>`],
    ],
  )}
  ${table(
    [t('report.sources.file'), t('report.sources.bytes'), 'SHA-256'],
    hash.files.map((f) => [
      `<span class="mono">${escapeHtml(f.name)}</span>`,
      n(f.bytes),
      `<span class="mono">${escapeHtml(groupHex(f.hex))}</span>`,
    ]),
    [1],
  )}
  <p class="small muted">${t('report.sources.hashMethod')}</p>
</section>`;

  // ── Appendix: where the thresholds come from ──────────────────────────────────────────────────
  const appendix = `<section>
  <h2>${t('report.appendix.title')}</h2>
  <h3>${t('report.appendix.coverage')}</h3>
  <ul class="sources small">${coverage.rows.map((r) => `<li><strong>${t(`facility.${r.category}`)}</strong>：${escapeHtml(r.source)}</li>`).join('')}</ul>
  <h3>${t('report.appendix.indicators')}</h3>
  <ul class="sources small">${model.scenarios
    .flatMap((s) => s.indicators)
    .map((r) => `<li><strong>${l(r.name)}</strong>：${escapeHtml(r.source)}</li>`)
    .join('')}</ul>
  <h3>${t('report.appendix.inventory')}</h3>
  <ul class="sources small">${model.inventory
    .map(
      (r) =>
        `<li><strong>${l(r.item)}</strong>：${escapeHtml(r.itemSource)}${r.minAreaSource ? ` — ${escapeHtml(r.minAreaSource)}` : ''}</li>`,
    )
    .join('')}</ul>
</section>`;

  const html = `<!DOCTYPE html>
<html lang="${language === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="future-community-twin ${escapeHtml(reproducibility.appVersion)}">
<title>${name} · ${title}</title>
<style>${reportCss(`${localize(language, cover.name)} · ${translate(language, 'report.title')}`)}</style>
</head>
<body>
<main class="sheet">
${coverSection}
${basicsSection}
${inventorySection}
${coverageSection}
${scenarioSection}
${reuseSection}
${acceptanceSection}
${sourcesSection}
${appendix}
</main>
</body>
</html>
`;
  // The digests are the renderer's own (hex, grouped by 8): the guard takes them as printed.
  const digests = [
    reproducibility.packageHash.hex,
    reproducibility.packageHash.hex.slice(0, 16),
    ...reproducibility.packageHash.files.map((f) => f.hex),
  ];
  return assertNoPersonalIdentifiers(html, { allow: digests.map((hex) => groupHex(hex)) });
}
