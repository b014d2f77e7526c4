/**
 * ECharts options of the city progress screen, as pure functions of the aggregates (unit-testable
 * without a canvas). Dark theme as in charts/chartOption.ts; `fontScale` follows the screen.
 */
import type { DistrictSummary, YearProgress } from '../../analysis/city/aggregateCity';
import type { ProgressTarget } from '../../analysis/city/targets';
import { CITY_STATUSES } from '../../data/city/cityDataset';
import { STATUS_COLORS, TARGET_COLOR, type CityLocale } from './cityText';

const TEXT = '#d7dee8';
const MUTED = '#8d9aab';
const GRID_LINE = 'rgba(255,255,255,0.08)';

/** Size and font of chart text; the family must be a real font list, as a canvas does not understand 'inherit'. */
export interface ChartText {
  /** 1 at 14–16 px root fonts, ≈ 1.6 at 4K (the root font size ÷ 16). */
  fontScale: number;
  fontFamily: string;
}

const DEFAULT_TEXT: ChartText = { fontScale: 1, fontFamily: 'sans-serif' };

function base({ fontScale, fontFamily }: ChartText) {
  const fs = (px: number) => Math.round(px * fontScale);
  return {
    fs,
    option: {
      backgroundColor: 'transparent',
      animation: false,
      textStyle: { color: TEXT, fontSize: fs(12), fontFamily },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize: fs(12) } },
      legend: { top: 0, left: 0, textStyle: { color: MUTED, fontSize: fs(12) }, itemWidth: fs(12), itemHeight: fs(10), itemGap: fs(14) },
    },
  };
}

/**
 * Cumulative created and accepted communities per year as bars, with the creation targets
 * (300 by 2023, about 500 by 2025) and the building target (100 by 2023) as marked points.
 */
export function cumulativeChartOption(
  rows: readonly YearProgress[],
  targets: readonly ProgressTarget[],
  asOf: string,
  locale: CityLocale,
  chartText: ChartText = DEFAULT_TEXT,
): Record<string, unknown> {
  const { fs, option } = base(chartText);
  const { t } = locale;
  const lastYear = Number(asOf.slice(0, 4));
  const partial = !asOf.endsWith('-12-31');
  const years = rows.map((r) => (r.year === lastYear && partial ? t('city.chart.yearSoFar', { year: r.year }) : String(r.year)));
  const indexOf = (year: number) => rows.findIndex((r) => r.year === year);
  const createdTargets = targets.filter((tg) => tg.created !== null && indexOf(tg.year) >= 0);
  const builtTargets = targets.filter((tg) => tg.built !== null && indexOf(tg.year) >= 0);
  // Fixed bar widths, so each target diamond can sit on the top of its own bar: the creation target on the
  // created bar (label to the left, where the lower bars of the year before leave room), the building
  // target on the accepted bar (label above it). Bar values go above the bars.
  const barWidth = fs(18);
  const barOffset = (barWidth * 1.2) / 2; // half of a bar plus half of the 20 % gap
  const targetLabel = (text: string, size: number, position: 'left' | 'top') => ({
    show: true,
    formatter: text,
    position,
    distance: fs(5),
    color: TARGET_COLOR,
    fontSize: fs(size),
    fontWeight: 600,
    backgroundColor: 'rgba(8,14,22,0.85)',
    padding: [fs(1), fs(3)],
    borderRadius: fs(2),
  });
  return {
    ...option,
    grid: { left: fs(8), right: fs(12), top: fs(34), bottom: fs(4), containLabel: true },
    xAxis: {
      type: 'category',
      data: years,
      axisLabel: { color: MUTED, fontSize: fs(11), interval: 0 },
      axisLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: { type: 'value', axisLabel: { color: MUTED, fontSize: fs(11) }, splitLine: { lineStyle: { color: GRID_LINE } } },
    series: [
      {
        type: 'bar',
        name: t('city.chart.cumulativeCreated'),
        barGap: '20%',
        barWidth,
        itemStyle: { color: '#4fc3f7' },
        label: { show: true, position: 'top', color: TEXT, fontSize: fs(10), distance: fs(2) },
        data: rows.map((r) => r.cumulativeCreated),
      },
      {
        type: 'bar',
        name: t('city.chart.cumulativeAccepted'),
        barWidth,
        itemStyle: { color: STATUS_COLORS.accepted },
        data: rows.map((r) => r.cumulativeAccepted),
      },
      {
        type: 'scatter',
        name: t('city.chart.targetCreated'),
        symbol: 'diamond',
        symbolSize: fs(14),
        symbolOffset: [-barOffset, 0],
        itemStyle: { color: TARGET_COLOR, borderColor: '#1a0a10', borderWidth: 1 },
        z: 5,
        data: createdTargets.map((tg) => ({
          value: [indexOf(tg.year), tg.created],
          label: { ...targetLabel(`${tg.qualifier === 'about' ? '≈' : '≥'}${tg.created}`, 11, 'left'), offset: [-barOffset, 0] },
        })),
      },
      {
        type: 'scatter',
        name: t('city.chart.targetBuilt'),
        symbol: 'diamond',
        symbolSize: fs(12),
        symbolOffset: [barOffset, 0],
        itemStyle: { color: 'rgba(8,14,22,0.6)', borderColor: TARGET_COLOR, borderWidth: Math.max(1, fs(2)) },
        z: 5,
        data: builtTargets.map((tg) => ({
          value: [indexOf(tg.year), tg.built],
          label: { ...targetLabel(`${tg.built}`, 10, 'top'), offset: [barOffset, 0] },
        })),
      },
    ],
  };
}

/** Communities per district as horizontal bars stacked by status, first district at the top. */
export function districtChartOption(
  districts: readonly DistrictSummary[],
  locale: CityLocale,
  chartText: ChartText = DEFAULT_TEXT,
): Record<string, unknown> {
  const { fs, option } = base(chartText);
  const { t, text } = locale;
  const ordered = [...districts].reverse();
  return {
    ...option,
    grid: { left: fs(8), right: fs(30), top: fs(30), bottom: fs(2), containLabel: true },
    xAxis: { type: 'value', axisLabel: { color: MUTED, fontSize: fs(11) }, splitLine: { lineStyle: { color: GRID_LINE } } },
    yAxis: {
      type: 'category',
      data: ordered.map((d) => text(d.district.name)),
      axisLabel: { color: TEXT, fontSize: fs(11), interval: 0 },
      axisLine: { lineStyle: { color: GRID_LINE } },
      axisTick: { show: false },
    },
    series: CITY_STATUSES.map((status, s) => ({
      type: 'bar',
      name: t(`city.status.${status}`),
      stack: 'status',
      barMaxWidth: fs(16),
      itemStyle: { color: STATUS_COLORS[status] },
      data: ordered.map((d) => d.counts[status]),
      // The total at the end of each stack.
      ...(s === CITY_STATUSES.length - 1
        ? {
            label: {
              show: true,
              position: 'right',
              color: MUTED,
              fontSize: fs(10),
              formatter: (p: { dataIndex: number }) => String(ordered[p.dataIndex].counts.total),
            },
          }
        : {}),
    })),
  };
}
