import { useEffect, useMemo, useRef, useState } from 'react';
import type { DistrictSummary } from '../../analysis/city/aggregateCity';
import type { LonLat } from '../../core/model/types';
import { CITY_STATUSES, type CityCommunity } from '../../data/city/cityDataset';
import { STATUS_COLORS, type CityLocale } from './cityText';
import { boundsOf, convexHull, fitProjection, scaleBar, type GeoBounds } from './mapProjection';

/**
 * Where each district's label goes on the whole-city map, [lon, lat] and text anchor. The main
 * districts sit close together, so their labels are pulled out to free space with a leader line;
 * the outer ones sit just below their points. Hand-placed for the bundled list; districts not
 * listed here are labelled at their centre.
 */
const LABELS: Record<string, { at: LonLat; anchor: 'start' | 'middle' | 'end' }> = {
  yuhang: { at: [119.9, 30.4], anchor: 'end' },
  gongshu: { at: [120.12, 30.405], anchor: 'middle' },
  linping: { at: [120.37, 30.49], anchor: 'start' },
  shangcheng: { at: [120.27, 30.362], anchor: 'start' },
  qiantang: { at: [120.36, 30.232], anchor: 'start' },
  xihu: { at: [120.03, 30.19], anchor: 'end' },
  binjiang: { at: [120.12, 30.14], anchor: 'end' },
  xiaoshan: { at: [120.37, 30.1], anchor: 'start' },
  fuyang: { at: [119.96, 29.985], anchor: 'middle' },
  linan: { at: [119.72, 30.175], anchor: 'middle' },
  tonglu: { at: [119.69, 29.745], anchor: 'middle' },
  chunan: { at: [119.04, 29.57], anchor: 'middle' },
  jiande: { at: [119.28, 29.44], anchor: 'middle' },
};

/**
 * 杭州主城区: the eight urban districts (上城、拱墅、西湖、滨江、萧山、余杭、临平、钱塘) where most
 * future communities are; the "main urban area" view fits them.
 */
export const MAIN_URBAN_DISTRICTS: readonly string[] = [
  'shangcheng',
  'gongshu',
  'xihu',
  'binjiang',
  'xiaoshan',
  'yuhang',
  'linping',
  'qiantang',
];

export type MapExtent = 'city' | 'main';

/** Rough width of a label in pixels (CJK ≈ 1 em, Latin ≈ 0.6 em), to keep labels inside the map. */
function labelWidth(label: string, fontPx: number): number {
  let em = 0;
  for (const ch of label) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return em * fontPx;
}

function useSize(ref: React.RefObject<HTMLElement | null>): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const { width, height } = element.getBoundingClientRect();
      setSize((s) => (s && Math.abs(s.width - width) < 1 && Math.abs(s.height - height) < 1 ? s : { width, height }));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

const rootFontPx = () => Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 14;

/**
 * The city as an SVG plot: every future community a dot coloured by status at its (approximate)
 * position, an equirectangular projection, a faint hull around each district's dots (a hint of
 * where the district's communities are, not its boundary), labels, graticule and scale bar. No base
 * map: the screen works offline. With a district selected, the map zooms to it.
 */
