import type { Kpi, ScenarioContext, ScenarioModule } from '../../../src/scenarios/types';

/** The KPI of a module by id (fails the test when absent). */
export function kpiOf(module: ScenarioModule, ctx: ScenarioContext, id: string): Kpi {
  const kpi = module.kpis(ctx).find((k) => k.id === id);
  if (!kpi) throw new Error(`${module.id} has no KPI "${id}"`);
  return kpi;
}

/** Values of all KPIs of a module, by id. */
export function kpiValues(module: ScenarioModule, ctx: ScenarioContext): Record<string, number | null> {
  return Object.fromEntries(module.kpis(ctx).map((k) => [k.id, k.value]));
}
