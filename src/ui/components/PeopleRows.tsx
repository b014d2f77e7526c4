import type { Person } from '../../core/model/types';
import { canSeePersonRows, identifiersForRole, type Role } from '../../data/privacy/mask';
import { useTranslate } from '../StoreContext';

/**
 * Person-level rows for roles that may see them; identifiers are masked unless the role allows
 * more. Shared by the building panel and the 分层分户 inspector so both mask exactly alike.
 */
export function PeopleRows({ people, role, testId }: { people: readonly Person[]; role: Role; testId: string }) {
  const t = useTranslate();
  if (!canSeePersonRows(role)) return <p className="muted small">{t('building.peopleHidden')}</p>;
  const withIdentifiers = people.some((p) => p.name || p.phone || p.idNumber);
  return (
    <details className="people" data-testid={testId}>
      <summary>
        {t('building.people')} ({people.length})
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
          {people.slice(0, 200).map((p) => {
            const shown = identifiersForRole(p, role);
            return (
              <tr key={p.id}>
                <td>{p.id}</td>
                <td>{p.ageBand}</td>
                <td>{t(`sex.${p.sex}`)}</td>
                <td>{p.tags.map((tag) => t(`tag.${tag}`)).join('、')}</td>
                {withIdentifiers && <td>{shown.name ?? ''}</td>}
                {withIdentifiers && <td>{shown.phone ?? ''}</td>}
                {withIdentifiers && <td>{shown.idNumber ?? ''}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
