import type { ModelPlacement } from '../../core/model/placement';
import { suggestMapping, type LayerMapping } from '../../data/community/importedData';
import type { ImportFailure, ImportResult } from '../../data/formats/importResult';
import type { ExportAuditRecord } from '../../data/package/packageExport';
import type { SliceCreator } from '../../stores/slice';

/** A layer brought in by the user (drag-and-drop, file picker or URL), drawn over the community. */
export type ImportedLayer = {
  id: string;
  visible: boolean;
  /** Fixed at import, so a layer keeps its colour when others are removed. */
  colorIndex: number;
} & (
  | {
      kind: 'features';
      result: ImportResult;
      /** What the layer is to the community model (facilities, network, buildings, a table…). */
      mapping: LayerMapping;
      /** Whether its facilities / network / buildings join the service-circle analysis. */
      useInAnalysis: boolean;
    }
  /** A 3D Tiles tileset streamed from its URL. */
  | { kind: 'tileset'; name: string; url: string }
  /** A glTF/GLB model (an object URL for a dropped file) placed by the user. */
  | { kind: 'model'; name: string; url: string; placement: ModelPlacement }
);

/** The imported 3D feature last clicked: its layer and attributes. */
export interface PickedImportedFeature {
  layerId: string;
  properties: Record<string, unknown>;
}

/** Imported feature layers whose model objects (facilities, network, buildings) go into analyses or an export. */
export function mappedImportedLayers(
  layers: readonly ImportedLayer[],
  forAnalysis: boolean,
): { result: ImportResult; mapping: LayerMapping }[] {
  return layers.flatMap((l) =>
    l.kind === 'features' && ['facilities', 'network', 'buildings'].includes(l.mapping.target) && (!forAnalysis || l.useInAnalysis)
      ? [{ result: l.result, mapping: l.mapping }]
      : [],
  );
}

/** The file or URL name a layer is listed under. */
export const importedLayerName = (layer: ImportedLayer): string => (layer.kind === 'features' ? layer.result.file : layer.name);

export interface ImportSlice {
  importedLayers: ImportedLayer[];
  importStatus: 'idle' | 'reading' | 'done' | 'cancelled';
  /** While reading: bytes loaded from disk, then files parsed in the worker. */
  importProgress: { phase: 'loading' | 'parsing'; done: number; total: number; file?: string } | null;
  setImportProgress(progress: ImportSlice['importProgress']): void;
  /** The user cancelled: nothing of the running import is added. */
  cancelImport(): void;
  /** Files that could not be imported at all, with the located reason. The scene is unchanged by them. */
  importFailures: ImportFailure[];
  beginImport(): void;
  finishImport(results: ImportResult[], failures: ImportFailure[]): void;
  setImportedLayerVisible(id: string, visible: boolean): void;
  removeImportedLayer(id: string): void;
  setLayerMapping(id: string, mapping: LayerMapping): void;
  /**
   * The layer read again from its source with another coordinate system: the same layer (id, colour,
   * visibility, mapping) with the new features, so there is one source of truth — the file — and no
   * coordinates converted twice.
   */
  replaceLayerResult(id: string, result: ImportResult): void;
  setLayerInAnalysis(id: string, useInAnalysis: boolean): void;
  addTilesetLayer(name: string, url: string): void;
  addModelLayer(name: string, url: string, placement: ModelPlacement): void;
  setModelPlacement(id: string, placement: ModelPlacement): void;
  /** A tileset or model that failed to load: removed from the layers and listed as a failure. */
  failImportedLayer(id: string, message: string): void;
  pickedImportedFeature: PickedImportedFeature | null;
  pickImportedFeature(picked: PickedImportedFeature | null): void;
  /** Every export of this session, oldest first: who, what, how (an audit record; no console, no server yet). */
  exportLog: ExportAuditRecord[];
  recordExport(record: ExportAuditRecord): void;
}

export const createImportSlice: SliceCreator<ImportSlice> = (set) => {
  let importedCount = 0;
  const nextLayer = () => ({ id: `import-${++importedCount}`, visible: true, colorIndex: importedCount - 1 });
  return {
    importedLayers: [],
    importStatus: 'idle',
    importFailures: [],
    importProgress: null,
    beginImport: () => set({ importStatus: 'reading', importFailures: [], importProgress: null }),
    setImportProgress: (importProgress) => set({ importProgress }),
    cancelImport: () => set({ importStatus: 'cancelled', importProgress: null }),
    // Only readable results become layers; failures are listed and change nothing else.
    finishImport: (results, failures) =>
      set((s) => ({
        importStatus: 'done',
        importProgress: null,
        importFailures: failures,
        importedLayers: [
          ...s.importedLayers,
          ...results.map((result) => {
            const mapping = suggestMapping(result);
            // Facilities and networks feed the analysis at once (that is why one imports them); buildings
            // without residents would only dilute the shares, so they wait for the user.
            const useInAnalysis = mapping.target === 'facilities' || mapping.target === 'network';
            return { ...nextLayer(), kind: 'features' as const, result, mapping, useInAnalysis };
          }),
        ],
      })),
    setImportedLayerVisible: (id, visible) =>
      set((s) => ({ importedLayers: s.importedLayers.map((l) => (l.id === id ? { ...l, visible } : l)) })),
    removeImportedLayer: (id) =>
      set((s) => ({
        importedLayers: s.importedLayers.filter((l) => l.id !== id),
        pickedImportedFeature: s.pickedImportedFeature?.layerId === id ? null : s.pickedImportedFeature,
      })),
    setLayerMapping: (id, mapping) =>
      set((s) => ({ importedLayers: s.importedLayers.map((l) => (l.id === id && l.kind === 'features' ? { ...l, mapping } : l)) })),
    replaceLayerResult: (id, result) =>
      set((s) => ({ importedLayers: s.importedLayers.map((l) => (l.id === id && l.kind === 'features' ? { ...l, result } : l)) })),
    setLayerInAnalysis: (id, useInAnalysis) =>
      set((s) => ({ importedLayers: s.importedLayers.map((l) => (l.id === id && l.kind === 'features' ? { ...l, useInAnalysis } : l)) })),
    addTilesetLayer: (name, url) =>
      set((s) => ({ importStatus: 'done', importedLayers: [...s.importedLayers, { ...nextLayer(), kind: 'tileset', name, url }] })),
    addModelLayer: (name, url, placement) =>
      set((s) => ({
        importStatus: 'done',
        importedLayers: [...s.importedLayers, { ...nextLayer(), kind: 'model', name, url, placement }],
      })),
    setModelPlacement: (id, placement) =>
      set((s) => ({ importedLayers: s.importedLayers.map((l) => (l.id === id && l.kind === 'model' ? { ...l, placement } : l)) })),
    failImportedLayer: (id, message) =>
      set((s) => {
        const layer = s.importedLayers.find((l) => l.id === id);
        if (!layer) return {};
        const file = importedLayerName(layer);
        return {
          importedLayers: s.importedLayers.filter((l) => l.id !== id),
          importFailures: [
            ...s.importFailures,
            { name: 'ImportError', code: 'unsupported-format', message, issues: [{ file, reason: message }] },
          ],
        };
      }),
    pickedImportedFeature: null,
    pickImportedFeature: (pickedImportedFeature) => set({ pickedImportedFeature }),
    exportLog: [],
    recordExport: (record) => set((s) => ({ exportLog: [...s.exportLog, record] })),
  };
};
