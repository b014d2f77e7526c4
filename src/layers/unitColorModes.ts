import type { Occupancy, RightType } from '../core/model/types';
import type { LegendEntry, Rgb } from './buildingColorModes';

/** How the 分层分户 inspector colours unit boxes. */
export const INSPECTOR_COLOR_MODES = ['occupancy', 'rightType', 'ageBand'] as const;
export type InspectorColorMode = (typeof INSPECTOR_COLOR_MODES)[number];

/**
 * The age mix of one house as a colour class, 一老一小 first: has someone 60+, has a child 0–5,
 * both, neither; `empty` when nobody lives there, `suppressed` when the role may not know,
 * `unknown` when the package has building-level statistics and no person rows.
 */
export const AGE_CLASSES = ['elderly', 'child', 'both', 'other', 'empty', 'suppressed', 'unknown'] as const;
export type AgeClass = (typeof AGE_CLASSES)[number];

export function isInspectorColorMode(value: unknown): value is InspectorColorMode {
  return (INSPECTOR_COLOR_MODES as readonly unknown[]).includes(value);
}

const NO_DATA: Rgb = [120, 124, 132];

const OCCUPANCY_COLORS: Record<Occupancy, Rgb> = {
  'owner-occupied': [88, 180, 120],
  rented: [80, 150, 230],
  // Vacant homes are the reuse and vacancy-management story: the warm colour stands out.
  vacant: [240, 150, 60],
};

const RIGHT_COLORS: Record<RightType, Rgb> = {
  property: [222, 205, 170],
  lease: [80, 150, 230],
  'public-housing': [187, 143, 206],
  'use-right': [130, 224, 170],
};

const AGE_COLORS: Record<AgeClass, Rgb> = {
  elderly: [231, 120, 60],
  child: [240, 200, 70],
  both: [215, 70, 110],
  other: [150, 180, 210],
  empty: [92, 98, 112],
  // Neutral grey, well apart from the dark "empty": nobody lives there vs. not shown (< 5 people).
  suppressed: [165, 165, 165],
  unknown: NO_DATA,
};

export const occupancyColor = (occupancy: Occupancy): Rgb => OCCUPANCY_COLORS[occupancy];
export const rightTypeColor = (rightType: RightType | null): Rgb => (rightType ? RIGHT_COLORS[rightType] : NO_DATA);
export const ageClassColor = (ageClass: AgeClass): Rgb => AGE_COLORS[ageClass];

/** Legend of each mode; labels are i18n keys. */
export const UNIT_LEGENDS: Record<InspectorColorMode, LegendEntry[]> = {
  occupancy: (Object.keys(OCCUPANCY_COLORS) as Occupancy[]).map((o) => ({ color: OCCUPANCY_COLORS[o], label: `occupancy.${o}` })),
  rightType: [
    ...(Object.keys(RIGHT_COLORS) as RightType[]).map((r) => ({ color: RIGHT_COLORS[r], label: `right.${r}` })),
    { color: NO_DATA, label: 'legend.noData' },
  ],
  ageBand: AGE_CLASSES.map((c) => ({ color: AGE_COLORS[c], label: `inspector.age.${c}` })),
};
