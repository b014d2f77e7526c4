import type { PersonRow } from '../../data/service/residentApi';
import { useTranslate } from '../StoreContext';

/**
 * What the panels know about a scope's person rows. Rows come from the resident-data service only,
 * already filtered and masked there for the signed-in role; the public and a static copy of the app
 * see aggregates only (`hidden`).
 */
export type PersonRowsState =
  | { status: 'hidden' }
  | { status: 'loading' }
  | { status: 'forbidden' }
  | { status: 'failed'; reason: string }
  | { status: 'loaded'; rows: readonly PersonRow[]; total: number; masked: boolean };

/** The service sends at most this many rows to a panel; the heading says how many there are in all. */
const SHOWN_ROWS = 200;

/**
 * Person-level rows as the service sent them (no masking here: the server masks for the role, so the
 * screen can never show more than the role may see). Shared by the building panel and the 分层分户 inspector.
 */
export function PeopleRows({ state, testId }: { state: PersonRowsState; testId: string }) {
  const t = useTranslate();
  if (state.status !== 'loaded') {
    const text =
      state.status === 'hidden'
        ? t('building.peopleHidden')
        : state.status === 'loading'
          ? t('people.loading')
          : state.status === 'forbidden'
            ? t('people.forbidden')
            : t('people.failed', { reason: state.reason });
    return (
      <p
        className={state.status === 'failed' || state.status === 'forbidden' ? 'error-text small' : 'muted small'}
        data-testid={`${testId}-status`}
      >
        {text}
      </p>
    );
  }
  const { rows, total, masked } = state;
  const withIdentifiers = rows.some((p) => p.name || p.phone || p.idNumber);
  const shown = rows.slice(0, SHOWN_ROWS);
  return (
    <details className="people" data-testid={testId} data-masked={masked}>
      <summary>
        {masked ? t('building.people') : t('people.unmasked')} (
        {shown.length < total ? t('people.partial', { shown: shown.length, total }) : total})
      </summary>
      <table>
        <thead>
          <tr>
            <th>{t('building.person')}</th>
            <th>{t('building.ageBand')}</th>
            <th>{t('building.sex')}</th>
            <th>{t('building.tags')}</th>
            {withIdentifiers && <th>{t('building.name')}</th>}
            {withIdentifiers && <th>{t('building.phone')}</th>}
            {withIdentifiers && <th>{t('building.idNumber')}</th>}
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <tr key={p.id}>
              <td>{p.id}</td>
              <td>{p.ageBand}</td>
              <td>{t(`sex.${p.sex}`)}</td>
              <td>{p.tags.map((tag) => t(`tag.${tag}`)).join('、')}</td>
              {withIdentifiers && <td>{p.name ?? ''}</td>}
              {withIdentifiers && <td>{p.phone ?? ''}</td>}
              {withIdentifiers && <td>{p.idNumber ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
