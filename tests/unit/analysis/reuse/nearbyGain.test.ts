import { describe, expect, it } from 'vitest';
import { buildEdgeGridIndex } from '../../../../src/analysis/network/edgeIndex';
import { createShortestPathWorkspace } from '../../../../src/analysis/network/shortestPaths';
import { evaluateReuseOption } from '../../../../src/analysis/reuse/evaluateReuseOption';
import { nearbyGain, nearbyGainNetwork } from '../../../../src/analysis/reuse/nearbyGain';
import { walkFromPoint } from '../../../../src/analysis/reuse/walkFromPoint';
import { groupPointsByEdge } from '../../../../src/analysis/service-circles/capacity';
import { createRandom } from '../../../../src/core/random';
import { sampleWithBaseCoverage } from './reuseFixtures';

describe('a candidate’s gain from the buildings near it only', () => {
  it('equals evaluateReuseOption reading every building for 40 places × every category of the sample', async () => {
    const { base } = await sampleWithBaseCoverage();
    const network = nearbyGainNetwork(
      base.graph,
      base.buildings,
      groupPointsByEdge(base.graph.edgeCount, base.buildings),
      buildEdgeGridIndex(base.graph),
      createShortestPathWorkspace(base.graph.nodeCount),
    );
    const lon = base.graph.nodeLonLat.filter((_, i) => i % 2 === 0);
    const lat = base.graph.nodeLonLat.filter((_, i) => i % 2 === 1);
    const random = createRandom(11);
    let gains = 0;
    for (let i = 0; i < 40; i++) {
      const position: [number, number] = [
        random.range(Math.min(...lon), Math.max(...lon)),
        random.range(Math.min(...lat), Math.max(...lat)),
      ];
      // The reference: a walk from the place to every building of the network, every building read.
      const walk = walkFromPoint(base, position);
      for (const c of base.categories) {
        const full = evaluateReuseOption(base, { position, category: c.category }, { walk });
        const near = nearbyGain(network, position, {
          baseWalkMeters: c.walkDistanceMeters,
          thresholdMeters: c.rule.maxDistanceMeters,
          ...(base.population[c.rule.targetPopulation] ? { targetPopulation: base.population[c.rule.targetPopulation] } : {}),
          countedBuildings: base.countedBuildings,
        });
        expect(near.attached).toBe(full.attached);
        expect(near.buildingsNewlyWithinThreshold, `${c.category} at ${position.join(',')}`).toBe(full.buildingsNewlyWithinThreshold);
        expect(near.targetPopulationNewlyWithinThreshold).toBe(full.targetPopulationNewlyWithinThreshold);
        if (near.buildingsNewlyWithinThreshold > 0) gains++;
        // It searched only the neighbourhood, not the whole network.
        expect(near.relaxations).toBeLessThanOrEqual(full.relaxations || Infinity);
      }
    }
    expect(gains).toBeGreaterThan(20);
  }, 60_000);
});
