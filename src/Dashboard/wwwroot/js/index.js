// The inspector's home: development sign-in, the live risk queue, and enterprises ranked by risk.
import { api, errorBox, onUnauthorized } from './api.js';
import { byId, clear, el, enterpriseHref, flash } from './dom.js';
import { knownCodes, label, onLanguageChange, t } from './i18n.js';
import { formatDateTime, formatFieldValue, formatNumber, formatPercent, formatScore, shorten } from './format.js';
import { connectRiskFeed, statusIndicator } from './live.js';
import { getSession, hasRole, saveSession } from './session.js';
import { announce, initShell, renderSession, showPageMessage } from './shell.js';
import { enterpriseCell, localized, provinceText, ruleCaption, severityBadge, statusText, tierBadge, timeNode } from './views.js';

const QUEUE_LIMIT = 100;
const QUEUE_MAX_ROWS = 300;
const RANKING_LIMIT = 50;
const RANKING_REFRESH_DELAY_MS = 2000;

const state = {
  flags: [],
  fresh: new Set(),
  flagsLoaded: false,
  enterprises: [],
  enterprisesLoaded: false,
  models: null,
  provinces: new Map(),
  sectors: new Set(knownCodes('sector')),
  tiers: new Set(['critical', 'high', 'medium', 'low']),
  errors: { queue: null, ranking: null, signin: null },
};

let feed = null;
let rankingTimer = null;
let rankingRequest = null;
const setLiveStatus = statusIndicator(byId('live-status'));

// ---- sign-in -------------------------------------------------------------------------------------

function syncSigninFields() {
  const role = byId('signin-role').value;
  byId('signin-provinces-field').hidden = role !== 'inspector';
  byId('signin-enterprise-field').hidden = role !== 'enterprise';

  // An enterprise account's subject is its enterprise code: drop the inspector's sample account.
  const subject = byId('signin-subject');
  if (role === 'enterprise' && subject.value === subject.defaultValue) {
    subject.value = '';
  } else if (role !== 'enterprise' && subject.value === '') {
    subject.value = subject.defaultValue;
  }
}

function splitCodes(text) {
  return text.split(/[\s,;]+/).map((part) => part.trim()).filter((part) => part.length > 0);
}

function showSigninError(build) {
  state.errors.signin = build;
  renderSigninError();
}

function renderSigninError() {
  const host = clear(byId('signin-error'));
  if (state.errors.signin) {
    const content = state.errors.signin();
    host.append(content instanceof Node ? content : el('div', { class: 'alert alert-error', role: 'alert' }, content));
  }
}

async function signIn(event) {
  event.preventDefault();
  const role = byId('signin-role').value;
  const enterpriseCode = byId('signin-enterprise').value.trim();
  const subject = byId('signin-subject').value.trim() || (role === 'enterprise' ? enterpriseCode : '');
  const provinces = splitCodes(byId('signin-provinces').value);

  if (role === 'enterprise' && !enterpriseCode) {
    showSigninError(() => t('signin.needEnterprise'));
    return;
  }
  if (!subject) {
    showSigninError(() => t('signin.needSubject'));
    return;
  }
  if (role === 'inspector' && provinces.length === 0) {
    showSigninError(() => t('signin.needProvinces'));
    return;
  }

  const body = { role, subject };
  if (role === 'inspector') {
    body.provinces = provinces;
  }
  if (role === 'enterprise') {
    body.enterpriseCode = enterpriseCode;
  }

  const button = byId('signin-submit');
  button.disabled = true;
  button.textContent = t('signin.busy');
  try {
    const answer = await api('/api/dev/token', { method: 'POST', body, auth: false });
    if (!answer?.accessToken) {
      throw new Error('The token endpoint answered without an accessToken.');
    }
    saveSession(answer);
    showSigninError(null);
    showPageMessage(null);
    enterWorkspace();
  } catch (error) {
    showSigninError(() => (error?.status === 404 ? t('signin.unavailable') : errorBox(error)));
  } finally {
    button.disabled = false;
    button.textContent = t('signin.submit');
  }
}

// ---- workspace -----------------------------------------------------------------------------------

