import { LANGUAGES, localize, type Language } from '../i18n/translate';
import { useApp, useAppStore, useTranslate } from '../ui/StoreContext';
import { ReportButton } from '../features/report/ReportButton';
import { SessionControls } from '../features/session/SessionControls';

/** `onReport`: makes the one-click community report (the app prints and downloads it); no button without it. */
export function HeaderBar({ onReport }: { onReport?: () => Promise<void> } = {}) {
  const t = useTranslate();
  const store = useAppStore();
  const community = useApp((s) => s.community);
  const language = useApp((s) => s.language);
  const manifest = community?.manifest;
  return (
    <header className="header-bar panel" data-testid="header">
      <div className="title">
        <h1>{t('app.title')}</h1>
        <span className="subtitle">{t('app.subtitle')}</span>
      </div>
      {manifest && (
        <div className="community-title" data-testid="community-name">
          <strong>{localize(language, manifest.name)}</strong>
          <span>
            {localize(language, manifest.district)} · {t(`community.type.${manifest.communityType}`)} ·{' '}
            {t(`community.renewal.${manifest.renewalType}`)} · {t('community.dataDate')} {manifest.dataDate}
          </span>
          {manifest.synthetic && (
            <span className="badge synthetic" title={localize(language, manifest.synthetic.notice)} data-testid="synthetic-badge">
              {t('app.syntheticBadge')}
            </span>
          )}
        </div>
      )}
      <div className="controls">
        {onReport && <ReportButton onReport={onReport} />}
        <SessionControls />
        <label>
          {t('app.language')}
          <select value={language} onChange={(e) => store.getState().setLanguage(e.target.value as Language)} data-testid="language-select">
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l === 'en' ? 'English' : '中文'}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
