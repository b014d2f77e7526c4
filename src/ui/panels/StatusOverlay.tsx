import { localizeIssue, localizeProblemCount } from '../../i18n/issues';
import { useApp, useTranslate } from '../StoreContext';

/** Loading indicator and load errors (with file/row/field of each problem). */
export function StatusOverlay() {
  const t = useTranslate();
  const status = useApp((s) => s.status);
  const sceneReady = useApp((s) => s.sceneReady);
  const error = useApp((s) => s.loadError);
  const language = useApp((s) => s.language);
  if (error)
    return (
      <div className="status-overlay error panel" role="alert" data-testid="load-error">
        <strong>{t('app.loadFailed')}</strong>
        <p>{error.issues.length > 0 ? localizeProblemCount(error.issues.length, language) : error.message.split('\n')[0]}</p>
        {error.issues.length > 0 && (
          <ul>
            {error.issues.slice(0, 20).map((issue, i) => (
              <li key={i}>{localizeIssue(issue, language)}</li>
            ))}
          </ul>
        )}
      </div>
    );
  if (status === 'loading' || (status === 'ready' && !sceneReady))
    return (
      <div className="status-overlay panel" data-testid="loading">
        {t('app.loading')}
      </div>
    );
  return null;
}
