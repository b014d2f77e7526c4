import { describe, expect, it } from 'vitest';
import { cityProgressByYear, summariseDistricts } from '../../../../src/analysis/city/aggregateCity';
import { HANGZHOU_TARGETS } from '../../../../src/analysis/city/targets';
import { cumulativeChartOption, districtChartOption } from '../../../../src/features/city/cityChartOptions';
import { cityLocale } from '../../../../src/features/city/cityText';
import { boundsOf, convexHull, fitProjection, scaleBar } from '../../../../src/features/city/mapProjection';
import { tinyCity } from '../../data/city/tinyCity';

describe('city map projection', () => {
  it('fits bounds into a rectangle, centred, with x shrunk by cos(latitude)', () => {
    // 1° × 1° around 60° N: cos 60° = 0.5, so the box is half as wide as high → 100 px high, 50 px wide, centred in 200 px.
    const p = fitProjection({ west: 10, east: 11, south: 59.5, north: 60.5 }, { x: 0, y: 0, width: 200, height: 100 });
    expect(p.pixelsPerDegree).toBeCloseTo(100, 6);
    const [x0, y0] = p.project([10, 60.5]);
    const [x1, y1] = p.project([11, 59.5]);
    expect(x0).toBeCloseTo(75, 6);
    expect(x1).toBeCloseTo(125, 6);
    expect([y0, y1]).toEqual([0, 100]);
  });

  it('pads bounds and keeps a minimum span', () => {
    expect(
      boundsOf(
        [
          [120, 30],
          [121, 31],
        ],
        0.1,
      ),
    ).toEqual({ west: 119.9, east: 121.1, south: 29.9, north: 31.1 });
    const single = boundsOf([[120, 30]], 0, 0.04);
    expect(single.east - single.west).toBeCloseTo(0.04, 12);
  });

  it('hulls a square with an inner point to its four corners', () => {
    const hull = convexHull([
      [0, 0],
      [2, 0],
      [1, 1],
      [2, 2],
      [0, 2],
    ]);
    expect(hull).toHaveLength(4);
    expect(hull).not.toContainEqual([1, 1]);
  });

  it('picks a round scale bar no longer than asked: 111.195 px/° → 1 px/km, 75 px → 50 km', () => {
    expect(scaleBar(111.195, 75)).toEqual({ km: 50, pixels: 50 });
  });
});

describe('city chart options', () => {
  const city = tinyCity();
  const locale = cityLocale('zh-CN');

  it('puts a target diamond on its year and leaves years outside the chart out', () => {
    const option = cumulativeChartOption(cityProgressByYear(city), HANGZHOU_TARGETS, city.asOf, locale) as {
      series: { data: unknown[] }[];
      xAxis: { data: string[] };
    };
    // tinyCity runs 2019–2025 (dated mid-2025): the 2023 and 2025 targets are drawn, 2035 is not.
    expect(option.xAxis.data.at(-1)).toBe('2025上半年');
    expect(option.series[0].data).toEqual([1, 1, 2, 3, 4, 5, 5]);
    expect(option.series[2].data.map((d) => (d as { value: number[] }).value)).toEqual([
      [4, 300],
      [6, 500],
    ]);
    expect(option.series[3].data.map((d) => (d as { value: number[] }).value)).toEqual([[4, 100]]);
  });

  it('stacks districts by status, first district on top', () => {
    const option = districtChartOption(summariseDistricts(city), locale) as {
      yAxis: { data: string[] };
      series: { name: string; data: number[] }[];
    };
    expect(option.yAxis.data).toEqual(['乙区', '甲区']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['创建', [0, 1]],
      ['在建', [1, 1]],
      ['已验收', [1, 1]],
    ]);
  });
});
