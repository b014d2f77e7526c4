import { useEffect, useRef } from 'react';
import { localize } from '../../i18n/translate';
import { useApp, useTranslate } from '../StoreContext';

/**
 * Data sources of everything on screen. The OpenStreetMap line appears whenever the context layer
 * (OSM buildings) is shown, as ODbL requires. Cesium writes its own credits into `creditHost`.
 */
export function AttributionBar({ creditHost }: { creditHost: HTMLElement }) {
  const t = useTranslate();
  const community = useApp((s) => s.community);
  const language = useApp((s) => s.language);
  const contextVisible = useApp((s) => s.layers.context);
  const hostRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    hostRef.current?.appendChild(creditHost);
  }, [creditHost]);
  const manifest = community?.manifest;
  const lines: { text: string; url?: string; license?: string }[] = [...(manifest?.attribution ?? [])];
  if (contextVisible) for (const c of community?.context ?? []) lines.push(c.ref.attribution);
  return (
    <footer className="attribution-bar panel" data-testid="attribution">
      <span className="label">{t('attribution.title')}:</span>
      {lines.map((a) => (
        <span key={a.text} className="source">
          {a.url ? (
            <a href={a.url} target="_blank" rel="noreferrer">
              {a.text}
            </a>
          ) : (
            a.text
          )}
          {a.license && a.text.indexOf(a.license) < 0 ? ` (${a.license})` : ''}
        </span>
      ))}
      <span className="source">{t('attribution.basemap')}</span>
      {manifest?.synthetic && (
        <span className="source synthetic-notice" data-testid="synthetic-notice">
          {localize(language, manifest.synthetic.notice)}
        </span>
      )}
      <span className="cesium-credits" ref={hostRef} />
    </footer>
  );
}
