import { useEffect, useState, type MouseEvent } from 'react';
import { serializeStoryboard } from '../../data/tour/storyboard';
import { rgbToCss } from '../../layers/buildingColorModes';
import type { ScenarioModule } from '../../scenarios/types';
import { downloadJson } from '../../ui/download';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { useText } from './useScreenData';

/** Buttons give focus back at once: space and the arrows then always go to the tour, never to a button. */
const blurAfter = (action: () => void) => (event: MouseEvent<HTMLButtonElement>) => {
  event.currentTarget.blur();
  action();
};

/** Community, scenario, clock and the tour and screen controls across the top of the wall. */
export function ScreenHeader({
  module,
  fullscreen,
}: {
  module: ScenarioModule | null;
  fullscreen: { supported: boolean; active: boolean; toggle: () => void };
}) {
  const t = useTranslate();
  const text = useText();
  const community = useApp((s) => s.community);
  const manifest = community?.manifest;
  return (
    <header className="screen-header screen-panel" data-testid="screen-header">
      <div className="screen-brand">
        <span className="screen-app-title">{t('screen.title')}</span>
        {manifest && (
          <span className="screen-community" data-testid="screen-community">
            <strong>{text(manifest.name)}</strong>
            <span className="screen-muted">
              {text(manifest.district)} · {t(`community.type.${manifest.communityType}`)} · {t('community.dataDate')} {manifest.dataDate}
            </span>
            {manifest.synthetic && <span className="screen-badge synthetic">{t('app.syntheticBadge')}</span>}
          </span>
        )}
      </div>
      <div
        className="screen-scenario-title"
        data-testid="screen-scenario"
        data-scenario={module?.id ?? ''}
        style={module ? { color: rgbToCss(module.accent) } : undefined}
      >
        {module ? text(module.name) : t('scenario.overview')}
      </div>
      <div className="screen-header-right">
        <TourControls />
        {fullscreen.supported && (
          <button
            type="button"
            className="screen-button"
            onClick={blurAfter(fullscreen.toggle)}
            data-testid="fullscreen-button"
            aria-pressed={fullscreen.active}
          >
            {fullscreen.active ? t('screen.exitFullscreen') : t('screen.fullscreen')}
          </button>
        )}
        <Clock />
      </div>
    </header>
  );
}

function TourControls() {
  const t = useTranslate();
  const store = useAppStore();
  const tour = useApp((s) => s.tour);
  const playing = useApp((s) => s.tourPlaying);
  if (!tour) return null;
  const s = () => store.getState();
  return (
    <div className="screen-tour-controls" role="group" aria-label={t('tour.controls')}>
      <button
        type="button"
        className="screen-button"
        onClick={blurAfter(() => s().previousTourStep())}
        title={t('tour.previous')}
        aria-label={t('tour.previous')}
        data-testid="tour-previous"
      >
        ◀
      </button>
      <button
        type="button"
        className="screen-button"
        onClick={blurAfter(() => s().toggleTourPlaying())}
        data-testid="tour-play"
        aria-pressed={playing}
      >
        {playing ? t('tour.pause') : t('tour.play')}
      </button>
      <button
        type="button"
        className="screen-button"
        onClick={blurAfter(() => s().nextTourStep())}
        title={t('tour.next')}
        aria-label={t('tour.next')}
        data-testid="tour-next"
      >
        ▶
      </button>
      <button
        type="button"
        className="screen-button"
        onClick={blurAfter(() => downloadJson(`${tour.id}.json`, serializeStoryboard(tour)))}
        data-testid="tour-download"
        title={t('tour.downloadHint')}
      >
        {t('tour.download')}
      </button>
    </div>
  );
}

/** Date, weekday and time in the UI language, updated every second. */
function Clock() {
  const language = useApp((s) => s.language);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const date = now.toLocaleDateString(language, { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' });
  const time = now.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  return (
    <div className="screen-clock" data-testid="screen-clock">
      <span className="screen-time">{time}</span>
      <span className="screen-date">{date}</span>
    </div>
  );
}
