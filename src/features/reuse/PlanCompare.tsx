import { useState } from 'react';
import type { CategoryKpis, ReusePlanEffect } from '../../analysis/reuse/evaluateReusePlan';
import type { ReuseCandidate } from '../../analysis/reuse/reuseCandidates';
import { DEFAULT_REUSE_RULES } from '../../analysis/reuse/reuseRules';
import type { ServiceCoverage } from '../../analysis/service-circles/computeServiceCoverage';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { effectOf, todayOf } from './reuseData';
import { useReuseFormat } from './reuseFormat';

const TODAY = 'today';
type Metric = 'people' | 'homes';
/** Differences below this are rounding, not a plan beating another. */
const EPSILON = 1e-9;

/**
 * Two plans side by side, or a plan against today (现状): per category a plan can add to, the share
 * within the rule's distance under A and B and the difference in percentage points, highlighted
 * where B beats A. One metric at a time keeps the table four columns wide in the narrow panel.
 */
export function PlanCompare({ coverage, candidates }: { coverage: ServiceCoverage; candidates: readonly ReuseCandidate[] }) {
  const t = useTranslate();
  const plans = useApp((s) => s.reusePlans);
  const { percent, points, people, n } = useReuseFormat();
  const [a, setA] = useState(TODAY);
  const [b, setB] = useState<string | null>(null);
  const [metric, setMetric] = useState<Metric>('people');
  const store = useAppStore();
  const split = useApp((s) => s.planSplit);
  const known = (id: string | null) => id === TODAY || plans.some((p) => p.id === id);
  const idA = known(a) ? a : TODAY;
  // B defaults to the newest plan: the one just saved is the one to look at.
  const idB = b !== null && known(b) ? b : (plans.at(-1)?.id ?? TODAY);
  const effect = (id: string): ReusePlanEffect => {
    const plan = plans.find((p) => p.id === id);
    return plan ? effectOf(plan, coverage, candidates) : todayOf(coverage);
  };
  const effectA = effect(idA);
  const effectB = effect(idB);
  const categories = DEFAULT_REUSE_RULES.rules.map((r) => r.category).filter((c) => effectA.categories.some((e) => e.category === c));
  const share = (k: CategoryKpis) => (metric === 'people' ? k.shareTargetPopulationWithinThreshold : k.shareBuildingsWithinThreshold);
  const count = (k: CategoryKpis) => (metric === 'people' ? people(k.targetPopulationWithinThreshold) : n(k.buildingsWithinThreshold));
  const choices = [{ id: TODAY, name: t('reuse.today') }, ...plans.map((p) => ({ id: p.id, name: p.name }))];
  const picker = (value: string, onChange: (id: string) => void, testId: string, label: string) => (
    <label className="field">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section data-testid="reuse-compare-section">
      <h3>{t('reuse.compare')}</h3>
      <div className="field-row">
        {picker(idA, setA, 'reuse-compare-a', 'A')}
        {picker(idB, setB, 'reuse-compare-b', 'B')}
      </div>
      <div className="reuse-metric" role="group">
        {(['people', 'homes'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={metric === m} onClick={() => setMetric(m)} data-testid={`reuse-metric-${m}`}>
            {t(`reuse.metric.${m}`)}
          </button>
        ))}
      </div>
      <table className="reuse-table reuse-compare" data-testid="reuse-compare" data-metric={metric}>
        <thead>
          <tr>
            <th>{t('reuse.category')}</th>
            <th>A</th>
            <th>B</th>
            <th>{t('reuse.delta')}</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => {
            const ka = effectA.categories.find((e) => e.category === category)!;
            const kb = effectB.categories.find((e) => e.category === category)!;
            const sa = share(ka.after);
            const sb = share(kb.after);
            const delta = sa === null || sb === null ? null : sb - sa;
            const verdict = delta === null || Math.abs(delta) <= EPSILON ? 'same' : delta > 0 ? 'better' : 'worse';
            return (
              <tr key={category} className={verdict} data-category={category} data-delta={delta ?? ''}>
                <td>{t(`facility.${category}`)}</td>
                <td title={count(ka.after)}>{percent(sa, 1)}</td>
                <td title={count(kb.after)}>{percent(sb, 1)}</td>
                <td className="delta">{delta === null ? '–' : points(delta)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        aria-pressed={split !== null}
        onClick={() => store.getState().setPlanSplit(split ? null : { a: idA, b: idB })}
        disabled={idA === idB}
        data-testid="reuse-compare-split"
      >
        {split ? t('split.closeScene') : t('split.open')}
      </button>
      <p className="muted small">{t('reuse.compareHint')}</p>
    </section>
  );
}
