import type { LocalizedText } from '../core/model/types';
import type { Rgb } from './buildingColorModes';

/**
 * How the city's 3D Tiles buildings are coloured: by district, year built or height, from the
 * attributes the city tiler writes into every feature (`district`, `yearBuilt`, `height`; see
 * src/pipeline/writeTiles.ts). One table drives both the engine's 3D Tiles style and the legend.
 */
export const CITY_COLOR_MODES = ['plain', 'district', 'yearBuilt', 'height'] as const;
export type CityColorMode = (typeof CITY_COLOR_MODES)[number];

export const isCityColorMode = (value: unknown): value is CityColorMode => (CITY_COLOR_MODES as readonly unknown[]).includes(value);

export interface CityLegendEntry {
  color: Rgb;
  label: LocalizedText;
}

/** A condition of Cesium's 3D Tiles styling language over one feature attribute, and its colour. */
export interface CityColorRule {
  /** e.g. `${height} >= 100` (the styling language's syntax); `true` for the default. */
  condition: string;
  color: Rgb;
  label: LocalizedText;
}

const PLAIN: Rgb = [196, 200, 208];

/** Hangzhou's 13 districts and county-level units (ids of src/pipeline/city/hangzhouDistricts.ts), one qualitative colour each. */
const DISTRICTS: [id: string, zh: string, en: string, color: Rgb][] = [
  ['shangcheng', '上城区', 'Shangcheng', [230, 85, 80]],
  ['gongshu', '拱墅区', 'Gongshu', [245, 160, 60]],
  ['xihu', '西湖区', 'Xihu', [90, 175, 90]],
  ['binjiang', '滨江区', 'Binjiang', [80, 150, 220]],
  ['xiaoshan', '萧山区', 'Xiaoshan', [170, 110, 200]],
  ['yuhang', '余杭区', 'Yuhang', [240, 210, 80]],
  ['linping', '临平区', 'Linping', [70, 190, 180]],
  ['qiantang', '钱塘区', 'Qiantang', [225, 120, 170]],
  ['fuyang', '富阳区', 'Fuyang', [150, 190, 60]],
  ['linan', '临安区', "Lin'an", [120, 140, 230]],
  ['tonglu', '桐庐县', 'Tonglu', [200, 150, 110]],
  ['chunan', '淳安县', "Chun'an", [110, 200, 240]],
  ['jiande', '建德市', 'Jiande', [180, 180, 120]],
];

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/** Year bands of the housing stock: pre-reform, the 1980s–90s walk-ups (renewal targets), 2000s, since 2010. */
const YEAR_RULES: CityColorRule[] = [
  { condition: '${yearBuilt} > 0 && ${yearBuilt} < 1980', color: [165, 0, 38], label: t('1980 年以前', 'before 1980') },
  { condition: '${yearBuilt} >= 1980 && ${yearBuilt} < 2000', color: [244, 109, 67], label: t('1980–1999 年', '1980–1999') },
  { condition: '${yearBuilt} >= 2000 && ${yearBuilt} < 2010', color: [254, 224, 139], label: t('2000–2009 年', '2000–2009') },
  { condition: '${yearBuilt} >= 2010', color: [102, 189, 99], label: t('2010 年及以后', '2010 and later') },
];

const HEIGHT_RULES: CityColorRule[] = [
  { condition: '${height} < 12', color: [199, 233, 180], label: t('< 12 米（低层）', '< 12 m (low-rise)') },
  { condition: '${height} < 27', color: [127, 205, 187], label: t('12–27 米（多层）', '12–27 m (mid-rise)') },
  { condition: '${height} < 54', color: [65, 182, 196], label: t('27–54 米（高层）', '27–54 m (high-rise)') },
  { condition: '${height} < 100', color: [34, 94, 168], label: t('54–100 米', '54–100 m') },
  { condition: '${height} >= 100', color: [37, 52, 148], label: t('≥ 100 米（超高层）', '≥ 100 m (super high-rise)') },
];

/** The rules of a mode, first match wins; features without the attribute fall through to plain grey. */
export function cityColorRules(mode: CityColorMode): CityColorRule[] {
  switch (mode) {
    case 'plain':
      return [];
    case 'district':
      return DISTRICTS.map(([id, zh, en, color]) => ({ condition: `\${district} === '${id}'`, color, label: t(zh, en) }));
    case 'yearBuilt':
      return YEAR_RULES;
    case 'height':
      return HEIGHT_RULES;
  }
}

/** The 3D Tiles style (Cesium's styling language, as JSON) of a mode. */
export function cityTileStyle(mode: CityColorMode): { color: { conditions: [string, string][] } } {
  const rgb = ([r, g, b]: Rgb) => `color('rgb(${r}, ${g}, ${b})')`;
  return {
    color: {
      conditions: [...cityColorRules(mode).map((rule): [string, string] => [rule.condition, rgb(rule.color)]), ['true', rgb(PLAIN)]],
    },
  };
}

export function cityLegend(mode: CityColorMode): CityLegendEntry[] {
  return [
    ...cityColorRules(mode).map(({ color, label }) => ({ color, label })),
    ...(mode === 'plain' ? [{ color: PLAIN, label: t('城市建筑', 'City buildings') }] : []),
  ];
}
