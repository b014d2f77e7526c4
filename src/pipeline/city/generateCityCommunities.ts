/**
 * A synthetic, seeded list of Hangzhou's future communities (`fct-city-communities`), plausible in
 * its totals and nothing more: names, positions, statuses and scores are invented.
 *
 * Calibration (杭政办函〔2023〕52号 三、（二）): creation batches per year add up to 308 communities
 * by the end of 2023 (target: 300 or more, ≥ 20 % of urban communities, 100 built) and 508 by the
 * end of 2025 (target: about 500, about 40 %). Main urban districts start earlier; older communities
 * are more often accepted (已验收). Pure: the CLI `generateCity.ts` writes the result.
 */
import type { CommunityType, LocalizedText, LonLat, RenewalType } from '../../core/model/types';
import { createRandom, type Random } from '../../core/random';
import { CITY_FORMAT, type CityCommunity, type CityDataset, type CityStatus } from '../../data/city/cityDataset';
import { HANGZHOU_DISTRICTS, WEST_LAKE_BOX, type DistrictSeed } from './hangzhouDistricts';

/** Seed of the committed list (the date 杭政办函〔2023〕52号 was signed). */
export const CITY_SEED = 20230719;
export const CITY_AS_OF = '2026-06-30';

/** Communities named in each year's creation batches; 2026 is the first half only. */
export const CREATED_PER_YEAR: Readonly<Record<number, number>> = {
  2019: 12,
  2020: 24,
  2021: 58,
  2022: 96,
  2023: 118,
  2024: 104,
  2025: 96,
  2026: 42,
};

/** A district takes at most this share of its urban communities (keeps coverage plausible). */
const MAX_DISTRICT_COVERAGE = 0.7;

/** The bundled sample package, listed as one of 上城区's 2022 communities. */
const SAMPLE_ENTRY: CityCommunity = {
  id: 'sample-jinghe',
  name: { zh: '景和新村社区', en: 'Jinghe Xincun (synthetic sample)' },
  district: 'shangcheng',
  street: { zh: '（虚构）示范街道', en: '(fictional) demo subdistrict' },
  position: [120.1805, 30.269],
  status: 'building',
  type: 'puhui',
  renewal: 'renewal',
  yearCreated: 2022,
  scores: { overall: 76 },
  package: 'sample-jinghe/',
};

export const SYNTHETIC_NOTICE: LocalizedText = {
  zh: '本名单为程序生成的合成数据，仅用于演示：社区名称、位置、状态与评分均为虚构，不是杭州市官方名单；各区城镇社区数为虚构的近似值，位置为各区中心附近的近似点。',
  en: 'This list is generated synthetic data for demonstration only: community names, positions, statuses and scores are invented, and it is not the official Hangzhou list. Urban-community counts per district are invented approximations; positions are approximate points around district centres.',
};

