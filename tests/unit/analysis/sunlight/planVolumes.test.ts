import { describe, expect, it } from 'vitest';
import { analyzeSunlight } from '../../../../src/analysis/sunlight/analyzeSunlight';
import {
  dropsByBuilding,
  NEW_BUILD_STOREY_METERS,
  newBuildVolumeId,
  planSunlightVolumes,
} from '../../../../src/analysis/sunlight/planVolumes';
import { sunlightPreset } from '../../../../src/analysis/sunlight/sunlightRules';
import { addedFloorsVolume, compareSunlight, elevatorShaftVolumes } from '../../../../src/analysis/sunlight/whatIf';
import { summariseBuildings } from '../../../../src/data/community/buildingSummaries';
import { loadSampleCommunity } from '../../support/samplePackage';

const community = await loadSampleCommunity();
const building = (id: string) => community.buildings.find((b) => b.id === id)!;

describe('a reuse plan → the sunlight what-if input', () => {
  it('a plan of floors added to 55幢 gives the raised building, and only it changes', () => {
    const b = building('JH-B095');
    expect(b.name).toBe('55幢');
    const { volumes, changed } = planSunlightVolumes(community, {
      conversions: [],
      additions: [{ buildingId: 'JH-B095', change: { kind: 'floors', floors: 2 } }],
    });
    expect(volumes).toEqual([addedFloorsVolume(b, 2)]);
    expect(volumes[0].heightMeters).toBeCloseTo(b.heightMeters + (2 * b.heightMeters) / b.floors, 9);
    expect(changed).toEqual(['JH-B095']);
  });

  it('floors and elevators on one building: the shafts stand 1.5 m above the raised roof', () => {
    const b = building('JH-B095');
    const { volumes } = planSunlightVolumes(community, {
      conversions: [],
      additions: [
        { buildingId: b.id, change: { kind: 'elevator' } },
        { buildingId: b.id, change: { kind: 'floors', floors: 1 } },
      ],
    });
    const raised = addedFloorsVolume(b, 1).heightMeters;
    const shafts = elevatorShaftVolumes(b);
    expect(volumes.map((v) => v.id)).toEqual([b.id, ...shafts.map((s) => s.id)]);
    expect(volumes.slice(1).every((v) => Math.abs(v.heightMeters - (raised + 1.5)) < 1e-9)).toBe(true);
  });

  it('converting a plot builds a new volume on it (its storeys, or one); converting idle property builds nothing', () => {
    const plots = community.reuse.filter((r) => r.kind !== 'idle-property' && r.buildingId === undefined);
    const idle = community.reuse.filter((r) => r.kind === 'idle-property');
    expect(plots.length).toBeGreaterThan(0);
    expect(idle.length).toBeGreaterThan(0);
    const { volumes, changed } = planSunlightVolumes(community, {
      // The same plot twice (two categories) is one building.
      conversions: [...plots, plots[0], ...idle].map((r) => ({ candidateId: r.id })),
    });
    expect(volumes.map((v) => v.id)).toEqual(plots.map((r) => newBuildVolumeId(r.id)));
    plots.forEach((r, i) => {
      expect(volumes[i].footprint).toBe(r.footprint);
      expect(volumes[i].heightMeters).toBeCloseTo((r.floors ?? 1) * NEW_BUILD_STOREY_METERS, 9);
    });
    expect(changed).toEqual([]);
  });

  it('55幢 + 2 floors on 大寒 2026 (the sunlight tab’s figure): homes below the rule 33 → 43, 65 neighbour homes lose sunlight, 10 fall below', () => {
    const preset = sunlightPreset(undefined)!;
    const date = '2026-01-20';
    const summaries = summariseBuildings(community);
    const before = analyzeSunlight(community, { preset, date, summaries }).sunlight;
    const plan = planSunlightVolumes(community, {
      conversions: [],
      additions: [{ buildingId: 'JH-B095', change: { kind: 'floors', floors: 2 } }],
    });
    const after = analyzeSunlight(community, { preset, date, summaries, volumes: plan.volumes }).sunlight;
    const comparison = compareSunlight(before, after, new Set(plan.changed));
    expect(comparison.failingBefore).toBe(33);
    expect(comparison.failingAfter).toBe(43);
    expect(comparison.homesLosingSunlight).toHaveLength(65);
    expect(comparison.homesDroppingBelow).toHaveLength(10);
    // All ten in the block north of it, with an estimated 18 residents (its residents × 10 / its occupied homes).
    const drops = dropsByBuilding(community, comparison, summaries);
    const north = summaries.get('JH-B081')!;
    const occupied = community.houses.filter((h) => h.buildingId === 'JH-B081' && h.use === 'residential' && h.occupancy !== 'vacant');
    const occupiedDropping = occupied.filter((h) => comparison.homesDroppingBelow.some((d) => d.houseId === h.id)).length;
    expect(drops).toEqual([
      { buildingId: 'JH-B081', homes: 10, residents: Math.round((north.residents * occupiedDropping) / occupied.length) },
    ]);
    expect(drops[0].residents).toBe(18);
  }, 60_000);
});
