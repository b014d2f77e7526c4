import { localize } from '../../i18n/translate';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';

const MAX_ROWS = 40;

/** The attributes of the city building (or other base 3D Tiles feature) last clicked. */
export function BaseFeaturePanel() {
  const t = useTranslate();
  const store = useAppStore();
  const language = useApp((s) => s.language);
  const picked = useApp((s) => s.pickedBaseFeature);
  const source = useApp((s) => (picked ? s.baseConfig.sources.find((x) => x.id === picked.sourceId) : undefined));
  if (!picked || !source) return null;
  const entries = Object.entries(picked.properties);
  return (
    <section className="panel feature-panel" data-testid="base-feature-panel">
      <header>
        <h2>{t('cityBase.feature')}</h2>
        <button type="button" onClick={() => store.getState().pickBaseFeature(null)} aria-label={t('building.close')}>
          ×
        </button>
      </header>
      <p className="muted small">{localize(language, source.name)}</p>
      <table className="attributes">
        <tbody>
          {entries.slice(0, MAX_ROWS).map(([key, value]) => (
            <tr key={key} data-testid={`base-feature-${key}`}>
              <th>{key}</th>
              <td>{value === null || value === undefined ? '—' : String(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
