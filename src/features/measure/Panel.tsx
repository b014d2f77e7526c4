import { useEffect, useState } from 'react';
import { MEASURE_POINTS, MEASURE_TOOLS, draftFigures, type MeasureFigures, type Measurement } from '../../analysis/measure/measurement';
import type { Language } from '../../i18n/translate';
import { defineTab } from '../../ui/panels/sidePanelTab';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { AREA_UNITS, DECIMALS, LENGTH_UNITS, formatArea, formatLength, type MeasureUnits } from './format';

type Translate = ReturnType<typeof useTranslate>;

/** Each figure of a measurement as [label, text], in the order the panel lists and the clipboard gets them. */
function figureRows(f: MeasureFigures, units: MeasureUnits, language: Language, t: Translate): [string, string][] {
  const length = (m: number) => formatLength(m, units);
  switch (f.tool) {
    case 'distance':
      return [
        [t('measure.horizontal'), length(f.horizontalMeters)],
        [t('measure.slant'), length(f.slantMeters)],
        [t('measure.ground'), length(f.groundMeters)],
        [t('measure.heightDifference'), length(f.heightDifferenceMeters)],
      ];
    case 'path':
      return [
        [t('measure.horizontal'), length(f.horizontalMeters)],
        [t('measure.slant'), length(f.slantMeters)],
        [t('measure.ground'), length(f.groundMeters)],
      ];
    case 'area':
      return [
        [t('measure.areaHorizontal'), formatArea(f.horizontalSquareMeters, units, language)],
        [t('measure.areaTerrain'), formatArea(f.terrainSquareMeters, units, language)],
        [t('measure.perimeter'), length(f.perimeterMeters)],
      ];
    case 'height':
      return [
        [t('measure.aboveGround'), length(f.aboveGroundMeters)],
        ...(f.roofHeightMeters === null || !f.buildingId
          ? []
          : [[t('measure.roofHeight', { id: f.buildingId }), length(f.roofHeightMeters)] as [string, string]]),
      ];
  }
}

/** One measurement as plain text: what the copy buttons put on the clipboard (tab-separated, pastes into a spreadsheet). */
function measurementText(m: Measurement, units: MeasureUnits, language: Language, t: Translate): string {
  const rows = figureRows(m.figures, units, language, t).map(([label, value]) => `${label}\t${value}`);
  return [`#${m.id} ${t(`measure.tool.${m.tool}`)}`, ...rows].join('\n');
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an intranet page over plain http): the figures stay selectable in the list.
    return false;
  }
}

/**
 * The 测量 tab: pick a tool, click the scene, read the figures. Points snap to building corners and
 * edges; Esc clears, Enter (or a double click) finishes a path or an area, Backspace takes back a point.
 * Leaving the tab closes the tool and clears every measurement.
 */
