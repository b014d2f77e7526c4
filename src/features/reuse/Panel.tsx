import { defineTab } from '../../ui/panels/sidePanelTab';
import type { ReuseSection } from './slice';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { CandidateList } from './CandidateList';
import { ElevatorList } from './ElevatorList';
import { PlanList } from './PlanList';
import { candidatesOf, elevatorsOf } from './reuseData';
import { SuggestPlan } from './SuggestPlan';
import { WhatIf } from './WhatIf';

const SECTIONS: readonly ReuseSection[] = ['candidates', 'plans', 'suggest', 'elevators'];

/**
 * Building reuse what-ifs (闲置房产 / 边角地 → public services): candidates and the gain of one
 * conversion, named plans compared side by side, a suggested plan for a budget, and the
 * elevator-addition list. One section at a time: the side panel is narrow.
 */
export function ReusePanel() {
  const t = useTranslate();
  const store = useAppStore();
  const community = useApp((s) => s.community);
  const coverage = useApp((s) => s.coverage);
  const section = useApp((s) => s.reuseSection);
  if (!community) return <p className="muted small">{t('reuse.noCommunity')}</p>;
  const candidates = candidatesOf(community);

  return (
    <div className="reuse-panel" data-testid="reuse-panel" data-coverage={coverage ? 'ready' : 'computing'}>
      <nav className="reuse-sections">
        {SECTIONS.map((s) => (
          <button
            key={s}
            type="button"
            className={section === s ? 'active' : ''}
            onClick={() => store.getState().setReuseSection(s)}
            data-testid={`reuse-section-${s}`}
          >
            {t(`reuse.section.${s}`)}
          </button>
        ))}
      </nav>
      {!coverage && section !== 'elevators' && (
        <p className="muted small" data-testid="reuse-computing">
          {t('reuse.computing')}
        </p>
      )}
      {section === 'candidates' && (
        <>
          <WhatIf candidates={candidates} />
          <CandidateList candidates={candidates} />
        </>
      )}
      {section === 'plans' && <PlanList candidates={candidates} />}
      {section === 'suggest' && coverage && <SuggestPlan coverage={coverage} candidates={candidates} />}
      {section === 'elevators' && <ElevatorList elevators={elevatorsOf(community)} />}
    </div>
  );
}

/** The side panel's tab for this feature (registered in features/tabs.ts). */
export const reuseTab = defineTab({ id: 'reuse', labelKey: 'reuse.tab', Panel: ReusePanel });
