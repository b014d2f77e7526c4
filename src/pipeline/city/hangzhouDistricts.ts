/**
 * Reference data the city-list generator draws from: Hangzhou's 13 districts and county-level units
 * (10 区, 2 县, 1 县级市 after the 2021 redistricting), an approximate centre of each one's urban
 * area with a spread for scattering points, streets (街道/镇) by name, and a synthetic count of urban
 * communities (城镇社区).
 *
 * Centres and spreads are rough (≈ 1–3 km), read off general maps for plotting, not surveyed points or
 * official boundaries. The urban-community counts are invented but sized so that the city total
 * (1,250) matches the ratios of 杭政办函〔2023〕52号: ≈500 communities ≈ 40 % (and 300 ≥ 20 %).
 */
import type { LocalizedText, LonLat } from '../../core/model/types';

export interface DistrictSeed {
  id: string;
  name: LocalizedText;
  centre: LonLat;
  /** Standard deviation of the scatter, degrees [lon, lat]. */
  spreadDeg: [number, number];
  urbanCommunities: number;
  /** Main urban district (主城区): creation started earlier there. */
  central: boolean;
  streets: LocalizedText[];
}

const s = (zh: string, en: string): LocalizedText => ({ zh, en });
const street = (zh: string, en: string): LocalizedText => ({ zh: `${zh}街道`, en: `${en} Subdistrict` });
const town = (zh: string, en: string): LocalizedText => ({ zh: `${zh}镇`, en: `${en} Town` });

