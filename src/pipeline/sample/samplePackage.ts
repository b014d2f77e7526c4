import type { Community } from '../../core/model/types';
import { peopleCsv, rightsCsv, writePackage } from '../../data/package/writePackage';

/**
 * The generated sample split the way it is published: the static package (every browser downloads
 * it) carries building-level resident statistics only; the person rows (人, 权) are the seed of the
 * residents' data service, which serves them to signed-in roles. The seed files keep the package's
 * CSV layout, so the service reads them with the package's own readers.
 */

/** Where the service's seed of the sample lives, relative to the repository root; never served by the web build. */
export const SAMPLE_SEED_DIR = 'src/server/seed/sample-jinghe';

/** The files of the static package: no people.csv, no rights.csv. */
export function samplePackageFiles(community: Community): Map<string, string> {
  return writePackage({ ...community, people: [], rights: [] });
}

/** The person-level files for the data service's seed folder. */
export function sampleSeedFiles(community: Pick<Community, 'people' | 'rights'>): Map<string, string> {
  return new Map([
    ['people.csv', peopleCsv(community.people)],
    ['rights.csv', rightsCsv(community.rights)],
  ]);
}