function enterWorkspace() {
  const session = getSession();
  if (!session) {
    leaveWorkspace();
    return;
  }

  renderSession();
  byId('signin-panel').hidden = true;
  byId('workspace').hidden = false;

  for (const province of session.provinces) {
    if (!state.provinces.has(province)) {
      state.provinces.set(province, '');
    }
  }

  const enterpriseOnly = hasRole(session, 'enterprise') && !hasRole(session, 'inspector') && !hasRole(session, 'leadership') && !hasRole(session, 'admin');
  byId('ranking-panel').hidden = enterpriseOnly;
  byId('my-enterprise').hidden = !enterpriseOnly;
  if (enterpriseOnly && session.enterprise) {
    byId('my-enterprise-link').setAttribute('href', enterpriseHref(session.enterprise));
  }

  renderFilterOptions();
  loadFlags();
  if (!enterpriseOnly) {
    loadEnterprises();
    loadModels();
  }

  feed?.stop();
  feed = connectRiskFeed({
    onFlag: receiveFlag,
    onStatus: setLiveStatus,
    onResync: () => {
      loadFlags();
      scheduleRankingRefresh();
    },
    onUnauthorized: () => leaveWorkspace('session.expired'),
  });
  if (feed.unavailable) {
    showPageMessage(() => t('error.script'), 'warning');
  }
}

function leaveWorkspace(messageKey) {
  feed?.stop();
  feed = null;
  clearTimeout(rankingTimer);
  state.flags = [];
  state.fresh.clear();
  state.flagsLoaded = false;
  state.enterprises = [];
  state.enterprisesLoaded = false;
  state.errors.queue = null;
  state.errors.ranking = null;
  clear(byId('flag-queue'));
  clear(byId('enterprise-ranking'));

  byId('workspace').hidden = true;
  byId('signin-panel').hidden = false;
  renderSession();
  showPageMessage(messageKey ? () => t(messageKey) : null, 'warning');
}

// ---- risk queue ----------------------------------------------------------------------------------

function flagRow(flag) {
  const row = el('tr', {
    class: ['flag-row', `sev-row-${String(flag.severity ?? '').toLowerCase()}`, state.fresh.has(flag.flagId) && 'is-new'],
    dataset: { flagId: flag.flagId, enterpriseCode: flag.enterpriseCode },
  },
  el('td', { class: 'nowrap' }, timeNode(flag.raisedAt)),
  el('td', {}, enterpriseCell(flag.enterpriseName, flag.enterpriseCode)),
  el('td', {}, provinceText(flag.province, state.provinces)),
  el('td', {},
    el('span', { class: 'rule-title' }, localized(flag.title)),
    state.fresh.has(flag.flagId) && el('span', { class: 'badge badge-new' }, t('queue.new')),
    ruleCaption(flag)),
  el('td', {}, severityBadge(flag.severity)),
  el('td', { class: 'explanation' }, localized(flag.explanation)));
  return row;
}

function renderQueue() {
  const body = clear(byId('flag-queue'));
  body.append(...state.flags.map(flagRow));
  renderQueueState();
}

function renderQueueState() {
  const host = clear(byId('queue-error'));
  if (state.errors.queue) {
    host.append(errorBox(state.errors.queue));
  }
  byId('flag-queue-loading').hidden = state.flagsLoaded || Boolean(state.errors.queue);
  byId('flag-queue-empty').hidden = !state.flagsLoaded || state.flags.length > 0;
}

function byNewest(a, b) {
  return String(b.raisedAt ?? '').localeCompare(String(a.raisedAt ?? ''));
}

async function loadFlags() {
  renderQueueState();
  try {
    const flags = await api(`/api/flags?limit=${QUEUE_LIMIT}`);
    // Keep flags that arrived live but are not (yet) in the answer; the answer wins for the rest.
    const merged = new Map((Array.isArray(flags) ? flags : []).map((flag) => [flag.flagId, flag]));
    for (const flag of state.flags) {
      if (!merged.has(flag.flagId) && state.fresh.has(flag.flagId)) {
        merged.set(flag.flagId, flag);
      }
    }
    state.flags = [...merged.values()].sort(byNewest).slice(0, QUEUE_MAX_ROWS);
    state.flagsLoaded = true;
    state.errors.queue = null;
    renderQueue();
  } catch (error) {
    if (error?.status === 401) {
      leaveWorkspace('session.expired');
      return;
    }
    state.errors.queue = error;
    renderQueueState();
  }
}

function receiveFlag(flag) {
  if (!flag?.flagId || state.flags.some((known) => known.flagId === flag.flagId)) {
    // A user in several groups hears a flag once per group; show it once.
    return;
  }

  state.fresh.add(flag.flagId);
  state.flags.unshift(flag);
  const body = byId('flag-queue');
  const row = flagRow(flag);
  body.prepend(row);
  flash(row);
  if (state.flags.length > QUEUE_MAX_ROWS) {
    state.flags.length = QUEUE_MAX_ROWS;
    body.lastElementChild?.remove();
  }
  state.flagsLoaded = true;
  renderQueueState();
  announce(t('live.announce', { title: localized(flag.title), name: flag.enterpriseName || flag.enterpriseCode }));
  scheduleRankingRefresh();
}

