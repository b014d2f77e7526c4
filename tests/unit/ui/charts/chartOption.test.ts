import { describe, expect, it } from 'vitest';
import { CHART_FONT_FAMILY, chartOption, chartTitle } from '../../../../src/ui/charts/chartOption';
import type { ChartSpec } from '../../../../src/scenarios/types';

const gauge: ChartSpec = {
  id: 'g',
  kind: 'gauge',
  title: { zh: '人均公共活动空间', en: 'Public space per resident' },
  unit: 'm2-per-person',
  categories: [{ zh: '人均', en: 'Per resident' }],
  series: [{ name: { zh: '人均', en: 'Per resident' }, values: [0.5532568285194183] }],
  min: 0,
  max: 1,
};
const pie: ChartSpec = {
  id: 'p',
  kind: 'pie',
  title: { zh: '建筑结构', en: 'Structure' },
  unit: 'buildings',
  categories: [
    { zh: '砖混', en: 'Brick-concrete' },
    { zh: '钢筋混凝土', en: 'Reinforced concrete' },
  ],
  series: [{ name: { zh: '幢', en: 'Buildings' }, values: [150, 50] }],
};
const bars: ChartSpec = {
  id: 'b',
  kind: 'bar',
  title: { zh: '住宅建成年代', en: 'Homes by decade' },
  unit: 'buildings',
  categories: ['1980年前', '1980年代', '1990年代', '2000年代', '2010年后'].map((zh) => ({ zh, en: zh })),
  series: [{ name: { zh: '幢', en: 'Buildings' }, values: [54, 50, 8, 0, 0] }],
};

type Option = {
  textStyle: { fontFamily: string };
  title: { show: boolean; text: string };
  series: { detail?: { formatter: string }; data: ({ value: number } | number)[]; label?: { formatter: string } }[];
  xAxis?: { axisLabel: { rotate: number } };
};
const option = (...args: Parameters<typeof chartOption>) => chartOption(...args) as unknown as Option;

describe('chart options', () => {
  it('name a real font family: a CSS keyword would void the canvas font and every size with it', () => {
    expect(option(bars, 'zh-CN').textStyle.fontFamily).toBe(CHART_FONT_FAMILY);
    expect(CHART_FONT_FAMILY).not.toMatch(/\b(inherit|initial|unset)\b/);
  });

  it('round a gauge value to two decimals (0.5532… m²/人 → 0.55)', () => {
    expect(option(gauge, 'zh-CN').series[0].data).toEqual([{ value: 0.55 }]);
  });

  it('leave the title to the page when asked, with the same text the chart would draw', () => {
    expect(option(bars, 'zh-CN').title).toMatchObject({ show: true, text: '住宅建成年代（幢）' });
    expect(option(bars, 'zh-CN', 2, { showTitle: false }).title.show).toBe(false);
    expect(chartTitle(bars, 'zh-CN')).toBe('住宅建成年代（幢）');
    expect(chartTitle(pie, 'en')).toBe('Structure');
  });

  it('in compact boxes, label pie slices with their share only and slant five bar labels', () => {
    expect(option(pie, 'zh-CN').series[0].label!.formatter).toBe('{b}: {d}%');
    expect(option(pie, 'zh-CN', 2, { compact: true }).series[0].label!.formatter).toBe('{d}%');
    expect(option(bars, 'zh-CN').xAxis!.axisLabel.rotate).toBe(0);
    expect(option(bars, 'zh-CN', 2, { compact: true }).xAxis!.axisLabel.rotate).toBe(30);
  });
});
