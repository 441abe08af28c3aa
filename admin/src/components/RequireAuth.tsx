import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { loadCurrentUser } from '../auth';
import { setUnauthenticatedHandler } from '../request';
import { session } from '../session';
import { useSession } from '../useSession';
import { PageLoading } from './PageLoading';

/** Pages behind this need a logged-in staff member; a stored token is checked with the server first. */
export function RequireAuth() {
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [checking, setChecking] = useState(!user && !!session.accessToken);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      const here =
        window.location.pathname.replace(import.meta.env.BASE_URL.replace(/\/$/, ''), '') +
        window.location.search;
      navigate(`/login?redirect=${encodeURIComponent(here)}`, { replace: true });
    });
  }, [navigate]);

  useEffect(() => {
    if (!checking) return;
    loadCurrentUser()
      .catch(() => session.clear())
      .finally(() => setChecking(false));
  }, [checking]);

  if (checking) return <PageLoading />;
  if (!user) {
    const here = location.pathname + location.search;
    return <Navigate to={`/login?redirect=${encodeURIComponent(here)}`} replace />;
  }
  return <Outlet />;
}
