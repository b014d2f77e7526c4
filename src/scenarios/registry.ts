import { architecture } from './architecture';
import { education } from './education';
import { entrepreneurship } from './entrepreneurship';
import { governance } from './governance';
import { health } from './health';
import { lowCarbon } from './low-carbon';
import { neighbourhood } from './neighbourhood';
import { partyBuilding } from './party-building';
import { propertyService } from './property-service';
import { transport } from './transport';
import type { ScenarioModule } from './types';

/**
 * The scenarios, in the order of the scenario bar (the nine of 浙江省未来社区 "139", then 一统).
 * Adding one: a folder with index.ts / kpis.ts / indicators.json, and one line here.
 */
export const SCENARIOS = [
  neighbourhood,
  education,
  health,
  entrepreneurship,
  architecture,
  transport,
  lowCarbon,
  propertyService,
  governance,
  partyBuilding,
] as const;

/** The stable URL ids: neighbourhood, education, health, … party-building. */
export type ScenarioId = (typeof SCENARIOS)[number]['id'];

export const SCENARIO_IDS: readonly ScenarioId[] = SCENARIOS.map((s) => s.id);

export function isScenarioId(value: unknown): value is ScenarioId {
  return (SCENARIO_IDS as readonly unknown[]).includes(value);
}

/** `?scenario=health` → 'health'; anything else (absent, misspelt, other case) → undefined. */
export function parseScenarioId(value: string | null | undefined): ScenarioId | undefined {
  return isScenarioId(value) ? value : undefined;
}

export function getScenario(id: ScenarioId): ScenarioModule<ScenarioId> {
  return SCENARIOS.find((s) => s.id === id)!;
}
