// Registry connections, for operators: per connected registry, when it last answered well, the lag,
// requests and error rate over the last minute and the circuit breaker's state, refreshed every 5 s.
import { ApiError, api, errorBox, onUnauthorized } from './api.js';
import { byId, clear, el, flash } from './dom.js';
import { label, onLanguageChange, t } from './i18n.js';
import { formatAgo, formatDateTime, formatDuration, formatNumber, formatPercent, formatTime } from './format.js';
import { getSession } from './session.js';
import { announce, initShell, renderSession, showPageMessage } from './shell.js';

const HEALTH_PATH = '/api/registries/health';
const REFRESH_INTERVAL_MS = 5000;
const REQUEST_TIMEOUT_MS = 10_000;
const DEGRADED_ERROR_RATE = 0.2;
// The order docs/REGISTRIES.md lists them in; a registry the page does not know goes last.
const REGISTRY_ORDER = ['business-registration', 'tax', 'social-insurance', 'labour', 'environment'];
const STATUS_ORDER = ['ok', 'degraded', 'down'];

const state = {
  rows: [],
  loaded: false,
  error: null,
  refreshedAt: null,
  refreshes: 0,
  statuses: new Map(),
  live: 'connecting',
  stopped: false,
};

let timer = null;
let request = null;

/**
 * ok: the circuit is Closed, under 20 % of the last minute's calls failed and the registry has answered
 * at least once. down: the circuit is Open or Isolated (no calls go out), or it never answered.
 * degraded: everything in between (a high error rate, a HalfOpen circuit).
 */
export function healthStatus(entry) {
  const circuit = String(entry?.circuitState ?? '');
  const lag = entry?.lagSeconds;
  const answered = typeof lag === 'number' && Number.isFinite(lag);
  if (circuit === 'Open' || circuit === 'Isolated' || !answered) {
    return 'down';
  }
  const errorRate = Number(entry?.errorRate ?? 0);
  if (circuit === 'Closed' && Number.isFinite(errorRate) && errorRate < DEGRADED_ERROR_RATE) {
    return 'ok';
  }
  return 'degraded';
}

function registryRank(registry) {
  const index = REGISTRY_ORDER.indexOf(registry);
  return index < 0 ? REGISTRY_ORDER.length : index;
}

function byRegistry(a, b) {
  return registryRank(a.registry) - registryRank(b.registry) || String(a.registry).localeCompare(String(b.registry));
}

/** Seconds since the last good answer: the server's lag, or (if it sent none) the browser's clock. */
function secondsSinceSuccess(entry) {
  if (typeof entry.lagSeconds === 'number' && Number.isFinite(entry.lagSeconds)) {
    return entry.lagSeconds;
  }
  const at = entry.lastSuccessAt ? Date.parse(entry.lastSuccessAt) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(0, (Date.now() - at) / 1000);
}

// ---- rendering -----------------------------------------------------------------------------------

function healthBadge(status) {
  return el('span', { class: ['badge', `health-${status}`] }, t(`health.${status}`));
}

function lastSuccessCell(entry) {
  if (!entry.lastSuccessAt) {
    return el('td', { class: 'nowrap' }, el('span', { class: 'never' }, t('registries.never')));
  }
  return el('td', { class: 'nowrap' },
    el('span', { class: 'relative' }, formatAgo(secondsSinceSuccess(entry))),
    el('time', { class: 'absolute muted small', datetime: entry.lastSuccessAt }, formatDateTime(entry.lastSuccessAt)));
}

function lastErrorCell(entry) {
  const text = typeof entry.lastError === 'string' && entry.lastError.trim() ? entry.lastError : null;
  if (!text && !entry.lastFailureAt) {
    return el('td', { class: 'muted' }, t('none'));
  }
  return el('td', { class: 'last-error' },
    text && el('span', { class: 'error-text', title: text }, text),
    entry.lastFailureAt && el('time', { class: 'muted small', datetime: entry.lastFailureAt },
      t('registries.failedAt', { time: formatDateTime(entry.lastFailureAt) })));
}

/** Stretches of the change feed lost before they were read: shown for good, never passed over. */
function gapsCell(entry) {
  const gaps = Array.isArray(entry.gaps) ? entry.gaps : [];
  if (gaps.length === 0) {
    return el('td', { class: 'muted gaps' }, t('none'));
  }
  return el('td', { class: 'gaps is-high', dataset: { gaps: String(gaps.length) } },
    ...gaps.map((gap) => el('div', { class: 'gap' }, t('registries.gap', {
      from: gap.fromCursor ?? t('registries.gapFromStart'),
      to: gap.toCursor,
      time: formatDateTime(gap.detectedAt),
    }))));
}

function healthRow(entry) {
  const status = healthStatus(entry);
  const circuit = String(entry.circuitState ?? '');
  const errorRate = Number(entry.errorRate);
  return el('tr', {
    class: ['registry-row', `health-row-${status}`],
    dataset: { registry: String(entry.registry ?? ''), status, circuit },
  },
  el('td', {},
    el('span', { class: 'registry-name' }, label('registry', entry.registry)),
    el('span', { class: 'code' }, entry.registry)),
  el('td', {}, label('transport', entry.transport)),
  el('td', {},
    healthBadge(status),
    el('span', { class: 'circuit muted small' }, t('registries.circuit', { state: label('circuit', circuit) }))),
  lastSuccessCell(entry),
  el('td', { class: 'num nowrap' }, formatDuration(entry.lagSeconds)),
  el('td', { class: 'num' }, formatNumber(entry.requestsLastMinute)),
  el('td', { class: ['num', Number.isFinite(errorRate) && errorRate >= DEGRADED_ERROR_RATE && 'is-high'] }, formatPercent(entry.errorRate)),
  lastErrorCell(entry),
  gapsCell(entry));
}

