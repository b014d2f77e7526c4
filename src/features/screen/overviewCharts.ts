import type { LocalizedText } from '../../core/model/types';
import { bilingual } from '../../i18n/translate';
import type { Rgb } from '../../layers/buildingColorModes';
import { SCENARIOS } from '../../scenarios/registry';
import type { CommunityScore, IndicatorOutcome } from '../../scenarios/scoring';
import type { ChartSpec } from '../../scenarios/types';

const OUTCOMES: { outcomes: IndicatorOutcome[]; label: LocalizedText; color: Rgb }[] = [
  { outcomes: ['pass'], label: bilingual('screen.chart.met'), color: [76, 175, 80] },
  { outcomes: ['fail'], label: bilingual('screen.chart.notMet'), color: [229, 115, 115] },
  { outcomes: ['pending'], label: bilingual('screen.chart.pending'), color: [96, 125, 139] },
  { outcomes: ['not-applicable', 'not-required'], label: bilingual('screen.chart.notApplicable'), color: [84, 110, 122] },
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
  const scenarios = [...score.scenarios].reverse().filter((s) => SCENARIOS.some((m) => m.id === s.scenarioId));
  const modules = scenarios.map((s) => SCENARIOS.find((m) => m.id === s.scenarioId)!);
  return [
    {
      id: 'overview-outcomes',
      kind: 'pie',
      title: bilingual('screen.chart.outcomes'),
      unit: 'count',
      categories: outcomes.map((o) => o.label),
      categoryColors: outcomes.map((o) => o.color),
      series: [
        {
          name: bilingual('screen.chart.indicators'),
          values: outcomes.map((o) => assessments.filter((a) => o.outcomes.includes(a.outcome)).length),
        },
      ],
    },
    {
      id: 'overview-scenarios',
      kind: 'horizontal-bar',
      title: bilingual('screen.chart.perScenario'),
      unit: 'share',
      categories: modules.map((m) => m.shortName),
      categoryColors: modules.map((m) => m.accent),
      series: [{ name: bilingual('screen.chart.metShare'), values: scenarios.map((s) => (s.score === null ? null : s.score / 100)) }],
      min: 0,
      max: 1,
    },
  ];
}
