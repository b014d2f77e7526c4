import type { BaseSource } from '../../data/base/baseConfig';
import { localizeIssue, localizeMessage } from '../../i18n/issues';
import { localize } from '../../i18n/translate';
import { CITY_COLOR_MODES, cityLegend, type CityColorMode } from '../../layers/cityColorModes';
import { defineTab } from '../../ui/panels/sidePanelTab';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { isBaseSourceShown } from './slice';

const swatch = (color: readonly number[]) => ({ background: `rgb(${color.join(',')})` });

function SourceLegend({ source }: { source: BaseSource }) {
  const language = useApp((s) => s.language);
  const mode = useApp((s) => s.cityColorMode);
  const entries =
    source.legend?.map((item) => ({ color: item.color, label: localize(language, item.label) })) ??
    (source.kind === '3dtiles' && source.type === 'buildings'
      ? cityLegend(mode === 'plain' ? (source.style?.colorBy ?? 'plain') : mode).map((e) => ({
          color: e.color,
          label: localize(language, e.label),
        }))
      : []);
  if (!entries.length) return null;
  return (
    <ul className="legend" data-testid={`base-legend-${source.id}`}>
      {entries.map((entry) => (
        <li key={entry.label}>
          <span className="swatch" style={swatch(entry.color)} />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

/** 底座 tab: the base's sources with their kind, attribution, legend and, for a failed one, why. */
export function BasePanel() {
  const t = useTranslate();
  const store = useAppStore();
  const language = useApp((s) => s.language);
  const config = useApp((s) => s.baseConfig);
  const shown = useApp((s) => s.baseShown);
  const errors = useApp((s) => s.baseErrors);
  const configIssues = useApp((s) => s.baseConfigIssues);
  const colorMode = useApp((s) => s.cityColorMode);
  const hasCityBuildings = config.sources.some((s) => s.kind === '3dtiles' && s.type === 'buildings');
  return (
    <div className="layer-panel base-panel" data-testid="base-panel">
      {configIssues && (
        <div className="error" role="alert" data-testid="base-config-issues">
          <strong>{t('cityBase.configInvalid')}</strong>
          <ul>
            {configIssues.slice(0, 8).map((issue, i) => (
              <li key={i}>{localizeIssue(issue, language)}</li>
            ))}
          </ul>
        </div>
      )}
      {hasCityBuildings && (
        <label className="color-mode">
          {t('cityBase.colorBy')}
          <select
            value={colorMode}
            onChange={(e) => store.getState().setCityColorMode(e.target.value as CityColorMode)}
            data-testid="city-color-mode"
          >
            {CITY_COLOR_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`cityBase.colorMode.${mode}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {config.sources.map((source) => {
        const visible = isBaseSourceShown(shown, source);
        const error = errors[source.id];
        return (
          <section
            key={source.id}
            className="layer"
            data-testid={`base-source-${source.id}`}
            data-kind={source.kind}
            data-failed={error ? 'true' : undefined}
          >
            <label className="toggle">
              <input
                type="checkbox"
                checked={visible}
                onChange={(e) => store.getState().setBaseSourceVisible(source.id, e.target.checked)}
                data-testid={`base-toggle-${source.id}`}
              />
              {localize(language, source.name)}
              <span className="muted small"> · {t(`cityBase.kind.${source.kind}`)}</span>
            </label>
            {source.attribution && <p className="muted small attribution">{source.attribution}</p>}
            {error && (
              <p className="error small" role="alert" data-testid={`base-error-${source.id}`}>
                {error.issue ? localizeMessage(error.issue, language) : error.message}
              </p>
            )}
            {visible && !error && <SourceLegend source={source} />}
          </section>
        );
      })}
    </div>
  );
}

/** The side panel's tab for the base (registered in features/tabs.ts). */
export const baseTab = defineTab({ id: 'base', labelKey: 'cityBase.title', Panel: BasePanel });
