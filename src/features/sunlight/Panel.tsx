import { solarTermDate, parseCivilDate } from '../../analysis/sunlight/solarPosition';
import { DEFAULT_SUNLIGHT_RULES } from '../../analysis/sunlight/sunlightRules';
import { residentsInFailingHomesCells } from '../../analysis/sunlight/homeSunlight';
import { formatSuppressed } from '../../data/privacy/aggregate';
import { formatNumber, localize } from '../../i18n/translate';
import { COLOR_MODE_DEFINITIONS } from '../../layers/buildingColorModes';
import { Legend } from '../../ui/components/Legend';
import { defineTab } from '../../ui/panels/sidePanelTab';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { selectColorModeShown } from '../view/selectors';
import { selectCommunitySunlight, selectPlaybackWindow, selectSunlightDate, selectSunlightPreset, selectSunlightWhatIf } from './selectors';

const HOUR_MS = 3_600_000;
const hoursText = (hours: number) => (Number.isFinite(hours) ? `${hours.toFixed(1)} h` : '–');
/** Beijing clock time of an instant, HH:MM. */
const beijingClock = (ms: number) => new Date(ms + 8 * HOUR_MS).toISOString().slice(11, 16);
const clockOfHours = (h: number) => `${String(Math.floor(h)).padStart(2, '0')}:${String(Math.round((h % 1) * 60)).padStart(2, '0')}`;

/**
 * 日照: the rule (preset) and day, homes failing it and the residents in them (aggregated, n < 5
 * suppressed), the buildings coloured by their worst floor, the selected building's floors, and the
 * shadow playback.
 */