// ---- ranking -------------------------------------------------------------------------------------

function filters() {
  return {
    province: byId('filter-province').value,
    sector: byId('filter-sector').value,
    riskTier: byId('filter-tier').value,
  };
}

function option(value, text, selected) {
  return el('option', { value, selected: value === selected }, text);
}

function renderFilterOptions() {
  const province = byId('filter-province');
  const sector = byId('filter-sector');
  const tier = byId('filter-tier');
  const current = filters();

  const provinces = [...state.provinces.entries()].sort(([a], [b]) => a.localeCompare(b));
  province.replaceChildren(
    option('', t('filter.all'), current.province),
    ...provinces.map(([code, name]) => option(code, name ? `${name} (${code})` : code, current.province)));

  sector.replaceChildren(
    option('', t('filter.all'), current.sector),
    ...[...state.sectors].sort().map((code) => option(code, label('sector', code), current.sector)));

  const tierOrder = ['critical', 'high', 'medium', 'low'];
  const rank = (code) => (tierOrder.includes(code) ? tierOrder.indexOf(code) : tierOrder.length);
  tier.replaceChildren(
    option('', t('filter.all'), current.riskTier),
    ...[...state.tiers].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((code) => option(code, label('tier', code), current.riskTier)));
}

function learnCatalog(enterprises) {
  let changed = false;
  for (const enterprise of enterprises) {
    if (enterprise.province && (state.provinces.get(enterprise.province) ?? '') === '' && (enterprise.provinceName || !state.provinces.has(enterprise.province))) {
      state.provinces.set(enterprise.province, enterprise.provinceName ?? '');
      changed = true;
    }
    if (enterprise.sector && !state.sectors.has(enterprise.sector)) {
      state.sectors.add(enterprise.sector);
      changed = true;
    }
    if (enterprise.riskTier && !state.tiers.has(enterprise.riskTier)) {
      state.tiers.add(enterprise.riskTier);
      changed = true;
    }
  }
  if (changed) {
    renderFilterOptions();
  }
  return changed;
}

/** A peer group ("manufacturing/small/HN", "*" for any) in words: sector · size · province. */
function peerGroupText(group) {
  const [sector, size, province] = String(group ?? '').split('/');
  const parts = [];
  if (sector && sector !== '*') {
    parts.push(label('sector', sector));
  }
  if (size && size !== '*') {
    parts.push(label('size', size));
  }
  if (province && province !== '*') {
    parts.push(provinceText(province, state.provinces));
  }
  return parts.length > 0 ? parts.join(' · ') : t('group.all');
}

function reasonText(reason) {
  const feature = label('feature', reason.code);
  const value = (number) => formatFieldValue(reason.code, number);
  switch (reason.kind) {
    case 'flag':
      return t('reason.flag', { rule: reason.code, count: formatNumber(reason.value), severity: label('severity', reason.detail) });
    case 'anomaly':
      return t('reason.anomaly', { group: peerGroupText(reason.detail), feature, value: value(reason.value), median: value(reason.reference) });
    case 'history':
      return t('reason.history', { feature, value: value(reason.value), median: value(reason.reference) });
    case 'model':
      return t('reason.model', { probability: formatPercent(reason.value, 0) });
    default:
      return reason.code;
  }
}

/** Why the enterprise is where it is, strongest reason first; each says what it alone adds to the score. */
function reasonsCell(reasons) {
  if (!Array.isArray(reasons) || reasons.length === 0) {
    return el('span', { class: 'muted' }, t('reason.none'));
  }
  return el('ul', { class: 'reasons' }, ...reasons.map((reason) =>
    el('li', { class: `reason reason-${reason.kind}`, title: t('reason.weight', { weight: formatScore(reason.weight) }), dataset: { kind: reason.kind, code: reason.code } },
      reasonText(reason))));
}

function rankingRow(enterprise, index) {
  return el('tr', { dataset: { enterpriseCode: enterprise.code }, class: `tier-row-${String(enterprise.riskTier ?? '').toLowerCase()}` },
    el('td', { class: 'num' }, formatNumber(index + 1)),
    el('td', {}, enterpriseCell(enterprise.name, enterprise.code)),
    el('td', {}, enterprise.provinceName ? `${enterprise.provinceName} (${enterprise.province})` : provinceText(enterprise.province, state.provinces)),
    el('td', {}, label('sector', enterprise.sector)),
    el('td', {}, statusText(enterprise.status)),
    el('td', { class: 'num' }, formatScore(enterprise.riskScore)),
    el('td', {}, tierBadge(enterprise.riskTier)),
    el('td', { class: 'num' }, formatNumber(enterprise.openFlags)),
    el('td', { class: 'reasons-cell' }, reasonsCell(enterprise.reasons)),
    el('td', { class: 'nowrap' }, formatDateTime(enterprise.lastPulledAt)));
}

