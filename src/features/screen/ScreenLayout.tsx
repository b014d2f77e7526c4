import { useLayoutEffect, type ReactNode } from 'react';
import { localizeIssue, localizeProblemCount } from '../../i18n/issues';
import { AttributionBar } from '../../ui/panels/AttributionBar';
import { useApp, useTranslate } from '../../ui/StoreContext';
import { ScreenHeader } from './ScreenHeader';
import { ChartsPanel, KpiPanel, ScorePanel } from './ScreenPanels';
import { TourCaption } from './TourCaption';
import { useFullscreen } from './useFullscreen';
import { useScreenData, useScreenScale } from './useScreenData';
import { useTourKeys } from './useTourKeys';
import './screen.css';

/**
 * The command-centre wall (`?mode=screen`): header across the top; the overall score, the
 * satisfaction gate and the KPI tiles on the left; the 3D scene in the middle with the tour's
 * caption and the data sources under it; the charts on the right. Every size comes from one scale
 * (see useScreenData), so nothing overlaps or is cut on 3840×2160, 3840×1080 or 7680×2160.
 */
export function ScreenLayout({ scene, creditHost }: { scene: ReactNode; creditHost: HTMLElement }) {
  useLayoutEffect(() => {
    document.documentElement.classList.add('screen-mode');
    return () => document.documentElement.classList.remove('screen-mode');
  }, []);
  const scale = useScreenScale();
  const fullscreen = useFullscreen();
  useTourKeys(fullscreen.toggle);
  const { module, overall, scenario } = useScreenData();
  return (
    <div className="screen" data-testid="screen">
      <ScreenHeader module={module} fullscreen={fullscreen} />
      <aside className="screen-left">
        <ScorePanel overall={overall} module={module} score={scenario?.score ?? null} />
        <KpiPanel module={module} kpis={scenario?.kpis ?? null} overall={overall} />
      </aside>
      <main className="screen-scene" data-testid="screen-scene">
        {scene}
        <SceneStatus />
      </main>
      <TourCaption module={module} />
      <div className="screen-footer" data-testid="screen-attribution">
        <AttributionBar creditHost={creditHost} />
      </div>
      <aside className="screen-right">
        {/* ECharts' smallest text is 10 px × fontScale: 2 design px per px keeps it at the 20 px minimum. */}
        <ChartsPanel module={module} charts={scenario?.charts ?? null} overall={overall} fontScale={2 * scale} />
      </aside>
    </div>
  );
}

/** Loading and load errors over the scene; a scenario flight shows nothing (a wall must not flash). */
function SceneStatus() {
  const t = useTranslate();
  const status = useApp((s) => s.status);
  const hasCommunity = useApp((s) => s.community !== null);
  const error = useApp((s) => s.loadError);
  const language = useApp((s) => s.language);
  if (error)
    return (
      <div className="screen-scene-status error" role="alert" data-testid="load-error">
        <strong>{t('app.loadFailed')}</strong>
        <p>{error.issues.length > 0 ? localizeProblemCount(error.issues.length, language) : error.message.split('\n')[0]}</p>
        {error.issues.slice(0, 5).map((issue, i) => (
          <p key={i}>{localizeIssue(issue, language)}</p>
        ))}
      </div>
    );
  if (status === 'loading' || !hasCommunity)
    return (
      <div className="screen-scene-status" data-testid="loading">
        {t('app.loading')}
      </div>
    );
  return null;
}
