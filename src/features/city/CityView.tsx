import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  cityProgressByYear,
  communitiesOfDistrict,
  progressAgainstTargets,
  summariseCity,
  summariseDistricts,
} from '../../analysis/city/aggregateCity';
import { HANGZHOU_TARGETS } from '../../analysis/city/targets';
import { communityGaps, districtGaps } from '../../analysis/city/districtCoverage';
import type { CityDataset } from '../../data/city/cityDataset';
import type { CommunityCoverageFile } from '../../data/city/communityCoverageFile';
import type { Language } from '../../i18n/translate';
import { OptionChart } from '../../ui/charts/OptionChart';
import { cumulativeChartOption, districtChartOption, type ChartText } from './cityChartOptions';
import { CityComposition } from './CityComposition';
import { CityKpis } from './CityKpis';
import { CityMap, type MapExtent } from './CityMap';
import { cityLocale } from './cityText';
import { CommunityCard } from './CommunityCard';
import { DistrictCommunities } from './DistrictCommunities';
import { DistrictTable } from './DistrictTable';
import { DistrictGapCommunities, DistrictGapTable } from './GapTables';
import './city.css';

export interface CitySelection {
  district: string | null;
  community: string | null;
}

export type CityLoadState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      dataset: CityDataset;
      plannerHref: (communityId: string) => string | null;
      /** The 3D base over a community (the planner's camera at its position). */
      baseHref?: (communityId: string) => string;
      /** The published service-circle coverage of the communities, fetched when first asked for. */
      loadCoverage?: (signal: AbortSignal) => Promise<CommunityCoverageFile>;
    };

/** What the side table shows: progress of creation (创建进度) or the 一老一小 service gaps (补短板). */
export type CityTable = 'progress' | 'gaps';

type CoverageState =
  { status: 'idle' | 'loading' } | { status: 'error'; message: string } | { status: 'ready'; file: CommunityCoverageFile };

/** Chart text follows the root font: 1 at 1080p (14 px), ≈ 1.9 at 4K (26 px). */
const chartText = (): ChartText => {
  const root = getComputedStyle(document.documentElement);
  return { fontScale: (Number.parseFloat(root.fontSize) || 14) / 14, fontFamily: root.fontFamily || 'sans-serif' };
};

