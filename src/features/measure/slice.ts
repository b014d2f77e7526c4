import { MEASURE_POINTS, type MeasurePoint, type MeasureTool, type Measurement } from '../../analysis/measure/measurement';
import type { CommunityChange, SliceCreator } from '../../stores/slice';
import type { MeasureUnits } from './format';

/**
 * The measuring tools: the tool in hand (off by default), the points of the measurement being drawn, the
 * finished measurements and the units. Closing the tool clears everything: nothing is left behind.
 */
export interface MeasureSlice {
  measureTool: MeasureTool | null;
  measureDraft: readonly MeasurePoint[];
  measurements: readonly Measurement[];
  measureUnits: MeasureUnits;
  /** Snap picked points to building corners and edges. */
  measureSnap: boolean;
  /** Bumped when the user finishes a path or an area (button, Enter, double click); the scene binding computes its figures. */
  measureFinishRequest: number;
  /** Picks a tool (the unfinished measurement of another tool is dropped); null closes the tools and clears every result. */
  setMeasureTool(tool: MeasureTool | null): void;
  addMeasurePoint(point: MeasurePoint): void;
  /** Removes the last point of the unfinished measurement. */
  undoMeasurePoint(): void;
  requestMeasureFinish(): void;
  /** Files a finished measurement (its figures computed against the scene's ground) and starts the next. */
  completeMeasurement(measurement: Omit<Measurement, 'id'>): void;
  removeMeasurement(id: number): void;
  /** Esc: drops the unfinished measurement, or when there is none, every result. */
  clearMeasure(): void;
  setMeasureUnits(units: Partial<MeasureUnits>): void;
  setMeasureSnap(snap: boolean): void;
}

export const createMeasureSlice: SliceCreator<MeasureSlice> = (set) => ({
  measureTool: null,
  measureDraft: [],
  measurements: [],
  measureUnits: { length: 'auto', area: 'auto', decimals: 2 },
  measureSnap: true,
  measureFinishRequest: 0,
  setMeasureTool: (measureTool) =>
    set((s) =>
      measureTool
        ? { measureTool, measureDraft: s.measureTool === measureTool ? s.measureDraft : [] }
        : { measureTool: null, measureDraft: [], measurements: [] },
    ),
  addMeasurePoint: (point) =>
    set((s) => {
      if (!s.measureTool || s.measureDraft.length >= MEASURE_POINTS[s.measureTool].max) return {};
      const last = s.measureDraft.at(-1);
      // The two clicks of a double click land on one spot: keep one point.
      if (last && last.position.every((v, i) => Math.abs(v - point.position[i]) < 1e-9)) return {};
      return { measureDraft: [...s.measureDraft, point] };
    }),
  undoMeasurePoint: () => set((s) => ({ measureDraft: s.measureDraft.slice(0, -1) })),
  requestMeasureFinish: () => set((s) => ({ measureFinishRequest: s.measureFinishRequest + 1 })),
  completeMeasurement: (measurement) =>
    set((s) => ({
      measurements: [...s.measurements, { ...measurement, id: (s.measurements.at(-1)?.id ?? 0) + 1 }],
      measureDraft: [],
    })),
  removeMeasurement: (id) => set((s) => ({ measurements: s.measurements.filter((m) => m.id !== id) })),
  clearMeasure: () => set((s) => (s.measureDraft.length ? { measureDraft: [] } : { measurements: [] })),
  setMeasureUnits: (units) => set((s) => ({ measureUnits: { ...s.measureUnits, ...units } })),
  setMeasureSnap: (measureSnap) => set({ measureSnap }),
});

/** Measurements belong to the community they were taken on. */
export const measureOnCommunityChange: CommunityChange = () => ({ measureDraft: [], measurements: [] });
