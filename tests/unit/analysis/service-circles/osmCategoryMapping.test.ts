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
    [{ amenity: 'hospital' }, 'health-station'],
    [{ amenity: 'pharmacy' }, null],
    [{ amenity: 'social_facility', 'social_facility:for': 'senior' }, 'elderly-care'],
    [{ amenity: 'social_facility', 'social_facility:for': 'disabled' }, 'disability-aid'],
    [{ amenity: 'community_centre' }, 'community-service'],
    [{ amenity: 'community_centre', name: '景和新村党群服务中心' }, 'party-service-centre'],
    [{ amenity: 'restaurant', name: '景和老年食堂' }, 'elderly-canteen'],
    [{ amenity: 'post_office' }, 'parcel'],
    [{ amenity: 'parcel_locker' }, 'parcel'],
    [{ shop: 'supermarket' }, 'grocery'],
    [{ shop: 'convenience' }, 'grocery'],
    [{ shop: 'greengrocer' }, 'grocery'],
    [{ leisure: 'fitness_centre' }, 'fitness'],
    [{ leisure: 'fitness_station' }, 'fitness'],
    [{ leisure: 'pitch' }, 'fitness'],
    [{ leisure: 'park' }, 'fitness'],
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