function renderLive() {
  const element = byId('registry-live');
  element.dataset.state = state.live;
  element.setAttribute('title', t('registries.liveTitle'));
  const text = {
    connecting: () => t('loading'),
    connected: () => t('registries.auto', { seconds: formatNumber(REFRESH_INTERVAL_MS / 1000) }),
    reconnecting: () => t('registries.retrying'),
    disconnected: () => t('registries.stopped'),
  }[state.live];
  element.querySelector('.live-label').textContent = text();
}

function renderRefreshed() {
  const node = byId('registry-refreshed');
  node.dataset.refreshes = String(state.refreshes);
  if (state.refreshedAt) {
    node.setAttribute('datetime', state.refreshedAt.toISOString());
    node.setAttribute('title', formatDateTime(state.refreshedAt));
    node.textContent = formatTime(state.refreshedAt);
  } else {
    node.removeAttribute('datetime');
    node.removeAttribute('title');
    node.textContent = t('registries.notYet');
  }
}

function renderSummary() {
  const summary = byId('registry-summary');
  summary.hidden = !state.loaded || state.rows.length === 0;
  const counts = Object.fromEntries(STATUS_ORDER.map((status) => [status, 0]));
  for (const entry of state.rows) {
    counts[healthStatus(entry)] += 1;
  }
  summary.textContent = t('registries.summary', {
    ok: formatNumber(counts.ok), degraded: formatNumber(counts.degraded), down: formatNumber(counts.down),
  });
}

function render() {
  const host = clear(byId('registry-error'));
  if (state.error) {
    host.append(errorBox(state.error));
    if (state.loaded) {
      host.append(el('p', { class: 'muted small stale-note' }, t('registries.stale')));
    }
  }
  byId('registry-table').classList.toggle('is-stale', Boolean(state.error) && state.loaded);
  byId('registry-health-loading').hidden = state.loaded || Boolean(state.error);
  byId('registry-health-empty').hidden = !state.loaded || state.rows.length > 0;
  clear(byId('registry-health')).append(...state.rows.map(healthRow));
  renderSummary();
  renderRefreshed();
  renderLive();
}

// ---- refreshing ----------------------------------------------------------------------------------

function accept(rows) {
  const previous = state.statuses;
  state.rows = (Array.isArray(rows) ? rows : []).filter((entry) => entry && typeof entry === 'object').sort(byRegistry);
  state.statuses = new Map(state.rows.map((entry) => [String(entry.registry), healthStatus(entry)]));
  state.loaded = true;
  state.error = null;
  state.refreshedAt = new Date();
  state.refreshes += 1;
  state.live = 'connected';
  render();

  // Say what changed since the last refresh (not on the first load): a registry going down matters.
  const changed = state.rows.filter((entry) => previous.size > 0 && previous.get(String(entry.registry)) !== state.statuses.get(String(entry.registry)));
  for (const entry of changed) {
    const row = [...byId('registry-health').children].find((node) => node.dataset.registry === String(entry.registry));
    if (row) {
      flash(row);
    }
  }
  if (changed.length > 0) {
    announce(changed.map((entry) => t('registries.changed', {
      registry: label('registry', entry.registry),
      status: t(`health.${state.statuses.get(String(entry.registry))}`),
    })).join('; '));
  }
}

function schedule() {
  clearTimeout(timer);
  timer = state.stopped ? null : setTimeout(refresh, REFRESH_INTERVAL_MS);
}

function stopRefreshing() {
  state.stopped = true;
  clearTimeout(timer);
  timer = null;
  request?.abort();
  request = null;
}

async function refresh() {
  clearTimeout(timer);
  timer = null;
  if (state.stopped) {
    return;
  }
  request?.abort();
  const controller = new AbortController();
  request = controller;
  let timedOut = false;
  const timeout = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, REQUEST_TIMEOUT_MS);

  try {
    const rows = await api(HEALTH_PATH, { signal: controller.signal });
    if (request === controller && !state.stopped) {
      accept(rows);
    }
  } catch (caught) {
    if (request !== controller || state.stopped || (caught?.name === 'AbortError' && !timedOut)) {
      // Superseded by a newer request, or the page stopped refreshing.
      return;
    }
    const error = caught?.name === 'AbortError' ? new ApiError(0, null) : caught;
    if (error?.status === 401) {
      showSignedOut('session.expired');
      return;
    }
    if (error?.status === 403) {
      showForbidden();
      return;
    }
    state.error = error;
    state.live = 'reconnecting';
    render();
  } finally {
    clearTimeout(timeout);
    if (request === controller) {
      request = null;
    }
  }
  schedule();
}

// ---- start ---------------------------------------------------------------------------------------

function showSignedOut(messageKey) {
  stopRefreshing();
  state.rows = [];
  state.statuses.clear();
  clear(byId('registry-health'));
  byId('registries-view').hidden = true;
  renderSession();
  showPageMessage(() => el('div', { class: 'alert alert-warning', role: 'status' },
    t(messageKey), ' ',
    el('a', { href: '/' }, t('session.goSignIn'))));
}

function showForbidden() {
  stopRefreshing();
  byId('registries-view').hidden = true;
  showPageMessage(() => el('div', { id: 'registry-forbidden', class: 'alert alert-error', role: 'alert' }, t('registries.forbidden')));
}

function start() {
  if (!getSession()) {
    showSignedOut('session.required');
    return;
  }
  byId('registries-view').hidden = false;
  render();
  refresh();
}

initShell({
  onSignOut: () => {
    stopRefreshing();
    window.location.href = '/';
  },
});
onUnauthorized(() => showSignedOut('session.expired'));
onLanguageChange(() => {
  if (!byId('registries-view').hidden) {
    render();
  }
});

start();
