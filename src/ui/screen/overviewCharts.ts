import type { Rgb } from '../../layers/buildingColorModes';
import { getScenario, parseScenarioId } from '../../scenarios/registry';
import type { CommunityScore, IndicatorOutcome } from '../../scenarios/scoring';
import type { ChartSpec } from '../../scenarios/types';

const OUTCOMES: { outcomes: IndicatorOutcome[]; label: { zh: string; en: string }; color: Rgb }[] = [
  { outcomes: ['pass'], label: { zh: '达标', en: 'Met' }, color: [76, 175, 80] },
  { outcomes: ['fail'], label: { zh: '未达标', en: 'Not met' }, color: [229, 115, 115] },
  { outcomes: ['pending'], label: { zh: '计算中', en: 'Computing' }, color: [96, 125, 139] },
  { outcomes: ['not-applicable', 'not-required'], label: { zh: '不适用/不要求', en: 'Not applicable' }, color: [84, 110, 122] },
];

/**
 * Charts of the overview (no scenario chosen): how the indicators of all scenarios fare, and the
 * share of indicators each scenario meets — which is its score (scenarios/scoring). Plain
 * ChartSpecs, like the scenarios' own, so the same ECharts theme draws them.
 */
export function overviewCharts(score: CommunityScore): ChartSpec[] {
  const assessments = score.scenarios.flatMap((s) => s.assessments);
  const outcomes = OUTCOMES.filter((o) => assessments.some((a) => o.outcomes.includes(a.outcome)));
  // Bars are drawn from the bottom up: reversed, the first scenario of the bar stands on top.
  const scenarios = [...score.scenarios].reverse();
  const modules = scenarios.map((s) => getScenario(parseScenarioId(s.scenarioId)!));
  return [
    {
      id: 'overview-outcomes',
      kind: 'pie',
      title: { zh: '全部指标达标情况（项）', en: 'All indicators, met or not' },
      unit: 'count',
      categories: outcomes.map((o) => o.label),
      categoryColors: outcomes.map((o) => o.color),
      series: [{ name: { zh: '指标', en: 'Indicators' }, values: outcomes.map((o) => assessments.filter((a) => o.outcomes.includes(a.outcome)).length) }],
    },
    {
      id: 'overview-scenarios',
      kind: 'horizontal-bar',
      title: { zh: '各场景指标达标率', en: 'Indicators met per scenario' },
      unit: 'share',
      categories: modules.map((m) => m.shortName),
      categoryColors: modules.map((m) => m.accent),
      series: [{ name: { zh: '达标率', en: 'Met' }, values: scenarios.map((s) => (s.score === null ? null : s.score / 100)) }],
      min: 0,
      max: 1,
    },
  ];
}
