import { useEffect, useRef, type CSSProperties } from 'react';

interface ChartInstance {
  setOption(option: unknown, opts?: { notMerge?: boolean }): void;
  resize(): void;
  dispose(): void;
  on(event: 'click', handler: (params: { dataIndex: number; seriesIndex: number }) => void): void;
}
type ECharts = { init(el: HTMLElement, theme?: string | null, opts?: Record<string, unknown>): ChartInstance };

/**
 * ECharts is ~1 MB: it loads on the first chart of any screen and is shared after that. Only the
 * parts our charts use are registered (bar, pie, gauge, scatter; canvas renderer).
 */
let ready: Promise<ECharts> | null = null;
function loadECharts(): Promise<ECharts> {
  ready ??= Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')]).then(
    ([core, charts, components, renderers]) => {
      core.use([
        charts.BarChart,
        charts.PieChart,
        charts.GaugeChart,
        charts.ScatterChart,
        components.GridComponent,
        components.TooltipComponent,
        components.LegendComponent,
        components.TitleComponent,
        components.MarkLineComponent,
        renderers.CanvasRenderer,
      ]);
      return core as unknown as ECharts;
    },
  );
  return ready;
}

/**
 * One ECharts chart of a ready-made option. The instance lives as long as the element and is
 * disposed on unmount (so switching screens a thousand times leaks nothing); option changes are
 * applied in place. `onReady` fires once the first option is drawn.
 */
export function OptionChart(props: {
  option: Record<string, unknown>;
  testId: string;
  className?: string;
  style?: CSSProperties;
  /** Extra data attributes for tests, e.g. { 'data-chart-kind': 'bar' }. */
  data?: Record<`data-${string}`, string>;
  onReady?: () => void;
  onClick?: (dataIndex: number, seriesIndex: number) => void;
}) {
  const { option, testId, className, style, data } = props;
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  // Latest option and callbacks without re-creating the chart.
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let cancelled = false;
    const element = ref.current;
    void loadECharts().then((echarts) => {
      if (cancelled || !element) return;
      const instance = echarts.init(element, null, { renderer: 'canvas' });
      chart.current = instance;
      instance.setOption(latest.current.option, { notMerge: true });
      instance.on('click', (p) => latest.current.onClick?.(p.dataIndex, p.seriesIndex));
      element.dataset.drawn = 'true';
      latest.current.onReady?.();
    });
    const observer = new ResizeObserver(() => chart.current?.resize());
    if (element) observer.observe(element);
    return () => {
      cancelled = true;
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div className={className} style={style} ref={ref} data-testid={testId} {...data} />;
}
