import { useMemo } from 'react';
import { FACILITY_CATEGORIES, type FacilityCategory } from '../../core/model/types';
import {
  contributionOf,
  distinctValues,
  joinTableToBuildings,
  LAYER_TARGETS,
  MAX_CATEGORY_VALUES,
  type LayerMapping,
} from '../../data/community/importedData';
import { guessFacilityCategory } from '../../data/formats/facilityMapping';
import { columnsOf } from '../../data/formats/fieldNames';
import type { BuildingFieldMapping } from '../../data/formats/buildingMapping';
import { localizeIssue } from '../../i18n/issues';
import { formatNumber } from '../../i18n/translate';
import type { ImportedLayer } from './slice';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';

type FeatureLayer = Extract<ImportedLayer, { kind: 'features' }>;
const BUILDING_FIELDS: (keyof BuildingFieldMapping)[] = ['id', 'name', 'height', 'floors', 'year', 'use'];
/** Issues listed under a layer; the rest are counted. */
const SHOWN_ISSUES = 3;

/**
 * The field-mapping step of an import, inline under the layer: what the layer is to the community
 * (facilities, walking network, buildings, a statistics table, or only drawn), which columns mean
 * what, a category per value of a category column, and whether it joins the analysis. Every choice
 * shows at once what it yields — counts, and the first located problems.
 */
export function LayerMappingEditor({ layer }: { layer: FeatureLayer }) {
  const t = useTranslate();
  const store = useAppStore();
  const language = useApp((s) => s.language);
  const community = useApp((s) => s.community);
  const { mapping, result } = layer;
  const columns = useMemo(() => result.columns ?? columnsOf(result.features.map((f) => f.properties)), [result]);
  const set = (next: Partial<LayerMapping>) => store.getState().setLayerMapping(layer.id, { ...mapping, ...next });
  const contribution = useMemo(() => contributionOf(result, mapping), [result, mapping]);
  const joined = useMemo(
    () => (mapping.target === 'table' && mapping.join && community ? joinTableToBuildings(community, result, mapping.join) : null),
    [mapping, result, community],
  );
  const issues = joined ? joined.unmatchedRows : contribution.issues;
  const n = (value: number) => formatNumber(language, value);

  return (
    <div className="mapping" data-testid="layer-mapping">
      <label className="small">
        {t('mapping.target')}
        <select
          value={mapping.target}
          onChange={(e) => set({ target: e.target.value as LayerMapping['target'] })}
          data-testid="mapping-target"
        >
          {LAYER_TARGETS.map((target) => (
            <option key={target} value={target}>
              {t(`mapping.target.${target}`)}
            </option>
          ))}
        </select>
      </label>

      {mapping.target === 'facilities' && <FacilityCategories layer={layer} columns={columns} onChange={set} />}

      {mapping.target === 'buildings' &&
        BUILDING_FIELDS.map((field) => (
          <label key={field} className="small">
            {t(`mapping.field.${field}`)}
            <select
              value={mapping.buildingFields?.[field] ?? ''}
              onChange={(e) => set({ buildingFields: { ...mapping.buildingFields, [field]: e.target.value || undefined } })}
              data-testid={`mapping-field-${field}`}
            >
              <option value="">—</option>
              <ColumnOptions columns={columns} />
            </select>
          </label>
        ))}

      {mapping.target === 'table' && (
        <>
          <label className="small">
            {t('mapping.joinRowKey')}
            <select
              value={mapping.join?.rowKey ?? ''}
              onChange={(e) => set({ join: { rowKey: e.target.value, buildingKey: mapping.join?.buildingKey ?? 'id' } })}
              data-testid="mapping-join-row"
            >
              <ColumnOptions columns={columns} />
            </select>
          </label>
          <label className="small">
            {t('mapping.joinBuildingKey')}
            <select
              value={mapping.join?.buildingKey ?? 'id'}
              onChange={(e) => set({ join: { rowKey: mapping.join?.rowKey ?? columns[0], buildingKey: e.target.value as 'id' | 'name' } })}
              data-testid="mapping-join-building"
            >
              <option value="id">{t('mapping.buildingKey.id')}</option>
              <option value="name">{t('mapping.buildingKey.name')}</option>
            </select>
          </label>
        </>
      )}

      {(mapping.target === 'facilities' || mapping.target === 'network' || mapping.target === 'buildings') && (
        <label className="toggle small">
          <input
            type="checkbox"
            checked={layer.useInAnalysis}
            onChange={(e) => store.getState().setLayerInAnalysis(layer.id, e.target.checked)}
            data-testid="mapping-in-analysis"
          />
          {t('mapping.useInAnalysis')}
        </label>
      )}

      <div className="small" data-testid="mapping-outcome">
        {mapping.target === 'facilities' &&
          t('mapping.outcome.facilities', { count: n(contribution.facilities.length), approximate: n(contribution.approximate) })}
        {mapping.target === 'network' && t('mapping.outcome.network', { count: n(contribution.network.length) })}
        {mapping.target === 'buildings' && t('mapping.outcome.buildings', { count: n(contribution.buildings.length) })}
        {joined && t('mapping.outcome.table', { matched: n(joined.matchedBuildings), unmatched: n(joined.unmatchedRows.length) })}
      </div>
      {mapping.target !== 'display' && issues.length > 0 && (
        <ul className="small warning mapping-issues">
          {issues.slice(0, SHOWN_ISSUES).map((issue, i) => (
            <li key={i}>{localizeIssue(issue, language)}</li>
          ))}
          {issues.length > SHOWN_ISSUES && <li>{t('mapping.moreIssues', { count: n(issues.length - SHOWN_ISSUES) })}</li>}
        </ul>
      )}
    </div>
  );
}

