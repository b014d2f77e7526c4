import type { LocalizedText } from '../../core/model/types';
import type { CityCommunity } from '../../data/city/cityDataset';
import { STATUS_COLORS, type CityLocale } from './cityText';

/**
 * One community of the list. With a community package it links to the 3D planner
 * (`?community=<package id>`); without one it says so, and the card is all there is.
 */
export function CommunityCard(props: {
  community: CityCommunity;
  districtName: LocalizedText;
  plannerHref: string | null;
  /** The 3D view over the community's position on the city base (every community has one, package or not). */
  baseHref?: string;
  onClose(): void;
  locale: CityLocale;
}) {
  const { community: c, districtName, plannerHref, locale } = props;
  const { t, text, num } = locale;
  const rows: [string, string][] = [
    [t('city.card.district'), `${text(districtName)} · ${text(c.street)}`],
    [t('city.col.type'), t(`community.type.${c.type}`)],
    [t('city.card.renewal'), t(`community.renewal.${c.renewal}`)],
    [t('city.card.yearCreated'), String(c.yearCreated)],
    ...(c.yearAccepted !== undefined ? ([[t('city.card.yearAccepted'), String(c.yearAccepted)]] as [string, string][]) : []),
    [t('city.card.position'), `${c.position[0].toFixed(3)}°E, ${c.position[1].toFixed(3)}°N`],
  ];
  return (
    <article className="community-card" data-testid="community-card" data-community={c.id}>
      <header>
        <div>
          <h2>{text(c.name)}</h2>
          <span className="status-badge" style={{ borderColor: STATUS_COLORS[c.status], color: STATUS_COLORS[c.status] }}>
            {t(`city.status.${c.status}`)}
          </span>
        </div>
        <button type="button" className="close" onClick={props.onClose} aria-label={t('city.card.close')} title={t('city.card.close')}>
          ×
        </button>
      </header>
      <div className="score">
        <strong data-testid="community-score">{num(c.scores.overall)}</strong>
        <span className="muted"> / 100 {t('city.card.score')}</span>
      </div>
      <table className="attributes">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th>{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plannerHref ? (
        <a className="open-planner" href={plannerHref} data-testid="open-planner">
          {t('city.card.openPlanner')} →
        </a>
      ) : (
        <p className="muted small" data-testid="no-package">
          {t('city.card.noPackage')}
        </p>
      )}
      {props.baseHref && (
        <a className="open-planner" href={props.baseHref} data-testid="open-base">
          {t('city.card.openBase')} →
        </a>
      )}
    </article>
  );
}
