import { useMemo, useState } from 'react';
import type { DistrictSummary } from '../../analysis/city/aggregateCity';
import { sortGaps, type CommunityGap, type DistrictGap, type GapSortKey } from '../../analysis/city/districtCoverage';
import type { CityCommunity } from '../../data/city/cityDataset';
import { STATUS_COLORS, type CityLocale } from './cityText';

/** A column header that sorts the table by its key; `aria-sort` says which one does. */
function SortHeader(props: {
  sortKey: GapSortKey;
  current: GapSortKey;
  onSort(key: GapSortKey): void;
  label: string;
  className?: string;
  testId: string;
}) {
  const active = props.sortKey === props.current;
  return (
    <th className={props.className} aria-sort={active ? (props.sortKey === 'name' ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className={`link sort${active ? ' current' : ''}`}
        onClick={() => props.onSort(props.sortKey)}
        data-testid={props.testId}
      >
        {props.label}
        {active ? (props.sortKey === 'name' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
}

const gapBar = (share: number | null, percent: CityLocale['percent']) => (
  <td className="coverage-cell gap-cell">
    {share === null ? (
      '–'
    ) : (
      <>
        <span className="bar gap">
          <span style={{ width: `${Math.min(100, share * 100)}%` }} />
        </span>
        {percent(share)}
      </>
    )}
  </td>
);

/**
 * Districts by their 一老一小 service gap (补短板: which district's elderly and small children most lack
 * a nursery, kindergarten, elderly care or canteen within the rule's walk), largest first; headers
 * re-sort; a row click drills into the district.
 */
export function DistrictGapTable(props: {
  gaps: readonly DistrictGap[];
  districts: readonly DistrictSummary[];
  selected: string | null;
  onSelect(id: string): void;
  locale: CityLocale;
}) {
  const { t, text, num, percent } = props.locale;
  const [sortKey, setSortKey] = useState<GapSortKey>('gap');
  const names = useMemo(() => new Map(props.districts.map((d) => [d.district.id, text(d.district.name)])), [props.districts, text]);
  const rows = sortGaps(props.gaps, sortKey, (d) => names.get(d.district) ?? d.district, props.locale.language);
  const leftOut = props.gaps.reduce((n, d) => n + d.leftOut, 0);
  return (
    <>
      <table className="city-table district-table gap-table" data-testid="district-gap-table" data-sort={sortKey}>
        <thead>
          <tr>
            <SortHeader sortKey="name" current={sortKey} onSort={setSortKey} label={t('city.table.district')} testId="gap-sort-name" />
            <th className="num">{t('city.gaps.communities')}</th>
            <SortHeader
              sortKey="gap"
              current={sortKey}
              onSort={setSortKey}
              label={t('city.gaps.gap')}
              className="num"
              testId="gap-sort-gap"
            />
            <SortHeader sortKey="gapShare" current={sortKey} onSort={setSortKey} label={t('city.gaps.share')} testId="gap-sort-share" />
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr
              key={d.district}
              className={`clickable${d.district === props.selected ? ' selected' : ''}`}
              onClick={() => props.onSelect(d.district)}
              data-testid={`gap-row-${d.district}`}
              data-gap={d.gap}
              data-share={d.gapShare ?? ''}
            >
              <th>
                <button type="button" className="link">
                  {names.get(d.district) ?? d.district}
                </button>
              </th>
              <td className="num muted">{num(d.communities)}</td>
              <td className="num strong">{num(d.gap)}</td>
              {gapBar(d.gapShare, percent)}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small" data-testid="gap-note">
        {t('city.gaps.note')}
        {leftOut > 0 ? ` ${t('city.gaps.leftOut', { n: num(leftOut) })}` : ''}
      </p>
    </>
  );
}

/** One district's communities by their 一老一小 gap, largest first; a row click opens the community's card. */
export function DistrictGapCommunities(props: {
  districtName: string;
  gaps: readonly CommunityGap[];
  communities: ReadonlyMap<string, CityCommunity>;
  selected: string | null;
  onSelect(id: string): void;
  locale: CityLocale;
}) {
  const { t, text, num, percent } = props.locale;
  const [sortKey, setSortKey] = useState<GapSortKey>('gap');
  const nameOf = (g: CommunityGap) => {
    const c = props.communities.get(g.id);
    return c ? text(c.name) : g.id;
  };
  const rows = sortGaps(props.gaps, sortKey, nameOf, props.locale.language);
  return (
    <section className="district-communities" data-testid="gap-communities">
      <header>
        <h2>{t('city.gaps.districtTitle', { district: props.districtName })}</h2>
      </header>
      <div className="scroll">
        <table className="city-table community-table" data-sort={sortKey}>
          <thead>
            <tr>
              <SortHeader
                sortKey="name"
                current={sortKey}
                onSort={setSortKey}
                label={t('city.col.name')}
                testId="gap-community-sort-name"
              />
              <th>{t('city.col.status')}</th>
              <SortHeader
                sortKey="gap"
                current={sortKey}
                onSort={setSortKey}
                label={t('city.gaps.gap')}
                className="num"
                testId="gap-community-sort-gap"
              />
              <SortHeader
                sortKey="gapShare"
                current={sortKey}
                onSort={setSortKey}
                label={t('city.gaps.share')}
                testId="gap-community-sort-share"
              />
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => {
              const c = props.communities.get(g.id);
              return (
                <tr
                  key={g.id}
                  className={`clickable${g.id === props.selected ? ' selected' : ''}`}
                  onClick={() => props.onSelect(g.id)}
                  data-testid={`gap-community-${g.id}`}
                  data-gap={g.gap ?? ''}
                >
                  <th>
                    <button type="button" className="link">
                      {nameOf(g)}
                    </button>
                  </th>
                  <td>
                    {c && (
                      <>
                        <span className="dot" style={{ background: STATUS_COLORS[c.status] }} />
                        {t(`city.status.${c.status}`)}
                      </>
                    )}
                  </td>
                  <td className="num strong">{g.suppressed ? '<5' : g.gap === null ? '–' : num(g.gap)}</td>
                  {gapBar(g.gapShare, percent)}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
