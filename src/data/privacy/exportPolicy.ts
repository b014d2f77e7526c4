import { AGE_BANDS, ELDERLY_AGE_BANDS, RIGHT_TYPES, type Person } from '../../core/model/types';
import { summariseBuildings, type SummarySource } from '../community/buildingSummaries';
import { csvText } from '../package/writePackage';
import { formatSuppressed, suppressCount, suppressTable } from './aggregate';
import { canSeePersonRows, identifiersForRole, type Role } from './mask';

/**
 * What an export may carry for a role: the screen's policy (mask.ts, aggregate.ts) applied to rows
 * that leave the app. The public gets no person-level rows at all, only the building aggregates the
 * building panel shows (counts of people under 5 as "<5", with complementary suppression); a
 * caseworker gets person rows with names, phones and ID numbers masked exactly as on screen; only an
 * administrator gets them as they are.
 */

/** How identifiers leave in an export: not at all, masked as on screen, or as they are. */
export type IdentifierPolicy = 'none' | 'masked' | 'unmasked';

export function identifierPolicy(role: Role): IdentifierPolicy {
  return !canSeePersonRows(role) ? 'none' : role === 'administrator' ? 'unmasked' : 'masked';
}

/** The person rows a role may take away: none for the public, identifiers masked unless the role allows more. */
export function personRowsForRole(people: readonly Person[], role: Role): Person[] {
  if (identifierPolicy(role) === 'none') return [];
  return people.map((person) => {
    const { name: _name, phone: _phone, idNumber: _idNumber, ...rest } = person;
    const shown = identifiersForRole(person, role);
    return {
      ...rest,
      ...(shown.name !== undefined ? { name: shown.name } : {}),
      ...(shown.phone !== undefined ? { phone: shown.phone } : {}),
      ...(shown.idNumber !== undefined ? { idNumber: shown.idNumber } : {}),
    };
  });
}

/**
 * Where the person rows of an export come from. Today the open package's rows, filtered here
 * (`local`); once residents' data is served (issue "Resident data behind a real door"), a `service`
 * source asks the service, which applies the same policy for the signed-in role and audits the
 * request itself, and its rows are taken as they come.
 */
export interface PersonRowSource {
  readonly kind: 'local' | 'service';
  peopleFor(role: Role): Promise<readonly Person[]>;
}

export function localPersonRows(people: readonly Person[]): PersonRowSource {
  return { kind: 'local', peopleFor: async (role) => personRowsForRole(people, role) };
}

/** The aggregate table that stands in for person rows in a public export, relative to the package folder. */
export const RESIDENT_AGGREGATES_FILE = 'aggregates/residents-by-building.csv';

/**
 * Residents per building as the building panel shows them: the total and the 60+ count each
 * suppressed under 5, the age bands with complementary suppression (the 60+ bands as a protected
 * sub-total), and the rights by type (counts of houses' rights, shown unsuppressed on screen too).
 */
export function residentAggregatesCsv(community: SummarySource): string {
  const elderlyBands = ELDERLY_AGE_BANDS.map((band) => AGE_BANDS.indexOf(band));
  const rows = [...summariseBuildings(community).values()].map((s) => {
    const ages = suppressTable(
      AGE_BANDS.map((band) => s.residentsByAgeBand[band]),
      [elderlyBands],
    );
    return [
      s.buildingId,
      formatSuppressed(suppressCount(s.residents)),
      formatSuppressed(suppressCount(s.elderly)),
      ...ages.map((cell) => formatSuppressed(cell)),
      ...RIGHT_TYPES.map((type) => s.rightsByType[type]),
    ];
  });
  return csvText(
    ['buildingId', 'residents', 'aged60plus', ...AGE_BANDS.map((band) => `age_${band}`), ...RIGHT_TYPES.map((type) => `rights_${type}`)],
    rows,
  );
}
