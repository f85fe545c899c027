// One enterprise: its profile, the timeline of registry records with their provenance, and the open
// signs of violation with the evidence behind each; new flags for it arrive live.
import { api, errorBox, onUnauthorized } from './api.js';
import { byId, clear, el, flash } from './dom.js';
import { label, onLanguageChange, t } from './i18n.js';
import { formatDateTime, formatFieldValue, formatNumber, formatPeriod, formatScore, shorten } from './format.js';
import { connectRiskFeed, statusIndicator } from './live.js';
import { getSession } from './session.js';
import { announce, initShell, renderSession, showPageMessage } from './shell.js';
import { localized, ruleCaption, severityBadge, statusText, tierBadge, timeNode } from './views.js';
import { showCaseOpening } from './case-open.js';

const RECORD_LIMIT = 500;
const RELOAD_DELAY_MS = 1500;
const ENTERPRISE_CODE = /^\d{10}(-\d{3})?$/;

// The fields an inspector looks at first, per record kind (docs/REGISTRIES.md); the rest fold away.
const KEY_FIELDS = {
  registration: ['name', 'status', 'statusSince', 'provinceName', 'sector', 'vsicCode', 'charterCapital'],
  'vat-return': ['filedOn', 'dueDate', 'revenue', 'outputVat', 'inputVat', 'invoicesIssued', 'payrollHeadcount', 'overdueDays'],
  contribution: ['insuredHeadcount', 'contributionDue', 'contributionPaid', 'monthsInArrears'],
};
const DEFAULT_KEY_FIELD_COUNT = 6;

const state = {
  code: '',
  enterprise: null,
  flags: [],
  records: [],
  loaded: { profile: false, records: false },
  errors: { profile: null, records: null },
  registry: '',
  highlighted: null,
  fresh: new Set(),
};

let reloadTimer = null;
const setLiveStatus = statusIndicator(byId('live-status'));

function referenceOf(record) {
  return record.reference || `${record.recordId}@v${record.version}`;
}

function fieldValue(name, value) {
  if (name === 'status') {
    return label('status', value);
  }
  if (name === 'sector') {
    return label('sector', value);
  }
  return formatFieldValue(name, value);
}

function fieldList(fields, names) {
  return el('dl', { class: 'kv' }, names.map((name) => [
    el('dt', {}, label('field', name)),
    el('dd', {}, fieldValue(name, fields[name])),
  ]));
}

// ---- profile -------------------------------------------------------------------------------------

function renderProfile() {
  const enterprise = state.enterprise;
  byId('profile-name').textContent = enterprise?.name || state.code;
  document.title = `${enterprise?.name || state.code} — ${t('nav.enterprise')}`;
  byId('enterprise-profile').dataset.enterpriseCode = state.code;

  const host = clear(byId('profile-error'));
  if (state.errors.profile) {
    host.append(errorBox(state.errors.profile));
  }
  byId('profile-loading').hidden = state.loaded.profile || Boolean(state.errors.profile);

  const list = clear(byId('profile-fields'));
  if (!enterprise) {
    return;
  }
  const item = (key, ...value) => el('div', { class: 'profile-item' }, el('dt', {}, t(key)), el('dd', {}, ...value));
  list.append(
    item('enterprise.code', el('span', { class: 'code' }, enterprise.code)),
    item('enterprise.province', enterprise.provinceName ? `${enterprise.provinceName} (${enterprise.province})` : (enterprise.province || t('none'))),
    item('enterprise.sector', label('sector', enterprise.sector)),
    item('enterprise.status', statusText(enterprise.status)),
    item('enterprise.riskScore', el('span', { class: 'score' }, formatScore(enterprise.riskScore))),
    item('enterprise.riskTier', tierBadge(enterprise.riskTier)),
    item('enterprise.openFlags', formatNumber(enterprise.openFlags)),
    item('enterprise.lastPulledAt', formatDateTime(enterprise.lastPulledAt)));
}

// ---- flags and their evidence --------------------------------------------------------------------

function recordsByReference() {
  const map = new Map();
  for (const record of state.records) {
    map.set(referenceOf(record), record);
  }
  return map;
}

