import { importedLayerName } from './slice';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';

/** Most tilesets carry a handful of attributes; a long batch table is cut so the card stays readable. */
const MAX_ROWS = 40;

/** The attributes of the imported 3D Tiles feature (or model) last clicked on the map. */
export function ImportedFeaturePanel() {
  const t = useTranslate();
  const store = useAppStore();
  const picked = useApp((s) => s.pickedImportedFeature);
  const layer = useApp((s) => (picked ? s.importedLayers.find((l) => l.id === picked.layerId) : undefined));
  if (!picked || !layer) return null;
  const entries = Object.entries(picked.properties);
  return (
    <section className="panel feature-panel" data-testid="imported-feature-panel">
      <header>
        <h2>{t('import.feature')}</h2>
        <button type="button" onClick={() => store.getState().pickImportedFeature(null)} aria-label={t('building.close')}>
          ×
        </button>
      </header>
      <p className="muted small">{importedLayerName(layer)}</p>
      {entries.length === 0 ? (
        <p className="small">{t('import.featureNoAttributes')}</p>
      ) : (
        <table className="attributes">
          <tbody>
            {entries.slice(0, MAX_ROWS).map(([key, value]) => (
              <tr key={key} data-testid={`feature-${key}`}>
                <th>{key}</th>
                <td>{value === null || value === undefined ? '—' : String(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.length > MAX_ROWS && <p className="muted small">{t('import.featureMore', { count: entries.length - MAX_ROWS })}</p>}
    </section>
  );
}
