import { defineTab } from '../../ui/panels/sidePanelTab';
import type { ReactNode } from 'react';
import { BASE_KINDS, FACILITY_CATEGORIES, NETWORK_KINDS, REUSE_KINDS } from '../../core/model/types';
import { COLOR_MODES, COLOR_MODE_DEFINITIONS, type ColorMode, type LegendEntry } from '../../layers/buildingColorModes';
import {
  BASE_COLORS,
  BOUNDARY_COLOR,
  CONTEXT_BUILDING_COLOR,
  FACILITY_STYLES,
  LAYERS,
  NETWORK_COLORS,
  REACH_BAND_COLORS,
  REUSE_COLORS,
  ROUTE_COLOR,
  type LayerId,
} from '../../layers/layerCatalog';
import { Legend } from '../../ui/components/Legend';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';

function FacilityLegend({ present }: { present: Set<string> }) {
  const t = useTranslate();
  return (
    <ul className="legend facility-legend" data-testid="legend-facilities">
      {FACILITY_CATEGORIES.filter((c) => present.has(c)).map((category) => (
        <li key={category}>
          <span className="facility-icon" style={{ background: `rgb(${FACILITY_STYLES[category].color.join(',')})` }}>
            {FACILITY_STYLES[category].glyph}
          </span>
          {t(`facility.${category}`)}
        </li>
      ))}
    </ul>
  );
}

const simpleLegends: Partial<Record<LayerId, LegendEntry[]>> = {
  serviceReach: [
    { color: REACH_BAND_COLORS[0], label: '≤ 5 min', literal: true },
    { color: REACH_BAND_COLORS[1], label: '5–10 min', literal: true },
    { color: REACH_BAND_COLORS[2], label: '10–15 min', literal: true },
  ],
  route: [{ color: ROUTE_COLOR, label: 'layers.route' }],
  context: [{ color: CONTEXT_BUILDING_COLOR, label: 'layers.context' }],
  network: NETWORK_KINDS.map((k) => ({ color: NETWORK_COLORS[k], label: `network.${k}` })),
  reuse: REUSE_KINDS.map((k) => ({ color: REUSE_COLORS[k], label: `reuse.${k}` })),
  boundary: [{ color: BOUNDARY_COLOR, label: 'layers.boundary' }],
  base: BASE_KINDS.map((k) => ({ color: BASE_COLORS[k], label: `base.${k}` })),
};

export function LayerPanel() {
  const t = useTranslate();
  const store = useAppStore();
  const layers = useApp((s) => s.layers);
  const colorMode = useApp((s) => s.colorMode);
  const community = useApp((s) => s.community);
  const presentCategories = new Set(community?.facilities.map((f) => f.category) ?? []);

  const legendOf = (id: LayerId): ReactNode => {
    if (id === 'buildings')
      return (
        <>
          <label className="color-mode">
            {t('layers.colorBy')}
            <select value={colorMode} onChange={(e) => store.getState().setColorMode(e.target.value as ColorMode)} data-testid="color-mode">
              {COLOR_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(COLOR_MODE_DEFINITIONS[mode].titleKey)}
                </option>
              ))}
            </select>
          </label>
          <Legend entries={COLOR_MODE_DEFINITIONS[colorMode].legend} testId="legend-buildings" />
        </>
      );
    if (id === 'facilities') return <FacilityLegend present={presentCategories} />;
    const entries = simpleLegends[id];
    return entries ? <Legend entries={entries} testId={`legend-${id}`} /> : null;
  };

  return (
    <div className="layer-panel" data-testid="layer-panel">
      {LAYERS.map((layer) => (
        <section key={layer.id} className="layer">
          <label className="toggle">
            <input
              type="checkbox"
              checked={layers[layer.id]}
              onChange={(e) => store.getState().setLayerVisible(layer.id, e.target.checked)}
              data-testid={`layer-toggle-${layer.id}`}
            />
            {t(layer.titleKey)}
          </label>
          {layers[layer.id] && legendOf(layer.id)}
        </section>
      ))}
    </div>
  );
}

/** The side panel's tab for this feature (registered in features/tabs.ts). */
export const layersTab = defineTab({ id: 'layers', labelKey: 'layers.title', Panel: LayerPanel });
