import { useState, type FormEvent } from 'react';
import { isServiceError } from '../../data/service/residentClient';
import { useApp, useAppStore, useTranslate } from '../../ui/StoreContext';
import { signIn, signOut } from './commands';

type T = ReturnType<typeof useTranslate>;

/** A failed sign-in as the form says it: the contract's codes for a wrong password, a locked account, too many tries. */
function signInErrorText(t: T, error: unknown): string {
  if (!isServiceError(error)) return t('session.error.other', { reason: String(error) });
  switch (error.code) {
    case 'unauthenticated':
      return t('session.error.wrongPassword');
    case 'locked':
      return t('session.error.locked');
    case 'rate-limited':
      return t('session.error.rateLimited');
    case 'unavailable':
    case 'timeout':
      return t('session.error.unavailable');
    default:
      return t('session.error.other', { reason: error.message });
  }
}

function SignInForm({ onDone }: { onDone: () => void }) {
  const t = useTranslate();
  const store = useAppStore();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    signIn(store, { username: username.trim(), password }).then(
      () => onDone(),
      (failure: unknown) => {
        setBusy(false);
        setPassword('');
        setError(signInErrorText(t, failure));
      },
    );
  };
  return (
    <form className="session-form panel" onSubmit={submit} data-testid="session-form">
      <label>
        {t('session.username')}
        <input
          type="text"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
          autoFocus
          data-testid="session-username"
        />
      </label>
      <label>
        {t('session.password')}
        <input
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          data-testid="session-password"
        />
      </label>
      {error && (
        <p className="error-text" role="alert" data-testid="session-error">
          {error}
        </p>
      )}
      <div className="session-form-buttons">
        <button type="submit" disabled={busy} data-testid="session-submit">
          {t('session.signIn')}
        </button>
        <button type="button" onClick={onDone}>
          {t('session.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The header's sign-in to the resident-data service: a button and a small form when the service is
 * there, the user and 退出 when signed in, and a quiet badge when the app runs as a static copy
 * (no service: aggregates only). Names come from the service and are rendered as text only.
 */
export function SessionControls() {
  const t = useTranslate();
  const store = useAppStore();
  const status = useApp((s) => s.serviceStatus);
  const user = useApp((s) => s.session?.user ?? null);
  const notice = useApp((s) => s.sessionNotice);
  const [formOpen, setFormOpen] = useState(false);
  if (status === 'checking') return null;
  if (status === 'offline') {
    return (
      <span className="badge static-copy" title={t('session.staticCopyTitle')} data-testid="static-copy-badge">
        {t('session.staticCopy')}
      </span>
    );
  }
  return (
    <div className="session-controls" data-testid="session-controls">
      {notice === 'expired' && (
        <span className="error-text" role="status" data-testid="session-notice">
          {t('session.expired')}
          <button type="button" className="link" onClick={() => store.getState().dismissSessionNotice()} aria-label={t('session.dismiss')}>
            ×
          </button>
        </span>
      )}
      {user ? (
        <>
          <span className="session-user" data-testid="session-user">
            <strong data-testid="session-display-name">{user.displayName}</strong>
            <span className="muted"> · {t(`role.${user.role}`)}</span>
          </span>
          <button type="button" onClick={() => void signOut(store)} data-testid="session-sign-out">
            {t('session.signOut')}
          </button>
        </>
      ) : (
        <button type="button" aria-expanded={formOpen} onClick={() => setFormOpen((open) => !open)} data-testid="session-sign-in">
          {t('session.signIn')}
        </button>
      )}
      {formOpen && !user && <SignInForm onDone={() => setFormOpen(false)} />}
    </div>
  );
}
