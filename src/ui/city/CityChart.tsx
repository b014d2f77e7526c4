import { useEffect, useRef } from 'react';

interface ChartInstance {
  setOption(option: unknown, opts?: { notMerge?: boolean }): void;
  resize(): void;
  dispose(): void;
  on(event: 'click', handler: (params: { dataIndex: number; seriesIndex: number }) => void): void;
}
type ECharts = { init(el: HTMLElement, theme?: string | null, opts?: Record<string, unknown>): ChartInstance };

/**
 * ECharts loads on the first city chart (its chunks are shared with the scenario charts). The city
 * screen also needs scatter points for the targets, so it registers its own set; registering a
 * part twice is harmless.
 */
let ready: Promise<ECharts> | null = null;
function loadECharts(): Promise<ECharts> {
  ready ??= Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')]).then(
    ([core, charts, components, renderers]) => {
      core.use([charts.BarChart, charts.ScatterChart, components.GridComponent, components.TooltipComponent, components.LegendComponent, renderers.CanvasRenderer]);
      return core as unknown as ECharts;
    },
  );
  return ready;
}

/**
 * A chart that fills its box (the box sets the size, so it reads the same at 1080p and 4K). The
 * instance is disposed on unmount; `onReady` fires once the first option is drawn.
 */
export function CityChart(props: {
  option: Record<string, unknown>;
  testId: string;
  onReady?: () => void;
  onClick?: (dataIndex: number, seriesIndex: number) => void;
}) {
  const { option, testId } = props;
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  // Latest callbacks without re-creating the chart.
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    let cancelled = false;
    const element = ref.current;
    void loadECharts().then((echarts) => {
      if (cancelled || !element) return;
      const instance = echarts.init(element, null, { renderer: 'canvas' });
      chart.current = instance;
      instance.setOption(callbacks.current.option, { notMerge: true });
      instance.on('click', (p) => callbacks.current.onClick?.(p.dataIndex, p.seriesIndex));
      element.dataset.drawn = 'true';
      callbacks.current.onReady?.();
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

  return <div className="city-chart" ref={ref} data-testid={testId} />;
}
