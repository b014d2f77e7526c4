/**
 * Writes a city list of future communities as stable text: keys in the documented order, optional
 * fields left out when absent, positions rounded to 5 decimal places (≈ 1 m; the positions are
 * approximate anyway), one district and one community per line (readable diffs), "\n" line ends and
 * a trailing newline. Pure, so the generator and its byte-for-byte test share it.
 */
import type { LocalizedText, LonLat } from '../../core/model/types';
import type { CityCommunity, CityDataset, CityDistrict } from './cityDataset';

const round5 = (v: number) => {
  const r = Math.round(v * 1e5) / 1e5;
  return r === 0 ? 0 : r;
};
const text = (t: LocalizedText) => ({ zh: t.zh, en: t.en });
const position = (p: LonLat) => [round5(p[0]), round5(p[1])];

function districtJson(d: CityDistrict) {
  return { id: d.id, name: text(d.name), centre: position(d.centre), urbanCommunities: d.urbanCommunities };
}

function communityJson(c: CityCommunity) {
  return {
    id: c.id,
    name: text(c.name),
    district: c.district,
    street: text(c.street),
    position: position(c.position),
    status: c.status,
    type: c.type,
    renewal: c.renewal,
    yearCreated: c.yearCreated,
    ...(c.yearAccepted !== undefined ? { yearAccepted: c.yearAccepted } : {}),
    scores: { overall: c.scores.overall },
    ...(c.package !== undefined ? { package: c.package } : {}),
  };
}

/** JSON with the header pretty-printed and each list entry on one line. */
export function formatCityDataset(dataset: CityDataset): string {
  const lines: string[] = ['{'];
  const header: [string, unknown][] = [
    ['format', dataset.format],
    ['formatVersion', dataset.formatVersion],
    ['city', text(dataset.city)],
    ['asOf', dataset.asOf],
  ];
  if (dataset.synthetic) header.push(['synthetic', { notice: text(dataset.synthetic.notice) }]);
  header.push(['sources', dataset.sources.map((s) => ({ text: s.text, ...(s.url !== undefined ? { url: s.url } : {}) }))]);
  for (const [key, value] of header) lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  const list = (key: string, items: unknown[], last: boolean) => {
    lines.push(`  ${JSON.stringify(key)}: [`);
    items.forEach((item, i) => lines.push(`    ${JSON.stringify(item)}${i < items.length - 1 ? ',' : ''}`));
    lines.push(`  ]${last ? '' : ','}`);
  };
  list('districts', dataset.districts.map(districtJson), false);
  list('communities', dataset.communities.map(communityJson), true);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
