import { AGE_BANDS } from '../../core/model/types';
import { formatSuppressed, type SuppressedCount } from '../../data/privacy/aggregate';

/** Residents by age band in one row, small counts already suppressed ("<5") by the caller's rules. */
export function AgeBandTable({
  cells,
  format,
  testId,
}: {
  cells: readonly SuppressedCount[];
  format: (n: number) => string;
  testId: string;
}) {
  return (
    <table className="age-bands" data-testid={testId}>
      <thead>
        <tr>
          {AGE_BANDS.map((band) => (
            <th key={band}>{band}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {cells.map((cell, i) => (
            <td key={AGE_BANDS[i]}>{formatSuppressed(cell, format)}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
