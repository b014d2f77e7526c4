import type { InspectorColorMode } from '../../layers/unitColorModes';
import type { CommunityChange, SliceCreator } from '../../stores/slice';

/** The 分层分户 inspector of one building: floors pulled apart, one box per home. */
export interface InspectorSlice {
  inspectedBuildingId: string | null;
  /** Floors marked in the inspector (e.g. those a reuse option converts), 1-based. */
  inspectorHighlightFloors: number[];
  inspectorColorMode: InspectorColorMode;
  /** Gap between floors, metres. */
  inspectorExplodeMeters: number;
  /** The house picked in the inspector. */
  selectedUnitId: string | null;
  hoveredUnitId: string | null;
  openInspector(buildingId: string, highlightFloors?: number[]): void;
  closeInspector(): void;
  setInspectorColorMode(mode: InspectorColorMode): void;
  setInspectorExplode(meters: number): void;
  selectUnit(unitId: string | null): void;
  hoverUnit(unitId: string | null): void;
}

/** Wide enough to see into every floor from the default camera, small enough to keep the stack compact. */
export const DEFAULT_INSPECTOR_EXPLODE_METERS = 3;

const CLOSED_INSPECTOR: Pick<InspectorSlice, 'inspectedBuildingId' | 'inspectorHighlightFloors' | 'selectedUnitId' | 'hoveredUnitId'> = {
  inspectedBuildingId: null,
  inspectorHighlightFloors: [],
  selectedUnitId: null,
  hoveredUnitId: null,
};

export const createInspectorSlice: SliceCreator<InspectorSlice> = (set) => ({
  ...CLOSED_INSPECTOR,
  inspectorColorMode: 'occupancy',
  inspectorExplodeMeters: DEFAULT_INSPECTOR_EXPLODE_METERS,
  openInspector: (inspectedBuildingId, highlightFloors = []) =>
    set({ inspectedBuildingId, inspectorHighlightFloors: highlightFloors, selectedUnitId: null, hoveredUnitId: null }),
  closeInspector: () => set(CLOSED_INSPECTOR),
  setInspectorColorMode: (inspectorColorMode) => set({ inspectorColorMode }),
  setInspectorExplode: (meters) => set({ inspectorExplodeMeters: Math.max(0, meters) }),
  selectUnit: (selectedUnitId) => set({ selectedUnitId }),
  hoverUnit: (hoveredUnitId) => set({ hoveredUnitId }),
});

/** The inspected building belongs to the community being replaced. */
export const inspectorOnCommunityChange: CommunityChange = () => CLOSED_INSPECTOR;
