import { defineTab } from '../../ui/panels/sidePanelTab';
import type { LocalizedText } from '../../core/model/types';
import { localize } from '../../i18n/translate';
import { rgbToCss } from '../../layers/buildingColorModes';
import { SCENARIOS, type ScenarioId } from '../../scenarios/registry';
import { THREE_VALUES } from '../../scenarios/threeValues';
import type { IndicatorAssessment } from '../../scenarios/scoring';
import { EChart } from '../../ui/charts/EChart';
import { KpiTile } from '../../ui/components/KpiTile';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import {
  selectCommunityScore,
  selectScenarioColoring,
  selectScenarioContent,
  selectScenarioContext,
  selectScenarioModule,
} from './selectors';

type Text = (t: LocalizedText) => string;

/**
 * The current scenario in one glance: what it is about, its KPIs (computed from the package and the
 * analyses, never typed in), the indicators that pass or fail with their evidence, and its charts.
 * Without a scenario: the overall score of the nine + 一统 and the satisfaction gate.
 */
export function ScenarioPanel() {
  const t = useTranslate();
  const store = useAppStore();
  const language = useApp((s) => s.language);
  const ctx = useApp(selectScenarioContext);
  const module = useApp(selectScenarioModule);
  const coloring = useApp(selectScenarioColoring);
  const content = useApp(selectScenarioContent);
  const overall = useApp(selectCommunityScore);
  const text: Text = (l) => localize(language, l);
  if (!ctx) return <p className="muted">{t('app.loading')}</p>;

  if (!module || !content) {
    return (
      <div className="scenario-panel" data-testid="scenario-overview">
        <h3>{t('scenario.overview')}</h3>
        {overall && (
          <>
            <p className="scenario-score">
              <strong data-testid="overall-score">{overall.score === null ? '—' : Math.round(overall.score)}</strong> / 100 ·{' '}
              <span className={`badge acceptance-${overall.acceptance}`}>{t(`scenario.acceptance.${overall.acceptance}`)}</span>
            </p>
            <p className="small">{text(overall.gate.reason)}</p>
            <p className="small" data-testid="acceptance-score">
              {t('scenario.acceptanceScore', {
                score: overall.acceptanceScore === null ? '—' : Math.round(overall.acceptanceScore),
                passMark: overall.passMark,
              })}
            </p>
            {overall.blocking.length > 0 && (
              <ul className="small blocking-list" data-testid="blocking-failures">
                {overall.blocking.map((a) => (
                  <li key={a.indicator.id}>
                    <span className="badge blocking">{t('scenario.blockingBadge')}</span> {text(a.indicator.name)}: {text(a.reason)}
                  </li>
                ))}
              </ul>
            )}
            <table className="scenario-scores">
              <tbody>
                {overall.scenarios.map((s) => {
                  const m = SCENARIOS.find((candidate) => candidate.id === s.scenarioId);
                  if (!m) return null;
                  return (
                    <tr key={s.scenarioId} onClick={() => store.getState().setScenario(m.id)} className="clickable">
                      <th>
                        <span className="swatch" style={{ background: rgbToCss(m.accent) }} /> {text(m.shortName)}
                      </th>
                      <td>{s.score === null ? '—' : Math.round(s.score)}</td>
                      <td className="muted small">{t('scenario.passed', { passed: s.passed, total: s.passed + s.failed })}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </div>
    );
  }

  const { kpis, charts, score } = content;
  return (
    <div className="scenario-panel" data-testid="scenario-panel" data-scenario={module.id}>
      <h3 style={{ color: rgbToCss(module.accent) }} data-testid="scenario-name">
        {text(module.name)}
      </h3>
      <p className="small narrative">{text(module.narrative)}</p>
      <p className="scenario-score small">
        {t('scenario.score')} <strong data-testid="scenario-score">{score.score === null ? '—' : Math.round(score.score)}</strong>
        {' · '}
        {t('scenario.passed', { passed: score.passed, total: score.passed + score.failed })}
        {score.pending > 0 && ` · ${t('scenario.pending', { count: score.pending })}`}
        {score.satisfiedShare !== null && ` · ${t('scenario.satisfaction', { share: Math.round(score.satisfiedShare * 100) })}`}
      </p>
      <div className="kpi-tiles" data-testid="kpi-tiles">
        {kpis.map((kpi) => (
          <KpiTile key={kpi.id} kpi={kpi} text={text} language={language} />
        ))}
      </div>
      {coloring && (
        <div className="scenario-legend">
          <div className="small muted">{text(coloring.title)}</div>
          <ul className="legend">
            {coloring.legend.map((entry, i) => (
              <li key={i}>
                <span className="swatch" style={{ background: rgbToCss(entry.color) }} />
                {text(entry.label)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h4>{t('scenario.indicators')}</h4>
      <table className="indicators" data-testid="indicators">
        <tbody>
          {score.assessments.map((a) => (
            <IndicatorRow key={a.indicator.id} assessment={a} text={text} onEvidence={(id) => store.getState().selectBuilding(id)} />
          ))}
        </tbody>
      </table>
      {charts.map((spec) => (
        <EChart key={`${module.id}:${spec.id}`} spec={spec} language={language} />
      ))}
    </div>
  );
}

function IndicatorRow({
  assessment: a,
  text,
  onEvidence,
}: {
  assessment: IndicatorAssessment;
  text: Text;
  onEvidence: (buildingId: string) => void;
}) {
  const t = useTranslate();
  const first = a.evidence.buildingIds[0];
  return (
    <tr className={`outcome-${a.outcome}`} data-outcome={a.outcome} data-indicator={a.indicator.id}>
      <td>
        <span className={`badge outcome ${a.outcome}`}>{t(`scenario.outcome.${a.outcome}`)}</span>
        {a.blocking && a.outcome === 'fail' && (
          <span className="badge blocking" data-testid="indicator-blocking">
            {t('scenario.blockingBadge')}
          </span>
        )}
      </td>
      <td>
        {text(a.indicator.name)}
        <div className="muted small">
          {text(a.reason)}
          {first && (
            <>
              {' · '}
              <button type="button" className="link" onClick={() => onEvidence(first)} title={text(a.evidence.reason)}>
                {t('scenario.evidence', { count: a.evidence.buildingIds.length })}
              </button>
            </>
          )}
        </div>
      </td>
    </tr>
  );
}

/**
 * The scenario bar in the frame of 一统三化九场景: 总览, 一统 (党建统领) over everything, then the nine
 * scenarios under their 化 (人本化 · 生态化 · 数字化; scenarios/threeValues.json).
 */
export function ScenarioBar() {
  const t = useTranslate();
  const store = useAppStore();
  const language = useApp((s) => s.language);
  const current = useApp((s) => s.scenarioId);
  const choose = (id: ScenarioId | null) => {
    store.getState().setScenario(id);
    store.getState().setSidePanelTab('scenario');
  };
  const button = (m: (typeof SCENARIOS)[number]) => (
    <button
      key={m.id}
      type="button"
      className={current === m.id ? 'active' : ''}
      style={{ ['--accent' as string]: rgbToCss(m.accent) }}
      onClick={() => choose(m.id)}
      aria-pressed={current === m.id}
      data-testid={`scenario-${m.id}`}
    >
      {localize(language, m.shortName)}
    </button>
  );
  const grouped = new Set(THREE_VALUES.values.flatMap((v) => v.scenarios));
  return (
    <nav className="scenario-bar panel" data-testid="scenario-bar" aria-label={t('scenario.tab')} title={THREE_VALUES.source}>
      <button
        type="button"
        className={current === null ? 'active' : ''}
        onClick={() => choose(null)}
        data-testid="scenario-overview-button"
      >
        {t('scenario.overview')}
      </button>
      {SCENARIOS.filter((m) => !grouped.has(m.id)).map(button)}
      {THREE_VALUES.values.map((v) => (
        <span key={v.id} className="value-group" role="group" aria-label={localize(language, v.name)} data-value={v.id}>
          <span className="value-name">{localize(language, v.name)}</span>
          {v.scenarios.map((id) => SCENARIOS.find((m) => m.id === id)).map((m) => m && button(m))}
        </span>
      ))}
    </nav>
  );
}

/** The side panel's tab for this feature (registered in features/tabs.ts). */
export const scenarioTab = defineTab({ id: 'scenario', labelKey: 'scenario.tab', Panel: ScenarioPanel });
