/**
 * Field mapping from imported features to the community model — one entry point for the import
 * dialog. Each concern lives in its own module:
 * - buildings: `guessBuildingFields` (高度/层数/建成年代/用途, OSM height/building:levels/start_date),
 *   `readBuildingDrafts`, `completeBuilding`;
 * - facilities: `guessFacilityCategory` (OSM tags, AMap type codes and names, name keywords),
 *   `readFacilities`;
 * - network: `guessNetworkKind`, `readNetworkLines`;
 * - tables: `joinTable` (CSV statistics onto buildings by key, unmatched rows reported);
 * - `inferKind`: what a file most likely holds.
 */
export {
  BUILDING_FIELD_CANDIDATES,
  completeBuilding,
  guessBuildingFields,
  parseFloors,
  parseMeters,
  parseYear,
  readBuildingDrafts,
  useFromText,
  type BuildingDefaults,
  type BuildingDraft,
  type BuildingFieldMapping,
} from './buildingMapping';
export {
  FACILITY_NAME_FIELDS,
  guessFacilityCategory,
  readFacilities,
  type FacilityMatch,
  type FacilityMatchSource,
  type ImportedFacility,
} from './facilityMapping';
export { guessNetworkKind, readNetworkLines } from './networkMapping';
export { joinTable, type JoinOptions, type JoinResult } from './joinTable';
export { inferKind } from './inferKind';
export { findField, normalizeFieldName } from './fieldNames';
