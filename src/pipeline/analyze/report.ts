import { FACILITY_CATEGORIES } from '../../core/model/types';
import type { ServiceCoverage } from '../../analysis/service-circles/computeServiceCoverage';
import { coverageRows } from '../../analysis/service-circles/coverageRows';
import type { ServiceGap } from '../../analysis/service-circles/gaps';
import { bandWalkMinutes, DEFAULT_SERVICE_RULES, tierOf } from '../../analysis/service-circles/rules';

/** The analysis as JSON (the CLI's --json output) and as a human-readable table. */

const round1 = (x: number) => Math.round(x * 10) / 10;
const share = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);

export interface ReportMeta {
  input: string;
  /** Features skipped on input (unmapped OSM facilities, unwalkable ways). */
  skipped?: Record<string, number>;
  /** The OSM tags of the facilities that map to no category of ours, with their counts ("amenity=hospital": 3). */
  unmappedTags?: Record<string, number>;
}

/** Per building and category: walk seconds, metres and the nearest facility's id (null when unreachable). */
export function coverageReportJson(coverage: ServiceCoverage, gaps: ServiceGap[], meta: ReportMeta): unknown {
  const ids = coverage.buildingIds ?? Array.from({ length: coverage.buildings.count }, (_, i) => String(i));
  const facilityId = (f: number) => coverage.facilityIds?.[f] ?? String(f);
  const buildings: Record<string, Record<string, { walkSeconds: number; distanceMeters: number; facilityId: string } | null>> = {};
  ids.forEach((id, b) => {
    const row: Record<string, { walkSeconds: number; distanceMeters: number; facilityId: string } | null> = {};
    for (const c of coverage.categories) {
      const d = c.walkDistanceMeters[b];
      row[c.category] =
        d < Infinity
          ? { walkSeconds: round1(c.walkSeconds[b]), distanceMeters: round1(d), facilityId: facilityId(c.nearestFacility[b]) }
          : null;
    }
    buildings[id] = row;
  });
  const bands = coverage.bands;
  return {
    input: meta.input,
    walkSpeedMetersPerSecond: coverage.walkSpeedMetersPerSecond,
    // The circles are distances (GB 50180-2018 Table 3.0.4); the minutes are what they take at the speed.
    bands: bands.map((b) => ({
      id: b.id,
      maxDistanceMeters: b.maxDistanceMeters,
      walkMinutes: round1(bandWalkMinutes(b, coverage.walkSpeedMetersPerSecond)),
    })),
    network: {
      nodes: coverage.graph.nodeCount,
      edges: coverage.graph.edgeCount,
      ...coverage.graph.stats,
    },
    ...(meta.skipped ? { skipped: meta.skipped } : {}),
    ...(meta.unmappedTags ? { unmappedTags: meta.unmappedTags } : {}),
    populationKnown: coverage.populationKnown,
    unattached: {
      buildings: coverage.buildings.unreachable.map((u) => ({ id: ids[u.index], reason: u.reason })),
      facilities: coverage.facilities.unreachable.map((u) => ({ id: facilityId(u.index), reason: u.reason })),
    },
    coverage: coverageRows(coverage, (c) => {
      const s = c.summary;
      return {
        priority: c.rule.priority,
        source: c.rule.source,
        facilities: c.facilityIndices.length,
        facilitiesOnNetwork: c.attachedFacilityCount,
        buildingsCounted: s.buildingsCounted,
        buildingsUnreachable: s.buildingsUnreachable,
        buildingsWithinThreshold: s.buildingsWithinThreshold,
        shareBuildingsWithinThreshold: share(s.shareBuildingsWithinThreshold),
        buildingsWithinBands: Object.fromEntries(bands.map((b, k) => [b.id, s.buildingsWithinBands[k]])),
        shareBuildingsWithinBands: Object.fromEntries(bands.map((b, k) => [b.id, share(s.shareBuildingsWithinBands[k])])),
        targetPopulationTotal: s.targetPopulationTotal,
        targetPopulationWithinThreshold: s.targetPopulationWithinThreshold,
        uncoveredTargetPopulation: s.uncoveredTargetPopulation,
        shareTargetPopulationWithinThreshold: share(s.shareTargetPopulationWithinThreshold),
        maxWalkDistanceMeters: round1(s.maxWalkDistanceMeters),
        capacity: c.capacity
          ? {
              method: c.capacity.method,
              unit: c.capacity.unit,
              totalCapacity: c.capacity.totalCapacity,
              totalDemand: c.capacity.totalDemand,
              demandWithinReach: c.capacity.demandWithinReach,
              servedTargetPopulation: round1(c.capacity.servedTargetPopulation),
              servedShare: share(c.capacity.servedShare),
            }
          : null,
      };
    }),
    gaps: gaps.map((g) => ({
      category: g.category,
      priority: g.priority,
      missing: g.missing,
      targetPopulation: g.targetPopulation,
      uncoveredTargetPopulation: g.uncoveredTargetPopulation,
      uncoveredBuildings: g.uncoveredBuildings,
      worstBuildings: g.worstBuildings.map((w) => ({
        id: ids[w.building],
        distanceMeters: w.walkDistanceMeters < Infinity ? round1(w.walkDistanceMeters) : null,
        walkSeconds: w.walkSeconds < Infinity ? round1(w.walkSeconds) : null,
        targetPopulation: w.targetPopulation,
        reason: w.reason,
      })),
    })),
    buildings,
  };
}

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(0)} %`);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function coverageReportText(coverage: ServiceCoverage, gaps: ServiceGap[], meta: ReportMeta, topGaps = 8): string {
  const ids = coverage.buildingIds ?? [];
  const speed = coverage.walkSpeedMetersPerSecond;
  const bandLabels = coverage.bands.map((b) => `≤${b.maxDistanceMeters} m`);
  const out: string[] = [];
  out.push(`Service circles for ${meta.input}`);
  out.push(
    `walking at ${speed} m/s (${(speed * 60).toFixed(0)} m/min); network ${coverage.graph.nodeCount} nodes, ${coverage.graph.edgeCount} edges; ` +
      `${coverage.buildings.count} buildings (${coverage.categories[0]?.summary.buildingsCounted ?? 0} counted as homes), ${coverage.facilities.count} facilities`,
  );
  out.push(
    `circles (GB 50180-2018 Table 3.0.4, by walking distance): ${coverage.bands
      .map((b) => `${b.minutes} min ≤ ${b.maxDistanceMeters} m (${bandWalkMinutes(b, speed).toFixed(1)} min at ${speed} m/s)`)
      .join(', ')}`,
  );
  if (meta.skipped)
    out.push(
      `skipped on input: ${Object.entries(meta.skipped)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );
  const unmapped = Object.entries(meta.unmappedTags ?? {}).sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]));
  if (unmapped.length)
    out.push(
      `unmapped facility tags (no category of ours; see osmCategoryMapping.ts): ${unmapped.map(([tag, n]) => `${tag} ×${n}`).join(', ')}`,
    );
  if (coverage.buildings.unreachable.length) out.push(`buildings off the network: ${coverage.buildings.unreachable.length} (see --json)`);
  if (!coverage.populationKnown.length) out.push('population unknown: coverage by buildings only');
  out.push('');
  const rows = coverage.categories
    .slice()
    .sort((p, q) => FACILITY_CATEGORIES.indexOf(p.category) - FACILITY_CATEGORIES.indexOf(q.category))
    .map((c) => {
      const s = c.summary;
      return [
        c.category,
        tierOf(DEFAULT_SERVICE_RULES, c.rule),
        c.rule.level,
        `${c.rule.maxDistanceMeters}`,
        `${c.attachedFacilityCount}`,
        pct(s.shareBuildingsWithinThreshold),
        ...s.shareBuildingsWithinBands.map(pct),
        c.rule.targetPopulation,
        s.uncoveredTargetPopulation === null ? '–' : `${s.uncoveredTargetPopulation}/${s.targetPopulationTotal}`,
        c.capacity ? pct(c.capacity.servedShare) : '–',
      ];
    });
  out.push(
    table(['category', 'tier', 'level', 'max m', 'facilities', 'homes ≤ max', ...bandLabels, 'target', 'uncovered', 'with place'], rows),
  );
  out.push('');
  out.push(`Gaps (补短板), most urgent first (priority 1 = 一老一小):`);
  if (!gaps.length) out.push('  none');
  gaps.slice(0, topGaps).forEach((g, i) => {
    const who =
      g.uncoveredTargetPopulation === null
        ? `${g.uncoveredBuildings} homes`
        : `${g.uncoveredTargetPopulation} of ${g.targetPopulationTotal} (${g.targetPopulation})`;
    out.push(
      `  ${i + 1}. ${g.category} [priority ${g.priority}]${g.missing ? ' — NO FACILITY' : ''}: ${who} beyond ${g.rule.maxDistanceMeters} m`,
    );
    const worst = g.worstBuildings
      .map(
        (w) => `${ids[w.building] ?? w.building} (${w.walkDistanceMeters < Infinity ? `${w.walkDistanceMeters.toFixed(0)} m` : w.reason})`,
      )
      .join(', ');
    if (worst) out.push(`     worst served: ${worst}`);
  });
  if (gaps.length > topGaps) out.push(`  … ${gaps.length - topGaps} more (see --json)`);
  return out.join('\n');
}