export function SunlightPanel() {
  const t = useTranslate();
  const store = useAppStore();
  const language = useApp((s) => s.language);
  const preset = useApp(selectSunlightPreset);
  const date = useApp(selectSunlightDate);
  const status = useApp((s) => s.sunlightStatus);
  const progress = useApp((s) => s.sunlightProgress);
  const error = useApp((s) => s.sunlightError);
  const result = useApp((s) => s.sunlightResult);
  const sunlight = useApp(selectCommunitySunlight);
  const colorMode = useApp(selectColorModeShown);
  const community = useApp((s) => s.community);
  const selected = useApp((s) => s.selectedBuildingId);
  const playback = useApp((s) => s.shadowPlayback);
  const window = useApp(selectPlaybackWindow);
  const whatIf = useApp((s) => s.sunlightWhatIf);
  const comparison = useApp(selectSunlightWhatIf);
  const n = (value: number) => formatNumber(language, value);
  const year = parseCivilDate(date)?.year ?? new Date().getFullYear();
  const buildingName = (id: string) => community?.buildings.find((b) => b.id === id)?.name ?? id;
  const selectedBuilding = sunlight?.buildings.find((b) => b.buildingId === selected);
  const worst = sunlight
    ? [...sunlight.buildings]
        .filter((b) => b.failingHomes > 0)
        .sort((a, b) => b.failingHomes - a.failingHomes || a.worstFloorHours - b.worstFloorHours)
    : [];
  const cells = sunlight ? residentsInFailingHomesCells(sunlight) : null;
  const instant = playback.instantMs ?? window?.noonMs ?? 0;

  return (
    <div className="sunlight-panel" data-testid="sunlight-panel" data-status={status}>
      <label className="field">
        {t('sunlight.preset')}
        <select value={preset.id} onChange={(e) => store.getState().setSunlightPreset(e.target.value)} data-testid="sunlight-preset">
          {DEFAULT_SUNLIGHT_RULES.presets.map((p) => (
            <option key={p.id} value={p.id}>
              {localize(language, p.name)}
            </option>
          ))}
        </select>
      </label>
      <div className="field-row">
        <label className="field">
          {t('sunlight.date')}
          <input
            type="date"
            value={date}
            onChange={(e) => parseCivilDate(e.target.value) && store.getState().setSunlightDate(e.target.value)}
            data-testid="sunlight-date"
          />
        </label>
        <button type="button" onClick={() => store.getState().setSunlightDate(solarTermDate(year, 'dahan'))} data-testid="sunlight-dahan">
          {t('sunlight.dahan')}
        </button>
        <button
          type="button"
          onClick={() => store.getState().setSunlightDate(solarTermDate(year, 'dongzhi'))}
          data-testid="sunlight-dongzhi"
        >
          {t('sunlight.dongzhi')}
        </button>
      </div>
      <p className="muted small source">
        {t('sunlight.rule', {
          hours: preset.minHours,
          from: clockOfHours(preset.windowStartHours),
          to: clockOfHours(preset.windowEndHours),
          step: preset.stepMinutes,
          segment: preset.minSegmentMinutes,
        })}{' '}
        {preset.sources.minHours}
      </p>
      {status === 'running' && (
        <div className="progress" data-testid="sunlight-progress">
          <div style={{ width: `${Math.round(progress * 100)}%` }} />
        </div>
      )}
      {error && <p className="error-text">{error}</p>}
      <button
        type="button"
        onClick={() => store.getState().setColorMode('sunlight')}
        disabled={colorMode === 'sunlight'}
        data-testid="sunlight-color"
      >
        {t('sunlight.colour')}
      </button>
      {colorMode === 'sunlight' && <Legend entries={COLOR_MODE_DEFINITIONS.sunlight.legend} testId="legend-sunlight" />}
      {sunlight && result && (
        <>
          <h3>{t('sunlight.summary')}</h3>
          <table className="coverage" data-testid="sunlight-summary">
            <tbody>
              <tr>
                <td>{t('sunlight.homes')}</td>
                <td data-testid="sunlight-homes">{n(sunlight.totalHomes)}</td>
              </tr>
              <tr>
                <td>{t('sunlight.failing')}</td>
                <td data-testid="sunlight-failing">{n(sunlight.failingHomes)}</td>
              </tr>
              <tr>
                <td>{t('sunlight.passRate')}</td>
                <td data-testid="sunlight-pass-rate">
                  {Number.isNaN(sunlight.passRate) ? '–' : `${(sunlight.passRate * 100).toFixed(1)}%`}
                </td>
              </tr>
              <tr>
                <td>{t('sunlight.residents')}</td>
                <td data-testid="sunlight-residents">{cells && formatSuppressed(cells.total, n)}</td>
              </tr>
            </tbody>
          </table>
          <p className="muted small">
            {t('sunlight.computed', {
              points: n(result.stats.points),
              rays: n(result.stats.rays),
              seconds: (result.elapsedMs / 1000).toFixed(1),
            })}
          </p>
          {worst.length > 0 && (
            <>
              <h3>{t('sunlight.worstBuildings')}</h3>
              <ol className="gaps" data-testid="sunlight-worst">
                {worst.slice(0, 8).map((b) => (
                  <li key={b.buildingId}>
                    <button type="button" className="link" onClick={() => store.getState().selectBuilding(b.buildingId)}>
                      {buildingName(b.buildingId)}
                    </button>{' '}
                    {t('sunlight.buildingLine', {
                      failing: n(b.failingHomes),
                      homes: n(b.homes),
                      worst: hoursText(b.worstFloorHours),
                      residents: cells?.byBuilding.get(b.buildingId) ? formatSuppressed(cells.byBuilding.get(b.buildingId)!, n) : '–',
                    })}
                  </li>
                ))}
              </ol>
            </>
          )}
          {selectedBuilding && (
            <>
              <h3>{t('sunlight.floors', { building: buildingName(selectedBuilding.buildingId) })}</h3>
              <table className="coverage" data-testid="sunlight-floors">
                <thead>
                  <tr>
                    <th>{t('sunlight.floor')}</th>
                    <th>{t('sunlight.worstHome')}</th>
                    <th>{t('sunlight.points')}</th>
                    <th>{t('sunlight.failingShort')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...selectedBuilding.floors].reverse().map((f) => (
                    <tr key={f.floor} className={f.failingHomes > 0 ? 'current' : undefined}>
                      <td>{f.floor}</td>
                      <td>{hoursText(f.worstHomeHours)}</td>
                      <td>
                        {hoursText(f.worstPointHours)} – {hoursText(f.bestPointHours)}
                      </td>
                      <td>
                        {n(f.failingHomes)} / {n(f.homes)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
      {selected && sunlight && community?.buildings.some((b) => b.id === selected) && (
        <div
          data-testid="sunlight-whatif"
          data-building-id={selected}
          data-status={whatIf?.buildingId === selected ? whatIf.status : 'idle'}
        >
          <h3>{t('sunlight.whatIf', { building: buildingName(selected) })}</h3>
          <div className="field-row">
            {[1, 2].map((floors) => (
              <button
                key={floors}
                type="button"
                onClick={() => store.getState().askSunlightWhatIf(selected, { kind: 'floors', floors })}
                data-testid={`sunlight-add-floors-${floors}`}
              >
                {t('sunlight.addFloors', { floors })}
              </button>
            ))}
            <button
              type="button"
              onClick={() => store.getState().askSunlightWhatIf(selected, { kind: 'elevator' })}
              data-testid="sunlight-add-elevator"
            >
              {t('sunlight.addElevator')}
            </button>
          </div>
          {whatIf?.buildingId === selected && whatIf.status === 'running' && <p className="muted small">{t('sunlight.computing')}</p>}
          {whatIf?.buildingId === selected && whatIf.error && <p className="error-text">{whatIf.error}</p>}
          {whatIf?.buildingId === selected && comparison && (
            <>
              <p className="small" data-testid="sunlight-whatif-summary">
                {t('sunlight.whatIfSummary', {
                  before: n(comparison.failingBefore),
                  after: n(comparison.failingAfter),
                  losing: n(comparison.homesLosingSunlight.length),
                  dropping: n(comparison.homesDroppingBelow.length),
                })}
              </p>
              {whatIf.change.kind === 'elevator' && <p className="muted small">{t('sunlight.elevatorExempt')}</p>}
              <ol className="gaps" data-testid="sunlight-whatif-dropping">
                {comparison.homesDroppingBelow.slice(0, 10).map((h) => (
                  <li key={h.houseId}>
                    {t('sunlight.homeChange', {
                      building: buildingName(h.buildingId),
                      floor: h.floor,
                      before: hoursText(h.beforeHours),
                      after: hoursText(h.afterHours),
                    })}
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
      <h3>{t('sunlight.playback')}</h3>
      <div className="field-row">
        <label className="field">
          <input
            type="checkbox"
            checked={playback.on}
            onChange={(e) => store.getState().setShadowPlayback({ on: e.target.checked, playing: false, instantMs: instant })}
            data-testid="shadow-playback"
          />{' '}
          {t('sunlight.shadows')}
        </label>
        <button
          type="button"
          disabled={!playback.on}
          onClick={() => store.getState().setShadowPlayback({ playing: !playback.playing })}
          data-testid="shadow-play"
        >
          {playback.playing ? t('sunlight.pause') : t('sunlight.play')}
        </button>
      </div>
      {window && (
        <label className="field">
          <input
            type="range"
            min={window.startMs}
            max={window.endMs}
            step={5 * 60_000}
            value={instant}
            disabled={!playback.on}
            onChange={(e) => store.getState().setShadowPlayback({ instantMs: Number(e.target.value), playing: false })}
            data-testid="shadow-time"
          />
          <span className="small" data-testid="shadow-clock">
            {t('sunlight.clock', {
              date: window.date,
              beijing: beijingClock(instant),
              solar: clockOfHours(12 + (instant - window.noonMs) / HOUR_MS),
            })}
          </span>
        </label>
      )}
      <p className="muted small">{localize(language, DEFAULT_SUNLIGHT_RULES.additionsRule)}</p>
    </div>
  );
}

/** The side panel's tab for this feature (registered in features/tabs.ts). */
export const sunlightTab = defineTab({ id: 'sunlight', labelKey: 'sunlight.title', Panel: SunlightPanel });