export function MeasurePanel() {
  const t = useTranslate();
  const store = useAppStore();
  const language = useApp((s) => s.language);
  const tool = useApp((s) => s.measureTool);
  const draft = useApp((s) => s.measureDraft);
  const measurements = useApp((s) => s.measurements);
  const units = useApp((s) => s.measureUnits);
  const snap = useApp((s) => s.measureSnap);
  const [copied, setCopied] = useState<number | 'all' | null>(null);
  useEffect(() => () => store.getState().setMeasureTool(null), [store]);

  const onCopy = async (what: number | 'all') => {
    const chosen = what === 'all' ? measurements : measurements.filter((m) => m.id === what);
    if (await copy(chosen.map((m) => measurementText(m, units, language, t)).join('\n\n'))) setCopied(what);
  };
  const live = tool && draft.length ? draftFigures(tool, draft) : null;
  const lastSnap = draft.at(-1)?.snap ?? measurements.at(-1)?.points.at(-1)?.snap;

  return (
    <div className="measure-panel" data-testid="measure-panel" data-tool={tool ?? ''}>
      <div className="measure-tools" role="group" aria-label={t('measure.tab')}>
        {MEASURE_TOOLS.map((id) => (
          <button
            key={id}
            type="button"
            aria-pressed={tool === id}
            className={tool === id ? 'active' : undefined}
            onClick={() => store.getState().setMeasureTool(tool === id ? null : id)}
            data-testid={`measure-tool-${id}`}
          >
            {t(`measure.tool.${id}`)}
          </button>
        ))}
      </div>
      <p className="hint" data-testid="measure-hint">
        {tool ? t(`measure.hint.${tool}`) : t('measure.empty')}
      </p>
      <div className="field-row">
        <label className="field">
          {t('measure.lengthUnit')}
          <select
            value={units.length}
            onChange={(e) => store.getState().setMeasureUnits({ length: e.target.value as MeasureUnits['length'] })}
            data-testid="measure-length-unit"
          >
            {LENGTH_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`measure.unit.${u}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('measure.areaUnit')}
          <select
            value={units.area}
            onChange={(e) => store.getState().setMeasureUnits({ area: e.target.value as MeasureUnits['area'] })}
            data-testid="measure-area-unit"
          >
            {AREA_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`measure.unit.${u}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('measure.decimals')}
          <select
            value={units.decimals}
            onChange={(e) => store.getState().setMeasureUnits({ decimals: Number(e.target.value) as MeasureUnits['decimals'] })}
            data-testid="measure-decimals"
          >
            {DECIMALS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={snap}
          onChange={(e) => store.getState().setMeasureSnap(e.target.checked)}
          data-testid="measure-snap"
        />
        {t('measure.snap')}
      </label>
      {tool && draft.length > 0 && (
        <div className="measure-draft" data-testid="measure-draft" data-points={draft.length}>
          <span>{t('measure.points', { n: draft.length })}</span>
          {live && live.lengthMeters > 0 && <span>{formatLength(live.lengthMeters, units)}</span>}
          {live && live.areaSquareMeters !== null && <span>{formatArea(live.areaSquareMeters, units, language)}</span>}
          {lastSnap && lastSnap !== 'none' && <span className="snap">{t(`measure.snapped.${lastSnap}`)}</span>}
          {MEASURE_POINTS[tool].max === Infinity && (
            <button
              type="button"
              disabled={draft.length < MEASURE_POINTS[tool].min}
              onClick={() => store.getState().requestMeasureFinish()}
              data-testid="measure-finish"
            >
              {t('measure.finish')}
            </button>
          )}
          <button type="button" onClick={() => store.getState().undoMeasurePoint()} data-testid="measure-undo">
            {t('measure.undo')}
          </button>
        </div>
      )}
      {measurements.length > 0 && (
        <>
          <ol className="measure-results" data-testid="measure-results">
            {measurements.map((m) => (
              <li key={m.id} data-testid="measure-result" data-tool={m.tool} data-id={m.id}>
                <div className="measure-result-head">
                  <strong>
                    #{m.id} {t(`measure.tool.${m.tool}`)}
                  </strong>
                  <button type="button" className="link" onClick={() => void onCopy(m.id)} data-testid="measure-copy">
                    {copied === m.id ? t('measure.copied') : t('measure.copy')}
                  </button>
                  <button
                    type="button"
                    className="link"
                    onClick={() => store.getState().removeMeasurement(m.id)}
                    aria-label={t('measure.remove')}
                  >
                    ×
                  </button>
                </div>
                <dl>
                  {figureRows(m.figures, units, language, t).map(([label, value], i) => (
                    <div key={label} data-testid={`measure-figure-${i}`}>
                      <dt>{label}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ol>
          <div className="field-row">
            <button type="button" onClick={() => void onCopy('all')} data-testid="measure-copy-all">
              {copied === 'all' ? t('measure.copied') : t('measure.copyAll')}
            </button>
            <button type="button" onClick={() => store.getState().clearMeasure()} data-testid="measure-clear">
              {t('measure.clear')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

export const measureTab = defineTab({ id: 'measure', labelKey: 'measure.tab', Panel: MeasurePanel });
