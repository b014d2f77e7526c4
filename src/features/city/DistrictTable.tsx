import type { AreaSummary, DistrictSummary } from '../../analysis/city/aggregateCity';
import { STATUS_COLORS, type CityLocale } from './cityText';

/** All districts with their counts by status and coverage; a row click drills into the district. */
export function DistrictTable(props: {
  districts: readonly DistrictSummary[];
  city: AreaSummary;
  selected: string | null;
  onSelect(id: string): void;
  locale: CityLocale;
}) {
  const { districts, city, selected, locale } = props;
  const { t, text, num, percent } = locale;
  const coverageCell = (share: number) => (
    <td className="coverage-cell">
      <span className="bar">
        <span style={{ width: `${Math.min(100, share * 100)}%` }} />
      </span>
      {percent(share)}
    </td>
  );
  return (
    <table className="city-table district-table" data-testid="district-table">
      <thead>
        <tr>
          <th>{t('city.table.district')}</th>
          <th className="num">{t('city.table.total')}</th>
          <th className="num" style={{ color: STATUS_COLORS.created }}>
            {t('city.status.created')}
          </th>
          <th className="num" style={{ color: STATUS_COLORS.building }}>
            {t('city.status.building')}
          </th>
          <th className="num" style={{ color: STATUS_COLORS.accepted }}>
            {t('city.status.accepted')}
          </th>
          <th className="num">{t('city.table.urban')}</th>
          <th>{t('city.table.coverage')}</th>
        </tr>
      </thead>
      <tbody>
        {districts.map((d) => (
          <tr
            key={d.district.id}
            className={`clickable${d.district.id === selected ? ' selected' : ''}`}
            onClick={() => props.onSelect(d.district.id)}
            data-testid={`district-row-${d.district.id}`}
            data-total={d.counts.total}
          >
            <th>
              <button type="button" className="link">
                {text(d.district.name)}
              </button>
            </th>
            <td className="num strong">{num(d.counts.total)}</td>
            <td className="num">{num(d.counts.created)}</td>
            <td className="num">{num(d.counts.building)}</td>
            <td className="num">{num(d.counts.accepted)}</td>
            <td className="num muted">{num(d.urbanCommunities)}</td>
            {coverageCell(d.coverageShare)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid="district-total" data-total={city.counts.total}>
          <th>{t('city.table.all')}</th>
          <td className="num strong">{num(city.counts.total)}</td>
          <td className="num">{num(city.counts.created)}</td>
          <td className="num">{num(city.counts.building)}</td>
          <td className="num">{num(city.counts.accepted)}</td>
          <td className="num muted">{num(city.urbanCommunities)}</td>
          {coverageCell(city.coverageShare)}
        </tr>
      </tfoot>
    </table>
  );
}
