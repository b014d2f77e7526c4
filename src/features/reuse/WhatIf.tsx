import { useMemo, useState } from 'react';
import { convertedFloors } from '../../analysis/reuse/convertedFloors';
import { evaluateReuseOption, type ReuseOptionGain } from '../../analysis/reuse/evaluateReuseOption';
import type { ReuseCandidate } from '../../analysis/reuse/reuseCandidates';
import { DEFAULT_REUSE_RULES, reuseRuleFor } from '../../analysis/reuse/reuseRules';
import { planSunlightVolumes } from '../../analysis/sunlight/planVolumes';
import { coverageOf } from '../../analysis/service-circles/computeServiceCoverage';
import type { FacilityCategory } from '../../core/model/types';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { useReuseFormat } from './reuseFormat';
import { SunlightBeforeAfter } from './SunlightBeforeAfter';

/** Homes listed before "show all": enough to see where the gain is without a long scroll. */
const GAINING_SHOWN = 8;

/**
 * What if this candidate hosted that facility? The gain against the current service circles
 * (evaluateReuseOption: one search from the candidate, bounded by the farthest walk that can change,
 * min with today for the buildings it reached), homes and target
 * residents newly within each band and the rule's distance, the capacity balance where the rules
 * give one, and the homes whose walk gets shorter. Adds the option to a named plan.
 */
