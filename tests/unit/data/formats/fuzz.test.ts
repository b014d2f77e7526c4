import { describe, expect, it } from 'vitest';
import { runBudgeted, type Budget } from '../../support/budgetedRun';
import { CASES_PER_FORMAT, fuzzCases, type FuzzCase } from '../../support/fuzz/cases';

/**
 * The import fuzz suite: 330 malformed inputs across every format (GeoJSON, CSV, shapefile, CityJSON,
 * zips of them, URL imports with tilesets and pages, glTF models), regenerated from the seed on every
 * run, each run in a budgeted worker (support/budgetedRun.ts) and checked by support/fuzz/fuzzTarget.ts:
 * a result or a named error for every file, never a hang, a crash, an unforeseen error or a lost batch.
 * FUZZ_SEED=<n> runs another seed (a failure names its case number and what was broken).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_2026);
/** Per case: time and peak-memory growth allowed, and when a case counts as hung and is stopped. */
const BUDGET: Budget = { ms: 2000, rssMb: 200, hangMs: 20_000 };

describe(`import fuzz suite (seed ${SEED})`, () => {
  const cases = fuzzCases(SEED);

  it('has at least 300 cases, of every format', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(Object.values(CASES_PER_FORMAT).every((n) => n > 0)).toBe(true);
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(['files', 'url', 'model']));
  });

  it('gives a result or a named error for every case, within its time and memory budget', async () => {
    const outcomes = await runBudgeted<FuzzCase, { violations: string[]; outcome: string }>(
      './tests/unit/support/fuzz/fuzzTarget.ts',
      'runFuzzCase',
      cases,
      BUDGET,
    );
    const problems = outcomes.flatMap((outcome, i) => {
      const label = `case ${i} (${cases[i].name})`;
      if (outcome.status !== 'done') return [`${label}: ${outcome.status} — ${outcome.error.slice(0, 300)}`];
      const over =
        outcome.ms > BUDGET.ms || outcome.rssGrowthMb > BUDGET.rssMb
          ? [`${label}: ${Math.round(outcome.ms)} ms, +${Math.round(outcome.rssGrowthMb)} MB`]
          : [];
      return [...over, ...outcome.value.violations.slice(0, 3).map((v) => `${label}: ${v}`)];
    });
    const slowest = outcomes
      .map((o, i) => [Math.round(o.ms), i] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 3);
    const tally = new Map<string, number>();
    for (const o of outcomes) if (o.status === 'done') tally.set(o.value.outcome, (tally.get(o.value.outcome) ?? 0) + 1);
    console.log(`fuzz: ${outcomes.length} cases; slowest ${slowest.map(([ms, i]) => `#${i} ${ms} ms`).join(', ')}`);
    console.log([...tally].map(([k, n]) => `  ${n} × ${k}`).join('\n'));
    expect(problems).toEqual([]);
  }, 600_000);
});
