import type { DistrictSummary } from '../../analysis/city/aggregateCity';
import { CITY_STATUSES, type CityCommunity } from '../../data/city/cityDataset';
import { STATUS_COLORS, type CityLocale } from './cityText';

/** The communities of one district (the drill-down of the city list); a row click opens its card. */
export function DistrictCommunities(props: {
  summary: DistrictSummary;
  communities: readonly CityCommunity[];
  selected: string | null;
  onSelect(id: string): void;
  locale: CityLocale;
}) {
  const { summary, communities, selected, locale } = props;
  const { t, text, num, percent } = locale;
  const { counts } = summary;
  return (
    <section className="district-communities" data-testid="district-communities" data-district={summary.district.id}>
      <header>
        <h2>{text(summary.district.name)}</h2>
        <span className="muted">
          {t('city.district.summary', { n: num(counts.total), coverage: percent(summary.coverageShare) })}
          {summary.meanScore !== null ? ` · ${t('city.district.meanScore', { score: num(summary.meanScore, 1) })}` : ''}
        </span>
      </header>
      <div className="status-stack" aria-hidden>
        {CITY_STATUSES.map((s) =>
          counts[s] ? (
            <span key={s} style={{ flex: counts[s], background: STATUS_COLORS[s] }} title={`${t(`city.status.${s}`)} ${counts[s]}`} />
          ) : null,
        )}
      </div>
      <div className="scroll">
        <table className="city-table community-table">
          <thead>
            <tr>
              <th>{t('city.col.name')}</th>
              <th>{t('city.col.status')}</th>
              <th>{t('city.col.type')}</th>
              <th className="num">{t('city.col.year')}</th>
              <th className="num">{t('city.col.score')}</th>
            </tr>
          </thead>
          <tbody>
            {communities.map((c) => (
              <tr
                key={c.id}
                className={`clickable${c.id === selected ? ' selected' : ''}`}
                onClick={() => props.onSelect(c.id)}
                data-testid={`city-community-${c.id}`}
              >
                <th>
                  <button type="button" className="link">
                    {text(c.name)}
                  </button>
                  {c.package && <span className="badge package">3D</span>}
                  <div className="muted small">{text(c.street)}</div>
                </th>
                <td>
                  <span className="dot" style={{ background: STATUS_COLORS[c.status] }} />
                  {t(`city.status.${c.status}`)}
                </td>
                <td>{t(`city.typeShort.${c.type}`)}</td>
                <td className="num">{c.yearCreated}</td>
                <td className="num strong">{num(c.scores.overall)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
