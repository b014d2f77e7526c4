import type { ReuseCandidate } from '../../analysis/reuse/reuseCandidates';
import { coverageOf } from '../../analysis/service-circles/computeServiceCoverage';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { reasonText, useReuseFormat } from './reuseFormat';

/**
 * Every candidate space with what it is and what it can host. Feasible categories are buttons that
 * open their what-if; infeasible ones stay visible, greyed, with the reasons on hover, so the planner
 * sees why a space was ruled out instead of wondering where it went.
 */
export function CandidateList({ candidates }: { candidates: readonly ReuseCandidate[] }) {
  const t = useTranslate();
  const store = useAppStore();
  const coverage = useApp((s) => s.coverage);
  const whatIf = useApp((s) => s.reuseWhatIf);
  const { n } = useReuseFormat();
  const access = (a: boolean | null) => t(a === null ? 'reuse.access.unknown' : a ? 'reuse.access.yes' : 'reuse.access.no');

  return (
    <section>
      <h3>{t('reuse.candidatesTitle', { count: candidates.length })}</h3>
      <p className="muted small">{t('reuse.candidatesHint')}</p>
      <ul className="reuse-candidates" data-testid="reuse-candidates">
        {candidates.map((c) => (
          <li
            key={c.id}
            className={whatIf?.candidateId === c.id ? 'selected' : undefined}
            data-testid="reuse-candidate"
            data-candidate-id={c.id}
          >
            <div className="head">
              {c.buildingId ? (
                <button type="button" className="link" onClick={() => store.getState().selectBuilding(c.buildingId!)} title={c.buildingId}>
                  {c.name ?? c.id}
                </button>
              ) : (
                <span>{c.name ?? c.id}</span>
              )}
              <span className="badge kind">{t(`reuse.${c.kind}`)}</span>
            </div>
            <div className="facts">
              {c.id} · {t('reuse.area', { area: n(c.areaM2) })} · {t('reuse.floors', { floors: c.floors })} · {access(c.groundFloorAccess)}{' '}
              · {t(c.ownerType ? `reuse.owner.${c.ownerType}` : 'reuse.owner.unknown')}
            </div>
            <div className="chips">
              {c.feasible.map((f) => {
                const analysed = !coverage || coverageOf(coverage, f.category) !== undefined;
                const label = t(`facility.${f.category}`);
                if (!f.ok || !analysed) {
                  const why = f.ok ? [t('reuse.reason.notAnalysed')] : f.reasons.map((r) => reasonText(r, t));
                  return (
                    <span key={f.category} className="chip off" title={why.join('；')} data-category={f.category} data-feasible="false">
                      {label}
                    </span>
                  );
                }
                const current = whatIf?.candidateId === c.id && whatIf.category === f.category;
                return (
                  <button
                    key={f.category}
                    type="button"
                    className={current ? 'chip on current' : 'chip on'}
                    aria-pressed={current}
                    onClick={() => store.getState().setReuseWhatIf({ candidateId: c.id, category: f.category })}
                    data-category={f.category}
                    data-feasible="true"
                    data-survey={f.surveyChecks.length ? f.surveyChecks.join(' ') : undefined}
                    title={f.surveyChecks.length ? t('reuse.needsSurvey') : undefined}
                  >
                    {label}
                    {f.surveyChecks.length > 0 && ' ⚠'}
                  </button>
                );
              })}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
