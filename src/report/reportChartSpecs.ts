import type { LocalizedText } from '../core/model/types';
import { translate } from '../i18n/translate';
import type { ChartSpec } from '../scenarios';
import type { AcceptanceSection, BasicInformation, CoverageSection, ScenarioSection } from './reportModel';

/** The report's charts as ChartSpecs (plain data, like the scenario charts); drawn by reportCharts.ts. */

const both = (key: string): LocalizedText => ({ zh: translate('zh-CN', key), en: translate('en', key) });

export function ageBandChart(basics: BasicInformation): ChartSpec {
  return {
    id: 'age-bands',
    kind: 'bar',
    title: both('report.chart.ageBands'),
    unit: 'persons',
    categories: basics.residentsByAgeBand.map((r) => ({ zh: r.key, en: r.key })),
    series: [
      {
        name: both('report.basics.residents'),
        values: basics.residentsByAgeBand.map((r) => (r.count.suppressed ? null : r.count.value)),
        suppressed: basics.residentsByAgeBand.map((r) => r.count.suppressed),
        color: [47, 111, 174],
      },
    ],
  };
}

export function coverageChart(section: CoverageSection): ChartSpec {
  return {
    id: 'coverage',
    kind: 'horizontal-bar',
    title: both('report.chart.coverage'),
    unit: 'share',
    categories: section.rows.map((r) => both(`facility.${r.category}`)),
    series: [
      { name: both('report.coverage.within5'), values: section.rows.map((r) => r.shareWithin5Min), color: [60, 157, 93] },
      { name: both('report.coverage.within15'), values: section.rows.map((r) => r.shareWithin15Min), color: [47, 111, 174] },
    ],
    min: 0,
    max: 1,
  };
}

export function scenarioScoreChart(sections: readonly ScenarioSection[]): ChartSpec {
  return {
    id: 'scenario-scores',
    kind: 'horizontal-bar',
    title: both('report.chart.scenarioScores'),
    unit: 'share',
    categories: sections.map((s) => s.name),
    series: [
      {
        name: both('report.scenarios.score'),
        values: sections.map((s) => (s.score === null ? null : s.score / 100)),
        color: [47, 111, 174],
      },
    ],
    min: 0,
    max: 1,
  };
}

export function dimensionChart(acceptance: Pick<AcceptanceSection, 'dimensions'>): ChartSpec {
  return {
    id: 'dimensions',
    kind: 'bar',
    title: both('report.chart.dimensions'),
    unit: 'share',
    categories: acceptance.dimensions.map((d) => d.name),
    series: [
      {
        name: both('report.acceptance.score'),
        values: acceptance.dimensions.map((d) => (d.score === null ? null : d.score / 100)),
        color: [224, 137, 43],
      },
    ],
    min: 0,
    max: 1,
  };
}
