import { boxHalfPlanes, clipPrisms, verticalPlane, type ClipRegion } from '../../analysis/clip/clipPrisms';
import type { LocalFrame } from '../../core/geo/localFrame';
import type { LonLat } from '../../core/model/types';
import type { InspectorClip, LayerView, SceneClip } from '../../engine/contract';
import type { Rgb } from '../../layers/buildingColorModes';
import { SELECTED_COLOR } from '../../layers/layerCatalog';
import type { AppState } from '../../stores/appStore';
import { memoSelector } from '../../stores/memo';
import { selectCommunityPrisms } from '../community/selectors';
import { selectBuildingColors } from '../view/selectors';
import type { ClipMode, ClipSettings } from './slice';

/** Cut faces and the clip's outline: the red of a section drawing's poché, also the cut edge on 3D Tiles. */
export const CLIP_COLOR: Rgb = [255, 90, 90];
const WALL_ALPHA = 0.3;
/** The outline rises this far above the tallest building. */
const WALL_HEADROOM_METERS = 10;

/** The clip in the community's local frame, for the buildings (half-planes) and for tiles and models (SceneClip). */
export interface ClipGeometry {
  frame: LocalFrame;
  region: ClipRegion;
  scene: SceneClip;
  /** The outline's lines in the local frame (the plane's trace, the box's sides), empty for a section. */
  outline: [number, number][][];
}

/** The plane's trace runs this far either side of its centre: across any community. */
const PLANE_TRACE_METERS = 600;

export function clipGeometry(mode: ClipMode, settings: ClipSettings, frame: LocalFrame): ClipGeometry {
  const origin = { lon: frame.origin[0], lat: frame.origin[1] };
  const centre = frame.toLocal(settings.centre);
  if (mode === 'section') {
    return {
      frame,
      region: { halfPlanes: [], topMeters: settings.sectionMeters },
      scene: { origin, planes: [{ normal: [0, 0, -1], offsetMeters: -settings.sectionMeters }] },
      outline: [],
    };
  }
  if (mode === 'plane') {
    const a = (settings.azimuthDeg * Math.PI) / 180;
    const [nx, ny] = [Math.sin(a), Math.cos(a)];
    const at: [number, number] = [centre[0] + nx * settings.offsetMeters, centre[1] + ny * settings.offsetMeters];
    const plane = verticalPlane(at, settings.azimuthDeg);
    return {
      frame,
      region: { halfPlanes: [plane] },
      scene: { origin, planes: [{ normal: [plane.nx, plane.ny, 0], offsetMeters: plane.offsetMeters }] },
      outline: [
        [
          [at[0] - ny * PLANE_TRACE_METERS, at[1] + nx * PLANE_TRACE_METERS],
          [at[0] + ny * PLANE_TRACE_METERS, at[1] - nx * PLANE_TRACE_METERS],
        ],
      ],
    };
  }
  const planes = boxHalfPlanes(centre, settings.azimuthDeg, settings.halfLengthMeters, settings.halfWidthMeters);
  // The box's corners, in turn: where consecutive faces meet.
  const a = (settings.azimuthDeg * Math.PI) / 180;
  const along: [number, number] = [Math.sin(a) * settings.halfLengthMeters, Math.cos(a) * settings.halfLengthMeters];
  const across: [number, number] = [Math.cos(a) * settings.halfWidthMeters, -Math.sin(a) * settings.halfWidthMeters];
  const corner = (s: number, t: number): [number, number] => [
    centre[0] + s * along[0] + t * across[0],
    centre[1] + s * along[1] + t * across[1],
  ];
  const corners = [corner(1, 1), corner(1, -1), corner(-1, -1), corner(-1, 1)];
  return {
    frame,
    region: { halfPlanes: planes, bottomMeters: settings.bottomMeters, topMeters: settings.topMeters },
    scene: {
      origin,
      planes: [
        ...planes.map((p) => ({ normal: [p.nx, p.ny, 0] as const, offsetMeters: p.offsetMeters })),
        { normal: [0, 0, 1], offsetMeters: settings.bottomMeters },
        { normal: [0, 0, -1], offsetMeters: -settings.topMeters },
      ],
    },
    outline: [[...corners, corners[0]]],
  };
}

/** The prisms only while a clip is on: with the tool off nothing is built. */
const prismsInUse = (s: AppState) => (s.clipMode && s.clipSettings ? selectCommunityPrisms(s) : null);

export const selectClipGeometry = memoSelector(
  (s: AppState) => [s.clipMode, s.clipSettings, prismsInUse(s)?.frame] as const,
  (mode, settings, frame) => (mode && settings && frame ? clipGeometry(mode, settings, frame) : null),
);

/** What the tiles and models are clipped to (null: nothing). */
export const selectSceneClip = (s: AppState): SceneClip | null => selectClipGeometry(s)?.scene ?? null;

