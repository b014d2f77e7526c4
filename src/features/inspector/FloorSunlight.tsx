import { sunlightPreset } from '../../analysis/sunlight/sunlightRules';
import type { FloorSunlight as FloorHours } from '../../analysis/sunlight/homeSunlight';
import type { Building } from '../../core/model/types';
import { formatNumber, localize } from '../../i18n/translate';
import { COLOR_MODE_DEFINITIONS, rgbToCss } from '../../layers/buildingColorModes';
import { useApp, useTranslate } from '../../ui/StoreContext';
import { selectCommunitySunlight } from '../sunlight/selectors';

/** A floor's worst hours: its worst home, or, on a floor without homes, its worst façade point. */
export const floorWorstHours = (f: FloorHours): number => (f.homes > 0 ? f.worstHomeHours : f.worstPointHours);

/**
 * The inspected building's floors, top first, each coloured by its worst sunlight hours in the
 * sunlight legend's colours (the building colouring's classes) with the hours and the homes below the
 * rule as text beside the swatch, so the figure never depends on the colour. Shown only when the
 * sunlight result exists (the 日照 tab, the sunlight colouring or the 建筑 scenario computed it).
 */
export function FloorSunlight({ building }: { building: Building }) {
  const t = useTranslate();
  const language = useApp((s) => s.language);
  const sunlight = useApp(selectCommunitySunlight);
  const result = sunlight?.buildings.find((b) => b.buildingId === building.id);
  if (!sunlight || !result || result.floors.length === 0) return null;
  const preset = sunlightPreset(sunlight.presetId);
  const colourOf = (hours: number) => rgbToCss(COLOR_MODE_DEFINITIONS.sunlight.colorOf(building, { value: hours }));
  return (
    <section className="inspector-sunlight" data-testid="inspector-sunlight">
      <h3>{t('inspector.sunlight.title')}</h3>
      {preset && <p className="muted small">{t('inspector.sunlight.rule', { preset: localize(language, preset.name) })}</p>}
      <ol className="inspector-floor-sunlight">
        {[...result.floors].reverse().map((f) => {
          const hours = floorWorstHours(f);
          return (
            <li key={f.floor} data-floor={f.floor} data-hours={Number.isFinite(hours) ? hours.toFixed(2) : ''}>
              <span className="swatch" style={{ background: colourOf(hours) }} aria-hidden="true" />
              <span className="floor">{t('inspector.sunlight.floor', { floor: f.floor })}</span>
              <span className="hours">{Number.isFinite(hours) ? `${hours.toFixed(1)} h` : '–'}</span>
              {f.homes > 0 && (
                <span className={f.failingHomes > 0 ? 'failing' : 'muted'}>
                  {t('inspector.sunlight.failing', {
                    failing: formatNumber(language, f.failingHomes),
                    homes: formatNumber(language, f.homes),
                  })}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
