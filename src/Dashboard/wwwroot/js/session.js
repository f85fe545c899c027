// The signed-in user's token, kept in sessionStorage (per tab, gone when the tab closes). The claims
// are read from the token only to show who is signed in and to pick the page's defaults; the server
// decides what the user may see.

const STORAGE_KEY = 'inspection.session';

function decodeSegment(segment) {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function asList(value) {
  if (value === undefined || value === null) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).map(String).filter((item) => item.length > 0);
}

/** The short claim names the platform's tokens use (InspectionClaims). */
export function claimsOf(token) {
  try {
    const payload = decodeSegment(token.split('.')[1] ?? '');
    return {
      subject: payload.sub ? String(payload.sub) : '',
      roles: asList(payload.role),
      provinces: asList(payload.province),
      enterprise: asList(payload.enterprise)[0] ?? '',
      expiresAt: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null,
    };
  } catch {
    return { subject: '', roles: [], provinces: [], enterprise: '', expiresAt: null };
  }
}

function read() {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    return value && typeof value.accessToken === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** The current session, or null when signed out or the token has expired. */
export function getSession() {
  const stored = read();
  if (!stored) {
    return null;
  }
  const claims = claimsOf(stored.accessToken);
  const expiresAt = stored.expiresAt ? new Date(stored.expiresAt) : claims.expiresAt;
  if (expiresAt && !Number.isNaN(expiresAt.getTime()) && expiresAt.getTime() <= Date.now()) {
    clearSession();
    return null;
  }
  return { token: stored.accessToken, expiresAt, ...claims };
}

export function getToken() {
  return getSession()?.token ?? null;
}

export function saveSession({ accessToken, expiresAt }) {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ accessToken, expiresAt: expiresAt ?? null }));
}

export function clearSession() {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear.
  }
}

export function hasRole(session, role) {
  return Boolean(session?.roles.includes(role));
}

/** The roles that work inside the agency (InspectionRoles), as opposed to an enterprise's own account: they get the operators' pages. */
export const STAFF_ROLES = ['inspector', 'leadership', 'admin'];
