import type { CityCommunity, CityDataset } from '../../../../src/data/city/cityDataset';

/**
 * A hand-made list of two districts and five communities, small enough to count by eye:
 *
 *   id    district urban year status   (accepted) type    renewal     score
 *   a-1   a        10    2019 accepted 2021       puhui   renewal     90
 *   a-2   a              2021 building            yinling new-build   70
 *   a-3   a              2023 created             puhui   whole-area  50
 *   b-1   b        5     2022 accepted 2023       yinling renewal     80
 *   b-2   b              2024 building            puhui   renewal     60
 */
export function tinyCity(): CityDataset {
  const community = (
    c: Partial<CityCommunity> & Pick<CityCommunity, 'id' | 'district' | 'status' | 'type' | 'renewal' | 'yearCreated'>,
    score: number,
  ): CityCommunity => ({
    name: { zh: `${c.id}社区`, en: `${c.id} Community` },
    street: { zh: '某街道', en: 'Some Subdistrict' },
    position: c.district === 'a' ? [120.2, 30.3] : [119.7, 29.8],
    scores: { overall: score },
    ...c,
  });
  return {
    format: 'fct-city-communities',
    formatVersion: '1.0',
    city: { zh: '测试市', en: 'Test City' },
    asOf: '2025-06-30',
    sources: [],
    districts: [
      { id: 'a', name: { zh: '甲区', en: 'A' }, centre: [120.2, 30.3], urbanCommunities: 10 },
      { id: 'b', name: { zh: '乙区', en: 'B' }, centre: [119.7, 29.8], urbanCommunities: 5 },
    ],
    communities: [
      community(
        { id: 'a-1', district: 'a', status: 'accepted', yearAccepted: 2021, type: 'puhui', renewal: 'renewal', yearCreated: 2019 },
        90,
      ),
      community({ id: 'a-2', district: 'a', status: 'building', type: 'yinling', renewal: 'new-build', yearCreated: 2021 }, 70),
      community({ id: 'a-3', district: 'a', status: 'created', type: 'puhui', renewal: 'whole-area', yearCreated: 2023 }, 50),
      community(
        { id: 'b-1', district: 'b', status: 'accepted', yearAccepted: 2023, type: 'yinling', renewal: 'renewal', yearCreated: 2022 },
        80,
      ),
      community({ id: 'b-2', district: 'b', status: 'building', type: 'puhui', renewal: 'renewal', yearCreated: 2024 }, 60),
    ],
  };
}
