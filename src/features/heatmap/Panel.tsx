import { CELL_SHAPES, type CellShape } from '../../analysis/aggregate/gridAggregation';
import { Legend } from '../../ui/components/Legend';
import { defineTab } from '../../ui/panels/sidePanelTab';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { HEATMAP_ATTRIBUTES, type HeatmapAttributeId } from './attributes';
import { heatmapLegend, selectHeatmap } from './selectors';
import { HEATMAP_CELL_RANGE } from './slice';

/**
 * The 热力 tab: an attribute of the buildings and houses pooled to squares or hexagons of a chosen width, as
 * 3D columns or a ground layer, with its legend. Off by default; "off" removes the layer.
 */
export function HeatmapPanel() {
  const t = useTranslate();
  const store = useAppStore();
  const attribute = useApp((s) => s.heatmapAttribute);
  const shape = useApp((s) => s.heatmapShape);
  const cellMeters = useApp((s) => s.heatmapCellMeters);
  const style = useApp((s) => s.heatmapStyle);
  const category = useApp((s) => s.serviceCategory);
  const result = useApp(selectHeatmap);
  const suppressed = result?.cells.filter((c) => c.suppressed).length ?? 0;

  return (
    <div className="heatmap-panel measure-panel" data-testid="heatmap-panel">
      <label className="field">
        {t('heatmap.attribute')}
        <select
          value={attribute ?? ''}
          onChange={(e) => store.getState().setHeatmapAttribute((e.target.value || null) as HeatmapAttributeId | null)}
          data-testid="heatmap-attribute"
        >
          <option value="">{t('heatmap.off')}</option>
          {HEATMAP_ATTRIBUTES.map((a) => (
            <option key={a.id} value={a.id}>
              {t(a.labelKey)}
            </option>
          ))}
        </select>
      </label>
      <div className="field-row">
        <label className="field">
          {t('heatmap.shape')}
          <select value={shape} onChange={(e) => store.getState().setHeatmapShape(e.target.value as CellShape)} data-testid="heatmap-shape">
            {CELL_SHAPES.map((s) => (
              <option key={s} value={s}>
                {t(`heatmap.shape.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('heatmap.cellMeters')}
          <input
            type="number"
            min={HEATMAP_CELL_RANGE.min}
            max={HEATMAP_CELL_RANGE.max}
            step={HEATMAP_CELL_RANGE.step}
            value={cellMeters}
            onChange={(e) => Number(e.target.value) > 0 && store.getState().setHeatmapCellMeters(Number(e.target.value))}
            data-testid="heatmap-cell-meters"
          />
        </label>
        <label className="field">
          {t('heatmap.style')}
          <select
            value={style}
            onChange={(e) => store.getState().setHeatmapStyle(e.target.value as 'columns' | 'ground')}
            data-testid="heatmap-style"
          >
            <option value="columns">{t('heatmap.style.columns')}</option>
            <option value="ground">{t('heatmap.style.ground')}</option>
          </select>
        </label>
      </div>
      {attribute === 'walkTime' && <p className="hint">{t('heatmap.walkCategory', { category: t(`facility.${category}`) })}</p>}
      {result?.pending && <p className="hint">{t('heatmap.walkPending')}</p>}
      {result && !result.pending && (
        <>
          <p className="hint" data-testid="heatmap-cells" data-cells={result.cells.length} data-suppressed={suppressed}>
            {t('heatmap.cells', { cells: result.cells.length, suppressed })}
          </p>
          <Legend
            entries={heatmapLegend(result, t('heatmap.suppressed', { count: t(result.attribute.countKey) }))}
            testId="heatmap-legend"
          />
        </>
      )}
      <p className="hint">{t('heatmap.note')}</p>
    </div>
  );
}

export const heatmapTab = defineTab({ id: 'heatmap', labelKey: 'heatmap.tab', Panel: HeatmapPanel });
