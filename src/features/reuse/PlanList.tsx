import type { ReuseCandidate } from '../../analysis/reuse/reuseCandidates';
import { reusePlansReport } from '../../analysis/reuse/reusePlansReport';
import { planSunlightVolumes, type BuildingAddition } from '../../analysis/sunlight/planVolumes';
import type { ServiceCoverage } from '../../analysis/service-circles/computeServiceCoverage';
import type { NamedReusePlan } from './slice';
import { downloadJson } from '../../ui/download';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { PlanCompare } from './PlanCompare';
import { effectOf } from './reuseData';
import { useReuseFormat } from './reuseFormat';
import { SunlightBeforeAfter } from './SunlightBeforeAfter';

/**
 * The named plans: rename, remove, drop a conversion, each with its effect per category it adds to
 * (all its conversions opened together), then the side-by-side comparison and the JSON export.
 */
export function PlanList({ candidates }: { candidates: readonly ReuseCandidate[] }) {
  const t = useTranslate();
  const store = useAppStore();
  const plans = useApp((s) => s.reusePlans);
  const coverage = useApp((s) => s.coverage);
  const community = useApp((s) => s.community);

  const exportPlans = () => {
    if (!coverage || !community) return;
    downloadJson(
      `${community.manifest.id}-reuse-plans.json`,
      reusePlansReport({
        communityId: community.manifest.id,
        generatedAt: new Date().toISOString(),
        walkSpeedMetersPerSecond: coverage.walkSpeedMetersPerSecond,
        candidates,
        plans: plans.map((plan) => ({ plan, effect: effectOf(plan, coverage, candidates) })),
      }),
    );
  };

  return (
    <section data-testid="reuse-plans">
      <h3>{t('reuse.plansTitle')}</h3>
      {plans.length === 0 && <p className="muted small">{t('reuse.noPlans')}</p>}
      <ul className="reuse-plans">
        {plans.map((plan) => (
          <PlanItem key={plan.id} plan={plan} candidates={candidates} coverage={coverage} />
        ))}
      </ul>
      <div className="reuse-actions row">
        <button
          type="button"
          onClick={() => store.getState().addReusePlan(t('reuse.planName', { n: plans.length + 1 }))}
          data-testid="reuse-add-empty-plan"
        >
          {t('reuse.addEmptyPlan')}
        </button>
        <button type="button" onClick={exportPlans} disabled={!coverage || plans.length === 0} data-testid="reuse-export">
          {t('reuse.export')}
        </button>
      </div>
      {coverage && <PlanCompare coverage={coverage} candidates={candidates} />}
    </section>
  );
}

function PlanItem({
  plan,
  candidates,
  coverage,
}: {
  plan: NamedReusePlan;
  candidates: readonly ReuseCandidate[];
  coverage: ServiceCoverage | null;
}) {
  const t = useTranslate();
  const store = useAppStore();
  const { percent, people } = useReuseFormat();
  const community = useApp((s) => s.community);
  const nameOf = (id: string) => candidates.find((c) => c.id === id)?.name ?? id;
  const effect = coverage ? effectOf(plan, coverage, candidates) : null;
  const sunlightPlan = community ? planSunlightVolumes(community, plan) : null;
  return (
    <li data-testid="reuse-plan" data-plan-id={plan.id}>
      <div className="row">
        <input
          value={plan.name}
          onChange={(e) => store.getState().renameReusePlan(plan.id, e.target.value)}
          aria-label={t('reuse.rename')}
          data-testid="reuse-plan-name"
        />
        <button
          type="button"
          className="close"
          onClick={() => store.getState().removeReusePlan(plan.id)}
          title={t('reuse.removePlan')}
          aria-label={t('reuse.removePlan')}
        >
          ×
        </button>
      </div>
      {plan.conversions.length === 0 && (plan.additions ?? []).length === 0 && <p className="muted small">{t('reuse.emptyPlan')}</p>}
      <ul className="chips">
        {plan.conversions.map((c) => (
          <li key={`${c.candidateId}/${c.category}`} className="chip on">
            {nameOf(c.candidateId)} → {t(`facility.${c.category}`)}
            <button
              type="button"
              className="link"
              onClick={() => store.getState().removeReuseConversion(plan.id, c)}
              title={t('reuse.removeConversion')}
              aria-label={t('reuse.removeConversion')}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <PlanAdditions plan={plan} />
      {sunlightPlan && (
        <SunlightBeforeAfter
          owner={plan.id}
          volumes={sunlightPlan.volumes}
          changed={sunlightPlan.changed}
          elevatorsOnly={sunlightPlan.elevatorsOnly}
        />
      )}
      {effect && (
        <ul className="reuse-effect small">
          {effect.categories
            .filter((e) => e.facilitiesAdded > 0)
            .map((e) => (
              <li key={e.category}>
                {t('reuse.effectLine', {
                  category: t(`facility.${e.category}`),
                  people: people(e.gain.targetPopulationNewlyWithinThreshold),
                  target: t(`reuse.target.${e.targetPopulation}`),
                  before: percent(e.before.shareTargetPopulationWithinThreshold ?? e.before.shareBuildingsWithinThreshold),
                  after: percent(e.after.shareTargetPopulationWithinThreshold ?? e.after.shareBuildingsWithinThreshold),
                })}
              </li>
            ))}
        </ul>
      )}
    </li>
  );
}

/** Floors or elevators the plan adds to buildings: chips to remove them, and buttons for the building selected on the map. */
function PlanAdditions({ plan }: { plan: NamedReusePlan }) {
  const t = useTranslate();
  const store = useAppStore();
  const community = useApp((s) => s.community);
  const selected = useApp((s) => s.selectedBuildingId);
  const nameOf = (id: string) => community?.buildings.find((b) => b.id === id)?.name ?? id;
  const building = community?.buildings.find((b) => b.id === selected);
  const label = (a: BuildingAddition) =>
    a.change.kind === 'floors'
      ? t('reuse.addition.floors', { building: nameOf(a.buildingId), floors: a.change.floors })
      : t('reuse.addition.elevator', { building: nameOf(a.buildingId) });
  const add = (addition: BuildingAddition) => store.getState().addReuseAddition(plan.id, addition);
  return (
    <>
      {(plan.additions ?? []).length > 0 && (
        <ul className="chips" data-testid="reuse-plan-additions">
          {(plan.additions ?? []).map((a) => (
            <li key={`${a.buildingId}/${a.change.kind}`} className="chip on">
              {label(a)}
              <button
                type="button"
                className="link"
                onClick={() => store.getState().removeReuseAddition(plan.id, a)}
                title={t('reuse.removeConversion')}
                aria-label={t('reuse.removeConversion')}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {building && (
        <div className="row small">
          <span className="muted">{t('reuse.addition.toSelected', { building: building.name ?? building.id })}</span>
          {[1, 2].map((floors) => (
            <button
              key={floors}
              type="button"
              onClick={() => add({ buildingId: building.id, change: { kind: 'floors', floors } })}
              data-testid={`reuse-plan-add-floors-${floors}`}
            >
              {t('sunlight.addFloors', { floors })}
            </button>
          ))}
          <button
            type="button"
            onClick={() => add({ buildingId: building.id, change: { kind: 'elevator' } })}
            data-testid="reuse-plan-add-elevator"
          >
            {t('reuse.addition.addElevator')}
          </button>
        </div>
      )}
    </>
  );
}
