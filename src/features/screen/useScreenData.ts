import { useEffect, useState } from 'react';
import type { LocalizedText } from '../../core/model/types';
import { localize } from '../../i18n/translate';
import { useApp } from '../../ui/StoreContext';
import { selectCommunityScore, selectScenarioContent, selectScenarioContext, selectScenarioModule } from '../scenarios/selectors';

/**
 * The large screen is laid out on a 3840 × 1080 design canvas and scaled by the smaller of the two
 * ratios, so 3840×2160, 3840×1080 and 7680×2160 (32:9) all fit without cutting anything. The same
 * factor is `--s` in screen.css; one design pixel is `s` CSS pixels.
 */
export const DESIGN_WIDTH = 3840;
export const DESIGN_HEIGHT = 1080;
/** The smallest text on the wall, in design pixels: 20 px at 3840 wide, readable from 5 m. */
export const MIN_TEXT_DESIGN_PX = 20;

export function screenScale(width: number, height: number): number {
  return Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT);
}

/** The scale of the window, following resizes (and the switch to full screen). */
export function useScreenScale(): number {
  const [scale, setScale] = useState(() => screenScale(window.innerWidth, window.innerHeight));
  useEffect(() => {
    const update = () => setScale(screenScale(window.innerWidth, window.innerHeight));
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return scale;
}

/** Localised text in the UI language. */
export function useText(): (text: LocalizedText) => string {
  const language = useApp((s) => s.language);
  return (text) => localize(language, text);
}

/** What every screen panel reads: the scenario context, the current scenario and the scores (memoised selectors, shared with the planner). */
export function useScreenData() {
  const language = useApp((s) => s.language);
  const ctx = useApp(selectScenarioContext);
  const module = useApp(selectScenarioModule);
  const overall = useApp(selectCommunityScore);
  const scenario = useApp(selectScenarioContent);
  return { ctx, module, overall, scenario, language };
}
