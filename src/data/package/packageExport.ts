import { unzipSync } from 'fflate';
import type { Community } from '../../core/model/types';
import {
  identifierPolicy,
  RESIDENT_AGGREGATES_FILE,
  residentAggregatesCsv,
  type IdentifierPolicy,
  type PersonRowSource,
} from '../privacy/exportPolicy';
import type { Role } from '../privacy/mask';
import { packageZip } from './packageZip';

/**
 * What an export leaves behind: who exported which community, when, as which role, how many person
 * rows left and with identifiers how. Plain data, kept in the app (and, once exports go through the
 * residents' data service, written by the service as well).
 */
export interface ExportAuditRecord {
  /** ISO 8601 time of the export. */
  at: string;
  community: string;
  role: Role;
  /** Where the person rows came from: the open package, filtered here, or the data service. */
  source: PersonRowSource['kind'];
  personRows: number;
  identifiers: IdentifierPolicy;
  /** The zip's entries. */
  files: string[];
}

/**
 * The open community as a package zip for `role`, with the screen's privacy policy applied to what
 * leaves: person rows from `people` (already filtered for the role), no person-level rows at all for
 * the public — no people, no rights' holders — but the building aggregates instead. Returns the zip
 * and its audit record.
 */
export async function exportPackageForRole(input: {
  community: Community;
  role: Role;
  people: PersonRowSource;
  now: Date;
}): Promise<{ zip: Uint8Array; fileName: string; audit: ExportAuditRecord }> {
  const { community, role } = input;
  const policy = identifierPolicy(role);
  const people = policy === 'none' ? [] : [...(await input.people.peopleFor(role))];
  const extra = new Map<string, string>();
  let exported: Community = { ...community, people };
  if (policy === 'none') {
    // Rights name their holders (pseudonymously): person-level rows, so they stay behind too. The
    // package's raw building counts (resident-stats.csv) give way to the suppressed table, as on screen.
    const { residentStats: _statsFile, ...layers } = community.manifest.layers;
    exported = { ...exported, rights: [], residentStats: [], manifest: { ...community.manifest, layers } };
    extra.set(RESIDENT_AGGREGATES_FILE, residentAggregatesCsv(community));
  }
  const zip = packageZip(exported, extra);
  const folder = community.manifest.id;
  return {
    zip,
    fileName: `${folder}.zip`,
    audit: {
      at: input.now.toISOString(),
      community: folder,
      role,
      source: input.people.kind,
      personRows: people.length,
      identifiers: policy,
      files: zipEntryNames(zip),
    },
  };
}

/** The names in a zip, read from its central directory without inflating anything. */
function zipEntryNames(zip: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(zip, {
    filter: (entry) => {
      names.push(entry.name);
      return false;
    },
  });
  return names;
}
