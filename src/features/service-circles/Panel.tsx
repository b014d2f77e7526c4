import { defineTab } from '../../ui/panels/sidePanelTab';
import { coverageOf } from '../../analysis/service-circles/computeServiceCoverage';
import { bandWalkMinutes, DEFAULT_SERVICE_RULES, ruleFor, SERVICE_TIERS, tierOf } from '../../analysis/service-circles/rules';
import type { FacilityCategory } from '../../core/model/types';
import { formatSuppressed, suppressCount } from '../../data/privacy/aggregate';
import { formatNumber } from '../../i18n/translate';
import { COLOR_MODE_DEFINITIONS, rgbToCss } from '../../layers/buildingColorModes';
import { REACH_BAND_COLORS } from '../../layers/layerCatalog';
import { Legend } from '../../ui/components/Legend';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { SHARING_TIMES, type SharingTimeChoice } from './slice';

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);

/**
 * The two tiers of public-service circles (社区 5 分钟, 街道 15 分钟; 杭政办函〔2023〕52号 四(一)1): pick a
 * category, edit its walking limit and the walking speed, read coverage per category by tier and the
 * ranked gaps (一老一小 first). The circles are walking distances (GB 50180-2018 Table 3.0.4); the
 * speed only turns them into minutes. Numbers of people pass small-cell suppression like every other
 * count of residents.
 */