export function CityMap(props: {
  extent: MapExtent;
  districts: readonly DistrictSummary[];
  communities: readonly CityCommunity[];
  selectedDistrict: string | null;
  selectedCommunity: string | null;
  onSelectDistrict(id: string): void;
  onSelectCommunity(id: string): void;
  locale: CityLocale;
}) {
  const { extent, districts, communities, selectedDistrict, selectedCommunity, locale } = props;
  const { t, text } = locale;
  const box = useRef<HTMLDivElement>(null);
  const size = useSize(box);

  const byDistrict = useMemo(() => {
    const map = new Map<string, CityCommunity[]>(districts.map((d) => [d.district.id, []]));
    for (const c of communities) map.get(c.district)?.push(c);
    return map;
  }, [districts, communities]);

  const bounds: GeoBounds = useMemo(() => {
    if (selectedDistrict) {
      const points = (byDistrict.get(selectedDistrict) ?? []).map((c) => c.position);
      const centre = districts.find((d) => d.district.id === selectedDistrict)?.district.centre;
      return boundsOf(points.length ? points : centre ? [centre] : [], 0.12, 0.04);
    }
    if (extent === 'main') {
      const main = communities.filter((c) => MAIN_URBAN_DISTRICTS.includes(c.district)).map((c) => c.position);
      if (main.length) return boundsOf(main, 0.04);
    }
    const points = [
      ...communities.map((c) => c.position),
      ...districts.map((d) => d.district.centre),
      ...Object.values(LABELS).map((l) => l.at),
    ];
    return boundsOf(points, 0.03);
  }, [extent, selectedDistrict, byDistrict, communities, districts]);

  if (!size) return <div className="city-map" ref={box} />;
  const rem = rootFontPx();
  const pad = 1.6 * rem;
  const projection = fitProjection(bounds, { x: pad, y: pad * 1.6, width: size.width - 2 * pad, height: size.height - pad * 2.8 });
  const project = projection.project;
  const zoomed = selectedDistrict !== null;
  const mainView = !zoomed && extent === 'main';
  const radius = (zoomed ? 0.42 : mainView ? 0.32 : 0.24) * rem;
  const labelFontPx = 0.85 * rem;
  const bar = scaleBar(projection.pixelsPerDegree, 7 * rem);

  // Graticule every 0.5° (whole city) or 0.05° (zoomed), labelled at the edges.
  const step = zoomed ? 0.05 : mainView ? 0.1 : 0.5;
  const lons: number[] = [];
  const lats: number[] = [];
  for (let v = Math.ceil(bounds.west / step) * step; v <= bounds.east; v += step) lons.push(Number(v.toFixed(2)));
  for (let v = Math.ceil(bounds.south / step) * step; v <= bounds.north; v += step) lats.push(Number(v.toFixed(2)));

  return (
    <div className="city-map" ref={box}>
      <svg
        width={size.width}
        height={size.height}
        viewBox={`0 0 ${size.width} ${size.height}`}
        data-testid="city-map"
        role="img"
        aria-label={t('city.map.title')}
      >
        <g className="graticule">
          {lons.map((lon) => {
            const [x] = project([lon, bounds.south]);
            return (
              <g key={`lon${lon}`}>
                <line x1={x} x2={x} y1={0} y2={size.height} />
                <text x={x + 0.2 * rem} y={size.height - 0.4 * rem}>{`${lon.toFixed(zoomed ? 2 : 1)}°E`}</text>
              </g>
            );
          })}
          {lats.map((lat) => {
            const [, y] = project([bounds.west, lat]);
            return (
              <g key={`lat${lat}`}>
                <line x1={0} x2={size.width} y1={y} y2={y} />
                <text x={size.width - 0.3 * rem} y={y - 0.25 * rem} textAnchor="end">{`${lat.toFixed(zoomed ? 2 : 1)}°N`}</text>
              </g>
            );
          })}
        </g>

        {districts.map(({ district }) => {
          const points = (byDistrict.get(district.id) ?? []).map((c) => project(c.position));
          if (points.length < 3) return null;
          const hull = convexHull(points);
          const selected = district.id === selectedDistrict;
          return (
            <polygon
              key={`hull-${district.id}`}
              className={`district-hull${selected ? ' selected' : ''}${zoomed && !selected ? ' dimmed' : ''}`}
              points={hull.map((p) => p.join(',')).join(' ')}
              strokeWidth={Math.max(1, radius * (zoomed ? 1.6 : 3))}
              onClick={() => props.onSelectDistrict(district.id)}
              data-testid={`map-district-${district.id}`}
            />
          );
        })}

        <g className="points">
          {communities.map((c) => {
            const [x, y] = project(c.position);
            const dim = zoomed && c.district !== selectedDistrict;
            return (
              <circle
                key={c.id}
                cx={x}
                cy={y}
                r={radius}
                fill={STATUS_COLORS[c.status]}
                opacity={dim ? 0.22 : 0.95}
                className={c.package ? 'has-package' : undefined}
                onClick={() => props.onSelectCommunity(c.id)}
              >
                <title>{`${text(c.name)} · ${t(`city.status.${c.status}`)}`}</title>
              </circle>
            );
          })}
        </g>

        {selectedCommunity &&
          (() => {
            const c = communities.find((x) => x.id === selectedCommunity);
            if (!c) return null;
            const [x, y] = project(c.position);
            return (
              <g className="selected-community" pointerEvents="none">
                <circle cx={x} cy={y} r={radius * 2.4} />
                <text x={x + radius * 3} y={y + 0.35 * rem}>
                  {text(c.name)}
                </text>
              </g>
            );
          })()}

        {!zoomed && (
          <g className="district-labels" data-extent={extent}>
            {districts.map(({ district, counts }) => {
              // Whole city: hand-placed labels with leader lines; main urban area: at the centres, with room enough.
              const label = (!mainView && LABELS[district.id]) || { at: district.centre, anchor: 'middle' as const };
              const [cx, cy] = project(district.centre);
              const [labelX, ly] = project(label.at);
              let lx = labelX;
              if (lx < -2 * rem || lx > size.width + 2 * rem || ly < 0 || ly > size.height) return null;
              // Kept inside the map: a label running off the edge is shifted back in.
              const w = labelWidth(`${text(district.name)} ${counts.total}`, labelFontPx);
              const left = label.anchor === 'start' ? lx : label.anchor === 'end' ? lx - w : lx - w / 2;
              lx += Math.max(0, 0.3 * rem - left) - Math.max(0, left + w - (size.width - 0.3 * rem));
              const far = Math.hypot(lx - cx, ly - cy) > 2.2 * rem;
              // The leader line ends at the label's near edge.
              const lineEndY = ly - 0.35 * rem;
              return (
                <g key={`label-${district.id}`} onClick={() => props.onSelectDistrict(district.id)} className="district-label">
                  {far && <line x1={cx} y1={cy} x2={lx} y2={lineEndY} />}
                  <text x={lx} y={ly} textAnchor={label.anchor} data-testid={`map-label-${district.id}`}>
                    {text(district.name)}
                    <tspan className="count" dx={0.3 * rem}>
                      {counts.total}
                    </tspan>
                  </text>
                </g>
              );
            })}
          </g>
        )}

        <g className="scale-bar" transform={`translate(${pad}, ${size.height - 1.7 * rem})`}>
          <rect x={-0.4 * rem} y={-1.45 * rem} width={bar.pixels + 0.8 * rem} height={1.75 * rem} rx={3} />
          <line x1={0} x2={bar.pixels} y1={0} y2={0} />
          <line x1={0} x2={0} y1={-0.3 * rem} y2={0} />
          <line x1={bar.pixels} x2={bar.pixels} y1={-0.3 * rem} y2={0} />
          <text x={bar.pixels / 2} y={-0.45 * rem} textAnchor="middle">{`${bar.km} km`}</text>
        </g>
      </svg>
      <ul className="city-legend" aria-label={t('city.map.legend')}>
        {CITY_STATUSES.map((status) => (
          <li key={status}>
            <span className="dot" style={{ background: STATUS_COLORS[status] }} />
            {t(`city.status.${status}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
