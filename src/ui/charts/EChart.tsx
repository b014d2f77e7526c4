import { useEffect, useRef } from 'react';
import type { Language } from '../../i18n/translate';
import type { ChartSpec } from '../../scenarios/types';
import { chartOption } from './chartOption';

type ECharts = { setOption(option: unknown, opts?: { notMerge?: boolean }): void; resize(): void; dispose(): void; isDisposed(): boolean };

/**
 * ECharts is ~1 MB: it loads on the first chart and is shared after that. Only the parts the
 * scenario charts use are registered (bar, pie, gauge; canvas renderer).
 */
let echartsReady: Promise<{ init(el: HTMLElement, theme?: string | null, opts?: Record<string, unknown>): ECharts }> | null = null;
function loadECharts() {
  echartsReady ??= Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')]).then(
    ([core, charts, components, renderers]) => {
      core.use([
        charts.BarChart,
        charts.PieChart,
        charts.GaugeChart,
        components.GridComponent,
        components.TooltipComponent,
        components.LegendComponent,
        components.TitleComponent,
        components.MarkLineComponent,
        renderers.CanvasRenderer,
      ]);
      return core as unknown as { init(el: HTMLElement, theme?: string | null, opts?: Record<string, unknown>): ECharts };
    },
  );
  return echartsReady;
}

/** Font scale of charts, following the CSS breakpoints of wall screens (20 px at ≥2560, 26 px at ≥3800). */
export function chartFontScale(): number {
  const root = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return root / 16;
}

/** One chart; its ECharts instance is disposed on unmount, so switching scenarios leaks nothing. */
export function EChart({ spec, language, height = 200 }: { spec: ChartSpec; language: Language; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  useEffect(() => {
    let cancelled = false;
    const element = ref.current;
    void loadECharts().then((echarts) => {
      if (cancelled || !element) return;
      chart.current = echarts.init(element, null, { renderer: 'canvas' });
      chart.current.setOption(chartOption(spec, language, chartFontScale()), { notMerge: true });
    });
    const observer = new ResizeObserver(() => chart.current?.resize());
    if (element) observer.observe(element);
    return () => {
      cancelled = true;
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The instance lives as long as the element; option changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    chart.current?.setOption(chartOption(spec, language, chartFontScale()), { notMerge: true });
  }, [spec, language]);
  return <div className="echart" ref={ref} style={{ height: `${height * chartFontScale()}px` }} data-testid={`chart-${spec.id}`} data-chart-kind={spec.kind} />;
}
