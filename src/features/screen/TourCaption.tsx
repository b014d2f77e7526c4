import { dwellSecondsOf } from '../../data/tour/storyboard';
import { rgbToCss } from '../../layers/buildingColorModes';
import { getScenario } from '../../scenarios/registry';
import type { ScenarioModule } from '../../scenarios/types';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { useText } from './useScreenData';

/**
 * The caption area under the scene: the step's caption (or, outside a tour, the scenario's own
 * narrative), the steps of the storyboard with the current one marked, the layers the step
 * highlights, and whether the tour plays. `data-steps-shown` counts the steps put on screen.
 */
export function TourCaption({ module }: { module: ScenarioModule | null }) {
  const t = useTranslate();
  const text = useText();
  const store = useAppStore();
  const tour = useApp((s) => s.tour);
  const index = useApp((s) => s.tourStep);
  const playing = useApp((s) => s.tourPlaying);
  const dwellOverride = useApp((s) => s.tourDwellSeconds);
  const shown = useApp((s) => s.tourStepsShown);
  const error = useApp((s) => s.tourError);
  const step = tour && index >= 0 ? tour.steps[index] : null;
  const caption = step ? text(step.caption) : module ? text(module.narrative) : tour ? t('tour.hint') : '';
  return (
    <section
      className="screen-panel screen-caption"
      data-testid="tour-caption"
      data-step={index}
      data-steps-shown={shown}
      data-playing={playing}
    >
      {error ? (
        <p className="screen-caption-error" role="alert" data-testid="tour-error">
          {t('tour.failed')}: {error}
        </p>
      ) : (
        <p className="screen-caption-text" data-testid="tour-caption-text">
          {caption}
        </p>
      )}
      {tour && (
        <div className="screen-caption-bar">
          <span className="screen-step-count" data-testid="tour-step-count">
            {index >= 0 ? t('tour.step', { step: index + 1, count: tour.steps.length }) : text(tour.title)}
          </span>
          <ol className="screen-steps">
            {tour.steps.map((s, i) => {
              const m = s.scenario ? getScenario(s.scenario) : null;
              return (
                <li
                  key={i}
                  className={i === index ? 'current' : ''}
                  style={m ? { ['--accent' as string]: rgbToCss(m.accent) } : undefined}
                  onClick={() => store.getState().goToTourStep(i)}
                >
                  {m ? text(m.shortName) : t('scenario.overview')}
                </li>
              );
            })}
          </ol>
          {step && step.layers.length > 0 && (
            <span className="screen-step-layers" data-testid="tour-layers">
              {t('tour.layers')}: {step.layers.map((l) => t(`layers.${l}`)).join('、')}
            </span>
          )}
          <span className={`screen-play-state ${playing ? 'playing' : 'paused'}`}>
            {playing
              ? t('tour.playing', { seconds: formatSeconds(dwellSecondsOf(tour, Math.max(0, index), dwellOverride)) })
              : t('tour.paused')}
          </span>
        </div>
      )}
    </section>
  );
}

const formatSeconds = (seconds: number) => (Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1));
