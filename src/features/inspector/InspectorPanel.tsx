import { useEffect } from 'react';
import { AGE_BANDS, type Building } from '../../core/model/types';
import { formatSuppressed } from '../../data/privacy/aggregate';
import { canSeePersonRows, type Role } from '../../data/privacy/mask';
import { formatNumber } from '../../i18n/translate';
import { INSPECTOR_COLOR_MODES, UNIT_LEGENDS } from '../../layers/unitColorModes';
import { findUnit, type BuildingUnitLayout, type UnitAddress, type UnitBox } from '../../layers/unitLayout';
import { Legend } from '../../ui/components/Legend';
import { AgeBandTable } from '../../ui/components/AgeBandTable';
import { PeopleRows } from '../../ui/components/PeopleRows';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { usePersonRows } from '../session/usePersonRows';
import { FloorSunlight } from './FloorSunlight';

type T = ReturnType<typeof useTranslate>;

/** Explode slider range, metres: 0 shows the building as built, 12 leaves room to look into every floor. */
const MAX_EXPLODE_METERS = 12;

/**
 * 幢-单元-层-室, e.g. "3幢 1单元 2层 0201室". Shared (public) views stop at 幢/单元, the display rule
 * for addresses of GB/T 35273-2020 practice; roles that work with households see the full address.
 */
export function formatUnitAddress(t: T, address: UnitAddress, role: Role): string {
  if (!canSeePersonRows(role)) return t('inspector.addressShared', { building: address.building, entrance: address.entrance });
  return t('inspector.address', { building: address.building, entrance: address.entrance, floor: address.floor, room: address.room });
}

function UnitDetails({ unit, t }: { unit: UnitBox; t: T }) {
  const language = useApp((s) => s.language);
  const role = useApp((s) => s.role);
  const n = (value: number) => formatNumber(language, value);
  // Without person rows per home (statistics only), whether anyone lives here is the house's occupancy.
  const hasResidents = unit.residents ? unit.residents.suppressed || unit.residents.value > 0 : unit.occupancy !== 'vacant';
  const people = usePersonRows(hasResidents ? { houseId: unit.id } : null);
  return (
    <section data-testid="inspector-unit" data-unit-id={unit.id}>
      <h3>{t('inspector.unit')}</h3>
      <p className="inspector-address" data-testid="inspector-unit-address">
        {formatUnitAddress(t, unit.address, role)}
      </p>
      <table className="attributes">
        <tbody>
          <tr>
            <th>{t('inspector.area')}</th>
            <td>
              {formatNumber(language, unit.areaM2, 1)} {t('unit.m2')}
            </td>
          </tr>
          <tr>
            <th>{t('inspector.occupancy')}</th>
            <td data-testid="inspector-unit-occupancy">{t(`occupancy.${unit.occupancy}`)}</td>
          </tr>
          <tr>
            <th>{t('inspector.rightType')}</th>
            <td>{unit.rightType ? t(`right.${unit.rightType}`) : t('inspector.noRight')}</td>
          </tr>
          <tr>
            <th>{t('inspector.residents')}</th>
            <td data-testid="inspector-unit-residents">{unit.residents ? formatSuppressed(unit.residents, n) : '–'}</td>
          </tr>
        </tbody>
      </table>
      {unit.ageBands ? (
        <AgeBandTable cells={AGE_BANDS.map((band) => unit.ageBands![band])} format={n} testId="inspector-unit-age-bands" />
      ) : (
        hasResidents && <p className="muted small">{t(unit.ageClass === 'unknown' ? 'inspector.ageUnknown' : 'inspector.ageHidden')}</p>
      )}
      {hasResidents && <PeopleRows state={people} testId="inspector-people" />}
    </section>
  );
}

/**
 * The side panel of the 分层分户 inspector: colour mode, floor gap, and the picked home with its
 * residents aggregated and suppressed as in the building panel. Esc closes the inspector.
 */
export function InspectorPanel({ building, layout }: { building: Building; layout: BuildingUnitLayout }) {
  const t = useTranslate();
  const store = useAppStore();
  const colorMode = useApp((s) => s.inspectorColorMode);
  const explode = useApp((s) => s.inspectorExplodeMeters);
  const selectedUnitId = useApp((s) => s.selectedUnitId);
  const hoveredUnitId = useApp((s) => s.hoveredUnitId);
  const role = useApp((s) => s.role);
  const language = useApp((s) => s.language);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') store.getState().closeInspector();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  const selected = selectedUnitId ? findUnit(layout, selectedUnitId) : undefined;
  const hovered = hoveredUnitId ? findUnit(layout, hoveredUnitId) : undefined;
  const houses = layout.floors.reduce((sum, f) => sum + f.units.length, 0);
  const marked = layout.floors.filter((f) => f.highlighted).map((f) => f.floor);
  return (
    <aside className="inspector-panel" data-testid="inspector-panel">
      <header>
        <h2>{t('inspector.title', { building: building.name ?? building.id })}</h2>
        <button
          type="button"
          onClick={() => store.getState().closeInspector()}
          aria-label={t('inspector.close')}
          title={t('inspector.close')}
          data-testid="inspector-close"
        >
          ×
        </button>
      </header>
      <p className="muted small" data-testid="inspector-summary">
        {t('inspector.summary', { floors: layout.floors.length, houses: formatNumber(language, houses) })}
      </p>
      {marked.length > 0 && <p className="inspector-marked small">{t('inspector.marked', { floors: marked.join(', ') })}</p>}
      {layout.unplacedHouses > 0 && (
        <p className="muted small">{t('inspector.unplaced', { count: layout.unplacedHouses, floors: layout.floors.length })}</p>
      )}
      <div className="inspector-modes" role="group" aria-label={t('inspector.colorBy')}>
        {INSPECTOR_COLOR_MODES.map((mode) => (
          <button
            key={mode}
            type="button"
            aria-pressed={mode === colorMode}
            onClick={() => store.getState().setInspectorColorMode(mode)}
            data-testid={`inspector-mode-${mode}`}
          >
            {t(`inspector.mode.${mode}`)}
          </button>
        ))}
      </div>
      <Legend entries={UNIT_LEGENDS[colorMode]} testId="inspector-legend" />
      <label className="inspector-explode">
        {t('inspector.explode')}
        <input
          type="range"
          min={0}
          max={MAX_EXPLODE_METERS}
          step={0.5}
          value={explode}
          onChange={(e) => store.getState().setInspectorExplode(Number(e.target.value))}
          data-testid="inspector-explode"
        />
        <span>
          {formatNumber(language, explode, 1)} {t('unit.m')}
        </span>
      </label>
      {selected ? <UnitDetails unit={selected} t={t} /> : <p className="muted small">{t('inspector.pickHint')}</p>}
      <FloorSunlight building={building} />
      {hovered && hovered !== selected && (
        <p className="muted small" data-testid="inspector-pointing">
          {t('inspector.pointing', { address: formatUnitAddress(t, hovered.address, role) })}
        </p>
      )}
    </aside>
  );
}