function renderRanking() {
  clear(byId('enterprise-ranking')).append(...state.enterprises.map(rankingRow));
  renderRankingState();
}

function renderModels() {
  const host = clear(byId('model-summary'));
  const status = state.models;
  if (!status) {
    return;
  }
  const latest = status.latest;
  if (!latest) {
    host.append(el('span', {}, t('models.none')));
  } else {
    host.append(el('span', {}, t('models.summary', {
      time: formatDateTime(latest.trainedAt), enterprises: formatNumber(latest.enterprises), groups: formatNumber(latest.peerGroups),
    })), ' ');
    host.append(latest.supervisedModelVersion
      ? el('span', { id: 'model-auc' }, t('models.supervised', {
        version: shorten(latest.supervisedModelVersion, 18), auc: formatNumber(latest.crossValidatedAuc, 3),
        outcomes: formatNumber(latest.outcomes), found: formatNumber(latest.violationsFound),
      }))
      : el('span', {}, t('models.stepsAside', { outcomes: formatNumber(latest.outcomes), found: formatNumber(latest.violationsFound) })));
  }
  if (status.training) {
    host.append(' ', el('span', { class: 'muted' }, t('models.training')));
  }
}

async function loadModels() {
  try {
    state.models = await api('/api/models');
  } catch (error) {
    if (error?.status === 401) {
      leaveWorkspace('session.expired');
      return;
    }
    // The summary is a courtesy beside the ranking; the ranking itself says what failed, if anything did.
    state.models = null;
  }
  renderModels();
}

function renderRankingState() {
  const host = clear(byId('ranking-error'));
  if (state.errors.ranking) {
    host.append(errorBox(state.errors.ranking));
  }
  byId('enterprise-ranking-loading').hidden = state.enterprisesLoaded || Boolean(state.errors.ranking);
  byId('enterprise-ranking-empty').hidden = !state.enterprisesLoaded || state.enterprises.length > 0;
}

async function loadEnterprises() {
  if (byId('ranking-panel').hidden) {
    return;
  }
  rankingRequest?.abort();
  const request = new AbortController();
  rankingRequest = request;

  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters())) {
    if (value) {
      query.set(name, value);
    }
  }
  query.set('limit', String(RANKING_LIMIT));

  try {
    const enterprises = await api(`/api/enterprises?${query}`, { signal: request.signal });
    state.enterprises = Array.isArray(enterprises) ? enterprises : [];
    state.enterprisesLoaded = true;
    state.errors.ranking = null;
    if (learnCatalog(state.enterprises)) {
      renderQueue();
    }
    renderRanking();
  } catch (error) {
    if (error?.name === 'AbortError') {
      return;
    }
    if (error?.status === 401) {
      leaveWorkspace('session.expired');
      return;
    }
    state.errors.ranking = error;
    renderRankingState();
  }
}

function scheduleRankingRefresh() {
  // New flags change scores and open-flag counts; one refresh for a burst of flags is enough.
  clearTimeout(rankingTimer);
  rankingTimer = setTimeout(loadEnterprises, RANKING_REFRESH_DELAY_MS);
}

// ---- start ---------------------------------------------------------------------------------------

initShell({ onSignOut: () => leaveWorkspace() });
onUnauthorized(() => leaveWorkspace('session.expired'));
onLanguageChange(() => {
  byId('signin-submit').textContent = t('signin.submit');
  renderSigninError();
  renderFilterOptions();
  renderQueue();
  renderRanking();
  renderModels();
});

byId('signin-role').addEventListener('change', syncSigninFields);
byId('signin-form').addEventListener('submit', signIn);
byId('ranking-filters').addEventListener('change', loadEnterprises);
byId('ranking-filters').addEventListener('submit', (event) => {
  event.preventDefault();
  loadEnterprises();
});
byId('ranking-filters').addEventListener('reset', (event) => {
  // A native reset would restore the options marked selected when the lists were rebuilt.
  event.preventDefault();
  for (const id of ['filter-province', 'filter-sector', 'filter-tier']) {
    byId(id).value = '';
  }
  loadEnterprises();
});
syncSigninFields();

if (getSession()) {
  enterWorkspace();
} else {
  leaveWorkspace();
}
