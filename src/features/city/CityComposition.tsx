import type { AreaSummary } from '../../analysis/city/aggregateCity';
import { COMMUNITY_TYPES, RENEWAL_TYPES } from '../../data/city/cityDataset';
import type { CityLocale } from './cityText';

/** The city's communities by type (普惠型/引领型) and by renewal class, as share bars. */
export function CityComposition({ city, locale }: { city: AreaSummary; locale: CityLocale }) {
  const { t, num, percent } = locale;
  const total = city.counts.total || 1;
  const group = (title: string, entries: [string, string, number][]) => (
    <div className="composition-group">
      <h3>{title}</h3>
      {entries.map(([key, label, n]) => (
        <div className="composition-row" key={key} data-testid={`composition-${key}`} data-value={n}>
          <span className="name">{label}</span>
          <span className="bar">
            <span style={{ width: `${(100 * n) / total}%` }} />
          </span>
          <span className="num">
            {num(n)} <span className="muted">({percent(n / total, 0)})</span>
          </span>
        </div>
      ))}
    </div>
  );
  return (
    <section className="city-composition" data-testid="city-composition">
      {group(
        t('city.composition.type'),
        COMMUNITY_TYPES.map((k) => [k, t(`community.type.${k}`), city.byType[k]]),
      )}
      {group(
        t('city.composition.renewal'),
        RENEWAL_TYPES.map((k) => [k, t(`community.renewal.${k}`), city.byRenewal[k]]),
      )}
      <p className="muted small hint">{t('city.district.hint')}</p>
    </section>
  );
}
