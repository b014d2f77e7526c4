import { afterEach, describe, expect, it, vi } from 'vitest';
import { selectScenarioColoring, selectScenarioScene } from '../../../../src/features/scenarios/selectors';
import { selectBuildingColors, selectColorModeShown } from '../../../../src/features/view/selectors';
import { getScenario } from '../../../../src/scenarios/registry';
import { createAppStore } from '../../../../src/stores/appStore';
import { tinyCommunity, tinyContext } from '../../scenarios/tinyCommunity';

afterEach(() => vi.restoreAllMocks());

describe('scenario slice', () => {
  it('shows a scenario in one store update: its layers, service category, colouring and a camera flight', () => {
    const store = createAppStore();
    store.getState().setCommunity(tinyCommunity());
    const updates = vi.fn();
    store.subscribe(updates);
    store.getState().setScenario('health');
    expect(updates).toHaveBeenCalledTimes(1);
    const s = store.getState();
    expect(s.scenarioId).toBe('health');
    // health.scene: facilities, reach bands and routes on; elderly day care; coloured by the scenario
    // (by share aged 60+ until the service circles are in).
    expect([s.layers.facilities, s.layers.serviceReach, s.layers.route]).toEqual([true, true, true]);
    expect(s.serviceCategory).toBe('elderly-care');
    expect(s.buildingColoring).toBe('scenario');
    expect(s.colorMode).toBe('elderlyShare');
    expect(s.cameraRequest?.seq).toBe(1);
  });

  it('computes a scenario’s scene once per switch, however many readers there are', () => {
    const health = getScenario('health');
    const scene = vi.spyOn(health, 'scene');
    const store = createAppStore();
    store.getState().setCommunity(tinyCommunity());
    store.getState().setScenario('health');
    const s = store.getState();
    selectScenarioScene(s);
    selectScenarioColoring(s);
    selectBuildingColors(s);
    expect(scene).toHaveBeenCalledTimes(1);
  });

  it('a colour mode chosen by hand replaces the scenario’s own colouring, which returns with the next switch', () => {
    const store = createAppStore();
    store.getState().setCommunity(tinyCommunity());
    store.getState().setScenario('architecture');
    const custom = selectScenarioColoring(store.getState());
    expect(custom?.kind).toBe('custom');
    expect(selectBuildingColors(store.getState())).toBe(custom!.colors);
    store.getState().setColorMode('floors');
    expect(selectScenarioColoring(store.getState())).toBeNull();
    expect(store.getState().scenarioId).toBe('architecture');
    expect(selectBuildingColors(store.getState())).not.toBe(custom!.colors);
    store.getState().setScenario('governance');
    expect(selectScenarioColoring(store.getState())?.kind).toBe('custom');
  });

  it('follows the scene as the data changes: health recolours by services reached when the circles arrive', () => {
    const store = createAppStore();
    const community = tinyCommunity();
    store.getState().setCommunity(community);
    store.getState().setScenario('health');
    const before = selectBuildingColors(store.getState());
    expect(selectScenarioColoring(store.getState())).toBeNull();
    store.getState().finishAnalysis(tinyContext(community, { coverage: true }).coverage!, []);
    expect(selectScenarioColoring(store.getState())?.kind).toBe('custom');
    expect(selectBuildingColors(store.getState())).not.toBe(before);
  });

  it('a scenario with a colour mode sets that mode; the overview keeps the mode and drops any scenario colouring', () => {
    const store = createAppStore();
    store.getState().setCommunity(tinyCommunity());
    store.getState().setScenario('transport');
    expect(store.getState().colorMode).toBe('walkTime');
    expect(selectColorModeShown(store.getState())).toBe('walkTime');
    store.getState().setScenario('architecture');
    store.getState().setScenario(null);
    expect(selectScenarioColoring(store.getState())).toBeNull();
  });

  it('a scenario chosen before the package arrives is shown when the community loads', () => {
    const store = createAppStore({ scenarioId: 'health' });
    expect(store.getState().sidePanelTab).toBe('scenario');
    expect(store.getState().cameraRequest).toBeNull();
    store.getState().setCommunity(tinyCommunity());
    expect(store.getState().serviceCategory).toBe('elderly-care');
    expect(store.getState().cameraRequest?.seq).toBe(1);
  });

  it('the same scenario again changes nothing (no new flight)', () => {
    const store = createAppStore();
    store.getState().setCommunity(tinyCommunity());
    store.getState().setScenario('health');
    const { cameraRequest, layers } = store.getState();
    store.getState().setScenario('health');
    expect(store.getState().cameraRequest).toBe(cameraRequest);
    expect(store.getState().layers).toBe(layers);
  });
});
