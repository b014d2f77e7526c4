import { describe, expect, it } from 'vitest';
import { categoryFromOsmTags, isWalkableOsmWay, OSM_CATEGORY_ROWS } from '../../../../src/analysis/service-circles/osmCategoryMapping';
import { FACILITY_CATEGORIES } from '../../../../src/core/model/types';

describe('OSM tags → facility categories', () => {
  it.each([
    [{ amenity: 'kindergarten' }, 'kindergarten'],
    [{ amenity: 'childcare' }, 'nursery'],
    [{ amenity: 'school' }, 'primary-school'],
    [{ amenity: 'school', 'isced:level': '2' }, 'middle-school'],
    [{ amenity: 'school', 'isced:level': '1;2' }, 'middle-school'],
    [{ amenity: 'school', name: '育才初级中学' }, 'middle-school'],
    [{ amenity: 'clinic' }, 'health-station'],
    [{ amenity: 'doctors' }, 'health-station'],
    // A hospital is no 社区卫生服务站; a 社区卫生服务中心 by name is the street tier's centre.
    [{ amenity: 'hospital' }, null],
    [{ amenity: 'hospital', name: '景和街道社区卫生服务中心' }, 'community-health-centre'],
    [{ healthcare: 'centre' }, 'community-health-centre'],
    [{ amenity: 'pharmacy' }, 'convenience-shop'],
    // "中学" may be a senior high school (高中) or a 完全中学: only 初中 / ISCED 2 is the 15-minute 初中.
    [{ amenity: 'school', name: '杭州第十四中学' }, null],
    [{ amenity: 'school', name: '景和高级中学' }, null],
    [{ amenity: 'nursing_home' }, 'nursing-home'],
    [{ amenity: 'social_facility', social_facility: 'nursing_home' }, 'nursing-home'],
    [{ amenity: 'townhall' }, null],
    [{ office: 'government' }, null],
    [{ office: 'government', name: '景和社区居委会' }, 'community-service'],
    [{ railway: 'station', station: 'subway' }, 'metro-station'],
    [{ amenity: 'toilets' }, 'public-toilet'],
    [{ amenity: 'social_facility', 'social_facility:for': 'senior' }, 'elderly-care'],
    [{ amenity: 'social_facility', 'social_facility:for': 'disabled' }, 'disability-aid'],
    [{ amenity: 'community_centre' }, 'community-service'],
    [{ amenity: 'community_centre', name: '景和新村党群服务中心' }, 'party-service-centre'],
    [{ amenity: 'restaurant', name: '景和老年食堂' }, 'elderly-canteen'],
    [{ amenity: 'post_office' }, 'parcel'],
    [{ amenity: 'parcel_locker' }, 'parcel'],
    [{ shop: 'supermarket' }, 'grocery'],
    // A convenience store is a 便民商业网点, not a 菜市场 or 生鲜超市.
    [{ shop: 'convenience' }, 'convenience-shop'],
    [{ shop: 'greengrocer' }, 'grocery'],
    [{ leisure: 'fitness_centre' }, null],
    [{ leisure: 'fitness_station' }, 'fitness'],
    [{ leisure: 'pitch' }, 'fitness'],
    // A park is green space and a playground a block play ground: neither is a 健身场地.
    [{ leisure: 'park' }, null],
    [{ leisure: 'playground' }, null],
    [{ leisure: 'sports_centre' }, 'sports-centre'],
    [{ highway: 'bus_stop' }, 'bus-stop'],
    [{ public_transport: 'platform', bus: 'yes' }, 'bus-stop'],
    [{ amenity: 'parking' }, 'parking'],
    [{ amenity: 'recycling' }, 'waste-sorting'],
    [{ building: 'apartments' }, null],
    [{ amenity: 7 }, null],
  ])('%o → %s', (tags, category) => {
    expect(categoryFromOsmTags(tags)).toBe(category);
  });

  it('maps only to categories of our vocabulary', () => {
    for (const row of OSM_CATEGORY_ROWS) if (row.category !== null) expect(FACILITY_CATEGORIES).toContain(row.category);
  });

  it('walks everything but motorways, ways under construction and ways closed to pedestrians', () => {
    expect(isWalkableOsmWay({ highway: 'steps' })).toBe(true);
    expect(isWalkableOsmWay({ highway: 'footway' })).toBe(true);
    expect(isWalkableOsmWay({ kind: 'crossing' })).toBe(true);
    expect(isWalkableOsmWay({ highway: 'motorway' })).toBe(false);
    expect(isWalkableOsmWay({ highway: 'residential', foot: 'no' })).toBe(false);
    expect(isWalkableOsmWay({ highway: 'service', access: 'private' })).toBe(false);
    expect(isWalkableOsmWay({ highway: 'service', access: 'private', foot: 'yes' })).toBe(true);
  });
});
