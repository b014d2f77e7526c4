import type { Person } from '../../core/model/types';
import type { PersonRowSource } from '../privacy/exportPolicy';
import type { Role } from '../privacy/mask';
import type { PersonRow } from './residentApi';
import type { ResidentClient } from './residentClient';

/** The most rows the service sends in one answer (its `limit` maximum). */
export const EXPORT_ROW_LIMIT = 10_000;

/**
 * Person rows for an export from the resident-data service: the service filters and masks them for
 * the signed-in role (its scope, its masking) and audits the request; they are taken as they come.
 * The role asked for is the app's, which is the session's, so the service's rules are the ones applied.
 */
export function servicePersonRows(client: ResidentClient, communityId: string): PersonRowSource {
  return {
    kind: 'service',
    peopleFor: async (_role: Role) => {
      const answer = await client.people(communityId, { limit: EXPORT_ROW_LIMIT, purpose: 'export' });
      // A page cut short would leave people out of the package without a word: refuse instead.
      if (answer.rows.length < answer.total) {
        throw new Error(`the service sent ${answer.rows.length} of ${answer.total} person rows; an export needs them all`);
      }
      return answer.rows.map(personOf);
    },
  };
}

/** No person rows at all: the source of a static copy (no service), where every export is aggregates only. */
export const NO_PERSON_ROWS: PersonRowSource = { kind: 'service', peopleFor: async () => [] };

/** A service row as a package's person (the building is the house's, so it is not repeated). */
function personOf(row: PersonRow): Person {
  const { buildingId: _buildingId, ...person } = row;
  return person;
}