export const HANGZHOU_DISTRICTS: readonly DistrictSeed[] = [
  {
    id: 'shangcheng',
    name: s('上城区', 'Shangcheng'),
    centre: [120.195, 30.285],
    spreadDeg: [0.02, 0.018],
    urbanCommunities: 195,
    central: true,
    streets: [
      street('湖滨', 'Hubin'),
      street('清波', 'Qingbo'),
      street('小营', 'Xiaoying'),
      street('望江', 'Wangjiang'),
      street('采荷', 'Caihe'),
      street('凯旋', 'Kaixuan'),
      street('闸弄口', 'Zhanongkou'),
      street('四季青', 'Sijiqing'),
      street('笕桥', 'Jianqiao'),
      street('彭埠', 'Pengbu'),
      street('九堡', 'Jiubao'),
      street('丁兰', 'Dinglan'),
    ],
  },
  {
    id: 'gongshu',
    name: s('拱墅区', 'Gongshu'),
    centre: [120.15, 30.315],
    spreadDeg: [0.018, 0.022],
    urbanCommunities: 185,
    central: true,
    streets: [
      street('武林', 'Wulin'),
      street('天水', 'Tianshui'),
      street('朝晖', 'Chaohui'),
      street('文晖', 'Wenhui'),
      street('东新', 'Dongxin'),
      street('石桥', 'Shiqiao'),
      street('米市巷', 'Mishixiang'),
      street('湖墅', 'Hushu'),
      street('小河', 'Xiaohe'),
      street('拱宸桥', 'Gongchenqiao'),
      street('大关', 'Daguan'),
      street('祥符', 'Xiangfu'),
      street('半山', 'Banshan'),
    ],
  },
  {
    id: 'xihu',
    name: s('西湖区', 'Xihu'),
    centre: [120.095, 30.275],
    spreadDeg: [0.025, 0.02],
    urbanCommunities: 145,
    central: true,
    streets: [
      street('北山', 'Beishan'),
      street('西溪', 'Xixi'),
      street('翠苑', 'Cuiyuan'),
      street('古荡', 'Gudang'),
      street('文新', 'Wenxin'),
      street('蒋村', 'Jiangcun'),
      street('三墩', 'Sandun'),
      street('留下', 'Liuxia'),
      street('转塘', 'Zhuantang'),
    ],
  },
  {
    id: 'binjiang',
    name: s('滨江区', 'Binjiang'),
    centre: [120.19, 30.19],
    spreadDeg: [0.02, 0.013],
    urbanCommunities: 70,
    central: true,
    streets: [street('西兴', 'Xixing'), street('长河', 'Changhe'), street('浦沿', 'Puyan')],
  },
  {
    id: 'xiaoshan',
    name: s('萧山区', 'Xiaoshan'),
    centre: [120.27, 30.16],
    spreadDeg: [0.035, 0.025],
    urbanCommunities: 160,
    central: false,
    streets: [
      street('城厢', 'Chengxiang'),
      street('北干', 'Beigan'),
      street('蜀山', 'Shushan'),
      street('新塘', 'Xintang'),
      street('宁围', 'Ningwei'),
      street('闻堰', 'Wenyan'),
    ],
  },
  {
    id: 'yuhang',
    name: s('余杭区', 'Yuhang'),
    centre: [120.0, 30.3],
    spreadDeg: [0.035, 0.035],
    urbanCommunities: 125,
    central: false,
    streets: [
      street('五常', 'Wuchang'),
      street('仓前', 'Cangqian'),
      street('闲林', 'Xianlin'),
      street('余杭', 'Yuhang'),
      street('良渚', 'Liangzhu'),
      street('仁和', 'Renhe'),
    ],
  },
  {
    id: 'linping',
    name: s('临平区', 'Linping'),
    centre: [120.3, 30.42],
    spreadDeg: [0.03, 0.02],
    urbanCommunities: 90,
    central: false,
    streets: [
      street('临平', 'Linping'),
      street('南苑', 'Nanyuan'),
      street('东湖', 'Donghu'),
      street('星桥', 'Xingqiao'),
      street('乔司', 'Qiaosi'),
      street('崇贤', 'Chongxian'),
    ],
  },
  {
    id: 'qiantang',
    name: s('钱塘区', 'Qiantang'),
    centre: [120.38, 30.3],
    spreadDeg: [0.045, 0.018],
    urbanCommunities: 60,
    central: false,
    streets: [
      street('白杨', 'Baiyang'),
      street('下沙', 'Xiasha'),
      street('河庄', 'Hezhuang'),
      street('义蓬', 'Yipeng'),
      street('新湾', 'Xinwan'),
    ],
  },
  {
    id: 'fuyang',
    name: s('富阳区', 'Fuyang'),
    centre: [119.96, 30.05],
    spreadDeg: [0.03, 0.02],
    urbanCommunities: 70,
    central: false,
    streets: [
      street('富春', 'Fuchun'),
      street('银湖', 'Yinhu'),
      street('东洲', 'Dongzhou'),
      street('春江', 'Chunjiang'),
      street('鹿山', 'Lushan'),
    ],
  },
  {
    id: 'linan',
    name: s('临安区', "Lin'an"),
    centre: [119.72, 30.23],
    spreadDeg: [0.03, 0.015],
    urbanCommunities: 50,
    central: false,
    streets: [
      street('锦城', 'Jincheng'),
      street('锦北', 'Jinbei'),
      street('锦南', 'Jinnan'),
      street('玲珑', 'Linglong'),
      street('青山湖', 'Qingshanhu'),
    ],
  },
  {
    id: 'tonglu',
    name: s('桐庐县', 'Tonglu'),
    centre: [119.69, 29.8],
    spreadDeg: [0.018, 0.015],
    urbanCommunities: 35,
    central: false,
    streets: [street('城南', 'Chengnan'), street('旧县', 'Jiuxian'), street('桐君', 'Tongjun'), street('凤川', 'Fengchuan')],
  },
  {
    id: 'chunan',
    name: s('淳安县', "Chun'an"),
    centre: [119.04, 29.61],
    spreadDeg: [0.012, 0.008],
    urbanCommunities: 25,
    central: false,
    streets: [town('千岛湖', 'Qiandaohu')],
  },
  {
    id: 'jiande',
    name: s('建德市', 'Jiande'),
    centre: [119.28, 29.48],
    spreadDeg: [0.02, 0.012],
    urbanCommunities: 40,
    central: false,
    streets: [street('新安江', "Xin'anjiang"), street('洋溪', 'Yangxi'), street('更楼', 'Genglou')],
  },
];

/** West Lake (西湖) itself: no community is placed on the water. Approximate, degrees. */
export const WEST_LAKE_BOX = { west: 120.128, east: 120.162, south: 30.228, north: 30.265 } as const;