function evidenceItem(reference, record, inTimeline) {
  const head = record
    ? [label('registry', record.registry), label('kind', record.kind), record.period ? formatPeriod(record.period) : null, `v${record.version}`].filter(Boolean).join(' · ')
    : '';
  return el('li', { class: 'evidence-item', dataset: { reference } },
    el('div', { class: 'evidence-head' },
      el('code', { class: 'reference' }, reference),
      head && el('span', { class: 'muted' }, ' ', head)),
    record && el('div', { class: 'evidence-provenance muted' },
      `${t('prov.service')}: ${record.provenance?.service ?? t('none')} · ${t('prov.requestId')}: `,
      el('code', { title: record.provenance?.requestId ?? '' }, shorten(record.provenance?.requestId, 18)),
      ` · ${t('prov.payloadHash')}: `,
      el('code', { title: record.provenance?.payloadHash ?? '' }, shorten(record.provenance?.payloadHash, 16))),
    inTimeline
      ? el('button', { type: 'button', class: 'btn btn-link', dataset: { showReference: reference } }, t('flag.showInTimeline'))
      : el('span', { class: 'muted small' }, t('flag.notInTimeline')));
}

function flagCard(entry, timelineRecords) {
  const { flag } = entry;
  const evidence = new Map((entry.evidence ?? []).map((record) => [referenceOf(record), record]));
  const references = flag.recordReferences?.length ? flag.recordReferences : [...evidence.keys()];
  const values = Object.entries(flag.values ?? {});

  return el('li', {
    class: ['flag-card', `sev-card-${String(flag.severity ?? '').toLowerCase()}`, state.fresh.has(flag.flagId) && 'is-new'],
    dataset: { flagId: flag.flagId },
  },
  el('div', { class: 'flag-card-head' },
    severityBadge(flag.severity),
    el('h3', { class: 'flag-title' }, localized(flag.title)),
    state.fresh.has(flag.flagId) && el('span', { class: 'badge badge-new' }, t('queue.new'))),
  el('dl', { class: 'flag-meta' },
    el('div', {}, el('dt', {}, t('flag.rule')), el('dd', {}, ruleCaption(flag))),
    el('div', {}, el('dt', {}, t('flag.period')), el('dd', {}, formatPeriod(flag.period))),
    el('div', {}, el('dt', {}, t('flag.raisedAt')), el('dd', {}, timeNode(flag.raisedAt)))),
  el('p', { class: 'flag-explanation' }, localized(flag.explanation)),
  el('div', { class: 'flag-section' },
    el('h4', {}, t('flag.legalBasis')),
    el('p', { class: 'legal-basis' }, flag.legalBasis || t('none'))),
  values.length > 0 && el('div', { class: 'flag-section' },
    el('h4', {}, t('flag.values')),
    el('dl', { class: 'kv' }, values.map(([name, value]) => [
      el('dt', {}, label('field', name)),
      el('dd', {}, fieldValue(name, value)),
    ]))),
  el('div', { class: 'flag-section' },
    el('h4', {}, t('flag.evidence')),
    references.length > 0
      ? el('ul', { class: 'evidence-list' }, references.map((reference) =>
        evidenceItem(reference, evidence.get(reference) ?? timelineRecords.get(reference), timelineRecords.has(reference))))
      : el('p', { class: 'muted' }, t('flag.noEvidence'))));
}

function renderFlags() {
  const timelineRecords = recordsByReference();
  const list = clear(byId('enterprise-flags'));
  const flags = [...state.flags].sort((a, b) => String(b.flag.raisedAt ?? '').localeCompare(String(a.flag.raisedAt ?? '')));
  list.append(...flags.map((entry) => flagCard(entry, timelineRecords)));
  byId('enterprise-flags-empty').hidden = !state.loaded.profile || Boolean(state.errors.profile) || state.flags.length > 0;
}

function flagsReferencing() {
  const map = new Map();
  for (const { flag } of state.flags) {
    for (const reference of flag.recordReferences ?? []) {
      if (!map.has(reference)) {
        map.set(reference, []);
      }
      map.get(reference).push(flag);
    }
  }
  return map;
}

// ---- timeline ------------------------------------------------------------------------------------

function compareRecords(a, b) {
  // Newest period first; records without a period (the registration) after the periodic ones.
  const period = (b.period ?? '').localeCompare(a.period ?? '');
  if (a.period && !b.period) {
    return -1;
  }
  if (!a.period && b.period) {
    return 1;
  }
  return period
    || String(a.registry).localeCompare(String(b.registry))
    || String(a.recordId).localeCompare(String(b.recordId))
    || (b.version ?? 0) - (a.version ?? 0);
}

function renderRegistryFilter() {
  const select = byId('timeline-registry');
  const registries = [...new Set(state.records.map((record) => record.registry))].sort();
  if (state.registry && !registries.includes(state.registry)) {
    registries.push(state.registry);
  }
  select.replaceChildren(
    el('option', { value: '' }, t('filter.all')),
    ...registries.map((registry) => el('option', { value: registry }, label('registry', registry))));
  select.value = state.registry;
}

