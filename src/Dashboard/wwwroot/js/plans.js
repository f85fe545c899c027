// The inspection plan (kế hoạch thanh tra, kiểm tra) for a period: the list of plans, a proposal drawn
// from the risk queue of the chosen provinces, and one plan's entries with why each was chosen and a
// warning where another agency already plans the same enterprise on the same topic. Inspectors and
// administrators edit a draft; leadership approves it. What may be done is the server's to decide.
import { api, errorBox, onUnauthorized } from './api.js';
import { byId, clear, el, enterpriseHref } from './dom.js';
import { knownCodes, label, onLanguageChange, t } from './i18n.js';
import { formatDate, formatNumber, formatScore } from './format.js';
import { getSession, hasRole } from './session.js';
import { initShell, renderSession, showPageMessage } from './shell.js';

const planId = new URLSearchParams(window.location.search).get('id');
const MODES = ['remote', 'on-site', 'hybrid'];
const state = { plans: [], plan: null, error: null };

const canEdit = () => hasRole(getSession(), 'inspector') || hasRole(getSession(), 'admin');
const canApprove = () => hasRole(getSession(), 'leadership');
const period = (plan) => `${formatDate(plan.periodFrom)} – ${formatDate(plan.periodTo)}`;

function options(select, prefix, codes, selected) {
  clear(select).append(...codes.map((code) => el('option', { value: code, selected: code === selected }, label(prefix, code))));
  return select;
}

function planRow(plan) {
  return el('tr', { dataset: { planId: plan.id, status: plan.status } },
    el('td', {}, el('a', { href: `/plans?id=${encodeURIComponent(plan.id)}` }, plan.title)),
    el('td', {}, plan.agency),
    el('td', { class: 'nowrap' }, period(plan)),
    el('td', {}, plan.provinces.join(', ')),
    el('td', { class: 'num' }, formatNumber(plan.entries.length)),
    el('td', {}, label('planStatus', plan.status)));
}

function reasonCell(reason) {
  if (reason.kind === 'manual') {
    return el('td', { class: 'reason reason-manual' }, el('strong', {}, t('plans.reason.manual')), ' ', reason.note);
  }
  const why = reason.riskReasons.map((r) => r.code).join(', ');
  return el('td', { class: 'reason reason-risk' },
    el('strong', {}, t('plans.reason.risk', { rank: reason.rank, score: formatScore(reason.riskScore) })), ' ',
    label('tier', reason.riskTier),
    why && el('div', { class: 'small muted' }, why));
}

function conflictNote(conflict) {
  return el('li', { class: 'conflict', dataset: { planId: conflict.planId } },
    t('plans.conflict', {
      agency: conflict.agency,
      plan: conflict.title,
      status: label('planStatus', conflict.status),
      period: `${formatDate(conflict.periodFrom)} – ${formatDate(conflict.periodTo)}`,
      entry: conflict.entryNumber,
    }));
}

async function change(path, options) {
  try {
    state.plan = await api(path, options);
    state.error = null;
  } catch (error) {
    state.error = error;
  }
  renderPlan();
}

function entryRows(plan, entry) {
  const base = `/api/plans/${encodeURIComponent(plan.id)}/entries/${entry.number}`;
  const editable = canEdit() && plan.status === 'draft';
  const mode = editable
    ? options(el('select', { class: 'entry-mode', 'aria-label': t('plans.col.mode') }), 'mode', MODES, entry.mode)
    : label('mode', entry.mode);
  if (editable) {
    mode.addEventListener('change', () => change(base, { method: 'PATCH', body: { mode: mode.value } }));
  }
  const remove = editable && el('button', { type: 'button', class: 'btn btn-link entry-remove' }, t('plans.remove'));
  if (remove) {
    remove.addEventListener('click', () => change(base, { method: 'DELETE' }));
  }
  const running = entry.cases.find((c) => c.status !== 'cancelled');
  const caseCell = running
    ? el('a', { href: `/cases?id=${encodeURIComponent(running.caseId)}` }, label('caseStatus', running.status))
    : el('a', { class: 'open-case', href: enterpriseHref(entry.enterpriseCode) }, t('plans.openCase'));
  const conflicted = entry.conflicts.length > 0;
  const row = el('tr', { class: conflicted ? 'entry has-conflict' : 'entry', dataset: { number: String(entry.number), enterpriseCode: entry.enterpriseCode, topic: entry.topic } },
    el('td', { class: 'num' }, String(entry.number)),
    el('td', {}, el('a', { class: 'enterprise-link', href: enterpriseHref(entry.enterpriseCode) }, entry.enterpriseName || entry.enterpriseCode),
      el('span', { class: 'code' }, entry.enterpriseCode)),
    el('td', {}, label('topic', entry.topic)),
    reasonCell(entry.reason),
    el('td', {}, entry.plannedIn),
    el('td', {}, mode),
    el('td', {}, caseCell),
    el('td', {}, remove));
  if (!conflicted) {
    return [row];
  }
  return [row, el('tr', { class: 'conflict-row', dataset: { number: String(entry.number) } },
    el('td', { colspan: '8' }, el('div', { class: 'alert alert-warning', role: 'note' },
      el('strong', {}, t('plans.conflictTitle')), el('ul', {}, ...entry.conflicts.map(conflictNote)))))];
}

