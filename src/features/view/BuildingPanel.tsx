import { coverageOf } from '../../analysis/service-circles/computeServiceCoverage';
import { AGE_BANDS, ELDERLY_AGE_BANDS, OCCUPANCIES, RIGHT_TYPES, type Building } from '../../core/model/types';
import type { BuildingSummary } from '../../data/community/buildingSummaries';
import { formatSuppressed, suppressCount, suppressTable } from '../../data/privacy/aggregate';
import { formatNumber } from '../../i18n/translate';
import { PeopleRows } from '../../ui/components/PeopleRows';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { JoinedStatistics } from '../import/JoinedStatistics';
import { usePersonRows } from '../session/usePersonRows';
import { AgeBandTable } from '../../ui/components/AgeBandTable';

type T = ReturnType<typeof useTranslate>;

function Row({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <tr data-testid={testId}>
      <th>{label}</th>
      <td>{value}</td>
    </tr>
  );
}

function Attributes({ building, t, lang }: { building: Building; t: T; lang: 'zh-CN' | 'en' }) {
  return (
    <table className="attributes">
      <tbody>
        <Row label={t('building.id')} value={building.id} testId="building-id" />
        <Row label={t('building.use')} value={t(`use.${building.use}`)} />
        <Row label={t('building.yearBuilt')} value={building.yearBuilt} testId="building-year" />
        <Row label={t('building.floors')} value={building.floors} testId="building-floors" />
        <Row label={t('building.height')} value={`${formatNumber(lang, building.heightMeters, 1)} ${t('unit.m')}`} />
        <Row label={t('building.structure')} value={t(`structure.${building.structure}`)} />
        <Row
          label={t('building.elevator')}
          value={building.hasElevator ? t('building.yes') : t('building.no')}
          testId="building-elevator"
        />
        <Row label={t('building.propertyManagement')} value={t(`pm.${building.propertyManagement}`)} />
        <Row label={t('building.idleStatus')} value={t(`idle.${building.idleStatus}`)} />
        <Row label={t('building.gfa')} value={`${formatNumber(lang, building.grossFloorAreaM2)} ${t('unit.m2')}`} />
        {building.entrances !== undefined && <Row label={t('building.entrances')} value={building.entrances} />}
        {building.cimLevel !== undefined && <Row label={t('building.cimLevel')} value={`CIM${building.cimLevel}`} />}
      </tbody>
    </table>
  );
}

/** Aggregates only; every count of people passes small-cell suppression (n < 5 → "<5"). */
function Aggregates({ summary, t, lang }: { summary: BuildingSummary; t: T; lang: 'zh-CN' | 'en' }) {
  const n = (value: number) => formatNumber(lang, value);
  const people = (value: number) => formatSuppressed(suppressCount(value), n);
  // The "aged 60+" row publishes the sum of the elderly bands, so they form a protected sub-total.
  const elderlyBandIndexes = ELDERLY_AGE_BANDS.map((band) => AGE_BANDS.indexOf(band));
  const ageCells = suppressTable(
    AGE_BANDS.map((band) => summary.residentsByAgeBand[band]),
    [elderlyBandIndexes],
  );
  const occupancy = OCCUPANCIES.map((o) => `${t(`occupancy.${o}`)} ${n(summary.housesByOccupancy[o])}`).join(' · ');
  const rights = RIGHT_TYPES.filter((r) => summary.rightsByType[r] > 0)
    .map((r) => `${t(`right.${r}`)} ${n(summary.rightsByType[r])}`)
    .join(' · ');
  return (
    <>
      <h3>{t('building.houses')}</h3>
      <table className="attributes">
        <tbody>
          <Row label={t('building.households')} value={n(summary.households)} testId="building-households" />
          <Row label={t('building.total')} value={n(summary.houses)} />
          <Row label="" value={occupancy} testId="building-occupancy" />
          {rights && <Row label={t('building.rights')} value={rights} testId="building-rights" />}
        </tbody>
      </table>
      <h3>{t('building.residents')}</h3>
      {summary.residents === 0 ? (
        <p className="muted">{t('building.noResidents')}</p>
      ) : (
        <>
          <table className="attributes">
            <tbody>
              <Row label={t('building.total')} value={people(summary.residents)} testId="building-residents" />
              <Row label={t('building.elderly')} value={people(summary.elderly)} testId="building-elderly" />
              <Row label={t('building.elderlyAbove3')} value={people(summary.elderlyAboveThirdFloor)} />
              <Row label={t('building.livingAlone')} value={people(summary.livingAloneElderly)} testId="building-living-alone" />
              <Row label={t('building.disability')} value={people(summary.withDisability)} />
              <Row label={t('building.infants')} value={people(summary.infants)} />
            </tbody>
          </table>
          <AgeBandTable cells={ageCells} format={n} testId="building-age-bands" />
          <p className="muted small">{t('building.suppressedNote')}</p>
        </>
      )}
    </>
  );
}

