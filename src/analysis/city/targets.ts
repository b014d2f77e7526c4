/**
 * Hangzhou's city-wide targets for future communities, as data with their source, so the progress
 * screen and the tests read the same numbers and a new policy is a new entry here.
 *
 * Source: 杭州市人民政府办公厅《关于高质量全域推进未来社区建设的实施意见》(杭政办函〔2023〕52号),
 * 三、（二）年度目标; in force 2023-08-20 to 2035-12.
 */
import type { LocalizedText } from '../../core/model/types';

export interface ProgressTarget {
  /** The target holds at the end of this year. */
  year: number;
  /** 累计创建: future communities created (named) by then; null where the document gives only a share. */
  created: number | null;
  /** Share (0–1) of urban communities (城镇社区) that are future communities by then. */
  coverageShare: number;
  /** 累计建成: future communities built by then, null where not set. The list approximates 建成 by 已验收. */
  built: number | null;
  /** How the document words it: 以上/不少于 (at least), 约/左右 (about), 基本实现 (essentially all). */
  qualifier: 'at-least' | 'about' | 'essentially';
  /** The sentence of the document, verbatim. */
  quote: string;
  label: LocalizedText;
  source: string;
}

export const HANGZHOU_TARGETS_SOURCE = '杭政办函〔2023〕52号 三、（二）年度目标';

export const HANGZHOU_TARGETS: readonly ProgressTarget[] = [
  {
    year: 2023,
    created: 300,
    coverageShare: 0.2,
    built: 100,
    qualifier: 'at-least',
    quote: '到2023年底，全市累计创建未来社区300个以上、覆盖不少于20%的城镇社区，累计建成未来社区100个',
    label: { zh: '2023年底目标', en: 'End-2023 target' },
    source: HANGZHOU_TARGETS_SOURCE,
  },
  {
    year: 2025,
    created: 500,
    coverageShare: 0.4,
    built: null,
    qualifier: 'about',
    quote: '到2025年底，全市累计创建未来社区约500个、覆盖40%左右的城镇社区',
    label: { zh: '2025年底目标', en: 'End-2025 target' },
    source: HANGZHOU_TARGETS_SOURCE,
  },
  {
    year: 2035,
    created: null,
    coverageShare: 1,
    built: null,
    qualifier: 'essentially',
    quote: '到2035年底，全市基本实现未来社区全域覆盖',
    label: { zh: '2035年底目标', en: 'End-2035 target' },
    source: HANGZHOU_TARGETS_SOURCE,
  },
];