/** The community's buildings as the clip leaves them, by building index. */
export const selectClippedBuildings = memoSelector(
  (s: AppState) => [prismsInUse(s), selectClipGeometry(s)] as const,
  (scene, clip) =>
    scene && clip ? clipPrisms(scene.prisms, clip.region).map((piece) => ({ ...piece, building: scene.kept[piece.prism] })) : null,
);

/** The buildings the clip cuts, with their figures (the selected one first, then the largest cuts), and the totals the panel shows. */
export const selectClipSummary = memoSelector(
  (s: AppState) => [s.community, selectClippedBuildings(s), s.selectedBuildingId] as const,
  (community, pieces, selected) => {
    if (!community || !pieces) return null;
    const cut = pieces
      .filter((p) => p.cut)
      .map((p) => {
        const b = community.buildings[p.building];
        return {
          id: b.id,
          name: b.name ?? b.id,
          sectionAreaM2: p.sectionAreaM2,
          cutLengthMeters: p.cutLengthMeters,
          cutFaceAreaM2: p.cutFaceAreaM2,
          keptTopMeters: p.topMeters,
        };
      })
      .sort(
        (a, b) =>
          Number(b.id === selected) - Number(a.id === selected) || b.sectionAreaM2 + b.cutFaceAreaM2 - (a.sectionAreaM2 + a.cutFaceAreaM2),
      );
    return {
      kept: pieces.length,
      cut,
      sectionAreaM2: cut.reduce((sum, c) => sum + c.sectionAreaM2, 0),
      cutFaceAreaM2: cut.reduce((sum, c) => sum + c.cutFaceAreaM2, 0),
    };
  },
);

const toLonLat = (frame: LocalFrame, ring: readonly (readonly [number, number])[]): LonLat[] => ring.map(([x, y]) => frame.toLonLat(x, y));

/** The clipped buildings' solids, their cut faces and the clip's outline: rebuilt only when the clip or the community changes. */
const selectClipShapes = memoSelector(
  (s: AppState) => [s.community, selectClipGeometry(s), selectClippedBuildings(s)] as const,
  (community, clip, pieces) => {
    if (!community || !clip || !pieces) return null;
    const tallest = community.buildings.reduce((h, b) => Math.max(h, b.heightMeters), 0);
    const top = clip.region.topMeters;
    const wallTop = Math.min(top !== undefined && Number.isFinite(top) ? top : Infinity, tallest + WALL_HEADROOM_METERS);
    return {
      volumes: pieces.map((p) => ({
        // The building's own pick key: a click on its kept part selects it.
        key: `building:${community.buildings[p.building].id}`,
        ring: toLonLat(clip.frame, p.ring),
        baseMeters: p.baseMeters,
        topMeters: p.topMeters,
      })),
      sections: pieces.filter((p) => p.sectionAreaM2 > 0).map((p) => ({ ring: toLonLat(clip.frame, p.ring), heightMeters: p.topMeters })),
      walls: clip.outline.map((line) => ({
        line: toLonLat(clip.frame, line),
        bottomMeters: clip.region.bottomMeters ?? 0,
        topMeters: wallTop,
      })),
    };
  },
);

/** The clipped buildings in their colours (the selected one highlighted); recoloured in place on screen. */
export const clipLayers = memoSelector(
  (s: AppState) => [selectClipShapes(s), selectBuildingColors(s), s.selectedBuildingId] as const,
  (shapes, colors, selected): LayerView[] => {
    if (!shapes) return [];
    const byKey = new Map<string, Rgb>();
    for (const [id, color] of colors) byKey.set(`building:${id}`, id === selected ? SELECTED_COLOR : color);
    return [
      { id: 'clip', kind: 'clipVolumes', ...shapes, colors: byKey, sectionColor: CLIP_COLOR, wallColor: CLIP_COLOR, wallAlpha: WALL_ALPHA },
    ];
  },
);

/** While a clip is on, the community's own buildings give way to their clipped parts. */
const HIDDEN: readonly ['buildings'] = ['buildings'];
const NONE: readonly [] = [];
export const clipHiddenLayers = (s: AppState) => (selectClipGeometry(s) ? HIDDEN : NONE);

/**
 * The inspector's cut of the building it shows: the same section height; a plane or a box cuts it
 * lengthwise through its middle, so the homes inside the block show.
 */
export const selectInspectorClip = memoSelector(
  (s: AppState) => [s.clipMode, s.clipSettings?.sectionMeters] as const,
  (mode, sectionMeters): InspectorClip | null =>
    mode === 'section' && sectionMeters !== undefined
      ? { kind: 'section', heightMeters: sectionMeters }
      : mode
        ? { kind: 'lengthwise' }
        : null,
);
