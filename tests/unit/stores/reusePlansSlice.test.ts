import { describe, expect, it } from 'vitest';
import type { Community } from '../../../src/core/model/types';
import { createAppStore } from '../../../src/stores/appStore';
import { stubCommunity } from '../support/stubCommunity';

const community = (id: string): Community => stubCommunity(id);

describe('reuse plans slice', () => {
  it('adds named plans with distinct ids, conversions deduplicated', () => {
    const store = createAppStore();
    const a = store.getState().addReusePlan('A', [
      { candidateId: 'S1', category: 'nursery' },
      { candidateId: 'S1', category: 'nursery' },
      { candidateId: 'S1', category: 'grocery' },
    ]);
    const b = store.getState().addReusePlan('B');
    expect(a).not.toBe(b);
    expect(store.getState().reusePlans).toEqual([
      {
        id: a,
        name: 'A',
        conversions: [
          { candidateId: 'S1', category: 'nursery' },
          { candidateId: 'S1', category: 'grocery' },
        ],
      },
      { id: b, name: 'B', conversions: [] },
    ]);
  });

  it('adds a conversion once, removes it, renames and removes plans', () => {
    const store = createAppStore();
    const id = store.getState().addReusePlan('A');
    const s = () => store.getState();
    s().addReuseConversion(id, { candidateId: 'S2', category: 'fitness' });
    s().addReuseConversion(id, { candidateId: 'S2', category: 'fitness' });
    s().addReuseConversion(id, { candidateId: 'S3', category: 'fitness' });
    expect(s().reusePlans[0].conversions).toEqual([
      { candidateId: 'S2', category: 'fitness' },
      { candidateId: 'S3', category: 'fitness' },
    ]);
    s().removeReuseConversion(id, { candidateId: 'S2', category: 'fitness' });
    expect(s().reusePlans[0].conversions).toEqual([{ candidateId: 'S3', category: 'fitness' }]);
    s().renameReusePlan(id, '北区托育');
    expect(s().reusePlans[0].name).toBe('北区托育');
    s().removeReusePlan(id);
    expect(s().reusePlans).toEqual([]);
  });

  it('keeps plans as plain data (a JSON round trip changes nothing)', () => {
    const store = createAppStore();
    store.getState().addReusePlan('A', [{ candidateId: 'S1', category: 'nursery' }]);
    const plans = store.getState().reusePlans;
    expect(JSON.parse(JSON.stringify(plans))).toEqual(plans);
  });

  it('keeps plans when the same community loads again, drops them for another community', () => {
    const store = createAppStore();
    store.getState().setCommunity(community('jinghe'));
    store.getState().addReusePlan('A', [{ candidateId: 'S1', category: 'nursery' }]);
    store.getState().setReuseWhatIf({ candidateId: 'S1', category: 'nursery' });
    store.getState().setCommunity(community('jinghe'));
    expect(store.getState().reusePlans).toHaveLength(1);
    store.getState().setCommunity(community('other'));
    expect(store.getState().reusePlans).toEqual([]);
    expect(store.getState().reuseWhatIf).toBeNull();
  });
});