function renderPlan() {
  const plan = state.plan;
  const error = clear(byId('plan-error'));
  if (state.error) {
    error.append(errorBox(state.error));
  }
  if (!plan) {
    return;
  }
  byId('plan-title').textContent = plan.title;
  byId('plan-summary').textContent = t('plans.summary', {
    agency: plan.agency, period: period(plan), provinces: plan.provinces.join(', '),
    topics: plan.topics.map((topic) => label('topic', topic)).join(', '), status: label('planStatus', plan.status),
  });
  byId('plan-progress').textContent = t('plans.progress', plan.progress);
  byId('plan-view').dataset.status = plan.status;
  clear(byId('plan-entries')).append(...plan.entries.flatMap((entry) => entryRows(plan, entry)));
  byId('plan-empty').hidden = plan.entries.length > 0;
  byId('entry-form').hidden = !(canEdit() && plan.status === 'draft');
  byId('plan-approve').hidden = !(canApprove() && plan.status === 'draft');
}

function renderList() {
  const error = clear(byId('plans-error'));
  if (state.error) {
    error.append(errorBox(state.error));
  }
  clear(byId('plans-body')).append(...state.plans.map(planRow));
  byId('plans-empty').hidden = state.plans.length > 0 || Boolean(state.error);
  byId('propose-form').hidden = !canEdit();
}

function renderForms() {
  options(byId('propose-mode'), 'mode', MODES, byId('propose-mode').value || 'remote');
  options(byId('entry-mode'), 'mode', MODES, byId('entry-mode').value || 'remote');
  options(byId('entry-topic'), 'topic', knownCodes('topic'), byId('entry-topic').value || 'tax');
  const chosen = new Set([...document.querySelectorAll('#propose-topics input:checked')].map((box) => box.value));
  clear(byId('propose-topics')).append(...knownCodes('topic').map((topic) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', name: 'topics', value: topic, checked: chosen.size === 0 ? topic === 'tax' : chosen.has(topic) }), ' ', label('topic', topic))));
}

function forbidden() {
  byId('plans-view').hidden = true;
  byId('plan-view').hidden = true;
  showPageMessage(() => el('div', { id: 'plans-forbidden', class: 'alert alert-error', role: 'alert' }, t('plans.forbidden')));
}

async function loadList() {
  try {
    state.plans = await api('/api/plans');
    state.error = null;
  } catch (error) {
    if (error?.status === 403) {
      forbidden();
      return;
    }
    state.error = error;
  }
  renderList();
}

async function loadPlan() {
  try {
    state.plan = await api(`/api/plans/${encodeURIComponent(planId)}`);
    state.error = null;
  } catch (error) {
    if (error?.status === 403) {
      forbidden();
      return;
    }
    state.error = error;
  }
  renderPlan();
}

async function propose(event) {
  event.preventDefault();
  const body = {
    agency: byId('propose-agency').value.trim(),
    title: byId('propose-title').value.trim() || null,
    year: Number(byId('propose-year').value),
    provinces: byId('propose-provinces').value.split(',').map((code) => code.trim()).filter(Boolean),
    topics: [...document.querySelectorAll('#propose-topics input:checked')].map((box) => box.value),
    size: Number(byId('propose-size').value),
    mode: byId('propose-mode').value,
  };
  try {
    const plan = await api('/api/plans', { method: 'POST', body });
    window.location.href = `/plans?id=${encodeURIComponent(plan.id)}`;
  } catch (error) {
    state.error = error;
    renderList();
  }
}

async function addEntry(event) {
  event.preventDefault();
  await change(`/api/plans/${encodeURIComponent(planId)}/entries`, {
    method: 'POST',
    body: {
      enterpriseCode: byId('entry-code').value.trim(),
      topic: byId('entry-topic').value,
      plannedIn: byId('entry-planned').value.trim(),
      mode: byId('entry-mode').value,
      note: byId('entry-note').value.trim(),
    },
  });
}

function showSignedOut(messageKey) {
  byId('plans-view').hidden = true;
  byId('plan-view').hidden = true;
  renderSession();
  showPageMessage(() => el('div', { class: 'alert alert-warning', role: 'status' }, t(messageKey), ' ', el('a', { href: '/' }, t('session.goSignIn'))));
}

function start() {
  const session = getSession();
  if (!session) {
    showSignedOut('session.required');
    return;
  }
  renderForms();
  if (planId) {
    byId('plan-view').hidden = false;
    byId('entry-form').addEventListener('submit', addEntry);
    byId('plan-approve').addEventListener('click', () => change(`/api/plans/${encodeURIComponent(planId)}/approve`, { method: 'POST' }));
    loadPlan();
    return;
  }
  byId('plans-view').hidden = false;
  byId('propose-year').value = String(new Date().getFullYear() + 1);
  byId('propose-provinces').value = session.provinces.join(',');
  byId('propose-form').addEventListener('submit', propose);
  renderList();
  loadList();
}

initShell({ onSignOut: () => { window.location.href = '/'; } });
onUnauthorized(() => showSignedOut('session.expired'));
onLanguageChange(() => {
  renderForms();
  if (planId) {
    renderPlan();
  } else if (!byId('plans-view').hidden) {
    renderList();
  }
});

start();
