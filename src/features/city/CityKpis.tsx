import type { AreaSummary, TargetProgress } from '../../analysis/city/aggregateCity';
import type { CityLocale } from './cityText';

/**
 * The headline numbers: created in total and by status, coverage of urban communities, and each
 * policy target with what was reached by its year. Every tile carries its raw value in data-value.
 */
export function CityKpis({ city, targets, locale }: { city: AreaSummary; targets: readonly TargetProgress[]; locale: CityLocale }) {
  const { t, text, num, percent } = locale;
  const tile = (id: string, label: string, value: string, raw: number, detail: string, tone = '') => (
    <div className={`city-kpi ${tone}`} data-testid={`city-kpi-${id}`} data-value={raw} key={id}>
      <span className="label">{label}</span>
      <strong className="value">{value}</strong>
      <span className="detail">{detail}</span>
    </div>
  );
  const share = (n: number) => percent(city.counts.total ? n / city.counts.total : 0, 0);
  return (
    <section className="city-kpis" data-testid="city-kpis">
      {tile('total', t('city.kpi.total'), num(city.counts.total), city.counts.total, t('city.kpi.totalDetail'), 'accent')}
      {tile(
        'created',
        t('city.status.created'),
        num(city.counts.created),
        city.counts.created,
        t('city.kpi.shareOfAll', { share: share(city.counts.created) }),
        'status-created',
      )}
      {tile(
        'building',
        t('city.status.building'),
        num(city.counts.building),
        city.counts.building,
        t('city.kpi.shareOfAll', { share: share(city.counts.building) }),
        'status-building',
      )}
      {tile(
        'accepted',
        t('city.status.accepted'),
        num(city.counts.accepted),
        city.counts.accepted,
        t('city.kpi.shareOfAll', { share: share(city.counts.accepted) }),
        'status-accepted',
      )}
      {tile(
        'coverage',
        t('city.kpi.coverage'),
        percent(city.coverageShare),
        Number(city.coverageShare.toFixed(4)),
        t('city.kpi.coverageDetail', { n: num(city.counts.total), total: num(city.urbanCommunities) }),
      )}
      {targets.map((p) => {
        const goal =
          p.target.created !== null
            ? `${p.target.qualifier === 'about' ? '≈' : '≥'}${num(p.target.created)}`
            : percent(p.target.coverageShare, 0);
        const reached = p.target.created !== null ? num(p.created) : percent(p.coverageShare);
        const built = p.target.built !== null ? ` · ${t('city.kpi.built', { n: num(p.built), goal: num(p.target.built) })}` : '';
        const state = p.met === true ? 'met' : p.met === false ? 'missed' : 'open';
        return (
          <div
            className={`city-kpi target target-${state}`}
            data-testid={`city-target-${p.target.year}`}
            data-value={p.created}
            data-met={String(p.met)}
            key={p.target.year}
            title={`${p.target.quote}（${p.target.source}）`}
          >
            <span className="label">{text(p.target.label)}</span>
            <strong className="value">
              {reached}
              <small> / {goal}</small>
            </strong>
            <span className="detail">
              <span className={`badge target-${state}`}>{t(`city.target.${state}`)}</span>
              {p.phase === 'open' ? ` ${t('city.kpi.soFar')}` : ''}
              {built}
            </span>
          </div>
        );
      })}
    </section>
  );
}
