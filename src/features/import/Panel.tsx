import { defineTab } from '../../ui/panels/sidePanelTab';
import { CRS_IDS, crsLabel, type CrsId } from '../../core/geo/crs';
import { localizeIssue, summarizeImport } from '../../i18n/issues';
import { acceptedFileTypes, droppableFormatList } from '../../data/formats/registry';
import { IMPORTED_LAYER_COLORS } from '../../layers/layerCatalog';
import { rgbToCss } from '../../layers/buildingColorModes';
import type { ModelPlacement } from '../../core/model/placement';
import { importedLayerName } from './slice';
import { exportOpenPackage } from './exportPackage';
import { cancelImport, canReproject, importFromUrl, importPickedFiles, reprojectLayer, retryWithCrs } from './importUserFiles';
import { framePoints, packageHeadingDeg } from '../../scenarios/camera';
import type { ImportResult } from '../../data/formats/importResult';
import type { LonLat } from '../../core/model/types';
import { LayerMappingEditor } from './LayerMappingEditor';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';

/**
 * Bring your own data: pick or drop GeoJSON, CSV (UTF-8/GBK), shapefile parts or CityJSON. Each file
 * becomes a layer with a one-line account of what came in and what was skipped (and where).
 */
/** Failures a coordinate-system choice can fix: the file gives none, or one we do not convert. */
const CRS_FAILURES = new Set(['unknown-crs', 'unsupported-crs']);

