import type { MeasureFigures, MeasurePoint, Measurement } from '../../analysis/measure/measurement';
import type { LonLatHeight } from '../../core/geo/measure';
import { pointInPolygon, ringCentroid } from '../../core/geo/polygon';
import type { SnapSolid } from '../../core/geo/snap';
import type { Community } from '../../core/model/types';
import type { LayerView } from '../../engine/contract';
import type { Language } from '../../i18n/translate';
import type { Rgb } from '../../layers/buildingColorModes';
import type { AppState } from '../../stores/appStore';
import { memoSelector } from '../../stores/memo';
import { formatArea, formatLength, type MeasureUnits } from './format';

/** A measuring colour that reads on grey roofs, green and the dark wall alike (amber). */
export const MEASURE_COLOR: Rgb = [255, 176, 32];

/** The tools take the pointer only while their tab is open and a tool is picked. */
export const selectMeasureActive = (s: AppState): boolean => s.sidePanelTab === 'measure' && s.measureTool !== null;

/**
 * The buildings drawn as solids to snap to (all stand on the ellipsoid, base 0): the community's own and the
 * city context around it, less the context buildings inside the boundary, which the scene does not draw
 * (the community's model replaces them) and a point must never snap to.
 */
export const selectSnapSolids = memoSelector(
  (s: AppState) => [s.community],
  (community: Community | null): SnapSolid[] => {
    if (!community) return [];
    const solid = (b: { id: string; footprint: Community['buildings'][number]['footprint']; heightMeters: number }): SnapSolid => ({
      id: b.id,
      ring: b.footprint[0] ?? [],
      baseHeightMeters: 0,
      roofHeightMeters: b.heightMeters,
    });
    const boundary = community.manifest.boundary;
    const context = community.context.flatMap((c) => c.buildings).filter((b) => !pointInPolygon(ringCentroid(b.footprint), boundary));
    return [...community.buildings.map(solid), ...context.map(solid)];
  },
);

/** The text of a measurement's main figure, as labelled in the scene and copied. */
export function mainFigure(figures: MeasureFigures, units: MeasureUnits, language: Language): string {
  switch (figures.tool) {
    case 'distance':
    case 'path':
      return formatLength(figures.horizontalMeters, units);
    case 'area':
      return formatArea(figures.horizontalSquareMeters, units, language);
    case 'height':
      return formatLength(figures.roofHeightMeters ?? figures.aboveGroundMeters, units);
  }
}

const positionsOf = (points: readonly MeasurePoint[]): LonLatHeight[] => points.map((p) => p.position);

function drawn(measurement: Pick<Measurement, 'tool' | 'points'>): LayerView<'measure'>['lines'][number][] {
  const positions = positionsOf(measurement.points);
  if (measurement.tool === 'height') {
    // A plumb line from the ground to the picked point.
    const [p] = measurement.points;
    return [{ positions: [[p.position[0], p.position[1], p.groundHeightMeters], p.position], closed: false }];
  }
  return [{ positions, closed: measurement.tool === 'area' && positions.length > 2 }];
}

/** Where a measurement's figure is written: the middle of a distance, the end of a path, the first corner of an area, the top of a height. */
function labelAnchor(measurement: Measurement): LonLatHeight {
  const p = positionsOf(measurement.points);
  if (measurement.tool === 'distance') return [(p[0][0] + p[1][0]) / 2, (p[0][1] + p[1][1]) / 2, (p[0][2] + p[1][2]) / 2];
  return measurement.tool === 'path' ? p[p.length - 1] : p[0];
}

/** The measurements and the one being drawn, as one layer (only while the tab is open). */
export const measureLayers = memoSelector(
  (s: AppState) => [s.sidePanelTab === 'measure', s.measurements, s.measureDraft, s.measureTool, s.measureUnits, s.language] as const,
  (open, measurements, draft, tool, units, language): LayerView[] => {
    if (!open || (!measurements.length && !draft.length)) return [];
    const lines = measurements.flatMap(drawn);
    if (tool && draft.length) lines.push(...drawn({ tool, points: draft }));
    return [
      {
        id: 'measure',
        kind: 'measure',
        lines,
        points: [...measurements.flatMap((m) => positionsOf(m.points)), ...positionsOf(draft)],
        labels: measurements.map((m) => ({ position: labelAnchor(m), text: `${m.id}: ${mainFigure(m.figures, units, language)}` })),
        color: MEASURE_COLOR,
      },
    ];
  },
);
