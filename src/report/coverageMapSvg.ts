import type { CoverageMap, MapBuildingClass } from './reportModel';

/**
 * The coverage map as an inline SVG, drawn by plain code (no map library, no tiles, no network):
 * footprints filled by class, the walking network, the package boundary, the facilities, a 100 m
 * scale bar and a north arrow. Coordinates are the model's local metres; SVG y grows downwards, so
 * north is flipped up. Numbers carry one decimal at most.
 */
export const MAP_CLASS_COLORS: Record<MapBuildingClass, string> = {
  within: '#3c9d5d',
  beyond: '#e0892b',
  unreachable: '#c2463d',
  'not-home': '#cbd2d9',
};

const MARGIN_METERS = 20;
/** A strip under the drawing for the scale bar and the north arrow, so they never cover a building. */
const LEGEND_STRIP = 50;
const r1 = (x: number) => String(Math.round(x * 10) / 10);

export function coverageMapSvg(map: CoverageMap, labels: { north: string; scale: string }): string {
  const w = map.widthMeters + 2 * MARGIN_METERS;
  const h = map.heightMeters + 2 * MARGIN_METERS + LEGEND_STRIP;
  const pt = ([x, y]: [number, number]) => `${r1(x + MARGIN_METERS)},${r1(map.heightMeters - y + MARGIN_METERS)}`;
  const ringPath = (ring: [number, number][]) => `M${ring.map(pt).join('L')}Z`;
  const streets = map.streets.map((line) => `<polyline points="${line.map(pt).join(' ')}"/>`).join('');
  const buildings = map.buildings.map((b) => `<path d="${b.rings.map(ringPath).join('')}" fill="${MAP_CLASS_COLORS[b.cls]}"/>`).join('');
  const boundary = map.boundary.map((ring) => `<path d="${ringPath(ring)}"/>`).join('');
  const facilities = map.facilities
    .map((p) => {
      const [x, y] = pt(p).split(',');
      return `<circle cx="${x}" cy="${y}" r="7"/>`;
    })
    .join('');
  // Scale bar 100 m and north arrow in the strip under the drawing.
  const sx = MARGIN_METERS;
  const sy = h - 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${r1(w)} ${r1(h)}" class="coverage-map" role="img">`,
    `<rect width="${r1(w)}" height="${r1(h)}" fill="#ffffff"/>`,
    `<g fill="none" stroke="#9aa5b1" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">${streets}</g>`,
    `<g stroke="#ffffff" stroke-width="0.8">${buildings}</g>`,
    `<g fill="none" stroke="#52606d" stroke-width="2" stroke-dasharray="10 6">${boundary}</g>`,
    `<g fill="#1f2933" stroke="#ffffff" stroke-width="2.5">${facilities}</g>`,
    `<g font-size="14" fill="#1f2933" font-family="sans-serif">`,
    `<path d="M${sx} ${sy}h100" stroke="#1f2933" stroke-width="3"/><path d="M${sx} ${sy - 6}v6M${sx + 100} ${sy - 6}v6" stroke="#1f2933" stroke-width="2"/>`,
    `<text x="${sx}" y="${sy - 12}">${labels.scale}</text>`,
    `<path d="M${sx + 115} ${sy - 4}l-7 -16h14z" fill="#1f2933"/><text x="${sx + 110}" y="${sy - 26}" font-weight="700">${labels.north}</text>`,
    `</g>`,
    `</svg>`,
  ].join('');
}
