import { useMemo, useSyncExternalStore } from 'react';
import { accessFor, type Access } from './access';
import { session, type SessionUser } from './session';

/** The logged-in user and what they may do; re-renders when the session changes. */
export function useSession(): { user: SessionUser | null; access: Access } {
  const user = useSyncExternalStore(session.subscribe, () => session.user);
  const access = useMemo(() => accessFor(user), [user]);
  return { user, access };
}
