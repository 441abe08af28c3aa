import type { SessionUser } from '@jiugai/shared';

export type { SessionUser };

const accessKey = 'jiugai.admin.accessToken';
const refreshKey = 'jiugai.admin.refreshToken';

type Listener = () => void;
const listeners = new Set<Listener>();
let currentUser: SessionUser | null = null;

export const session = {
  get accessToken(): string | null {
    return localStorage.getItem(accessKey);
  },
  get refreshToken(): string | null {
    return localStorage.getItem(refreshKey);
  },
  setTokens(accessToken: string, refreshToken?: string) {
    localStorage.setItem(accessKey, accessToken);
    if (refreshToken) localStorage.setItem(refreshKey, refreshToken);
  },
  get user(): SessionUser | null {
    return currentUser;
  },
  setUser(user: SessionUser | null) {
    currentUser = user;
    listeners.forEach((l) => l());
  },
  clear() {
    localStorage.removeItem(accessKey);
    localStorage.removeItem(refreshKey);
    this.setUser(null);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Where the app lives (Vite's base, "/admin/"); login redirects never leave it. */
export const appBase = import.meta.env.BASE_URL.replace(/\/$/, '');

/**
 * A redirect target from the query string is followed only if it is a path inside this console on this origin,
 * so a crafted link (`?redirect=https://evil.example` or `//evil.example`) cannot send staff elsewhere after login.
 */
export function safeRedirect(target: string | null | undefined, fallback = '/'): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.includes('\\')) return fallback;
  try {
    const url = new URL(target, window.location.origin);
    if (url.origin !== window.location.origin) return fallback;
    const inApp = url.pathname.startsWith(`${appBase}/`) ? url.pathname.slice(appBase.length) : url.pathname;
    if (inApp.startsWith('/login')) return fallback;
    return `${inApp}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
