import { useMemo } from 'react';
import type { Language } from '../../i18n/translate';
import type { ChartSpec } from '../../scenarios/types';
import { chartOption, type ChartFit } from './chartOption';
import { OptionChart } from './OptionChart';

/** Font scale of charts, following the CSS breakpoints of wall screens (20 px at ≥2560, 26 px at ≥3800). */
export function chartFontScale(): number {
  const root = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return root / 16;
}

/**
 * A scenario chart from its spec. `height` is in 1080p pixels (scaled like the fonts), or 'fill' to
 * take the height of the parent; `fontScale` overrides the scale read from the root font size (the
 * large screen sets its own); `fit` adapts the chart to its box (see ChartFit).
 */
export function EChart({
  spec,
  language,
  height = 200,
  fontScale,
  fit,
}: {
  spec: ChartSpec;
  language: Language;
  height?: number | 'fill';
  fontScale?: number;
  fit?: ChartFit;
}) {
  const option = useMemo(() => chartOption(spec, language, fontScale ?? chartFontScale(), fit), [spec, language, fontScale, fit]);
  return (
    <OptionChart
      option={option}
      className="echart"
      style={{ height: height === 'fill' ? '100%' : `${height * chartFontScale()}px` }}
      testId={`chart-${spec.id}`}
      data={{ 'data-chart-kind': spec.kind }}
    />
  );
}
