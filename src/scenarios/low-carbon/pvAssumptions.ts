import type { BuildingUse } from '../../core/model/types';

/**
 * Rooftop photovoltaic potential for Hangzhou: the assumptions, each with its source. Data, not
 * code: change them here and every KPI and chart follows.
 */

/**
 * Share of a roof that can carry panels, by building use. National Energy Administration notice on
 * county-wide rooftop PV pilots (国家能源局综合司, 整县(市、区)屋顶分布式光伏开发试点, 2021-06-23): the
 * installable share of roof area shall be at least 50 % for government buildings (党政机关), 40 % for
 * schools, hospitals and other public buildings, 30 % for industry and commerce (工商业), 20 % for
 * rural homes [V, via a secondary page: ccyxbj.cn]. Mapping building uses onto those four groups,
 * and using the rural-home share for urban homes, is this app's [M].
 */
export const PV_ROOF_SHARE_BY_USE: Record<BuildingUse, number> = {
  office: 0.5,
  'public-service': 0.4,
  education: 0.4,
  commercial: 0.3,
  industrial: 0.3,
  residential: 0.2,
  mixed: 0.2,
  other: 0.2,
};

/**
 * Peak power per m² of installable roof. A module of ~20 % efficiency gives 0.2 kWp per m² of
 * panel at standard test conditions (1,000 W/m² × 20 %) [C]; row spacing and access paths on flat
 * roofs leave about three quarters of the installable area under panels [M] → 0.15 kWp/m².
 */
export const PV_KWP_PER_M2 = 0.15;

/**
 * Yearly yield per kWp in Hangzhou. Zhejiang is in solar-resource zone III with 1,124–1,368 kWh/m²
 * of global irradiation a year [M, secondary page: guide.okorder.com]; × a performance ratio of
 * about 0.8 for rooftop systems [M] ≈ 900–1,090 kWh/kWp [C]. 1,000 kWh/kWp, the middle, is used.
 */
export const PV_KWH_PER_KWP_YEAR = 1000;
