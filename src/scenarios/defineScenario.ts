import type { LocalizedText, LonLat } from '../core/model/types';
import type { Rgb } from '../layers/buildingColorModes';
import { frameEvidence, type FramingOptions } from './camera';
import { parseIndicators } from './indicators';
import { finaliseKpis, type KpiDraft } from './kpi';
import type { ChartSpec, ScenarioContext, ScenarioModule, ScenarioScene } from './types';

/** The parts a scenario folder writes; `defineScenario` turns them into a ScenarioModule. */
export interface ScenarioDefinition<Id extends string> {
  id: Id;
  kind?: 'scenario' | 'overlay';
  name: LocalizedText;
  shortName: LocalizedText;
  narrative: LocalizedText;
  accent: Rgb;
  /** The folder's indicators.json as imported (validated here, once, at load). */
  indicatorsJson: unknown;
  kpis(ctx: ScenarioContext): KpiDraft[];
  scene(ctx: ScenarioContext): ScenarioScene;
  charts(ctx: ScenarioContext): ChartSpec[];
  /** Points the camera frames besides the scene's highlighted buildings and facilities (e.g. plazas). */
  cameraPoints?(ctx: ScenarioContext): LonLat[];
  camera?: Partial<FramingOptions>;
}

export function defineScenario<Id extends string>(definition: ScenarioDefinition<Id>): ScenarioModule<Id> {
  const indicators = parseIndicators(definition.indicatorsJson, definition.id);
  return {
    id: definition.id,
    kind: definition.kind ?? 'scenario',
    name: definition.name,
    shortName: definition.shortName,
    narrative: definition.narrative,
    accent: definition.accent,
    indicators,
    scene: definition.scene,
    camera: (ctx) => {
      const scene = definition.scene(ctx);
      const facilityIds = new Set(scene.highlightedFacilityIds);
      const points = [
        ...(definition.cameraPoints?.(ctx) ?? []),
        ...ctx.community.facilities.filter((f) => facilityIds.has(f.id)).map((f) => f.position),
      ];
      return frameEvidence(ctx.community, scene.highlightedBuildingIds, points, definition.camera);
    },
    kpis: (ctx) => finaliseKpis(definition.kpis(ctx), indicators, ctx.community.manifest.communityType),
    charts: definition.charts,
  };
}