export function WhatIf({ candidates }: { candidates: readonly ReuseCandidate[] }) {
  const t = useTranslate();
  const store = useAppStore();
  const whatIf = useApp((s) => s.reuseWhatIf);
  const coverage = useApp((s) => s.coverage);
  const community = useApp((s) => s.community);
  const candidate = candidates.find((c) => c.id === whatIf?.candidateId);
  const feasible = (candidate?.feasible ?? []).filter((f) => f.ok && (!coverage || coverageOf(coverage, f.category)));
  const option = feasible.find((f) => f.category === whatIf?.category);

  // Milliseconds even on a city's network (the search stops near the candidate); recomputed only when the option or the coverage changes.
  const gain = useMemo(
    () =>
      coverage && candidate && option
        ? evaluateReuseOption(coverage, { position: candidate.position, category: option.category, usableAreaM2: option.usableAreaM2 })
        : null,
    [coverage, candidate, option],
  );
  if (!whatIf || !candidate) return null;

  const choose = (candidateId: string, category: FacilityCategory | undefined) => {
    const next = candidates.find((c) => c.id === candidateId);
    const ok = next?.feasible.filter((f) => f.ok) ?? [];
    const pick = ok.find((f) => f.category === category) ?? ok[0];
    if (next && pick) store.getState().setReuseWhatIf({ candidateId: next.id, category: pick.category });
  };

  return (
    <section
      className="reuse-whatif"
      data-testid="reuse-whatif"
      data-candidate-id={candidate.id}
      data-category={whatIf.category}
      data-status={gain ? 'done' : 'computing'}
    >
      <header>
        <h3>{t('reuse.whatIf')}</h3>
        <button
          type="button"
          className="close"
          onClick={() => store.getState().setReuseWhatIf(null)}
          title={t('reuse.close')}
          aria-label={t('reuse.close')}
        >
          ×
        </button>
      </header>
      <div className="field-row">
        <label className="field">
          {t('reuse.candidate')}
          <select value={candidate.id} onChange={(e) => choose(e.target.value, whatIf.category)} data-testid="reuse-whatif-candidate">
            {candidates
              .filter((c) => c.feasible.some((f) => f.ok))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name ?? c.id}
                </option>
              ))}
          </select>
        </label>
        <label className="field">
          {t('reuse.category')}
          <select
            value={whatIf.category}
            onChange={(e) => choose(candidate.id, e.target.value as FacilityCategory)}
            data-testid="reuse-whatif-category"
          >
            {feasible.map((f) => (
              <option key={f.category} value={f.category}>
                {t(`facility.${f.category}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {option && option.surveyChecks.length > 0 && (
        <p
          className="warning small"
          data-testid="reuse-needs-survey"
          title={reuseRuleFor(DEFAULT_REUSE_RULES, option.category)?.surveyChecks?.source}
        >
          ⚠ {t('reuse.needsSurvey')}
        </p>
      )}
      {/* While the service circles compute, the panel says so once, above. */}
      {gain && <GainView gain={gain} />}
      {/* A plot converted is a new building there: its sunlight on the neighbours, on request. */}
      {gain && community && (
        <SunlightBeforeAfter
          owner={`option:${candidate.id}`}
          {...planSunlightVolumes(community, { conversions: [{ candidateId: candidate.id }] })}
        />
      )}
      {/* Keyed: the "added to …" note belongs to one option. */}
      {gain && <WhatIfActions key={`${candidate.id}/${gain.category}`} candidate={candidate} category={gain.category} />}
    </section>
  );
}

function GainView({ gain }: { gain: ReuseOptionGain }) {
  const t = useTranslate();
  const store = useAppStore();
  const community = useApp((s) => s.community);
  const { n, people, minutes } = useReuseFormat();
  const [showAll, setShowAll] = useState(false);
  const names = useMemo(() => new Map(community?.buildings.map((b) => [b.id, b.name ?? b.id]) ?? []), [community]);
  const target = t(`reuse.target.${gain.targetPopulation}`);
  const plus = (value: string) => (value === '0' || value === '–' ? value : `+${value}`);
  const gaining = [...gain.gainingBuildings].sort((a, b) => a.afterSeconds - b.afterSeconds);

  return (
    <>
      {!gain.attached && <p className="error-text">{t('reuse.unattached')}</p>}
      <p className="reuse-headline" data-testid="reuse-gain-headline">
        {t('reuse.headline', { people: people(gain.targetPopulationNewlyWithinThreshold), target, meters: n(gain.thresholdMeters) })}
      </p>
      <table className="reuse-table" data-testid="reuse-gain">
        <thead>
          <tr>
            <th>{t('reuse.newlyWithin')}</th>
            <th>{t('reuse.homes')}</th>
            <th>{target}</th>
          </tr>
        </thead>
        <tbody>
          {gain.bands.map((b) => (
            <tr key={b.band} data-band={b.band}>
              <td>{t('reuse.withinMinutes', { minutes: n(b.minutes), meters: n(b.maxDistanceMeters) })}</td>
              <td>{plus(n(b.buildingsNewlyWithin))}</td>
              <td>{plus(people(b.targetPopulationNewlyWithin))}</td>
            </tr>
          ))}
          <tr className="threshold" data-testid="reuse-gain-threshold">
            <td>{t('reuse.withinMeters', { meters: n(gain.thresholdMeters) })}</td>
            <td data-testid="reuse-gain-threshold-homes">{plus(n(gain.buildingsNewlyWithinThreshold))}</td>
            <td data-testid="reuse-gain-threshold-people">{plus(people(gain.targetPopulationNewlyWithinThreshold))}</td>
          </tr>
        </tbody>
      </table>
      <p className="small" data-testid="reuse-gain-capacity">
        {gain.capacity ? (
          t('reuse.capacity', {
            places: n(gain.capacity.places),
            demand: people(gain.capacity.demandInCatchment),
            balance: `${gain.capacity.balance > 0 ? '+' : ''}${n(gain.capacity.balance)}`,
          })
        ) : (
          <span className="muted" title={gain.capacityUnavailableReason ?? undefined}>
            {t('reuse.capacityUnknown')}
          </span>
        )}
      </p>
      <h4>{t('reuse.gaining', { count: n(gaining.length) })}</h4>
      <ul className="reuse-gaining" data-testid="reuse-gaining">
        {(showAll ? gaining : gaining.slice(0, GAINING_SHOWN)).map((g) => (
          <li key={g.building}>
            <button type="button" className="link" onClick={() => g.id && store.getState().selectBuilding(g.id)} data-building-id={g.id}>
              {(g.id && names.get(g.id)) ?? g.id ?? g.building}
            </button>
            <span className="muted">{t('reuse.gainingWalk', { before: minutes(g.beforeSeconds), after: minutes(g.afterSeconds) })}</span>
          </li>
        ))}
      </ul>
      {gaining.length > GAINING_SHOWN && (
        <button type="button" className="link small" onClick={() => setShowAll(!showAll)}>
          {showAll ? t('reuse.showFewer') : t('reuse.showAll')}
        </button>
      )}
    </>
  );
}

/** Add the option to a plan (a new one by default), and mark its floors in the 分层分户 inspector. */
function WhatIfActions({ candidate, category }: { candidate: ReuseCandidate; category: FacilityCategory }) {
  const t = useTranslate();
  const store = useAppStore();
  const plans = useApp((s) => s.reusePlans);
  const [target, setTarget] = useState('new');
  const [added, setAdded] = useState<string | null>(null);
  const rule = reuseRuleFor(DEFAULT_REUSE_RULES, category);
  const add = () => {
    const conversion = { candidateId: candidate.id, category };
    const existing = plans.find((p) => p.id === target);
    if (existing) store.getState().addReuseConversion(existing.id, conversion);
    const id = existing?.id ?? store.getState().addReusePlan(t('reuse.planName', { n: plans.length + 1 }), [conversion]);
    setTarget(id);
    setAdded(store.getState().reusePlans.find((p) => p.id === id)?.name ?? null);
  };
  return (
    <div className="reuse-actions">
      <div className="row">
        <select
          value={plans.some((p) => p.id === target) ? target : 'new'}
          onChange={(e) => setTarget(e.target.value)}
          data-testid="reuse-plan-target"
          aria-label={t('reuse.addTo')}
        >
          <option value="new">{t('reuse.newPlan')}</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={add} data-testid="reuse-add-to-plan">
          {t('reuse.addToPlan')}
        </button>
      </div>
      {added && (
        <p className="small" data-testid="reuse-added">
          {t('reuse.added', { name: added })}{' '}
          <button type="button" className="link" onClick={() => store.getState().setReuseSection('plans')}>
            {t('reuse.seePlans')}
          </button>
        </p>
      )}
      {candidate.buildingId && rule && (
        <button
          type="button"
          className="inspect"
          onClick={() => store.getState().openInspector(candidate.buildingId!, convertedFloors(candidate, rule))}
          data-testid="reuse-inspect-floors"
        >
          {t('reuse.inspectFloors')}
        </button>
      )}
    </div>
  );
}
