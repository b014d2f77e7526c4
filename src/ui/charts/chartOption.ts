import type { LocalizedText } from '../../core/model/types';
import { rgbToCss, type Rgb } from '../../layers/buildingColorModes';
import { localize, type Language } from '../../i18n/translate';
import type { ChartSpec } from '../../scenarios/types';
import { UNIT_LABELS } from '../../scenarios/units';

/**
 * A scenario's chart spec (plain data) → an ECharts option, themed for dark command-centre screens.
 * Pure, so it is unit-tested without a canvas; `fontScale` follows the screen (1 at 1080p, ~2 at 4K).
 */

const TEXT = '#d7dee8';
const MUTED = '#8d9aab';
const GRID_LINE = 'rgba(255,255,255,0.08)';
const THRESHOLD_COLORS = ['#f2c94c', '#56ccf2'];
const DEFAULT_SERIES_COLORS = ['#4fc3f7', '#ffb74d', '#81c784', '#e57373', '#ba68c8'];
/**
 * The app's font stack (styles.css). ECharts writes it into a canvas `font` shorthand, where CSS
 * keywords such as 'inherit' are invalid: the canvas then silently keeps its default 10px sans-serif
 * and every fontSize below is lost.
 */
export const CHART_FONT_FAMILY = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', sans-serif";

const text = (t: LocalizedText, language: Language) => localize(language, t);

/** The chart's title with its unit, e.g. 住宅建成年代（幢）; pies and gauges carry the unit in their labels. */
export function chartTitle(spec: ChartSpec, language: Language): string {
  const unit = spec.unit === 'share' ? '%' : text(UNIT_LABELS[spec.unit], language);
  return spec.kind === 'pie' || spec.kind === 'gauge' ? text(spec.title, language) : `${text(spec.title, language)}（${unit}）`;
}

/** How a chart fits its box: see chartOption. */
export interface ChartFit {
  /** false: the page shows the title (as HTML, where a long one wraps instead of being cut). */
  showTitle?: boolean;
  /** For small boxes with large text: pie slices show only their share (the legend names them), bar labels slant. */
  compact?: boolean;
}

