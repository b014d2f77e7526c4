import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../../src/data/limits';
import { loadTour } from '../../../../src/features/tour/loadTour';
import { createAppStore } from '../../../../src/stores/appStore';

const briefing = readFileSync('models/tours/briefing-nine-scenarios.json', 'utf8');
const app = 'http://wall.intranet:8080/twin/index.html';

/** A server that answers every URL with the built-in briefing, recording what the wall asked for. */
function server(body = briefing) {
  const asked: string[] = [];
  const fetch = (async (url: string) => {
    asked.push(url);
    return new Response(body, { status: 200 });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, asked };
}

describe('loadTour: a crafted ?tour= link cannot make the wall contact another host', () => {
  it('refuses a storyboard on another host without contacting it, and says so on the wall', async () => {
    const store = createAppStore();
    const { fetch, asked } = server();
    await loadTour(store, { url: 'https://evil.example/t.json', play: true, start: true }, undefined, {
      fetch,
      limits: DEFAULT_LIMITS,
      baseUrl: app,
    });
    expect(asked).toEqual([]);
    expect(store.getState().tour).toBeNull();
    expect(store.getState().tourError).toContain('https://evil.example');
    expect(store.getState().tourError).toContain('只能');
  });

  it('loads one from the app’s own server, and from an origin the deployment allows', async () => {
    for (const [url, origins] of [
      ['tours/mine.json', []],
      ['https://gis.intranet/t.json', ['https://gis.intranet']],
    ] as const) {
      const store = createAppStore();
      const { fetch, asked } = server();
      const limits = { ...DEFAULT_LIMITS, tours: { ...DEFAULT_LIMITS.tours, allowedOrigins: [...origins] } };
      await loadTour(store, { url, play: false, start: false }, undefined, { fetch, limits, baseUrl: app });
      expect(asked).toHaveLength(1);
      expect(store.getState().tourError).toBeNull();
      expect(store.getState().tour?.steps.length).toBeGreaterThan(5);
    }
  });

  it('refuses a storyboard larger than tours.maxBytes', async () => {
    const store = createAppStore({ language: 'en' });
    const { fetch } = server(briefing + ' '.repeat(2000));
    const limits = { ...DEFAULT_LIMITS, tours: { ...DEFAULT_LIMITS.tours, maxBytes: briefing.length } };
    await loadTour(store, { url: 'tours/big.json', play: true, start: true }, undefined, { fetch, limits, baseUrl: app });
    expect(store.getState().tour).toBeNull();
    expect(store.getState().tourError).toContain('tours.maxBytes');
  });
});
