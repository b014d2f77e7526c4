import type { LocalizedText } from '../../core/model/types';
import type { Language } from '../../i18n/translate';
import type { Kpi } from '../../scenarios/types';
import { formatValue } from '../../scenarios/units';

/** One KPI: its value in its unit ("<5" where a count of people is suppressed) and its label; the border shows its status. */
export function KpiTile({ kpi, text, language }: { kpi: Kpi; text: (t: LocalizedText) => string; language: Language }) {
  return (
    <div className={`kpi-tile status-${kpi.status}`} data-testid={`kpi-${kpi.id}`} title={kpi.note ? text(kpi.note) : undefined}>
      <div className="kpi-value">
        {kpi.value === null ? (kpi.unavailable === 'suppressed' ? '<5' : '—') : formatValue(kpi.value, kpi.unit, kpi.display, language)}
      </div>
      <div className="kpi-label">{text(kpi.label)}</div>
    </div>
  );
}
