// Calls the platform's REST API with the signed-in user's token, and turns ProblemDetails answers
// into errors the pages can show in the current language.
import { clearSession, getToken } from './session.js';
import { el } from './dom.js';
import { has, t } from './i18n.js';

export class ApiError extends Error {
  /** status 0 means the server could not be reached. */
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem ?? null;
  }
}

const unauthorizedListeners = new Set();

/** Called once a request is refused for the token: the session is over. */
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
}

export async function api(path, { method = 'GET', body, auth = true, signal } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  // A form (files and fields) goes as multipart, its boundary set by the browser; anything else as JSON.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) {
    headers['Content-Type'] = 'application/json';
  }
  const token = auth ? getToken() : null;
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }

  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined || isForm ? body : JSON.stringify(body), signal, cache: 'no-store' });
  } catch (error) {
    if (error?.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, null);
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && auth) {
      clearSession();
      for (const listener of unauthorizedListeners) {
        listener();
      }
    }
    throw new ApiError(response.status, problem);
  }

  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : null;
}

async function readProblem(response) {
  try {
    const type = response.headers.get('Content-Type') ?? '';
    return type.includes('json') ? await response.json() : null;
  } catch {
    return null;
  }
}

/** The headline (always in the current language) and the server's own words, if any. */
export function describeError(error) {
  if (!(error instanceof ApiError)) {
    return { headline: t('error.generic', { status: '?' }), details: [String(error?.message ?? error)] };
  }
  const key = error.status === 0 ? 'error.network' : `error.${error.status}`;
  const headline = has(key)
    ? t(key)
    : error.status >= 500 ? t('error.500') : t('error.generic', { status: error.status });

  const details = [];
  const problem = error.problem;
  if (problem && typeof problem === 'object') {
    for (const text of [problem.title, problem.detail]) {
      if (typeof text === 'string' && text.trim() && !details.includes(text)) {
        details.push(text);
      }
    }
    if (problem.errors && typeof problem.errors === 'object') {
      for (const [field, messages] of Object.entries(problem.errors)) {
        for (const message of [].concat(messages)) {
          details.push(field ? `${field}: ${message}` : String(message));
        }
      }
    }
  }
  return { headline, details };
}

/** An alert box for an error, built from text nodes only. */
export function errorBox(error) {
  const { headline, details } = describeError(error);
  return el('div', { class: 'alert alert-error', role: 'alert' },
    el('strong', {}, headline),
    details.length > 0 && el('div', { class: 'alert-details' },
      el('span', { class: 'muted' }, t('error.detail')), ' ', details.join(' — ')));
}

/** Fetches a file with the user's token and hands it to the browser as a download under its own name. */
export async function download(path, fallbackName) {
  const token = getToken();
  let response;
  try {
    response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
