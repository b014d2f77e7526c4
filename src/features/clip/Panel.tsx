import { useEffect } from 'react';
import { formatNumber } from '../../i18n/translate';
import { defineTab } from '../../ui/panels/sidePanelTab';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { selectClipSummary } from './selectors';
import { CLIP_MODES, CLIP_SECTION_ABOVE_FLOOR_METERS, CLIP_STOREY_METERS, type ClipMode, type ClipSettings } from './slice';

/** Shown first in the list of cut buildings. */
const LISTED = 12;

type NumberField = keyof Omit<ClipSettings, 'centre'>;

/**
 * The 剖切 tab: a vertical plane, a box or a horizontal section through the community's buildings, the
 * 3D Tiles and models, and the 分层分户 inspector; the buildings it cuts with their cut figures. Off by
 * default; 关闭 (or leaving the tab) puts everything back.
 */
export function ClipPanel() {
  const t = useTranslate();
  const store = useAppStore();
  const language = useApp((s) => s.language);
  const mode = useApp((s) => s.clipMode);
  const settings = useApp((s) => s.clipSettings);
  const summary = useApp(selectClipSummary);
  const selectedId = useApp((s) => s.selectedBuildingId);
  const n = (value: number, digits = 0) => formatNumber(language, value, digits);

  // Leaving the tab leaves nothing behind.
  useEffect(() => () => store.getState().clearClip(), [store]);

  const field = (key: NumberField, labelKey: string, step: number, testId: string) => (
    <label className="field">
      {t(labelKey)}
      <input
        type="number"
        step={step}
        value={settings ? Number(settings[key].toFixed(2)) : ''}
        onChange={(e) => e.target.value !== '' && store.getState().setClipSettings({ [key]: Number(e.target.value) })}
        data-testid={testId}
      />
    </label>
  );
  const floorAtSection = settings ? Math.floor(settings.sectionMeters / CLIP_STOREY_METERS) + 1 : 1;

  return (
    <div className="clip-panel measure-panel" data-testid="clip-panel" data-mode={mode ?? ''}>
      <div className="field-row" role="radiogroup" aria-label={t('clip.mode')}>
        {[null, ...CLIP_MODES].map((m: ClipMode | null) => (
          <button
            key={m ?? 'off'}
            type="button"
            role="radio"
            aria-checked={mode === m}
            onClick={() => store.getState().setClipMode(m)}
            data-testid={`clip-mode-${m ?? 'off'}`}
          >
            {t(`clip.mode.${m ?? 'off'}`)}
          </button>
        ))}
      </div>
      {mode && settings && (
        <>
          <p className="hint">{t(`clip.hint.${mode}`)}</p>
          {mode !== 'section' && (
            <div className="field-row">
              <button type="button" onClick={() => store.getState().centreClipOnSelection()} data-testid="clip-centre">
                {selectedId ? t('clip.centreOnSelected') : t('clip.centreOnCommunity')}
              </button>
            </div>
          )}
          {mode === 'plane' && (
            <div className="field-row">
              {field('azimuthDeg', 'clip.azimuth', 5, 'clip-azimuth')}
              {field('offsetMeters', 'clip.offset', 1, 'clip-offset')}
            </div>
          )}
          {mode === 'box' && (
            <>
              <div className="field-row">
                {field('azimuthDeg', 'clip.heading', 5, 'clip-azimuth')}
                {field('halfLengthMeters', 'clip.halfLength', 1, 'clip-half-length')}
                {field('halfWidthMeters', 'clip.halfWidth', 1, 'clip-half-width')}
              </div>
              <div className="field-row">
                {field('bottomMeters', 'clip.bottom', 1, 'clip-bottom')}
                {field('topMeters', 'clip.top', 1, 'clip-top')}
              </div>
            </>
          )}
          {mode === 'section' && (
            <div className="field-row">
              {field('sectionMeters', 'clip.sectionMeters', 0.5, 'clip-section-meters')}
              <label className="field">
                {t('clip.sectionFloor', { storey: n(CLIP_STOREY_METERS) })}
                <input
                  type="number"
                  min={1}
                  step={1}
                  value={floorAtSection}
                  onChange={(e) =>
                    Number(e.target.value) >= 1 &&
                    store.getState().setClipSettings({
                      sectionMeters: (Math.round(Number(e.target.value)) - 1) * CLIP_STOREY_METERS + CLIP_SECTION_ABOVE_FLOOR_METERS,
                    })
                  }
                  data-testid="clip-section-floor"
                />
              </label>
            </div>
          )}
          {summary && (
            <div
              data-testid="clip-result"
              data-cut={summary.cut.length}
              data-kept={summary.kept}
              data-section-area={summary.sectionAreaM2.toFixed(2)}
              data-cut-face-area={summary.cutFaceAreaM2.toFixed(2)}
            >
              <p className="hint">
                {mode === 'section'
                  ? t('clip.summary.section', { n: n(summary.cut.length), area: n(summary.sectionAreaM2, 1) })
                  : t('clip.summary.cut', { n: n(summary.cut.length), area: n(summary.cutFaceAreaM2, 1) })}
              </p>
              {summary.cut.length > 0 && (
                <ol className="plain-list small" data-testid="clip-list">
                  {summary.cut.slice(0, LISTED).map((c) => (
                    <li
                      key={c.id}
                      data-building-id={c.id}
                      data-section-area={c.sectionAreaM2.toFixed(2)}
                      data-cut-length={c.cutLengthMeters.toFixed(2)}
                      data-cut-face-area={c.cutFaceAreaM2.toFixed(2)}
                    >
                      <button type="button" className="link" onClick={() => store.getState().selectBuilding(c.id)}>
                        {c.name}
                      </button>{' '}
                      <span data-testid="clip-figures">
                        {mode === 'section' || c.cutLengthMeters === 0
                          ? t('clip.figures.section', { area: n(c.sectionAreaM2, 1), top: n(c.keptTopMeters, 1) })
                          : t('clip.figures.cut', { length: n(c.cutLengthMeters, 2), area: n(c.cutFaceAreaM2, 1) })}
                      </span>
                    </li>
                  ))}
                  {summary.cut.length > LISTED && <li className="muted">{t('clip.more', { n: n(summary.cut.length - LISTED) })}</li>}
                </ol>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}

export const clipTab = defineTab({ id: 'clip', labelKey: 'clip.tab', Panel: ClipPanel });