function provenanceList(provenance) {
  const entry = (key, value, node) => [el('dt', {}, t(key)), el('dd', {}, node ?? value ?? t('none'))];
  return el('dl', { class: 'kv provenance' },
    entry('prov.service', provenance?.service),
    entry('prov.requestId', null, el('code', { title: provenance?.requestId ?? '' }, provenance?.requestId ?? t('none'))),
    entry('prov.requestHash', null, el('code', { class: 'hash', title: provenance?.requestHash ?? '' }, shorten(provenance?.requestHash, 16))),
    entry('prov.payloadHash', null, el('code', { class: 'hash', title: provenance?.payloadHash ?? '' }, shorten(provenance?.payloadHash, 16))),
    entry('prov.fetchedAt', null, timeNode(provenance?.fetchedAt)));
}

function recordRow(record, latestVersion, referencedBy) {
  const reference = referenceOf(record);
  const fields = record.fields ?? {};
  const names = Object.keys(fields);
  const keyNames = (KEY_FIELDS[record.kind] ?? names.slice(0, DEFAULT_KEY_FIELD_COUNT)).filter((name) => Object.hasOwn(fields, name));
  const otherNames = names.filter((name) => !keyNames.includes(name));
  const superseded = (record.version ?? 0) < (latestVersion.get(record.recordId) ?? 0);
  const flags = referencedBy.get(reference) ?? [];

  return el('tr', {
    class: ['record-row', flags.length > 0 && 'is-evidence', superseded && 'is-superseded', state.highlighted === reference && 'is-highlighted'],
    dataset: { reference, registry: record.registry },
  },
  el('td', { class: 'nowrap' }, record.period ? formatPeriod(record.period) : el('span', { class: 'muted' }, t('timeline.noPeriod'))),
  el('td', {}, label('registry', record.registry)),
  el('td', {},
    el('div', {}, label('kind', record.kind)),
    el('code', { class: 'reference small' }, reference),
    flags.length > 0 && el('div', { class: 'evidence-chips', title: t('timeline.evidenceFor') },
      flags.map((flag) => el('button', { type: 'button', class: ['chip', `sev-chip-${String(flag.severity ?? '').toLowerCase()}`], dataset: { showFlag: flag.flagId } }, flag.ruleId)))),
  el('td', {},
    fieldList(fields, keyNames),
    otherNames.length > 0 && el('details', { class: 'more-fields' },
      el('summary', {}, t('timeline.allFields')),
      fieldList(fields, otherNames))),
  el('td', { class: 'num' },
    el('span', {}, `v${record.version}`),
    superseded && el('div', { class: 'muted small' }, t('timeline.superseded'))),
  el('td', {}, provenanceList(record.provenance)));
}

function renderTimeline() {
  renderRegistryFilter();
  const host = clear(byId('timeline-error'));
  if (state.errors.records) {
    host.append(errorBox(state.errors.records));
  }
  byId('record-timeline-loading').hidden = state.loaded.records || Boolean(state.errors.records);

  const latestVersion = new Map();
  for (const record of state.records) {
    latestVersion.set(record.recordId, Math.max(latestVersion.get(record.recordId) ?? 0, record.version ?? 0));
  }
  const referencedBy = flagsReferencing();
  const shown = state.records.filter((record) => !state.registry || record.registry === state.registry).sort(compareRecords);

  clear(byId('record-timeline')).append(...shown.map((record) => recordRow(record, latestVersion, referencedBy)));
  byId('record-timeline-empty').hidden = !state.loaded.records || shown.length > 0;
  byId('timeline-count').textContent = state.loaded.records ? t('timeline.count', { count: formatNumber(shown.length) }) : '';
}

function findByData(container, attribute, value) {
  return [...container.children].find((node) => node.dataset[attribute] === value) ?? null;
}

function showRecord(reference) {
  let row = findByData(byId('record-timeline'), 'reference', reference);
  if (!row && state.registry) {
    // The record is hidden by the registry filter: show everything rather than nothing.
    state.registry = '';
    renderTimeline();
    row = findByData(byId('record-timeline'), 'reference', reference);
  }
  if (!row) {
    return;
  }
  for (const other of byId('record-timeline').querySelectorAll('.is-highlighted')) {
    other.classList.remove('is-highlighted');
  }
  state.highlighted = reference;
  row.classList.add('is-highlighted');
  row.scrollIntoView({ block: 'center', behavior: 'smooth' });
  flash(row);
}

function showFlag(flagId) {
  const card = findByData(byId('enterprise-flags'), 'flagId', flagId);
  if (card) {
    card.scrollIntoView({ block: 'start', behavior: 'smooth' });
    flash(card);
  }
}

