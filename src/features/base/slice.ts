import type { DataIssue, IssueMessage } from '../../core/errors';
import { DEFAULT_BASE_CONFIG, type BaseConfig, type BaseSource } from '../../data/base/baseConfig';
import type { ImportedFeature } from '../../data/formats/importResult';
import type { CityColorMode } from '../../layers/cityColorModes';
import type { SliceCreator } from '../../stores/slice';

/** Why a base source is not drawn: the English message for logs, the translatable one for the panel. */
export interface BaseSourceError {
  message: string;
  issue?: IssueMessage;
}

/** A clicked feature of a base 3D Tiles source (a city building): its source and attributes. */
export interface PickedBaseFeature {
  sourceId: string;
  properties: Record<string, unknown>;
}

/** The city's shared digital base (models/base.json): its sources, which are shown, and what failed. */
export interface BaseSlice {
  /** The sources, their URLs resolved; the offline default until models/base.json is read (and if it is broken). */
  baseConfig: BaseConfig;
  /** models/base.json did not validate: its located problems (the default base is shown meanwhile). */
  baseConfigIssues: DataIssue[] | null;
  /** The ids shown, when a share link or the user chose; null: each source's own `visible`. */
  baseShown: readonly string[] | null;
  /** Sources that failed to load, by id: not drawn, their error shown on their row. */
  baseErrors: Readonly<Record<string, BaseSourceError>>;
  /** Features of vector sources, once read. */
  baseVectors: Readonly<Record<string, readonly ImportedFeature[]>>;
  cityColorMode: CityColorMode;
  pickedBaseFeature: PickedBaseFeature | null;
  setBaseConfig(config: BaseConfig): void;
  failBaseConfig(issues: DataIssue[]): void;
  setBaseSourceVisible(id: string, visible: boolean): void;
  failBaseSource(id: string, error: BaseSourceError): void;
  setBaseVectors(id: string, features: readonly ImportedFeature[]): void;
  setCityColorMode(mode: CityColorMode): void;
  pickBaseFeature(picked: PickedBaseFeature | null): void;
}

export interface InitialBaseState {
  baseShown?: readonly string[];
  cityColorMode?: CityColorMode;
}

/** Whether a source is on: the chosen list when there is one, else the source's own default. */
export const isBaseSourceShown = (shown: readonly string[] | null, source: BaseSource): boolean =>
  shown ? shown.includes(source.id) : source.visible;

/**
 * Keeps the source objects of `previous` that `next` repeats exactly, so re-reading an unchanged
 * base.json (or one that changed one source) redraws nothing else.
 */
function keepUnchanged(previous: BaseConfig, next: BaseConfig): BaseConfig {
  const before = new Map(previous.sources.map((s) => [JSON.stringify(s), s]));
  return { ...next, sources: next.sources.map((s) => before.get(JSON.stringify(s)) ?? s) };
}

export const createBaseSlice =
  (initial: InitialBaseState): SliceCreator<BaseSlice> =>
  (set) => ({
    baseConfig: DEFAULT_BASE_CONFIG,
    baseConfigIssues: null,
    baseShown: initial.baseShown ?? null,
    baseErrors: {},
    baseVectors: {},
    cityColorMode: initial.cityColorMode ?? 'plain',
    pickedBaseFeature: null,
    setBaseConfig: (config) => set((s) => ({ baseConfig: keepUnchanged(s.baseConfig, config), baseConfigIssues: null })),
    failBaseConfig: (issues) => set({ baseConfigIssues: issues }),
    // Switching a source on again retries it: its error goes.
    setBaseSourceVisible: (id, visible) =>
      set((s) => {
        const shown = s.baseConfig.sources
          .filter((source) => (source.id === id ? visible : isBaseSourceShown(s.baseShown, source)))
          .map((source) => source.id);
        const { [id]: _cleared, ...errors } = s.baseErrors;
        return { baseShown: shown, baseErrors: errors };
      }),
    failBaseSource: (id, error) => set((s) => ({ baseErrors: { ...s.baseErrors, [id]: error } })),
    setBaseVectors: (id, features) => set((s) => ({ baseVectors: { ...s.baseVectors, [id]: features } })),
    setCityColorMode: (cityColorMode) => set({ cityColorMode }),
    pickBaseFeature: (pickedBaseFeature) => set({ pickedBaseFeature }),
  });