export function DataPanel() {
  const t = useTranslate();
  const store = useAppStore();
  const language = useApp((s) => s.language);
  const layers = useApp((s) => s.importedLayers);
  const failures = useApp((s) => s.importFailures);
  const status = useApp((s) => s.importStatus);
  const progress = useApp((s) => s.importProgress);
  const role = useApp((s) => s.role);
  const lastExport = useApp((s) => s.exportLog.at(-1));
  return (
    <div className="data-panel" data-testid="data-panel" data-status={status}>
      <label className="file-picker">
        <span>{t('import.pick')}</span>
        <input
          type="file"
          multiple
          accept={acceptedFileTypes()}
          onChange={(e) => {
            void importPickedFiles(store, Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
          data-testid="import-file"
        />
      </label>
      <p className="muted small">{t('import.hint', { formats: droppableFormatList(language === 'en' ? 'en' : 'zh') })}</p>
      <form
        className="url-import"
        onSubmit={(e) => {
          e.preventDefault();
          const input = e.currentTarget.elements.namedItem('url') as HTMLInputElement;
          const otherServers = e.currentTarget.elements.namedItem('otherServers') as HTMLInputElement;
          if (input.value.trim())
            void importFromUrl(store, new URL(input.value.trim(), document.baseURI).href, { allowOtherOrigins: otherServers.checked });
        }}
      >
        <input name="url" type="text" placeholder={t('import.urlPlaceholder')} data-testid="import-url" />
        <button type="submit" data-testid="import-url-go">
          {t('import.fromUrl')}
        </button>
        <label className="small muted url-other-servers">
          <input name="otherServers" type="checkbox" data-testid="import-url-other-servers" />
          {t('import.allowOtherOrigins')}
        </label>
      </form>
      {status === 'reading' && (
        <div className="import-progress" data-testid="import-progress">
          <span className="small">
            {progress?.phase === 'parsing'
              ? t('import.parsing', { done: progress.done, total: progress.total, file: progress.file ?? '' })
              : t('import.reading')}
          </span>
          <progress max={progress?.total || 1} value={progress?.done ?? 0} />
          <button type="button" onClick={() => cancelImport(store)} data-testid="import-cancel">
            {t('import.cancel')}
          </button>
        </div>
      )}
      {status === 'cancelled' && <p className="small muted">{t('import.cancelled')}</p>}
      {failures.length > 0 && (
        <ul className="import-failures" data-testid="import-failures">
          {failures.map((f, i) => (
            <li key={i}>
              {f.issues.map((issue) => localizeIssue(issue, language)).join(t('issue.separator.examples'))}
              {f.position ? ` (${t('import.position', { line: f.position.line, column: f.position.column })})` : ''}
              {CRS_FAILURES.has(f.code) && f.issues[0] && (
                <label className="crs-choice">
                  {t('import.chooseCrs')}
                  <select
                    defaultValue=""
                    onChange={(e) => e.target.value && void retryWithCrs(store, f.issues[0].file, e.target.value as CrsId)}
                    data-testid="import-crs-choice"
                  >
                    <option value="">—</option>
                    {CRS_IDS.map((crs) => (
                      <option key={crs} value={crs}>
                        {crsLabel(crs, language)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="export" onClick={() => void exportOpenPackage(store)} data-testid="export-package">
        {t('import.export', { role: t(`role.${role}`) })}
      </button>
      {lastExport && (
        <p className="small muted" data-testid="export-audit" data-identifiers={lastExport.identifiers}>
          {t('import.exported', {
            time: new Date(lastExport.at).toLocaleTimeString(language),
            role: t(`role.${lastExport.role}`),
            how: t(`import.exported.${lastExport.identifiers}`, { rows: lastExport.personRows }),
          })}
        </p>
      )}
      <ul className="imported-layers" data-testid="imported-layers">
        {layers.map((layer) => (
          <li key={layer.id} data-file={importedLayerName(layer)} data-kind={layer.kind}>
            <label className="toggle">
              <input
                type="checkbox"
                checked={layer.visible}
                onChange={(e) => store.getState().setImportedLayerVisible(layer.id, e.target.checked)}
              />
              <span
                className="swatch"
                style={{
                  background:
                    layer.kind === 'features'
                      ? rgbToCss(IMPORTED_LAYER_COLORS[layer.colorIndex % IMPORTED_LAYER_COLORS.length])
                      : 'transparent',
                }}
              />
              <strong>{importedLayerName(layer)}</strong>
            </label>
            <button type="button" className="link remove" onClick={() => store.getState().removeImportedLayer(layer.id)}>
              {t('import.remove')}
            </button>
            {layer.kind === 'features' ? (
              <>
                <div className="small">{summarizeImport(layer.result, language)}</div>
                {layer.result.warnings?.map((w, i) => (
                  <div key={i} className="small warning">
                    {localizeIssue(w, language)}
                  </div>
                ))}
                <div className="muted small layer-crs">
                  {/* Every layer's coordinate system is visible and can be changed: it re-reads the file with it. */}
                  <label>
                    {t('import.crs')}{' '}
                    <select
                      value={layer.result.sourceCrs}
                      disabled={!canReproject(store, layer.id)}
                      onChange={(e) => void reprojectLayer(store, layer.id, e.target.value as CrsId)}
                      data-testid="import-layer-crs"
                    >
                      {CRS_IDS.map((crs) => (
                        <option key={crs} value={crs}>
                          {crsLabel(crs, language)}
                        </option>
                      ))}
                    </select>
                  </label>
                  {layer.result.encoding ? ` · ${layer.result.encoding}` : ''}
                  {layer.result.axesSwapped ? ` · ${t('import.axesSwapped')}` : ''}
                  {layer.result.suggestedCrs && layer.result.suggestedCrs !== layer.result.sourceCrs && (
                    <div className="warning" data-testid="import-crs-hint">
                      {t('import.crsHint', { crs: crsLabel(layer.result.suggestedCrs, language) })}
                    </div>
                  )}
                  {layerPoints(layer.result).length > 0 && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        const community = store.getState().community;
                        const camera = framePoints(layerPoints(layer.result), {
                          headingDeg: community ? packageHeadingDeg(community) : 0,
                          pitchDeg: -45,
                        });
                        store.getState().requestCamera(camera);
                      }}
                      data-testid="import-zoom-to"
                    >
                      {t('import.zoomTo')}
                    </button>
                  )}
                </div>
                <LayerMappingEditor layer={layer} />
              </>
            ) : layer.kind === 'tileset' ? (
              <div className="small">{t('import.tileset')}</div>
            ) : (
              <ModelPlacementEditor id={layer.id} placement={layer.placement} />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every position of a layer's features, for framing the camera on it. */
function layerPoints(result: ImportResult): LonLat[] {
  const out: LonLat[] = [];
  for (const f of result.features) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === 'Point') out.push(g.coordinates);
    else if (g.type === 'MultiPoint' || g.type === 'LineString') out.push(...g.coordinates);
    else if (g.type === 'MultiLineString' || g.type === 'Polygon') for (const part of g.coordinates) out.push(...part);
    else for (const polygon of g.coordinates) for (const ring of polygon) out.push(...ring);
  }
  return out;
}

/** Where a dropped glTF model stands: longitude, latitude, height, heading and scale, edited in place. */
function ModelPlacementEditor({ id, placement }: { id: string; placement: ModelPlacement }) {
  const t = useTranslate();
  const store = useAppStore();
  const fields: { key: keyof ModelPlacement; step: number }[] = [
    { key: 'lon', step: 0.0001 },
    { key: 'lat', step: 0.0001 },
    { key: 'heightMeters', step: 1 },
    { key: 'headingDeg', step: 5 },
    { key: 'scale', step: 0.1 },
  ];
  return (
    <div className="placement" data-testid="model-placement">
      {fields.map(({ key, step }) => (
        <label key={key} className="small">
          {t(`import.placement.${key}`)}
          <input
            type="number"
            step={step}
            value={placement[key]}
            onChange={(e) => {
              const value = Number(e.target.value);
              if (e.target.value !== '' && Number.isFinite(value) && (key !== 'scale' || value > 0))
                store.getState().setModelPlacement(id, { ...placement, [key]: value });
            }}
          />
        </label>
      ))}
    </div>
  );
}

/** The side panel's tab for this feature (registered in features/tabs.ts). */
export const importTab = defineTab({ id: 'data', labelKey: 'import.title', Panel: DataPanel });
