import { describe, expect, it } from 'vitest';
import { parseShareState, writeShareState } from '../../../src/app/shareLink';
import { defaultLayerVisibility } from '../../../src/layers/layerCatalog';

describe('share links', () => {
  it('round-trips community, building, camera, layers, colour mode and language', () => {
    const layers = { ...defaultLayerVisibility(), network: true, context: false };
    const state = {
      community: 'sample-jinghe',
      building: 'JH-B012',
      camera: { lon: 120.180512, lat: 30.262001, heightMeters: 850, headingDeg: 20.5, pitchDeg: -40 },
      layers,
      colorMode: 'elevator' as const,
      language: 'en' as const,
      serviceCategory: 'kindergarten' as const,
    };
    expect(parseShareState(writeShareState(state))).toEqual(state);
  });

  it('parses ?scenario= once into a registry id: unknown, misspelt or other-case ids are dropped', () => {
    expect(parseShareState('?scenario=health').scenario).toBe('health');
    expect(parseShareState('?scenario=party-building').scenario).toBe('party-building');
    expect(parseShareState('?scenario=Health').scenario).toBeUndefined();
    expect(parseShareState('?scenario=sunlight').scenario).toBeUndefined();
    expect(writeShareState({ scenario: 'low-carbon' })).toBe('?scenario=low-carbon');
  });

  it('keeps parameters it does not own and leaves defaults out', () => {
    const search = writeShareState(
      { community: 'c', layers: defaultLayerVisibility(), colorMode: 'use', language: 'zh-CN' },
      '?mode=screen&profile=light',
    );
    const params = new URLSearchParams(search);
    expect(params.get('mode')).toBe('screen');
    expect(params.get('profile')).toBe('light');
    expect(params.has('layers')).toBe(false);
    expect(params.has('color')).toBe(false);
    expect(params.has('lang')).toBe(false);
  });

  it('ignores malformed values instead of failing', () => {
    expect(parseShareState('?cam=1,2&color=rainbow&lang=fr&building=<script>')).toEqual({});
  });

  it('accepts ?lang=zh as Chinese', () => {
    expect(parseShareState('?lang=zh').language).toBe('zh-CN');
  });

  it('writes only the keys of the share state — nothing a caller adds by mistake reaches the URL', () => {
    const leaky = { community: 'c', name: '张三', phone: '13812341234' } as unknown as Parameters<typeof writeShareState>[0];
    const search = writeShareState(leaky);
    expect(search).toBe('?community=c');
  });
});

describe('share links of the base', () => {
  it('keep the base sources shown and the city colouring, and read back the same', () => {
    const search = writeShareState({ baseShown: ['natural-earth', 'city'], cityColorMode: 'height' });
    expect(search).toBe('?base=natural-earth%2Ccity&city=height');
    expect(parseShareState(search)).toMatchObject({ baseShown: ['natural-earth', 'city'], cityColorMode: 'height' });
    // Every source off is a choice too; an unsafe id is dropped; an unknown colouring ignored.
    expect(parseShareState(writeShareState({ baseShown: [] })).baseShown).toEqual([]);
    expect(parseShareState('?base=a,<script>&city=rainbow')).toEqual({ baseShown: ['a'] });
    expect(writeShareState({ baseShown: null, cityColorMode: 'plain' })).toBe('');
  });
});
