import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { LocalizedText } from '../core/model/types';
import { localize, type Language } from '../i18n/translate';
import { rgbToCss } from '../layers/buildingColorModes';
import type { ChartSpec } from '../scenarios';
import { UNIT_LABELS } from '../scenarios/units';

/**
 * Report charts: a ChartSpec (the same plain data the scenario panels draw) → a print-themed ECharts
 * option (dark text on white, no animation) → an SVG string through ECharts' server-side rendering
 * (echarts.init(null, null, {renderer: 'svg', ssr: true}) + renderToSVGString, ECharts ≥ 5.3 "Server
 * Side Rendering" handbook). Vector output stays crisp at any print resolution and needs no canvas,
 * so the same code runs in Node (the CLI) and in the browser.
 */
echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

const TEXT = '#1f2933';
const MUTED = '#52606d';
const GRID = '#d9e2ec';
const SERIES = ['#2f6fae', '#e0892b', '#3c9d5d', '#c2463d'];
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

const text = (t: LocalizedText, language: Language) => localize(language, t);

export function printChartOption(spec: ChartSpec, language: Language): Record<string, unknown> {
  const isShare = spec.unit === 'share';
  const unit = isShare ? '%' : text(UNIT_LABELS[spec.unit], language);
  const show = (v: number | null) => (v === null ? null : isShare ? Math.round(v * 1000) / 10 : v);
  const horizontal = spec.kind === 'horizontal-bar';
  const categories = spec.categories.map((c) => text(c, language));
  const valueAxis = {
    type: 'value',
    ...(spec.min !== undefined ? { min: show(spec.min) } : {}),
    ...(spec.max !== undefined ? { max: show(spec.max) } : {}),
    axisLabel: { color: MUTED, fontSize: 10 },
    splitLine: { lineStyle: { color: GRID } },
  };
  const categoryAxis = {
    type: 'category',
    data: categories,
    inverse: horizontal, // first category on top, as in the tables
    axisLabel: { color: TEXT, fontSize: 10, interval: 0 },
    axisLine: { lineStyle: { color: MUTED } },
    axisTick: { show: false },
  };
  const thresholds = spec.thresholds ?? [];
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT, color: TEXT },
    title: { text: `${text(spec.title, language)}（${unit}）`, left: 0, top: 0, textStyle: { fontSize: 12, fontWeight: 600, color: TEXT } },
    legend:
      spec.series.length > 1 ? { top: 0, right: 0, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 10, color: MUTED } } : undefined,
    // ECharts 6 keeps axis labels inside the chart by default (grid.outerBoundsMode "auto"), no containLabel needed.
    grid: { left: 8, right: 36, top: 30, bottom: 8 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((series, s) => ({
      type: 'bar',
      name: text(series.name, language),
      barMaxWidth: 18,
      barGap: '10%',
      itemStyle: { color: series.color ? rgbToCss(series.color) : SERIES[s % SERIES.length] },
      label: { show: true, position: horizontal ? 'right' : 'top', fontSize: 9, color: MUTED, formatter: isShare ? '{c}%' : '{c}' },
      data: series.values.map((v, i) => {
        // A suppressed count (< 5 people) is drawn as nothing and labelled "<5", never as a number.
        const hidden = series.suppressed?.[i] === true;
        return hidden ? { value: 0, label: { show: true, formatter: '<5' } } : { value: show(v) };
      }),
      ...(s === 0 && thresholds.length
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              label: { fontSize: 9, color: TEXT, formatter: '{b}' },
              data: thresholds.map((t) => ({
                name: text(t.label, language),
                [horizontal ? 'xAxis' : 'yAxis']: show(t.value),
                lineStyle: { color: '#9a6700', type: 'dashed' },
              })),
            },
          }
        : {}),
    })),
  };
}

/** The chart as a standalone SVG string, `width` × `height` CSS pixels. */
export function renderChartSvg(spec: ChartSpec, language: Language, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(printChartOption(spec, language));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