export function ServiceCirclePanel() {
  const t = useTranslate();
  const store = useAppStore();
  const language = useApp((s) => s.language);
  const category = useApp((s) => s.serviceCategory);
  const speed = useApp((s) => s.walkSpeedMetersPerSecond);
  const overrides = useApp((s) => s.maxDistanceOverrides);
  const coverage = useApp((s) => s.coverage);
  const gaps = useApp((s) => s.gaps);
  const status = useApp((s) => s.analysisStatus);
  const progress = useApp((s) => s.analysisProgress);
  const error = useApp((s) => s.analysisError);
  const colorMode = useApp((s) => s.colorMode);
  const community = useApp((s) => s.community);
  const sharingTime = useApp((s) => s.sharingTime);
  const n = (value: number) => formatNumber(language, value);
  const people = (value: number | null) => (value === null ? '–' : formatSuppressed(suppressCount(value), n));
  const rule = ruleFor(DEFAULT_SERVICE_RULES, category);
  const limit = overrides[category] ?? rule?.maxDistanceMeters ?? 0;
  const selectCategory = (c: FacilityCategory) => {
    store.getState().setServiceCategory(c);
    store.getState().setColorMode('walkTime');
  };
  const buildingName = (id: string | undefined) => community?.buildings.find((b) => b.id === id)?.name ?? id ?? '';

  return (
    <div className="service-panel" data-testid="service-panel" data-status={status}>
      <label className="field">
        {t('service.category')}
        <select value={category} onChange={(e) => selectCategory(e.target.value as FacilityCategory)} data-testid="service-category">
          {DEFAULT_SERVICE_RULES.rules.map((r) => (
            <option key={r.category} value={r.category}>
              {t(`facility.${r.category}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="field-row">
        <label className="field">
          {t('service.maxDistance')}
          <input
            type="number"
            min={50}
            max={3000}
            step={50}
            value={limit}
            onChange={(e) => store.getState().setMaxDistance(category, Number(e.target.value) > 0 ? Number(e.target.value) : null)}
            data-testid="service-max-distance"
          />
        </label>
        <label className="field">
          {t('service.speed')}
          <input
            type="number"
            min={0.3}
            max={2}
            step={0.1}
            value={speed}
            onChange={(e) => Number(e.target.value) > 0 && store.getState().setWalkSpeed(Number(e.target.value))}
            data-testid="service-speed"
          />
        </label>
      </div>
      {community?.facilities.some((f) => f.sharing) && (
        <label className="field">
          {t('service.sharing')}
          <select
            value={sharingTime}
            onChange={(e) => store.getState().setSharingTime(e.target.value as SharingTimeChoice)}
            data-testid="service-sharing"
          >
            {SHARING_TIMES.map((choice) => (
              <option key={choice} value={choice}>
                {t(`service.sharing.${choice}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {rule && (
        <p className="muted small source">
          {overrides[category] === undefined ? rule.source : t('service.edited', { meters: rule.maxDistanceMeters })}
        </p>
      )}
      {status === 'running' && (
        <div className="progress" data-testid="service-progress">
          <div style={{ width: `${Math.round(progress * 100)}%` }} />
        </div>
      )}
      {error && <p className="error-text">{error}</p>}
      <ul className="legend band-legend" data-testid="service-bands">
        {DEFAULT_SERVICE_RULES.bands.map((band, i) => (
          <li key={band.id} data-band={band.id}>
            <span className="swatch" style={{ background: rgbToCss(REACH_BAND_COLORS[Math.min(i, REACH_BAND_COLORS.length - 1)]) }} />
            {t('service.band', {
              minutes: band.minutes,
              meters: n(band.maxDistanceMeters),
              walk: formatNumber(language, bandWalkMinutes(band, speed), 1),
            })}
          </li>
        ))}
      </ul>
      {colorMode === 'walkTime' && <Legend entries={COLOR_MODE_DEFINITIONS.walkTime.legend} testId="legend-walk-time" />}
      {coverage && (
        <>
          <h3>{t('service.coverage')}</h3>
          <table className="coverage" data-testid="service-coverage">
            <thead>
              <tr>
                <th>{t('service.categoryShort')}</th>
                <th>{t('service.limit')}</th>
                <th>{t('service.buildings')}</th>
                <th>{t('service.target')}</th>
              </tr>
            </thead>
            {SERVICE_TIERS.map((tier) => (
              <tbody key={tier} data-tier={tier}>
                <tr className="tier-heading">
                  <th colSpan={4}>{t(`service.tier.${tier}`)}</th>
                </tr>
                {coverage.categories
                  .filter((c) => tierOf(DEFAULT_SERVICE_RULES, c.rule) === tier)
                  .map((c) => (
                    <tr
                      key={c.category}
                      className={c.category === category ? 'current' : undefined}
                      onClick={() => selectCategory(c.category)}
                      data-category={c.category}
                    >
                      <td>{t(`facility.${c.category}`)}</td>
                      <td>{n(c.rule.maxDistanceMeters)} m</td>
                      <td>{percent(c.summary.shareBuildingsWithinThreshold)}</td>
                      <td>{percent(c.summary.shareTargetPopulationWithinThreshold)}</td>
                    </tr>
                  ))}
              </tbody>
            ))}
          </table>
          {capacityLine()}
          <h3>{t('service.gaps')}</h3>
          <ol className="gaps" data-testid="service-gaps">
            {gaps
              .filter((g) => g.missing || g.uncoveredBuildings > 0)
              .slice(0, 8)
              .map((g) => (
                <li key={g.category}>
                  <button type="button" className="link" onClick={() => selectCategory(g.category)}>
                    {g.priority === 1 && <span className="badge priority">{t('service.oldYoung')}</span>}
                    {t(`facility.${g.category}`)}
                  </button>
                  {g.missing
                    ? ` — ${t('service.missing')}`
                    : ` — ${t('service.uncovered', { buildings: n(g.uncoveredBuildings), people: people(g.uncoveredTargetPopulation) })}`}
                  {!g.missing && g.worstBuildings.length > 0 && (
                    <div className="muted small">
                      {t('service.worst')}{' '}
                      {g.worstBuildings.slice(0, 3).map((w) => (
                        <button
                          key={w.building}
                          type="button"
                          className="link"
                          onClick={() => store.getState().selectBuilding(w.buildingId ?? null)}
                        >
                          {buildingName(w.buildingId)} ({w.walkDistanceMeters === Infinity ? '∞' : `${n(w.walkDistanceMeters)} m`})
                        </button>
                      ))}
                    </div>
                  )}
                </li>
              ))}
          </ol>
        </>
      )}
    </div>
  );

  /** Capacity-aware coverage (2SFCA) of the chosen category, where its facilities have capacities. */
  function capacityLine() {
    const c = coverage && coverageOf(coverage, category);
    if (!c?.capacity) return null;
    const cap = c.capacity;
    return (
      <p className="small" data-testid="service-capacity">
        {t('service.capacity', {
          places: n(cap.totalCapacity),
          demand: people(cap.totalDemand),
          served: percent(cap.servedShare),
        })}
      </p>
    );
  }
}

/** The side panel's tab for this feature (registered in features/tabs.ts). */
export const serviceTab = defineTab({ id: 'service', labelKey: 'service.title', Panel: ServiceCirclePanel });
