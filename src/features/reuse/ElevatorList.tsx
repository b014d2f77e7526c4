import type { ElevatorCandidate } from '../../analysis/reuse/elevatorCandidates';
import { DEFAULT_ELEVATOR_RULES } from '../../analysis/reuse/elevatorRules';
import { planSunlightVolumes } from '../../analysis/sunlight/planVolumes';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { useReuseFormat } from './reuseFormat';
import { SunlightBeforeAfter } from './SunlightBeforeAfter';

/** A short list: the ranking is a screening aid, the survey decides (consent, shaft, fire access). */
const SHOWN = 10;

/**
 * Elevator-addition candidates (既有住宅加装电梯): the top of the ranking with the elderly and the
 * households above the rule's floor. Both are counts of residents' homes and people, so 1–4 reads "<5".
 */
export function ElevatorList({ elevators }: { elevators: readonly ElevatorCandidate[] }) {
  const t = useTranslate();
  const store = useAppStore();
  const selected = useApp((s) => s.selectedBuildingId);
  const community = useApp((s) => s.community);
  const picked = elevators.find((e) => e.buildingId === selected);
  // The shafts on the stair side of the candidate picked in the list, for its sunlight before/after.
  const shafts =
    picked && community
      ? planSunlightVolumes(community, { conversions: [], additions: [{ buildingId: picked.buildingId, change: { kind: 'elevator' } }] })
      : null;
  const { n, people } = useReuseFormat();
  const rules = DEFAULT_ELEVATOR_RULES;
  const above = rules.aboveFloor;
  return (
    <section data-testid="reuse-elevators">
      <h3>{t('reuse.elevatorsTitle', { count: Math.min(SHOWN, elevators.length) })}</h3>
      <p className="muted small" title={rules.sources.rankBy}>
        {t('reuse.elevatorsHint', { floors: rules.minFloors, above })}
        {rules.builtByFilter.enabled && ` ${t('reuse.elevatorsBuiltBy', { year: rules.builtByFilter.maxYearBuilt })}`}
      </p>
      {elevators.length === 0 ? (
        <p className="muted small">{t('reuse.noElevatorCandidates')}</p>
      ) : (
        <table className="reuse-table reuse-elevators">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('reuse.building')}</th>
              <th>{t('reuse.floorsShort')}</th>
              <th>{t('reuse.elderlyAbove', { floor: above })}</th>
              <th>{t('reuse.householdsAbove', { floor: above })}</th>
            </tr>
          </thead>
          <tbody>
            {elevators.slice(0, SHOWN).map((e) => (
              <tr
                key={e.buildingId}
                className={selected === e.buildingId ? 'current' : undefined}
                onClick={() => store.getState().selectBuilding(e.buildingId)}
                data-building-id={e.buildingId}
              >
                <td>{n(e.rank)}</td>
                <td>{e.name ?? e.buildingId}</td>
                <td>{n(e.floors)}</td>
                <td>{people(e.elderlyAboveFloor)}</td>
                <td>{people(e.householdsAboveFloor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {picked && shafts && (
        <>
          <h4>{t('reuse.sunlight.elevatorTitle', { building: picked.name ?? picked.buildingId })}</h4>
          <SunlightBeforeAfter owner={`elevator:${picked.buildingId}`} volumes={shafts.volumes} changed={shafts.changed} elevatorsOnly />
        </>
      )}
    </section>
  );
}
