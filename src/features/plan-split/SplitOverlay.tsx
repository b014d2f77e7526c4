import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { ReusePlanEffect } from '../../analysis/reuse/evaluateReusePlan';
import { rgbToCss } from '../../layers/buildingColorModes';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { candidatesOf, effectOf, todayOf } from '../reuse/reuseData';
import { useReuseFormat } from '../reuse/reuseFormat';
import { SIDE_COLORS } from './selectors';
import { TODAY } from './slice';

/** Target residents newly within their rule's walk, over every category, against today. */
const newlyCovered = (effect: ReusePlanEffect) =>
  effect.categories.reduce((sum, c) => sum + (c.gain.targetPopulationNewlyWithinThreshold ?? 0), 0);
const facilitiesAdded = (effect: ReusePlanEffect) => effect.categories.reduce((sum, c) => sum + c.facilitiesAdded, 0);

/**
 * The split line over the 3D view: dragged with a pointer or moved with the arrow keys (a slider to
 * assistive technology), each side labelled with its plan and what it adds against today. Esc or ×
 * closes the split.
 */
export function SplitOverlay() {
  const t = useTranslate();
  const store = useAppStore();
  const split = useApp((s) => s.planSplit);
  const position = useApp((s) => s.planSplitPosition);
  const plans = useApp((s) => s.reusePlans);
  const community = useApp((s) => s.community);
  const coverage = useApp((s) => s.coverage);
  const { people, n } = useReuseFormat();
  const dragging = useRef(false);
  if (!split || !community) return null;

  const side = (id: string, key: 'a' | 'b') => {
    const plan = id === TODAY ? undefined : plans.find((p) => p.id === id);
    const effect = coverage ? (plan ? effectOf(plan, coverage, candidatesOf(community)) : todayOf(coverage)) : null;
    return (
      <div className={`split-label split-${key}`} data-testid={`split-label-${key}`} data-newly={effect ? newlyCovered(effect) : ''}>
        <span className="swatch" style={{ background: rgbToCss(SIDE_COLORS[key]) }} />
        <strong>{plan ? plan.name : t('reuse.today')}</strong>
        {effect && plan && <span>{t('split.kpi', { facilities: n(facilitiesAdded(effect)), people: people(newlyCovered(effect)) })}</span>}
      </div>
    );
  };
  const move = (clientX: number) => store.getState().setPlanSplitPosition(clientX / window.innerWidth);
  const onPointerDown = (e: PointerEvent<HTMLElement>) => {
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    if (dragging.current) move(e.clientX);
  };
  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    const step = e.shiftKey ? 0.1 : 0.02;
    if (e.key === 'ArrowLeft') store.getState().setPlanSplitPosition(position - step);
    else if (e.key === 'ArrowRight') store.getState().setPlanSplitPosition(position + step);
    else if (e.key === 'Escape') store.getState().setPlanSplit(null);
    else return;
    e.preventDefault();
  };

  return (
    <div className="plan-split" style={{ left: `${position * 100}%` }} data-testid="plan-split" data-position={position.toFixed(3)}>
      <div className="split-line" />
      <div className="split-labels">
        {side(split.a, 'a')}
        {side(split.b, 'b')}
      </div>
      <div
        className="split-handle"
        role="slider"
        tabIndex={0}
        aria-label={t('split.handle')}
        aria-valuemin={5}
        aria-valuemax={95}
        aria-valuenow={Math.round(position * 100)}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (dragging.current = false)}
        onKeyDown={onKey}
        data-testid="split-handle"
      >
        ⇔
      </div>
      <button
        type="button"
        className="split-close"
        onClick={() => store.getState().setPlanSplit(null)}
        aria-label={t('split.close')}
        data-testid="split-close"
      >
        ×
      </button>
    </div>
  );
}
