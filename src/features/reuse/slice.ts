import type { BuildingAddition } from '../../analysis/sunlight/planVolumes';
import type { FacilityCategory } from '../../core/model/types';
import type { CommunityChange, SliceCreator } from '../../stores/slice';

/** One conversion of a building-reuse plan: a candidate space (ReuseCandidate.id) hosting a facility category. */
export interface ReuseConversion {
  candidateId: string;
  category: FacilityCategory;
}

/** A named reuse plan: pure data; its effect is evaluated against the current coverage when shown. */
export interface NamedReusePlan {
  id: string;
  name: string;
  conversions: ReuseConversion[];
  /** Floors or elevators the plan adds to buildings (their sunlight is re-evaluated); none when absent. */
  additions?: BuildingAddition[];
}

export type ReuseSection = 'candidates' | 'plans' | 'suggest' | 'elevators';

/** Building reuse what-ifs (存量空间再利用): the option on screen and the planner's named plans. */
export interface ReuseSlice {
  reusePlans: NamedReusePlan[];
  /** The what-if on screen: a candidate and the category it would host. */
  reuseWhatIf: ReuseConversion | null;
  reuseSection: ReuseSection;
  setReuseWhatIf(whatIf: ReuseConversion | null): void;
  setReuseSection(section: ReuseSection): void;
  /** Adds a plan (its conversions deduplicated) and returns its id. */
  addReusePlan(name: string, conversions?: readonly ReuseConversion[]): string;
  renameReusePlan(id: string, name: string): void;
  removeReusePlan(id: string): void;
  /** Adds a conversion to a plan unless it is there already. */
  addReuseConversion(planId: string, conversion: ReuseConversion): void;
  removeReuseConversion(planId: string, conversion: ReuseConversion): void;
  /** Adds floors or elevators to a building in a plan; a second addition of the same kind to the same building replaces the first. */
  addReuseAddition(planId: string, addition: BuildingAddition): void;
  removeReuseAddition(planId: string, addition: BuildingAddition): void;
}

const sameAddition = (a: BuildingAddition, b: BuildingAddition) => a.buildingId === b.buildingId && a.change.kind === b.change.kind;

const sameConversion = (a: ReuseConversion, b: ReuseConversion) => a.candidateId === b.candidateId && a.category === b.category;
const copy = ({ candidateId, category }: ReuseConversion): ReuseConversion => ({ candidateId, category });
const uniqueConversions = (list: readonly ReuseConversion[]) =>
  list.filter((c, i) => list.findIndex((d) => sameConversion(c, d)) === i).map(copy);

export const createReuseSlice: SliceCreator<ReuseSlice> = (set) => {
  let reusePlanCount = 0;
  const updatePlan = (id: string, update: (plan: NamedReusePlan) => NamedReusePlan) =>
    set((s) => ({ reusePlans: s.reusePlans.map((p) => (p.id === id ? update(p) : p)) }));
  return {
    reusePlans: [],
    reuseWhatIf: null,
    reuseSection: 'candidates',
    setReuseWhatIf: (reuseWhatIf) => set({ reuseWhatIf }),
    setReuseSection: (reuseSection) => set({ reuseSection }),
    addReusePlan: (name, conversions = []) => {
      const id = `plan-${++reusePlanCount}`;
      set((s) => ({ reusePlans: [...s.reusePlans, { id, name, conversions: uniqueConversions(conversions) }] }));
      return id;
    },
    renameReusePlan: (id, name) => updatePlan(id, (p) => ({ ...p, name })),
    removeReusePlan: (id) => set((s) => ({ reusePlans: s.reusePlans.filter((p) => p.id !== id) })),
    addReuseConversion: (planId, conversion) =>
      updatePlan(planId, (p) =>
        p.conversions.some((c) => sameConversion(c, conversion)) ? p : { ...p, conversions: [...p.conversions, copy(conversion)] },
      ),
    removeReuseConversion: (planId, conversion) =>
      updatePlan(planId, (p) => ({ ...p, conversions: p.conversions.filter((c) => !sameConversion(c, conversion)) })),
    addReuseAddition: (planId, addition) =>
      updatePlan(planId, (p) => ({
        ...p,
        additions: [
          ...(p.additions ?? []).filter((a) => !sameAddition(a, addition)),
          { buildingId: addition.buildingId, change: { ...addition.change } },
        ],
      })),
    removeReuseAddition: (planId, addition) =>
      updatePlan(planId, (p) => ({ ...p, additions: (p.additions ?? []).filter((a) => !sameAddition(a, addition)) })),
  };
};

/** Plans name candidates of one community: another community starts without any. */
export const reuseOnCommunityChange: CommunityChange = (next, previous) =>
  previous.community?.manifest.id === next.community?.manifest.id ? {} : { reusePlans: [], reuseWhatIf: null };