/** Name syllables with their pinyin (two make a community name, e.g. 翠苑 → Cuiyuan). */
const FIRST: readonly [string, string][] = [
  ['景', 'jing'],
  ['新', 'xin'],
  ['湖', 'hu'],
  ['云', 'yun'],
  ['望', 'wang'],
  ['江', 'jiang'],
  ['春', 'chun'],
  ['华', 'hua'],
  ['康', 'kang'],
  ['宁', 'ning'],
  ['丰', 'feng'],
  ['文', 'wen'],
  ['翠', 'cui'],
  ['兴', 'xing'],
  ['明', 'ming'],
  ['光', 'guang'],
  ['德', 'de'],
  ['嘉', 'jia'],
  ['金', 'jin'],
  ['星', 'xing'],
  ['枫', 'feng'],
  ['梅', 'mei'],
  ['柳', 'liu'],
  ['桂', 'gui'],
  ['竹', 'zhu'],
  ['松', 'song'],
  ['青', 'qing'],
  ['清', 'qing'],
  ['东', 'dong'],
  ['南', 'nan'],
  ['西', 'xi'],
  ['北', 'bei'],
  ['晨', 'chen'],
  ['晓', 'xiao'],
  ['福', 'fu'],
  ['瑞', 'rui'],
  ['祥', 'xiang'],
  ['锦', 'jin'],
  ['盛', 'sheng'],
  ['滨', 'bin'],
];
const SECOND: readonly [string, string][] = [
  ['和', 'he'],
  ['桥', 'qiao'],
  ['塘', 'tang'],
  ['溪', 'xi'],
  ['苑', 'yuan'],
  ['庄', 'zhuang'],
  ['安', 'an'],
  ['禾', 'he'],
  ['荷', 'he'],
  ['泉', 'quan'],
  ['港', 'gang'],
  ['阳', 'yang'],
  ['园', 'yuan'],
  ['里', 'li'],
  ['坊', 'fang'],
  ['浦', 'pu'],
  ['埠', 'bu'],
  ['山', 'shan'],
  ['林', 'lin'],
  ['湾', 'wan'],
  ['亭', 'ting'],
  ['城', 'cheng'],
  ['悦', 'yue'],
  ['澜', 'lan'],
];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Pinyin of a two-syllable name, with an apostrophe before a vowel-initial syllable (Xi'an). */
function pinyinName(a: string, b: string): string {
  return `${capitalise(a)}${/^[aeo]/.test(b) ? "'" : ''}${b}`;
}

function uniqueName(random: Random, used: Set<string>): LocalizedText {
  for (;;) {
    const [za, pa] = random.pick(FIRST);
    const [zb, pb] = random.pick(SECOND);
    const zh = `${za}${zb}`;
    if (used.has(zh) || zh === '景和') continue;
    used.add(zh);
    return { zh: `${zh}社区`, en: `${pinyinName(pa, pb)} Community` };
  }
}

/** Approximately normal (Box–Muller), clipped to ±2.2 σ so no point strays far from its district. */
function normal(random: Random): number {
  for (;;) {
    const u = 1 - random.next();
    const v = random.next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    if (Math.abs(z) <= 2.2) return z;
  }
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

function positionIn(random: Random, d: DistrictSeed): LonLat {
  for (;;) {
    const lon = round4(d.centre[0] + normal(random) * d.spreadDeg[0]);
    const lat = round4(d.centre[1] + normal(random) * d.spreadDeg[1]);
    const b = WEST_LAKE_BOX;
    if (lon > b.west && lon < b.east && lat > b.south && lat < b.north) continue;
    return [lon, lat];
  }
}

/** Main districts led the early batches; the others caught up under 全域推进 (from 2023). */
function districtWeight(d: DistrictSeed, year: number): number {
  const factor = d.central ? (year <= 2021 ? 1.6 : year <= 2023 ? 1.2 : 0.9) : year <= 2021 ? 0.45 : year <= 2023 ? 0.85 : 1.1;
  return d.urbanCommunities * factor;
}

/** Share accepted by mid-2026, by creation year: the older, the more often finished. */
function acceptedShare(year: number): number {
  return year <= 2020 ? 0.92 : year === 2021 ? 0.85 : year === 2022 ? 0.6 : year === 2023 ? 0.3 : year === 2024 ? 0.06 : 0;
}

/** Of the rest, the share still waiting to start (创建, not yet 在建). */
function notStartedShare(year: number): number {
  return year <= 2021 ? 0 : year === 2022 ? 0.05 : year === 2023 ? 0.12 : year === 2024 ? 0.3 : year === 2025 ? 0.6 : 0.9;
}

function statusFor(random: Random, year: number, lastYear: number): { status: CityStatus; yearAccepted?: number } {
  if (random.chance(acceptedShare(year))) {
    const yearAccepted = Math.min(
      lastYear,
      year +
        random.weighted([
          [1, 0.45],
          [2, 0.42],
          [3, 0.13],
        ] as const),
    );
    return { status: 'accepted', yearAccepted };
  }
  return { status: random.chance(notStartedShare(year)) ? 'created' : 'building' };
}

function typeFor(random: Random, year: number): CommunityType {
  const leading = year <= 2020 ? 0.6 : year <= 2022 ? 0.4 : 0.3;
  return random.chance(leading) ? 'yinling' : 'puhui';
}

/** 全域类 (whole-area) creation only exists since the 2023 全域推进 policy. */
function renewalFor(random: Random, type: CommunityType, year: number): RenewalType {
  const wholeArea = year >= 2023 ? (type === 'puhui' ? 0.15 : 0.12) : 0;
  if (random.chance(wholeArea)) return 'whole-area';
  if (type === 'puhui') return random.chance(0.9) ? 'renewal' : 'new-build';
  return random.chance(0.5) ? 'renewal' : 'new-build';
}

function scoreFor(random: Random, status: CityStatus): number {
  const [min, max] = status === 'accepted' ? [78, 96] : status === 'building' ? [62, 88] : [48, 78];
  return random.int(min, max);
}

export function generateCityDataset(seed = CITY_SEED): CityDataset {
  const random = createRandom(seed);
  const lastYear = Number(CITY_AS_OF.slice(0, 4));
  const allocated = new Map(HANGZHOU_DISTRICTS.map((d) => [d.id, 0]));
  const allocated0 = (d: DistrictSeed) => allocated.get(d.id) ?? 0;
  allocated.set(SAMPLE_ENTRY.district, 1);
  const usedNames = new Set<string>();
  const drafts: Omit<CityCommunity, 'id'>[] = [];

  for (const [yearText, count] of Object.entries(CREATED_PER_YEAR)) {
    const year = Number(yearText);
    const n = year === SAMPLE_ENTRY.yearCreated ? count - 1 : count;
    for (let i = 0; i < n; i++) {
      const open = HANGZHOU_DISTRICTS.filter((d) => allocated0(d) < MAX_DISTRICT_COVERAGE * d.urbanCommunities);
      const district = random.weighted(open.map((d) => [d, districtWeight(d, year)] as const));
      allocated.set(district.id, allocated0(district) + 1);
      const type = typeFor(random, year);
      const { status, yearAccepted } = statusFor(random, year, lastYear);
      drafts.push({
        name: uniqueName(random, usedNames),
        district: district.id,
        street: random.pick(district.streets),
        position: positionIn(random, district),
        status,
        type,
        renewal: renewalFor(random, type, year),
        yearCreated: year,
        ...(yearAccepted !== undefined ? { yearAccepted } : {}),
        scores: { overall: scoreFor(random, status) },
      });
    }
  }

  // Ids number each district's communities by creation year; the sample keeps its package id.
  const order = new Map(HANGZHOU_DISTRICTS.map((d, i) => [d.id, i]));
  drafts.sort((a, b) => (order.get(a.district) ?? 0) - (order.get(b.district) ?? 0) || a.yearCreated - b.yearCreated);
  const counters = new Map<string, number>();
  const communities: CityCommunity[] = [];
  let sampleAdded = false;
  for (const draft of drafts) {
    if (!sampleAdded && draft.district === SAMPLE_ENTRY.district && draft.yearCreated > SAMPLE_ENTRY.yearCreated) {
      communities.push(SAMPLE_ENTRY);
      sampleAdded = true;
    }
    const n = (counters.get(draft.district) ?? 0) + 1;
    counters.set(draft.district, n);
    communities.push({ id: `${draft.district}-${String(n).padStart(3, '0')}`, ...draft });
  }
  if (!sampleAdded) communities.push(SAMPLE_ENTRY);

  return {
    format: CITY_FORMAT,
    formatVersion: '1.0',
    city: { zh: '杭州市', en: 'Hangzhou' },
    asOf: CITY_AS_OF,
    synthetic: { notice: SYNTHETIC_NOTICE },
    sources: [
      {
        text: `Synthetic: generated by src/pipeline/generateCity.ts (seed ${seed}); yearly totals calibrated to the targets of 杭政办函〔2023〕52号 三、（二）年度目标`,
      },
      { text: 'Districts: the 13 districts and county-level units of Hangzhou after the 2021 redistricting; centres approximate' },
    ],
    districts: HANGZHOU_DISTRICTS.map((d) => ({ id: d.id, name: d.name, centre: d.centre, urbanCommunities: d.urbanCommunities })),
    communities,
  };
}
