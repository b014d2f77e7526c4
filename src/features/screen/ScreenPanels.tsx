import { useMemo } from 'react';
import { rgbToCss } from '../../layers/buildingColorModes';
import { SCENARIOS } from '../../scenarios/registry';
import type { CommunityScore, ScenarioScore } from '../../scenarios/scoring';
import type { ChartSpec, Kpi, ScenarioModule } from '../../scenarios/types';
import { chartTitle } from '../../ui/charts/chartOption';
import { EChart } from '../../ui/charts/EChart';
import { KpiTile } from '../../ui/components/KpiTile';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { overviewCharts } from './overviewCharts';
import { useText } from './useScreenData';

const round = (score: number | null) => (score === null ? '—' : String(Math.round(score)));
/** Titles are HTML here; the cells are small for text read from 5 m. One object, so charts are not reset on each render. */
const SCREEN_CHART_FIT = { showTitle: false, compact: true } as const;

/** The overall score with the satisfaction gate (验收前提), and the current scenario's score. */
export function ScorePanel({
  overall,
  module,
  score,
}: {
  overall: CommunityScore | null;
  module: ScenarioModule | null;
  score: ScenarioScore | null;
}) {
  const t = useTranslate();
  const text = useText();
  const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
  return (
    <section className="screen-panel screen-score" data-testid="screen-score">
      <h2>{t('screen.overallScore')}</h2>
      {overall ? (
        <>
          <div className="screen-score-row">
            <span className="screen-big-number" data-testid="screen-overall-score">
              {round(overall.score)}
            </span>
            <span className="screen-muted">/ 100</span>
            <span className={`screen-badge acceptance-${overall.acceptance}`}>{t(`scenario.acceptance.${overall.acceptance}`)}</span>
          </div>
          <div className={`screen-gate gate-${overall.gate.status}`} data-testid="screen-gate">
            <span className="screen-gate-label">{t('screen.gate')}</span>
            <span>
              {t(`screen.gate.${overall.gate.status}`)} · {pct(overall.gate.satisfiedShare)} / ≥ {pct(overall.gate.threshold)}
            </span>
          </div>
          {module && score && (
            <div className="screen-score-row screen-scenario-score" data-testid="screen-scenario-score">
              <span style={{ color: rgbToCss(module.accent) }}>{text(module.shortName)}</span>
              <span>
                {t('scenario.score')} <strong>{round(score.score)}</strong>
              </span>
              <span className="screen-muted">{t('scenario.passed', { passed: score.passed, total: score.passed + score.failed })}</span>
              {score.satisfiedShare !== null && (
                <span className="screen-muted">{t('scenario.satisfaction', { share: Math.round(score.satisfiedShare * 100) })}</span>
              )}
            </div>
          )}
        </>
      ) : (
        <p className="screen-muted">{t('app.loading')}</p>
      )}
    </section>
  );
}

/** The scenario's KPI tiles; in the overview, the score of every scenario (a click opens it). */
export function KpiPanel({ module, kpis, overall }: { module: ScenarioModule | null; kpis: Kpi[] | null; overall: CommunityScore | null }) {
  const t = useTranslate();
  const text = useText();
  const store = useAppStore();
  const language = useApp((s) => s.language);
  if (module && kpis) {
    return (
      <section className="screen-panel screen-kpis" data-testid="screen-kpis" data-scenario={module.id}>
        <h2 style={{ borderColor: rgbToCss(module.accent) }}>{t('screen.kpis')}</h2>
        <div className="kpi-tiles screen-kpi-grid" data-testid="kpi-tiles" style={{ ['--kpi-cols' as string]: kpis.length > 8 ? 3 : 2 }}>
          {kpis.map((kpi) => (
            <KpiTile key={kpi.id} kpi={kpi} text={text} language={language} />
          ))}
        </div>
      </section>
    );
  }
  return (
    <section className="screen-panel screen-kpis" data-testid="screen-kpis" data-scenario="">
      <h2>{t('screen.scenarioScores')}</h2>
      <ul className="screen-scenario-list">
        {overall?.scenarios.map((s) => {
          const m = SCENARIOS.find((candidate) => candidate.id === s.scenarioId);
          if (!m) return null;
          return (
            <li key={s.scenarioId} onClick={() => store.getState().setScenario(m.id)}>
              <span className="screen-swatch" style={{ background: rgbToCss(m.accent) }} />
              <span className="screen-scenario-name">{text(m.name)}</span>
              <span className="screen-bar">
                <span style={{ width: `${s.score ?? 0}%`, background: rgbToCss(m.accent) }} />
              </span>
              <strong>{round(s.score)}</strong>
              <span className="screen-muted">{t('scenario.passed', { passed: s.passed, total: s.passed + s.failed })}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The scenario's charts (the overview's without one), in a grid that fills the column. */
export function ChartsPanel({
  module,
  charts,
  overall,
  fontScale,
}: {
  module: ScenarioModule | null;
  charts: ChartSpec[] | null;
  overall: CommunityScore | null;
  fontScale: number;
}) {
  const t = useTranslate();
  const language = useApp((s) => s.language);
  const overview = useMemo(() => (overall ? overviewCharts(overall) : []), [overall]);
  const specs = module ? (charts ?? []) : overview;
  const columns = specs.length >= 4 ? 2 : 1;
  return (
    <section className="screen-panel screen-charts" data-testid="screen-charts" data-scenario={module?.id ?? ''}>
      <h2 style={module ? { borderColor: rgbToCss(module.accent) } : undefined}>{t('screen.charts')}</h2>
      <div
        className="screen-chart-grid"
        style={{
          gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
          gridTemplateRows: `repeat(${Math.max(1, Math.ceil(specs.length / columns))}, minmax(0, 1fr))`,
        }}
      >
        {specs.map((spec) => (
          <figure className="screen-chart" key={`${module?.id ?? 'overview'}:${spec.id}`}>
            {/* The title as HTML: a long one wraps instead of being cut at the edge of the canvas. */}
            <figcaption>{chartTitle(spec, language)}</figcaption>
            <div className="screen-chart-body">
              <EChart spec={spec} language={language} height="fill" fontScale={fontScale} fit={SCREEN_CHART_FIT} />
            </div>
          </figure>
        ))}
      </div>
    </section>
  );
}
