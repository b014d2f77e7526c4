import { suppressCount, suppressTable, formatSuppressed } from '../../data/privacy/aggregate';
import type { Volume } from '../../analysis/sunlight/sunlightRequest';
import { localize } from '../../i18n/translate';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { selectSunlightPlanWhatIf, selectSunlightPreset } from '../sunlight/selectors';
import { useReuseFormat } from './reuseFormat';

/** What a what-if was computed for: the volumes' ids and heights, so a plan changed since shows its button again. */
export const sunlightWhatIfKey = (owner: string, volumes: readonly Volume[]) =>
  `${owner}|${volumes.map((v) => `${v.id}@${v.heightMeters.toFixed(2)}`).join(',')}`;

/**
 * 日照影响: the sunlight of the neighbours' homes before and after what a plan or an elevator candidate
 * builds, against the sunlight tab's rule and day, computed in the sunlight worker on request: homes
 * below the rule before → after, neighbours' homes losing sunlight and those falling below the rule,
 * by building (clickable) with the residents in them estimated from building aggregates, n < 5 suppressed.
 */
export function SunlightBeforeAfter({
  owner,
  volumes,
  changed,
  elevatorsOnly = false,
}: {
  /** Who asks (a plan id, `elevator:<building id>`): one what-if is on screen at a time. */
  owner: string;
  volumes: readonly Volume[];
  changed: readonly string[];
  elevatorsOnly?: boolean;
}) {
  const t = useTranslate();
  const store = useAppStore();
  const language = useApp((s) => s.language);
  const preset = useApp(selectSunlightPreset);
  const whatIf = useApp((s) => s.sunlightPlanWhatIf);
  const beforeStatus = useApp((s) => s.sunlightStatus);
  const outcome = useApp(selectSunlightPlanWhatIf);
  const community = useApp((s) => s.community);
  const { n } = useReuseFormat();
  if (volumes.length === 0) return null;
  const key = sunlightWhatIfKey(owner, volumes);
  const mine = whatIf?.key === key ? whatIf : null;
  const result = mine && outcome?.key === key ? outcome : null;
  const nameOf = (id: string) => community?.buildings.find((b) => b.id === id)?.name ?? id;
  const ask = () => store.getState().askSunlightPlanWhatIf(key, { volumes: [...volumes], changed: [...changed] });
  const status = result ? 'done' : mine?.status === 'error' ? 'error' : mine ? 'running' : 'idle';
  const residentCells = result ? suppressTable(result.drops.map((d) => d.residents)) : [];
  const residentsTotal = result ? suppressCount(result.drops.reduce((sum, d) => sum + d.residents, 0)) : null;

  return (
    <div className="reuse-sunlight" data-testid="reuse-sunlight" data-owner={owner} data-status={status}>
      <div className="row">
        <button type="button" onClick={ask} disabled={status === 'running'} data-testid="reuse-sunlight-check">
          {t('reuse.sunlight.check')}
        </button>
        <span className="muted small">{t('reuse.sunlight.builds', { count: n(volumes.length) })}</span>
      </div>
      {status === 'running' && (
        <p className="muted small">{beforeStatus === 'running' ? t('reuse.sunlight.computingBoth') : t('reuse.sunlight.computing')}</p>
      )}
      {mine?.status === 'error' && <p className="error-text">{mine.error}</p>}
      {result && (
        <>
          <p className="small" data-testid="reuse-sunlight-summary">
            {t('reuse.sunlight.summary', {
              before: n(result.comparison.failingBefore),
              after: n(result.comparison.failingAfter),
              losing: n(result.comparison.homesLosingSunlight.length),
              dropping: n(result.comparison.homesDroppingBelow.length),
            })}
          </p>
          {result.drops.length > 0 ? (
            <ul className="reuse-gaining" data-testid="reuse-sunlight-buildings">
              {result.drops.map((d, i) => (
                <li key={d.buildingId}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => store.getState().selectBuilding(d.buildingId)}
                    data-building-id={d.buildingId}
                  >
                    {nameOf(d.buildingId)}
                  </button>{' '}
                  <span className="muted">
                    {t('reuse.sunlight.buildingLine', {
                      id: d.buildingId,
                      homes: n(d.homes),
                      residents: formatSuppressed(residentCells[i], n),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t('reuse.sunlight.noneBelow')}</p>
          )}
          {residentsTotal && result.drops.length > 0 && (
            <p className="small" data-testid="reuse-sunlight-residents">
              {t('reuse.sunlight.residents', { residents: formatSuppressed(residentsTotal, n) })}
            </p>
          )}
          {elevatorsOnly && <p className="muted small">{t('sunlight.elevatorExempt')}</p>}
        </>
      )}
      <p className="muted small">{t('reuse.sunlight.rule', { preset: localize(language, preset.name) })}</p>
    </div>
  );
}
