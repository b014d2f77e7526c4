import type { CameraBookmark } from '../../core/model/types';
import type { Language } from '../../i18n/translate';
import type { ColorMode } from '../../layers/buildingColorModes';
import { defaultLayerVisibility, type LayerId } from '../../layers/layerCatalog';
import type { CommunityChange, SliceCreator } from '../../stores/slice';
import type { SidePanelTabId } from '../tabs';

/** What the planner looks at: language, building colouring, layers, selection and hover (the role comes from the session feature). */
export interface ViewSlice {
  language: Language;
  colorMode: ColorMode;
  /**
   * Whether the open scenario colours the buildings ('scenario': its own colours, or the mode its
   * scene names) or the colour mode does. Showing a scenario sets 'scenario'; choosing a colour mode
   * by hand sets 'mode' (the scenario stays).
   */
  buildingColoring: 'mode' | 'scenario';
  layers: Record<LayerId, boolean>;
  selectedBuildingId: string | null;
  hoveredBuildingId: string | null;
  /** The side panel's open tab (tabs are registered in features/tabs.ts). */
  sidePanelTab: SidePanelTabId;
  /**
   * A camera flight asked for by a transition (a scenario or a tour step shown); `seq` makes each
   * request distinct. A request, not derived state: the scene binding flies once per request.
   */
  cameraRequest: { camera: CameraBookmark; seq: number; durationSeconds?: number } | null;
  setLanguage(language: Language): void;
  setColorMode(mode: ColorMode): void;
  setLayerVisible(layer: LayerId, visible: boolean): void;
  selectBuilding(id: string | null): void;
  hoverBuilding(id: string | null): void;
  setSidePanelTab(tab: SidePanelTabId): void;
  /** A flight to `camera`; without a duration, the scenario flights' short one. */
  requestCamera(camera: CameraBookmark, durationSeconds?: number): void;
}

export interface InitialViewState {
  language?: Language;
  colorMode?: ColorMode;
  layers?: Partial<Record<LayerId, boolean>>;
  selectedBuildingId?: string | null;
  sidePanelTab?: SidePanelTabId;
}

export const createViewSlice =
  (initial: InitialViewState): SliceCreator<ViewSlice> =>
  (set) => ({
    language: initial.language ?? 'zh-CN',
    colorMode: initial.colorMode ?? 'use',
    buildingColoring: 'mode',
    layers: { ...defaultLayerVisibility(), ...initial.layers },
    selectedBuildingId: initial.selectedBuildingId ?? null,
    hoveredBuildingId: null,
    sidePanelTab: initial.sidePanelTab ?? 'layers',
    cameraRequest: null,
    setLanguage: (language) => set({ language }),
    setColorMode: (colorMode) => set({ colorMode, buildingColoring: 'mode' }),
    setLayerVisible: (layer, visible) => set((s) => ({ layers: { ...s.layers, [layer]: visible } })),
    selectBuilding: (selectedBuildingId) => set({ selectedBuildingId }),
    hoverBuilding: (hoveredBuildingId) => set({ hoveredBuildingId }),
    setSidePanelTab: (sidePanelTab) => set({ sidePanelTab }),
    requestCamera: (camera, durationSeconds) => set((s) => requestCameraChange(s, camera, durationSeconds)),
  });

/** A share link's selection survives the load when the building exists in the new community. */
export const viewOnCommunityChange: CommunityChange = (next) => {
  const keep = next.selectedBuildingId;
  return {
    selectedBuildingId: keep && next.community?.buildings.some((b) => b.id === keep) ? keep : null,
    hoveredBuildingId: null,
  };
};

/** A new camera flight request (for transitions that fly the camera as part of one update). */
export function requestCameraChange(
  s: Pick<ViewSlice, 'cameraRequest'>,
  camera: CameraBookmark,
  durationSeconds?: number,
): Pick<ViewSlice, 'cameraRequest'> {
  const seq = (s.cameraRequest?.seq ?? 0) + 1;
  return { cameraRequest: durationSeconds === undefined ? { camera, seq } : { camera, seq, durationSeconds } };
}