/** Category per feature (guessed) or per value of a chosen column, with the guess as the default. */
function FacilityCategories({
  layer,
  columns,
  onChange,
}: {
  layer: FeatureLayer;
  columns: string[];
  onChange: (next: Partial<LayerMapping>) => void;
}) {
  const t = useTranslate();
  const { mapping, result } = layer;
  const values = useMemo(
    () => (mapping.categoryField ? distinctValues(result, mapping.categoryField) : []),
    [result, mapping.categoryField],
  );
  const chooseField = (field: string) => {
    if (!field) return onChange({ categoryField: undefined, categoryByValue: undefined });
    const distinct = distinctValues(result, field).slice(0, MAX_CATEGORY_VALUES);
    // Start from what the rules would guess for a feature named by that value.
    const categoryByValue = Object.fromEntries(
      distinct.map(({ value }) => [value, guessFacilityCategory({ name: value, [field]: value })?.category ?? '']),
    ) as Record<string, FacilityCategory | ''>;
    onChange({ categoryField: field, categoryByValue });
  };
  return (
    <>
      <label className="small">
        {t('mapping.categoryField')}
        <select value={mapping.categoryField ?? ''} onChange={(e) => chooseField(e.target.value)} data-testid="mapping-category-field">
          <option value="">{t('mapping.categoryGuess')}</option>
          <ColumnOptions columns={columns} />
        </select>
      </label>
      {values.length > MAX_CATEGORY_VALUES && <p className="small warning">{t('mapping.tooManyValues', { count: values.length })}</p>}
      {mapping.categoryField && values.length <= MAX_CATEGORY_VALUES && (
        <table className="category-values" data-testid="mapping-category-values">
          <tbody>
            {values.map(({ value, count }) => (
              <tr key={value}>
                <th>
                  {value} <span className="muted">×{count}</span>
                </th>
                <td>
                  <select
                    value={mapping.categoryByValue?.[value] ?? ''}
                    onChange={(e) =>
                      onChange({ categoryByValue: { ...mapping.categoryByValue, [value]: e.target.value as FacilityCategory | '' } })
                    }
                    data-value={value}
                  >
                    <option value="">{t('mapping.notAFacility')}</option>
                    {FACILITY_CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {t(`facility.${c}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** One `<option>` per column of the imported layer. */
function ColumnOptions({ columns }: { columns: readonly string[] }) {
  return (
    <>
      {columns.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </>
  );
}
