import { DataError, type DataIssue } from '../core/errors';
import { polygonAreaM2 } from '../core/geo/localFrame';
import { ringCentroid } from '../core/geo/polygon';
import { polygonWidthMeters } from '../core/geo/polygonWidth';
import { BASE_KINDS, type BaseKind, type BaseSurface, type Community, type LonLat } from '../core/model/types';
import surfaceRulesJson from './surfaceRules.json';

/**
 * Surfaces that count (surfaceRules.json): 公共活动场地 is the public activity ground only — not a car
 * park, not a school or kindergarten yard — and 公共绿地 is public green only — not 宅间绿地, not a
 * private garden; a park (居住区公园) is a public green of ≥ 0.4 ha and ≥ 30 m wide (GB 50180-2018
 * Table 4.0.4, 5-minute circle). Pure measures of the base map, shared by the scenarios and the report.
 */
export interface SurfaceRules {
  activityGround: { countedKinds: BaseKind[]; source: string };
  publicGreen: { countedKinds: BaseKind[]; source: string };
  park: { minAreaM2: number; minWidthMeters: number; source: string };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseSurfaceRules(json: unknown, file = 'surfaceRules.json'): SurfaceRules {
  const issues: DataIssue[] = [];
  const root = isObject(json) ? json : {};
  const kinds = (field: string): { countedKinds: BaseKind[]; source: string } => {
    const v = isObject(root[field]) ? (root[field] as Json) : {};
    const list = v.countedKinds;
    if (!Array.isArray(list) || !list.length || !list.every((k) => (BASE_KINDS as readonly unknown[]).includes(k)))
      issues.push({ file, field: `${field}.countedKinds`, reason: `must be a non-empty list of base kinds (${BASE_KINDS.join(', ')})` });
    if (typeof v.source !== 'string' || !v.source.trim())
      issues.push({ file, field: `${field}.source`, reason: 'must cite where the rule comes from' });
    return { countedKinds: (Array.isArray(list) ? list : []) as BaseKind[], source: v.source as string };
  };
  const activityGround = kinds('activityGround');
  const publicGreen = kinds('publicGreen');
  const park = isObject(root.park) ? root.park : {};
  for (const field of ['minAreaM2', 'minWidthMeters'])
    if (!(typeof park[field] === 'number' && (park[field] as number) > 0))
      issues.push({ file, field: `park.${field}`, reason: 'must be a number > 0' });
  if (typeof park.source !== 'string' || !park.source.trim())
    issues.push({ file, field: 'park.source', reason: 'must cite where the value comes from' });
  if (issues.length) throw new DataError(issues, `Invalid surface rules "${file}"`);
  return {
    activityGround,
    publicGreen,
    park: { minAreaM2: park.minAreaM2 as number, minWidthMeters: park.minWidthMeters as number, source: park.source as string },
  };
}

export const DEFAULT_SURFACE_RULES: SurfaceRules = parseSurfaceRules(surfaceRulesJson);

export interface MeasuredSurface {
  kind: BaseKind;
  name?: string;
  polygon: BaseSurface['polygon'];
  areaM2: number;
  centroid: LonLat;
}

const measure = (s: BaseSurface): MeasuredSurface => ({
  kind: s.kind,
  ...(s.name !== undefined ? { name: s.name } : {}),
  polygon: s.polygon,
  areaM2: polygonAreaM2(s.polygon),
  centroid: ringCentroid(s.polygon),
});

/** The public activity grounds (公共活动场地) of the base map. */
export function activityGrounds(community: Pick<Community, 'base'>, rules: SurfaceRules = DEFAULT_SURFACE_RULES): MeasuredSurface[] {
  return community.base.filter((s) => rules.activityGround.countedKinds.includes(s.kind)).map(measure);
}

/** Surfaces left out of the activity ground that a careless count would include (car parks, school yards). */
export function excludedGrounds(community: Pick<Community, 'base'>): MeasuredSurface[] {
  return community.base.filter((s) => s.kind === 'parking' || s.kind === 'school-yard').map(measure);
}

/** The public greens (公共绿地) of the base map. */
export function publicGreens(community: Pick<Community, 'base'>, rules: SurfaceRules = DEFAULT_SURFACE_RULES): MeasuredSurface[] {
  return community.base.filter((s) => rules.publicGreen.countedKinds.includes(s.kind)).map(measure);
}

/** Green that does not count as 公共绿地: 宅间绿地, private gardens and green of unknown status. */
export function otherGreens(community: Pick<Community, 'base'>): MeasuredSurface[] {
  return community.base.filter((s) => s.kind === 'block-green' || s.kind === 'private-garden' || s.kind === 'green').map(measure);
}

export interface ParkCheck extends MeasuredSurface {
  widthMeters: number;
  /** ≥ the park's minimum area and width. */
  qualifies: boolean;
}

/** Every public green checked against the park minimums, largest first. */
export function parkChecks(community: Pick<Community, 'base'>, rules: SurfaceRules = DEFAULT_SURFACE_RULES): ParkCheck[] {
  return publicGreens(community, rules)
    .map((g) => {
      const widthMeters = polygonWidthMeters(g.polygon);
      return { ...g, widthMeters, qualifies: g.areaM2 >= rules.park.minAreaM2 && widthMeters >= rules.park.minWidthMeters };
    })
    .sort((p, q) => q.areaM2 - p.areaM2);
}

export const sumArea = (surfaces: readonly { areaM2: number }[]): number => surfaces.reduce((s, x) => s + x.areaM2, 0);
