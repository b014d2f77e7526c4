import type { Role } from '../../data/privacy/mask';
import type { SessionResponse } from '../../data/service/residentApi';
import type { SliceCreator } from '../../stores/slice';

/**
 * Whether the resident-data service answers: `checking` until the first probe is back, `offline`
 * for a pure-static copy of the app (aggregates only), `online` when person-level data can be asked for.
 */
export type ServiceStatus = 'checking' | 'online' | 'offline';

/** Why there is no session any more: the user signed out, or the service ended it (idle timeout, 401). */
export type SessionEnd = 'signed-out' | 'expired';

/** Who is signed in to the resident-data service, and so which role the app shows data for. */
export interface SessionSlice {
  serviceStatus: ServiceStatus;
  /** The service's session (user, CSRF token, idle timeout), or null: not signed in. */
  session: SessionResponse | null;
  /**
   * The role the app shows data for: the signed-in user's, `public` without a session. Written only
   * together with `session` by the actions below, so it can never disagree with it; not a user choice.
   */
  role: Role;
  /** Set when the service ended the session, so the header can say so; cleared by the next sign-in or by dismissing. */
  sessionNotice: 'expired' | null;
  serviceChecked(status: Exclude<ServiceStatus, 'checking'>): void;
  sessionStarted(session: SessionResponse): void;
  sessionEnded(reason: SessionEnd): void;
  dismissSessionNotice(): void;
}

const SIGNED_OUT = { session: null, role: 'public' } as const;

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => ({
  serviceStatus: 'checking',
  ...SIGNED_OUT,
  sessionNotice: null,
  // Without the service there is no session either: a static copy shows aggregates only.
  serviceChecked: (serviceStatus) => set(serviceStatus === 'online' ? { serviceStatus } : { serviceStatus, ...SIGNED_OUT }),
  sessionStarted: (session) => set({ session, role: session.user.role, sessionNotice: null }),
  sessionEnded: (reason) => {
    // A 401 for a request made without a session (or after signing out) ends nothing.
    if (!get().session) return;
    set({ ...SIGNED_OUT, sessionNotice: reason === 'expired' ? 'expired' : null });
  },
  dismissSessionNotice: () => set({ sessionNotice: null }),
});