export function chartOption(
  spec: ChartSpec,
  language: Language,
  fontScale = 1,
  { showTitle = true, compact = false }: ChartFit = {},
): Record<string, unknown> {
  const fs = (px: number) => Math.round(px * fontScale);
  const unit = text(UNIT_LABELS[spec.unit], language);
  const isShare = spec.unit === 'share';
  const show = (v: number | null) => (v === null ? null : isShare ? Math.round(v * 1000) / 10 : v);
  const categories = spec.categories.map((c) => text(c, language));
  const base = {
    backgroundColor: 'transparent',
    animation: false,
    textStyle: { color: TEXT, fontSize: fs(12), fontFamily: CHART_FONT_FAMILY },
    // The unit goes into the title, so no axis name can collide with it.
    title: {
      show: showTitle,
      text: chartTitle(spec, language),
      left: 0,
      top: 0,
      textStyle: { color: TEXT, fontSize: fs(13), fontWeight: 500 },
    },
    tooltip: { trigger: spec.kind === 'pie' ? 'item' : 'axis', textStyle: { fontSize: fs(12) } },
  };

  if (spec.kind === 'gauge') {
    const shown = show(spec.series[0]?.values[0] ?? null);
    // A gauge shows one number: two decimals at most (0.55 m²/人, not 0.5532568285194183).
    const value = shown === null || isShare ? shown : Math.round(shown * 100) / 100;
    const max = spec.max !== undefined ? show(spec.max) : isShare ? 100 : 100;
    return {
      ...base,
      series: [
        {
          type: 'gauge',
          min: spec.min !== undefined ? show(spec.min) : 0,
          max,
          radius: '88%',
          center: ['50%', '62%'],
          progress: { show: true, width: fs(10) },
          axisLine: { lineStyle: { width: fs(10), color: [[1, 'rgba(255,255,255,0.12)']] } },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { color: MUTED, fontSize: fs(10), distance: fs(14) },
          pointer: { show: false },
          anchor: { show: false },
          detail: {
            valueAnimation: false,
            fontSize: fs(22),
            color: TEXT,
            offsetCenter: [0, '10%'],
            formatter: value === null ? '—' : `{value}${isShare ? '%' : ` ${unit}`}`,
          },
          title: { show: false },
          itemStyle: { color: spec.series[0]?.color ? rgbToCss(spec.series[0].color) : DEFAULT_SERIES_COLORS[0] },
          data: [{ value: value ?? 0 }],
        },
      ],
    };
  }

  if (spec.kind === 'pie') {
    const series = spec.series[0];
    return {
      ...base,
      legend: { bottom: 0, textStyle: { color: MUTED, fontSize: fs(11) }, itemWidth: fs(10), itemHeight: fs(10) },
      series: [
        {
          type: 'pie',
          radius: ['38%', '64%'],
          center: ['50%', '52%'],
          label: { color: TEXT, fontSize: fs(11), formatter: compact ? '{d}%' : '{b}: {d}%' },
          // Whole percents in compact boxes: "75%" fits beside a slice where "74.85%" is cut.
          percentPrecision: compact ? 0 : 2,
          data: categories.map((name, i) => ({
            name,
            value: series?.values[i] ?? 0,
            ...(spec.categoryColors?.[i] ? { itemStyle: { color: rgbToCss(spec.categoryColors[i]) } } : {}),
          })),
        },
      ],
    };
  }

  const horizontal = spec.kind === 'horizontal-bar';
  const valueAxis = {
    type: 'value',
    ...(spec.min !== undefined ? { min: show(spec.min) } : {}),
    ...(spec.max !== undefined ? { max: show(spec.max) } : {}),
    axisLabel: { color: MUTED, fontSize: fs(11) },
    splitLine: { lineStyle: { color: GRID_LINE } },
  };
  const slant = compact && !horizontal && categories.length > 3 ? 30 : 0;
  const categoryAxis = {
    type: 'category',
    data: categories,
    axisLabel: { color: MUTED, fontSize: fs(11), interval: 0, hideOverlap: true, rotate: slant },
    axisLine: { lineStyle: { color: GRID_LINE } },
  };
  const thresholds = spec.thresholds ?? [];
  return {
    ...base,
    legend:
      spec.series.length > 1
        ? { top: showTitle ? fs(20) : 0, right: 0, textStyle: { color: MUTED, fontSize: fs(11) }, itemWidth: fs(10), itemHeight: fs(10) }
        : undefined,
    grid: {
      left: fs(horizontal ? 90 : 40),
      right: fs(16),
      top: fs((spec.series.length > 1 ? 28 : 16) + (showTitle ? 20 : 0)),
      bottom: fs(28),
      containLabel: !horizontal,
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((series, s) => ({
      type: 'bar',
      name: text(series.name, language),
      stack: spec.kind === 'stacked-bar' ? 'total' : undefined,
      barMaxWidth: fs(28),
      itemStyle: { color: series.color ? rgbToCss(series.color) : DEFAULT_SERIES_COLORS[s % DEFAULT_SERIES_COLORS.length] },
      data: series.values.map((v, i) => {
        const colour: Rgb | undefined = spec.series.length === 1 ? spec.categoryColors?.[i] : undefined;
        // A suppressed count (< 5 people) is drawn as nothing and labelled "<5", never as a number.
        const hidden = series.suppressed?.[i] === true;
        return {
          value: hidden ? null : show(v),
          ...(colour ? { itemStyle: { color: rgbToCss(colour) } } : {}),
          ...(hidden ? { label: { show: true, formatter: '<5', color: MUTED, position: horizontal ? 'right' : 'top' } } : {}),
        };
      }),
      ...(s === 0 && thresholds.length
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              label: { color: TEXT, fontSize: fs(10), formatter: '{b}' },
              data: thresholds.map((t, k) => ({
                name: text(t.label, language),
                [horizontal ? 'xAxis' : 'yAxis']: show(t.value),
                lineStyle: { color: THRESHOLD_COLORS[k % THRESHOLD_COLORS.length], type: 'dashed', width: 1.5 },
              })),
            },
          }
        : {}),
    })),
  };
}