// ---- loading -------------------------------------------------------------------------------------

function handleAuthError(error) {
  if (error?.status === 401) {
    showSignedOut('session.expired');
    return true;
  }
  return false;
}

async function loadProfile() {
  try {
    const detail = await api(`/api/enterprises/${encodeURIComponent(state.code)}`);
    state.enterprise = detail?.enterprise ?? null;
    const known = new Map((detail?.flags ?? []).filter((entry) => entry?.flag?.flagId).map((entry) => [entry.flag.flagId, entry]));
    // A flag that arrived live stays until the server's answer includes it.
    for (const entry of state.flags) {
      if (!known.has(entry.flag.flagId) && state.fresh.has(entry.flag.flagId)) {
        known.set(entry.flag.flagId, entry);
      }
    }
    state.flags = [...known.values()];
    state.errors.profile = null;
  } catch (error) {
    if (handleAuthError(error)) {
      return;
    }
    state.errors.profile = error;
  }
  state.loaded.profile = true;
}

async function loadRecords() {
  try {
    const records = await api(`/api/enterprises/${encodeURIComponent(state.code)}/records?limit=${RECORD_LIMIT}`);
    state.records = Array.isArray(records) ? records : [];
    state.errors.records = null;
  } catch (error) {
    if (handleAuthError(error)) {
      return;
    }
    state.errors.records = error;
  }
  state.loaded.records = true;
}

async function load() {
  await Promise.all([loadProfile(), loadRecords()]);
  if (!getSession()) {
    return;
  }
  renderAll();
}

function renderAll() {
  renderProfile();
  renderFlags();
  renderTimeline();
}

function scheduleReload() {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(load, RELOAD_DELAY_MS);
}

function receiveFlag(flag) {
  if (!flag?.flagId || flag.enterpriseCode !== state.code) {
    return;
  }
  if (!state.flags.some((entry) => entry.flag.flagId === flag.flagId)) {
    state.fresh.add(flag.flagId);
    state.flags.push({ flag, evidence: [] });
    renderFlags();
    renderTimeline();
    const card = findByData(byId('enterprise-flags'), 'flagId', flag.flagId);
    if (card) {
      flash(card);
    }
    announce(t('live.announce', { title: localized(flag.title), name: flag.enterpriseName || flag.enterpriseCode }));
  }
  // The new flag came with new records and a new score: fetch them with their evidence.
  scheduleReload();
}

// ---- start ---------------------------------------------------------------------------------------

let feed = null;

function showSignedOut(messageKey) {
  feed?.stop();
  feed = null;
  byId('enterprise-view').hidden = true;
  renderSession();
  showPageMessage(() => el('div', { class: 'alert alert-warning', role: 'status' },
    t(messageKey), ' ',
    el('a', { href: '/' }, t('session.goSignIn'))));
}

function start() {
  const session = getSession();
  if (!session) {
    showSignedOut('session.required');
    return;
  }

  const requested = new URLSearchParams(window.location.search).get('code')?.trim() ?? '';
  state.code = requested || session.enterprise || '';
  if (!state.code) {
    showPageMessage(() => t('enterprise.missingCode'), 'warning');
    return;
  }
  if (!ENTERPRISE_CODE.test(state.code)) {
    showPageMessage(() => t('enterprise.invalidCode', { code: state.code }), 'error');
    return;
  }

  byId('enterprise-view').hidden = false;
  showCaseOpening(state.code);
  renderAll();
  load();
  feed = connectRiskFeed({
    onFlag: receiveFlag,
    onStatus: setLiveStatus,
    onResync: scheduleReload,
    onUnauthorized: () => showSignedOut('session.expired'),
  });
  if (feed.unavailable) {
    showPageMessage(() => t('error.script'), 'warning');
  }
}

initShell({ onSignOut: () => { window.location.href = '/'; } });
onUnauthorized(() => showSignedOut('session.expired'));
onLanguageChange(() => {
  if (state.code && !byId('enterprise-view').hidden) {
    renderAll();
  }
});

byId('timeline-registry').addEventListener('change', (event) => {
  state.registry = event.target.value;
  renderTimeline();
});
byId('enterprise-flags').addEventListener('click', (event) => {
  const button = event.target.closest('[data-show-reference]');
  if (button) {
    showRecord(button.dataset.showReference);
  }
});
byId('record-timeline').addEventListener('click', (event) => {
  const button = event.target.closest('[data-show-flag]');
  if (button) {
    showFlag(button.dataset.showFlag);
  }
});

start();
