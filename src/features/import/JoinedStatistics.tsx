import { useMemo } from 'react';
import { joinTableToBuildings } from '../../data/community/importedData';
import { useApp, useTranslate } from '../../ui/StoreContext';

/**
 * The rows of imported statistics tables (e.g. 户数 / 人口 per 楼号) joined to one building. Tables
 * change without re-importing geometry, which is why they are joined, not merged into the package.
 */
export function JoinedStatistics({ buildingId }: { buildingId: string }) {
  const t = useTranslate();
  const community = useApp((s) => s.community);
  const layers = useApp((s) => s.importedLayers);
  const joins = useMemo(
    () =>
      community
        ? layers.flatMap((l) =>
            l.kind === 'features' && l.visible && l.mapping.target === 'table' && l.mapping.join
              ? [{ file: l.result.file, rows: joinTableToBuildings(community, l.result, l.mapping.join).rows }]
              : [],
          )
        : [],
    [community, layers],
  );
  const found = joins.flatMap(({ file, rows }) => {
    const row = rows.get(buildingId);
    return row ? [{ file, row }] : [];
  });
  if (!found.length) return null;
  return (
    <section data-testid="joined-statistics">
      <h3>{t('building.joined')}</h3>
      {found.map(({ file, row }) => (
        <table key={file} className="attributes">
          <caption className="muted small">{file}</caption>
          <tbody>
            {Object.entries(row).map(([column, value]) => (
              <tr key={column}>
                <th>{column}</th>
                <td>{value === null || value === undefined ? '—' : String(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
