import { useEffect } from 'react';
import { formatNumber } from '../../i18n/translate';
import { defineTab } from '../../ui/panels/sidePanelTab';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { selectCommunityPrisms } from '../community/selectors';
import { selectOverLimit, selectSkyline, selectViewshedSummary } from './selectors';
import { HEIGHT_LIMIT_RANGE, VIEWSHED_RADIUS_RANGE } from './slice';
import { SkylineChart } from './SkylineChart';

/** Shown first in the list of buildings above the limit. */
const LISTED = 12;

/**
 * The 视域 tab: a height limit (限高) whose plane is drawn and whose offending buildings are coloured and
 * listed; and a viewshed from an eye placed with a click, colouring the buildings and ground it sees, with
 * the skyline around it. Both off by default; 清除 removes everything the tab drew.
 */
export function ViewshedPanel() {
  const t = useTranslate();
  const store = useAppStore();
  const language = useApp((s) => s.language);
  const limit = useApp((s) => s.heightLimitMeters);
  const over = useApp(selectOverLimit);
  const observer = useApp((s) => s.viewshedObserver);
  const placing = useApp((s) => s.viewshedPlacing);
  const radius = useApp((s) => s.viewshedRadiusMeters);
  const eye = useApp((s) => s.viewshedEyeMeters);
  const summary = useApp(selectViewshedSummary);
  const skyline = useApp(selectSkyline);
  const buildings = useApp((s) => s.community?.buildings);
  const kept = useApp(selectCommunityPrisms)?.kept;
  const n = (value: number, digits = 0) => formatNumber(language, value, digits);
  /** A prism's building by name (prisms skip footprints that cannot stand: `kept` maps them back). */
  const nameOf = (prism: number) => {
    const b = kept && prism >= 0 ? buildings?.[kept[prism]] : undefined;
    return b ? (b.name ?? b.id) : '';
  };

  // Closing the tab leaves nothing behind: no plane, no eye, no colouring of its own.
  useEffect(
    () => () => {
      const s = store.getState();
      s.clearViewshed();
      if (s.colorMode === 'heightLimit' || s.colorMode === 'viewshed') s.setColorMode('use');
    },
    [store],
  );

  const setLimit = (meters: number | null) => {
    const s = store.getState();
    s.setHeightLimit(meters);
    if (meters !== null) s.setColorMode('heightLimit');
  };
  const startPlacing = () => {
    const s = store.getState();
    // One pointer tool at a time: the measuring tools give way.
    if (s.measureTool) s.setMeasureTool(null);
    s.setViewshedPlacing(!s.viewshedPlacing);
    s.setColorMode('viewshed');
  };

  return (
    <div className="viewshed-panel measure-panel" data-testid="viewshed-panel">
      <h3>{t('viewshed.limit.title')}</h3>
      <div className="field-row">
        <label className="field">
          <span>
            <input
              type="checkbox"
              checked={limit !== null}
              onChange={(e) => setLimit(e.target.checked ? 24 : null)}
              data-testid="height-limit-on"
            />{' '}
            {t('viewshed.limit.on')}
          </span>
        </label>
        <label className="field">
          {t('viewshed.limit.meters')}
          <input
            type="number"
            min={HEIGHT_LIMIT_RANGE.min}
            max={HEIGHT_LIMIT_RANGE.max}
            step={1}
            value={limit ?? 24}
            disabled={limit === null}
            onChange={(e) => Number(e.target.value) > 0 && setLimit(Number(e.target.value))}
            data-testid="height-limit-meters"
          />
        </label>
      </div>
      {over && (
        <div data-testid="height-limit-result" data-over={over.length}>
          <p className="hint">{t('viewshed.limit.over', { n: n(over.length), limit: n(limit ?? 0, 1) })}</p>
          {over.length > 0 && (
            <ol className="plain-list small" data-testid="height-limit-list">
              {over.slice(0, LISTED).map((o) => (
                <li key={o.id}>
                  <button type="button" className="link" onClick={() => store.getState().selectBuilding(o.id)}>
                    {buildings?.find((b) => b.id === o.id)?.name ?? o.id}
                  </button>{' '}
                  {t('viewshed.limit.excess', { height: n(o.heightMeters, 1), excess: n(o.excessMeters, 1) })}
                </li>
              ))}
              {over.length > LISTED && <li className="muted">{t('viewshed.limit.more', { n: n(over.length - LISTED) })}</li>}
            </ol>
          )}
        </div>
      )}

      <h3>{t('viewshed.title')}</h3>
      <div className="field-row">
        <button type="button" aria-pressed={placing} onClick={startPlacing} data-testid="viewshed-place">
          {placing ? t('viewshed.placing') : observer ? t('viewshed.move') : t('viewshed.place')}
        </button>
        <label className="field">
          {t('viewshed.radius')}
          <input
            type="number"
            min={VIEWSHED_RADIUS_RANGE.min}
            max={VIEWSHED_RADIUS_RANGE.max}
            step={VIEWSHED_RADIUS_RANGE.step}
            value={radius}
            onChange={(e) => Number(e.target.value) > 0 && store.getState().setViewshedRadius(Number(e.target.value))}
            data-testid="viewshed-radius"
          />
        </label>
        <label className="field">
          {t('viewshed.eye')}
          <input
            type="number"
            min={0}
            max={10}
            step={0.1}
            value={eye}
            onChange={(e) => store.getState().setViewshedEye(Number(e.target.value))}
            data-testid="viewshed-eye"
          />
        </label>
      </div>
      {placing && <p className="hint">{t('viewshed.placeHint')}</p>}
      {observer && summary && (
        <div
          data-testid="viewshed-result"
          data-in-reach={summary.inReach}
          data-seen={summary.seenAtAll}
          data-ground-share={summary.seenCellShare.toFixed(4)}
          data-eye={observer.eyeMeters.toFixed(2)}
        >
          <p className="hint">
            {t('viewshed.summary', {
              seen: n(summary.seenAtAll),
              inReach: n(summary.inReach),
              ground: `${n(summary.seenCellShare * 100, 1)}%`,
              eye: n(observer.eyeMeters, 1),
            })}
          </p>
          {skyline && <SkylineChart skyline={skyline} nameOf={nameOf} />}
        </div>
      )}
      {(observer || limit !== null) && (
        <button type="button" onClick={() => store.getState().clearViewshed()} data-testid="viewshed-clear">
          {t('viewshed.clear')}
        </button>
      )}
      <p className="hint">{t('viewshed.note')}</p>
    </div>
  );
}

export const viewshedTab = defineTab({ id: 'viewshed', labelKey: 'viewshed.tab', Panel: ViewshedPanel });
