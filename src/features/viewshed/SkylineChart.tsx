import type { Skyline } from '../../analysis/viewshed/skyline';
import { useTranslate } from '../../ui/StoreContext';

const WIDTH = 360;
const HEIGHT = 90;
/** The chart's top: 45° covers a street canyon's walls; steeper skylines are clipped at it. */
const TOP_DEG = 45;

/**
 * The skyline as a profile: compass direction across (N E S W N), elevation up; the highest point named.
 * Drawn as SVG from numbers only (no HTML from data).
 */
export function SkylineChart({ skyline, nameOf }: { skyline: Skyline; nameOf(prism: number): string }) {
  const t = useTranslate();
  const { elevationDeg, stepDeg } = skyline;
  const y = (deg: number) => HEIGHT - (Math.min(deg, TOP_DEG) / TOP_DEG) * HEIGHT;
  const points = Array.from(elevationDeg, (deg, k) => `${(k * stepDeg).toFixed(1)},${y(deg).toFixed(1)}`);
  points.push(`${WIDTH},${y(elevationDeg[0])}`);
  let top = 0;
  for (let k = 1; k < elevationDeg.length; k++) if (elevationDeg[k] > elevationDeg[top]) top = k;
  const open = elevationDeg.filter((deg) => deg === 0).length / elevationDeg.length;
  return (
    <figure className="skyline" data-testid="skyline" data-top-deg={elevationDeg[top].toFixed(2)} data-top-azimuth={top * stepDeg}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 14}`} role="img" aria-label={t('viewshed.skyline')}>
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="skyline-sky" />
        <polygon points={`0,${HEIGHT} ${points.join(' ')} ${WIDTH},${HEIGHT}`} className="skyline-mass" />
        {['N', 'E', 'S', 'W', 'N'].map((label, i) => (
          <text key={i} x={i * 90} y={HEIGHT + 12} textAnchor={i === 0 ? 'start' : i === 4 ? 'end' : 'middle'} className="skyline-axis">
            {label}
          </text>
        ))}
      </svg>
      <figcaption className="hint">
        {elevationDeg[top] > 0
          ? t('viewshed.skylineTop', {
              deg: elevationDeg[top].toFixed(1),
              azimuth: top * stepDeg,
              building: nameOf(skyline.prism[top]),
              open: `${(open * 100).toFixed(0)}%`,
            })
          : t('viewshed.skylineOpen')}
      </figcaption>
    </figure>
  );
}
