/** Units and precision of the measuring tools' figures (the panel, the labels in the scene, the copied text). */
export const LENGTH_UNITS = ['auto', 'm', 'km'] as const;
export type LengthUnit = (typeof LENGTH_UNITS)[number];
/** 亩 (mu) is what Chinese land records and planners still use beside m² and hectares. */
export const AREA_UNITS = ['auto', 'm2', 'ha', 'km2', 'mu'] as const;
export type AreaUnit = (typeof AREA_UNITS)[number];
export const DECIMALS = [0, 1, 2, 3] as const;
export type Decimals = (typeof DECIMALS)[number];

export interface MeasureUnits {
  length: LengthUnit;
  area: AreaUnit;
  decimals: Decimals;
}

/** 1 亩 = 10 000 / 15 m² (the statutory 市亩 since 1930; 15 亩 = 1 hectare). */
export const SQUARE_METERS_PER_MU = 10000 / 15;

const SYMBOLS = { m: 'm', km: 'km', m2: 'm²', ha: 'ha', km2: 'km²' } as const;
const MU_SYMBOL = { 'zh-CN': '亩', en: 'mu' } as const;

function number(value: number, decimals: Decimals): string {
  // Grouping with a comma in both languages: the figure is copied into reports and spreadsheets.
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** "1,234.57 m", "1.235 km" (auto: km from 1 km up). */
export function formatLength(meters: number, units: MeasureUnits): string {
  const unit = units.length === 'auto' ? (Math.abs(meters) >= 1000 ? 'km' : 'm') : units.length;
  // Kilometres carry three more decimals' worth of metres: keep at least metre precision.
  const decimals = unit === 'km' ? (Math.max(units.decimals, 3) as Decimals) : units.decimals;
  return `${number(unit === 'km' ? meters / 1000 : meters, decimals)} ${SYMBOLS[unit]}`;
}

/** "8,250.00 m²", "1.20 ha", "12.38 亩" (auto: hectares from 1 ha, km² from 1 km²). */
export function formatArea(squareMeters: number, units: MeasureUnits, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  const a = Math.abs(squareMeters);
  const unit = units.area === 'auto' ? (a >= 1e6 ? 'km2' : a >= 1e4 ? 'ha' : 'm2') : units.area;
  if (unit === 'mu') return `${number(squareMeters / SQUARE_METERS_PER_MU, units.decimals)} ${MU_SYMBOL[language]}`;
  const divisor = unit === 'km2' ? 1e6 : unit === 'ha' ? 1e4 : 1;
  const decimals = unit === 'm2' ? units.decimals : (Math.max(units.decimals, 2) as Decimals);
  return `${number(squareMeters / divisor, decimals)} ${SYMBOLS[unit]}`;
}