/** Walk from this building to the nearest facility of each category (from the service-circle run). */
function WalkTimes({ buildingIndex, t, lang }: { buildingIndex: number; t: T; lang: 'zh-CN' | 'en' }) {
  const coverage = useApp((s) => s.coverage);
  const chosen = useApp((s) => s.serviceCategory);
  const community = useApp((s) => s.community);
  if (!coverage || buildingIndex < 0) return null;
  const minutes = (seconds: number) => formatNumber(lang, seconds / 60, 1);
  const chosenCoverage = coverageOf(coverage, chosen);
  const facilityIndex = chosenCoverage?.nearestFacility[buildingIndex] ?? -1;
  // By id: a time-shared facility (错时共享) appears once more, after the others, under its own id.
  const facilityId = facilityIndex >= 0 ? coverage.facilityIds?.[facilityIndex] : undefined;
  const facility =
    facilityIndex < 0 ? undefined : (community?.facilities.find((f) => f.id === facilityId) ?? community?.facilities[facilityIndex]);
  return (
    <>
      <h3>{t('building.walk')}</h3>
      {chosenCoverage && (
        <p className="route-line" data-testid="building-route">
          {facility
            ? t('building.routeTo', {
                category: t(`facility.${chosen}`),
                name: facility.name,
                minutes: minutes(chosenCoverage.walkSeconds[buildingIndex]),
                meters: formatNumber(lang, chosenCoverage.walkDistanceMeters[buildingIndex]),
              })
            : t('building.noRoute', { category: t(`facility.${chosen}`) })}
        </p>
      )}
      <table className="attributes walk-times" data-testid="building-walk-times">
        <tbody>
          {coverage.categories.map((c) => {
            const seconds = c.walkSeconds[buildingIndex];
            const within = c.walkDistanceMeters[buildingIndex] <= c.rule.maxDistanceMeters;
            return (
              <tr key={c.category} className={within ? 'ok' : 'gap'}>
                <th>{t(`facility.${c.category}`)}</th>
                <td>
                  {c.facilityIndices.length === 0
                    ? t('service.missing')
                    : seconds === Infinity
                      ? t('building.unreachable')
                      : `${minutes(seconds)} ${t('unit.min')} · ${formatNumber(lang, c.walkDistanceMeters[buildingIndex])} ${t('unit.m')}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

export function BuildingPanel() {
  const t = useTranslate();
  const store = useAppStore();
  const language = useApp((s) => s.language);
  const selectedId = useApp((s) => s.selectedBuildingId);
  const community = useApp((s) => s.community);
  const summary = useApp((s) => (selectedId ? s.summaries.get(selectedId) : undefined));
  const building = selectedId ? community?.buildings.find((b) => b.id === selectedId) : undefined;
  const hasResidents = !!summary && summary.residents > 0;
  const people = usePersonRows(building && hasResidents ? { buildingId: building.id } : null);
  if (!building || !community) return null;
  return (
    <aside className="building-panel panel" data-testid="building-panel" data-building-id={building.id}>
      <header>
        <h2>
          {t('building.title')} {building.name ?? building.id}
        </h2>
        <button
          type="button"
          onClick={() => store.getState().selectBuilding(null)}
          aria-label={t('building.close')}
          data-testid="building-close"
        >
          ×
        </button>
      </header>
      <Attributes building={building} t={t} lang={language} />
      <JoinedStatistics buildingId={building.id} />
      <button
        type="button"
        className="inspector-open"
        onClick={() => store.getState().openInspector(building.id)}
        data-testid="inspector-open"
      >
        {t('inspector.open')}
      </button>
      {summary && <Aggregates summary={summary} t={t} lang={language} />}
      <WalkTimes buildingIndex={community.buildings.indexOf(building)} t={t} lang={language} />
      {hasResidents && <PeopleRows state={people} testId="building-people" />}
    </aside>
  );
}
