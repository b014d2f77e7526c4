import type { LegendEntry } from '../../layers/buildingColorModes';
import { rgbToCss } from '../../layers/buildingColorModes';
import { useTranslate } from '../StoreContext';

export function Legend({ entries, testId }: { entries: LegendEntry[]; testId?: string }) {
  const t = useTranslate();
  return (
    <ul className="legend" data-testid={testId}>
      {entries.map((entry) => (
        <li key={entry.label}>
          <span className="swatch" style={{ background: rgbToCss(entry.color) }} />
          {entry.literal ? entry.label : t(entry.label)}
        </li>
      ))}
    </ul>
  );
}
