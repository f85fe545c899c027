// Inspection cases for the people who work them: the inspector sees the cases of their provinces and,
// on a case, its requests with the enterprise's answers and documents as they arrive; the enterprise
// sees its own cases and answers an awaiting request with text and files. Live by the hub's case notices.
import { api, download, errorBox, onUnauthorized } from './api.js';
import { byId, clear, el, flash } from './dom.js';
import { label, onLanguageChange, t } from './i18n.js';
import { formatDate, formatDateTime } from './format.js';
import { connectRiskFeed, statusIndicator } from './live.js';
import { getSession, hasRole } from './session.js';
import { announce, initShell, renderSession, showPageMessage } from './shell.js';

const caseId = new URLSearchParams(window.location.search).get('id');
const state = { cases: [], file: null, error: null, caseError: null };
let feed = null;

function caseRow(file) {
  return el('tr', { dataset: { caseId: file.id } },
    el('td', {}, el('a', { href: `/cases?id=${encodeURIComponent(file.id)}` }, t('cases.decision', { number: file.decision.number, date: formatDate(file.decision.date) }))),
    el('td', { class: 'code' }, file.enterpriseCode),
    el('td', {}, label('mode', file.mode)),
    el('td', {}, label('caseStatus', file.status)),
    el('td', { class: 'nowrap' }, formatDateTime(file.openedAt)));
}

function documentButton(file, document) {
  const button = el('button', { type: 'button', class: 'btn btn-ghost document', dataset: { sha256: document.sha256 } }, document.fileName);
  button.addEventListener('click', async () => {
    try {
      await download(`/api/cases/${encodeURIComponent(file.id)}/documents/${document.sha256}`, document.fileName);
    } catch (error) {
      state.caseError = error;
      renderCase();
    }
  });
  return button;
}

function answerForm(file, request) {
  const form = el('form', { class: 'answer-form', dataset: { number: String(request.number) } },
    el('label', {}, el('span', {}, t('cases.answer.text')), el('textarea', { name: 'text', rows: '3', maxlength: '4000' })),
    el('label', {}, el('span', {}, t('cases.answer.files')), el('input', { type: 'file', name: 'files', multiple: true })),
    el('button', { type: 'submit', class: 'btn btn-primary' }, t('cases.answer.submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      state.file = await api(`/api/cases/${encodeURIComponent(file.id)}/requests/${request.number}/answers`, { method: 'POST', body: new FormData(form) });
      state.caseError = null;
      announce(t('cases.answer.sent', { number: request.number }));
    } catch (error) {
      state.caseError = error;
    }
    renderCase();
  });
  return form;
}

function requestItem(file, request) {
  const answers = request.answers.map((answer) => el('div', { class: 'answer' },
    el('p', { class: 'small muted' }, t('cases.answeredBy', { time: formatDateTime(answer.answeredAt) })),
    el('p', { class: 'answer-text' }, answer.text),
    el('div', { class: 'documents' }, ...answer.documents.map((document) => documentButton(file, document)))));
  const answering = hasRole(getSession(), 'enterprise') && request.status === 'awaiting' && !['concluded', 'cancelled'].includes(file.status);
  return el('li', { class: ['request', `request-${request.status}`], dataset: { number: String(request.number), status: request.status } },
    el('p', {}, el('strong', {}, request.text)),
    el('p', { class: 'small' }, t('cases.due', { date: formatDate(request.dueOn) }), ' · ', label('requestStatus', request.status)),
    ...answers,
    answering ? answerForm(file, request) : null);
}

function renderCase() {
  const file = state.file;
  const error = clear(byId('case-error'));
  if (state.caseError) {
    error.append(errorBox(state.caseError));
  }
  if (!file) {
    return;
  }
  byId('case-title').textContent = t('cases.decision', { number: file.decision.number, date: formatDate(file.decision.date) });
  byId('case-summary').textContent = t('cases.summary', {
    enterprise: file.enterpriseCode, mode: label('mode', file.mode), status: label('caseStatus', file.status),
    basis: file.decision.legalBasis, deadline: formatDate(file.decision.deadline),
  });
  const requests = clear(byId('case-requests'));
  requests.append(...(file.requests.length ? file.requests.map((request) => requestItem(file, request)) : [el('li', { class: 'muted' }, t('cases.noRequests'))]));
  const findings = clear(byId('case-findings'));
  findings.append(...(file.findings.length ? file.findings.map((finding) => el('li', { class: 'finding' }, finding.text)) : [el('li', { class: 'muted' }, t('cases.noFindings'))]));
  clear(byId('case-conclusion')).append(file.conclusion
    ? el('p', { class: 'alert alert-info' }, t('cases.conclusion', { outcome: label('outcome', file.conclusion.outcome), summary: file.conclusion.summary }))
    : '');
}

function renderList() {
  const error = clear(byId('cases-error'));
  if (state.error) {
    error.append(errorBox(state.error));
  }
  clear(byId('cases-body')).append(...state.cases.map(caseRow));
  byId('cases-empty').hidden = state.cases.length > 0 || Boolean(state.error);
}

async function loadList() {
  try {
    state.cases = await api('/api/cases');
    state.error = null;
  } catch (error) {
    if (error?.status === 403) {
      byId('cases-view').hidden = true;
      showPageMessage(() => el('div', { class: 'alert alert-error', role: 'alert' }, t('cases.forbidden')));
      return;
    }
    state.error = error;
  }
  renderList();
}

async function loadCase() {
  if (!caseId) {
    return;
  }
  try {
    state.file = await api(`/api/cases/${encodeURIComponent(caseId)}`);
    state.caseError = null;
  } catch (error) {
    state.caseError = error;
  }
  byId('case-view').hidden = false;
  renderCase();
}

/** A notice for the case on screen reloads it (and the list); the new answer or request flashes. */
async function onCase(notice) {
  loadList();
  if (notice.caseId !== caseId) {
    return;
  }
  await loadCase();
  const item = notice.requestNumber ? byId('case-requests').querySelector(`li.request[data-number='${notice.requestNumber}']`) : null;
  if (item) {
    flash(item);
  }
}

function showSignedOut(messageKey) {
  byId('cases-view').hidden = true;
  byId('case-view').hidden = true;
  feed?.stop();
  renderSession();
  showPageMessage(() => el('div', { class: 'alert alert-warning', role: 'status' }, t(messageKey), ' ', el('a', { href: '/' }, t('session.goSignIn'))));
}

function start() {
  if (!getSession()) {
    showSignedOut('session.required');
    return;
  }
  byId('cases-view').hidden = false;
  const status = statusIndicator(byId('live-status'));
  feed = connectRiskFeed({ onCase, onStatus: status, onResync: () => { loadList(); loadCase(); }, onUnauthorized: () => showSignedOut('session.expired') });
  loadList();
  loadCase();
}

initShell({ onSignOut: () => { window.location.href = '/'; } });
onUnauthorized(() => showSignedOut('session.expired'));
onLanguageChange(() => {
  renderList();
  renderCase();
});

start();