/** Re-renders on a font-size breakpoint (1080p ↔ 1440p ↔ 4K) so charts pick up the new scale. */
function useChartText(): ChartText {
  const [value, setValue] = useState(chartText);
  useEffect(() => {
    const onResize = () =>
      setValue((v) => {
        const next = chartText();
        return next.fontScale === v.fontScale ? v : next;
      });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return value;
}

/**
 * City-wide progress of future communities (`?view=city`): headline numbers against the policy
 * targets, a map of every community, charts by year and district, and a district table that drills
 * down to a district's communities and to one community's card. `data-ready` on the root turns true
 * once the list is shown and both charts are drawn.
 */
export function CityView(props: {
  state: CityLoadState;
  language: Language;
  selection: CitySelection;
  onSelectionChange(selection: CitySelection): void;
  languageHref: string;
  /** The table shown first (`?table=gaps`). */
  initialTable?: CityTable;
  onTableChange?(table: CityTable): void;
}) {
  const { state, language, selection } = props;
  const locale = useMemo(() => cityLocale(language), [language]);
  const { t, text } = locale;
  const chartStyle = useChartText();
  const [chartsDrawn, setChartsDrawn] = useState(0);
  const [extent, setExtent] = useState<MapExtent>('city');
  const chartDrawn = useCallback(() => setChartsDrawn((n) => n + 1), []);
  const dataset = state.status === 'ready' ? state.dataset : null;
  const [table, setTable] = useState<CityTable>(props.initialTable ?? 'progress');
  const [coverage, setCoverage] = useState<CoverageState>({ status: 'idle' });
  const loadCoverage = state.status === 'ready' ? state.loadCoverage : undefined;

  // The coverage file is a few MB: fetched only once the gaps table is first shown.
  useEffect(() => {
    if (table !== 'gaps' || !loadCoverage || coverage.status !== 'idle') return;
    const controller = new AbortController();
    setCoverage({ status: 'loading' });
    loadCoverage(controller.signal).then(
      (file) => setCoverage({ status: 'ready', file }),
      (error: unknown) => {
        if (!controller.signal.aborted) setCoverage({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- started once per load; the status guard keeps it so
  }, [table, loadCoverage]);

  const gaps = useMemo(() => {
    if (coverage.status !== 'ready') return null;
    const communities = communityGaps(coverage.file);
    return { communities, districts: districtGaps(communities) };
  }, [coverage]);
  const communityById = useMemo(() => new Map((dataset?.communities ?? []).map((c) => [c.id, c])), [dataset]);

  const derived = useMemo(() => {
    if (!dataset) return null;
    return {
      city: summariseCity(dataset),
      districts: summariseDistricts(dataset),
      years: cityProgressByYear(dataset),
      targets: progressAgainstTargets(dataset, HANGZHOU_TARGETS),
    };
  }, [dataset]);

  const cumulativeOption = useMemo(
    () => (derived && dataset ? cumulativeChartOption(derived.years, HANGZHOU_TARGETS, dataset.asOf, locale, chartStyle) : null),
    [derived, dataset, locale, chartStyle],
  );
  const districtOption = useMemo(
    () => (derived ? districtChartOption(derived.districts, locale, chartStyle) : null),
    [derived, locale, chartStyle],
  );

  const select = props.onSelectionChange;
  const selectDistrict = useCallback((id: string | null) => select({ district: id, community: null }), [select]);
  const selectCommunity = useCallback(
    (id: string | null) => {
      const c = id ? dataset?.communities.find((x) => x.id === id) : undefined;
      select({ district: c ? c.district : selection.district, community: c ? c.id : null });
    },
    [select, dataset, selection.district],
  );

  const district = derived?.districts.find((d) => d.district.id === selection.district) ?? null;
  const community = dataset?.communities.find((c) => c.id === selection.community) ?? null;
  const ready =
    derived !== null &&
    chartsDrawn >= 2 &&
    (table !== 'gaps' || coverage.status === 'ready' || coverage.status === 'error' || !loadCoverage);

  return (
    <div className="city-view" data-testid="city-view" data-ready={String(ready)} lang={language}>
      <header className="city-header panel">
        <div className="title">
          <h1>{t('city.title')}</h1>
          <span className="subtitle">
            {dataset ? t('city.asOf', { date: dataset.asOf }) : t('city.loading')}
            {' · '}
            {t('city.targetsSource')}
          </span>
        </div>
        {dataset?.synthetic && (
          <span className="badge synthetic" title={text(dataset.synthetic.notice)} data-testid="city-synthetic">
            {t('app.syntheticBadge')}
          </span>
        )}
        <a className="language-switch" href={props.languageHref}>
          {language === 'en' ? '中文' : 'English'}
        </a>
      </header>

      {state.status === 'loading' && <p className="city-status panel">{t('city.loading')}</p>}
      {state.status === 'error' && (
        <div className="city-status panel error" role="alert" data-testid="city-error">
          <strong>{t('city.loadFailed')}</strong>
          <pre>{state.message}</pre>
        </div>
      )}

      {dataset && derived && cumulativeOption && districtOption && (
        <>
          <CityKpis city={derived.city} targets={derived.targets} locale={locale} />
          <main className="city-main">
            <section className="city-charts">
              <div className="panel chart-panel">
                <h2>{t('city.chart.cumulative')}</h2>
                <OptionChart option={cumulativeOption} className="city-chart" testId="city-chart-cumulative" onReady={chartDrawn} />
              </div>
              <div className="panel chart-panel">
                <h2>{t('city.chart.districts')}</h2>
                <OptionChart
                  option={districtOption}
                  className="city-chart"
                  testId="city-chart-districts"
                  onReady={chartDrawn}
                  onClick={(index) => {
                    // The chart lists districts bottom-up.
                    const d = derived.districts[derived.districts.length - 1 - index];
                    if (d) selectDistrict(d.district.id);
                  }}
                />
              </div>
            </section>

            <section className="panel city-map-panel">
              <nav className="breadcrumb" data-testid="city-breadcrumb">
                <button type="button" className={`link${district ? '' : ' current'}`} onClick={() => selectDistrict(null)}>
                  {text(dataset.city)}
                </button>
                {district && (
                  <>
                    <span className="sep">›</span>
                    <button
                      type="button"
                      className={`link${community ? '' : ' current'}`}
                      onClick={() => selectDistrict(district.district.id)}
                    >
                      {text(district.district.name)}
                    </button>
                  </>
                )}
                {community && (
                  <>
                    <span className="sep">›</span>
                    <span className="current">{text(community.name)}</span>
                  </>
                )}
                <span className="extent-switch" role="group" aria-label={t('city.map.title')}>
                  {(['city', 'main'] as const).map((e) => (
                    <button
                      type="button"
                      key={e}
                      aria-pressed={!district && extent === e}
                      data-testid={`map-extent-${e}`}
                      onClick={() => {
                        setExtent(e);
                        if (district) selectDistrict(null);
                      }}
                    >
                      {t(`city.map.extent.${e}`)}
                    </button>
                  ))}
                </span>
              </nav>
              <CityMap
                extent={extent}
                districts={derived.districts}
                communities={dataset.communities}
                selectedDistrict={selection.district}
                selectedCommunity={selection.community}
                onSelectDistrict={selectDistrict}
                onSelectCommunity={selectCommunity}
                locale={locale}
              />
              <p className="map-note muted small">{t('city.map.note')}</p>
              {community && (
                <CommunityCard
                  community={community}
                  districtName={
                    derived.districts.find((d) => d.district.id === community.district)?.district.name ?? {
                      zh: community.district,
                      en: community.district,
                    }
                  }
                  plannerHref={state.status === 'ready' ? state.plannerHref(community.id) : null}
                  baseHref={state.status === 'ready' ? state.baseHref?.(community.id) : undefined}
                  onClose={() => selectCommunity(null)}
                  locale={locale}
                />
              )}
            </section>

            <section className="city-side">
              <div className="panel table-panel">
                <div className="table-switch" role="tablist" aria-label={t('city.table.switch')}>
                  {(['progress', 'gaps'] as const).map((id) => (
                    <button
                      type="button"
                      role="tab"
                      key={id}
                      aria-selected={table === id}
                      className={table === id ? 'current' : ''}
                      onClick={() => {
                        setTable(id);
                        props.onTableChange?.(id);
                      }}
                      data-testid={`city-table-${id}`}
                    >
                      {t(id === 'progress' ? 'city.table.title' : 'city.gaps.title')}
                    </button>
                  ))}
                </div>
                {table === 'progress' && (
                  <DistrictTable
                    districts={derived.districts}
                    city={derived.city}
                    selected={selection.district}
                    onSelect={selectDistrict}
                    locale={locale}
                  />
                )}
                {table === 'gaps' && !loadCoverage && <p className="muted">{t('city.gaps.none')}</p>}
                {table === 'gaps' && coverage.status === 'loading' && <p className="muted">{t('city.loading')}</p>}
                {table === 'gaps' && coverage.status === 'error' && (
                  <div className="error" role="alert" data-testid="gap-error">
                    <strong>{t('city.gaps.loadFailed')}</strong>
                    <pre>{coverage.message}</pre>
                  </div>
                )}
                {table === 'gaps' && gaps && (
                  <DistrictGapTable
                    gaps={gaps.districts}
                    districts={derived.districts}
                    selected={selection.district}
                    onSelect={selectDistrict}
                    locale={locale}
                  />
                )}
              </div>
              <div className="panel drill-panel">
                {district && table === 'gaps' && gaps ? (
                  <DistrictGapCommunities
                    districtName={text(district.district.name)}
                    gaps={gaps.communities.filter((g) => g.district === district.district.id)}
                    communities={communityById}
                    selected={selection.community}
                    onSelect={selectCommunity}
                    locale={locale}
                  />
                ) : district ? (
                  <DistrictCommunities
                    summary={district}
                    communities={communitiesOfDistrict(dataset, district.district.id)}
                    selected={selection.community}
                    onSelect={selectCommunity}
                    locale={locale}
                  />
                ) : (
                  <CityComposition city={derived.city} locale={locale} />
                )}
              </div>
            </section>
          </main>
          {dataset.synthetic && <footer className="city-footer muted small">{text(dataset.synthetic.notice)}</footer>}
          {table === 'gaps' && coverage.status === 'ready' && coverage.file.synthetic && (
            <footer className="city-footer muted small" data-testid="gap-synthetic">
              {text(coverage.file.synthetic.notice)}
            </footer>
          )}
        </>
      )}
    </div>
  );
}
