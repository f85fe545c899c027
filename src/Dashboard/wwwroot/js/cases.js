// Inspection cases for the people who work them. Without an id: the cases the account may see. With
// one: the case's requests with the enterprise's answers and documents as they arrive, its findings and
// conclusion; the enterprise answers an awaiting request with text and files; the inspector takes every
// other step from forms (request, review, withdraw, mode, finding, conclusion, cancellation) until the
// case is concluded or cancelled, when it is locked and shows none. Live by the hub's case notices.
import { api, download, errorBox, onUnauthorized } from './api.js';
import { byId, clear, el, flash } from './dom.js';
import { label, onLanguageChange, t } from './i18n.js';
import { formatDate, formatDateTime } from './format.js';
import { connectRiskFeed, statusIndicator } from './live.js';
import { getSession, hasRole } from './session.js';
import { announce, initShell, renderSession, showPageMessage } from './shell.js';
import { localized } from './views.js';
import { field, restoreForms, snapshotForms, stepForm, todayInVietnam } from './case-forms.js';

const caseId = new URLSearchParams(window.location.search).get('id');
const MODES = ['remote', 'on-site', 'hybrid'];
const OUTCOMES = ['compliant', 'violation', 'referral', 'sanction-proposed'];
const DEADLINE_KINDS = ['request-due-soon', 'request-overdue'];
const state = { cases: [], file: null, enterprise: null, error: null, caseError: null, refusals: {}, followUps: 1, notices: [] };
let feed = null;

const isLocked = (file) => ['concluded', 'cancelled'].includes(file.status);
const casePath = (file, tail = '') => `/api/cases/${encodeURIComponent(file.id)}${tail}`;

function caseRow(file) {
  return el('tr', { dataset: { caseId: file.id, status: file.status } },
    el('td', {}, el('a', { href: `/cases?id=${encodeURIComponent(file.id)}` }, t('cases.decision', { number: file.decision.number, date: formatDate(file.decision.date) }))),
    el('td', { class: 'code' }, file.enterpriseCode),
    el('td', {}, label('mode', file.mode)),
    el('td', {}, label('caseStatus', file.status)),
    el('td', { class: 'nowrap' }, formatDate(file.decision.deadline)),
    el('td', { class: 'nowrap' }, formatDateTime(file.openedAt)));
}

function documentButton(file, document) {
  const button = el('button', { type: 'button', class: 'btn btn-ghost document', dataset: { sha256: document.sha256 } }, document.fileName);
  button.addEventListener('click', async () => {
    try {
      await download(casePath(file, `/documents/${document.sha256}`), document.fileName);
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
      state.file = await api(casePath(file, `/requests/${request.number}/answers`), { method: 'POST', body: new FormData(form) });
      state.caseError = null;
      announce(t('cases.answer.sent', { number: request.number }));
    } catch (error) {
      state.caseError = error;
    }
    renderCase();
  });
  return form;
}

// ---- the inspector's steps ------------------------------------------------------------------------

/** A form for one step; a refusal stays beside it, a step taken re-renders the case as the API returns it. */
function step(name, children, buttons, submit) {
  return stepForm({
    name,
    children,
    buttons,
    submit,
    error: state.refusals[name],
    onDone: (file) => {
      state.file = file;
      delete state.refusals[name];
      if (name === 'conclude') {
        state.followUps = 1;
      }
      announce(t('cases.step.done'));
      renderCase(new Set([name]));
    },
    onRefused: (error) => {
      if (error?.status === 401) {
        return;
      }
      state.refusals[name] = error;
      renderCase();
    },
  });
}

const post = (file, tail, body) => api(casePath(file, tail), { method: 'POST', body });
const textArea = (name, attributes = {}) => el('textarea', { name, rows: '3', maxlength: '4000', ...attributes });
const dateInput = (name, attributes = {}) => el('input', { type: 'date', name, ...attributes });
const select = (name, options, prefix) => el('select', { name }, options.map((value) => el('option', { value }, label(prefix, value))));

function reviewForms(file, request) {
  const forms = [];
  if (request.status === 'answered') {
    forms.push(step(`review-${request.number}`,
      [field('cases.review.note', textArea('note', { rows: '2' }))],
      [{ key: 'cases.review.accept', value: 'accept' }, { key: 'cases.review.return', value: 'return', kind: 'btn-secondary' }],
      (data, value) => post(file, `/requests/${request.number}/review`, { accept: value === 'accept', note: data.get('note') })));
  }
  if (['awaiting', 'answered'].includes(request.status)) {
    forms.push(step(`withdraw-${request.number}`, [],
      [{ key: 'cases.withdraw.submit', kind: 'btn-secondary' }],
      () => post(file, `/requests/${request.number}/withdraw`)));
  }
  return forms;
}

function requestForm(file) {
  return step('request', [
    el('h4', {}, t('cases.request.title')),
    field('cases.request.text', textArea('text', { required: true })),
    field('cases.request.dueOn', dateInput('dueOn', { required: true, min: todayInVietnam() })),
  ], [{ key: 'cases.request.submit' }], (data) => post(file, '/requests', { text: data.get('text'), dueOn: data.get('dueOn') }));
}

function modeForm(file) {
  return step('mode', [
    el('h4', {}, t('cases.mode.title')),
    field('cases.mode.mode', select('mode', MODES.filter((mode) => mode !== file.mode), 'mode')),
    field('cases.mode.reason', textArea('reason', { required: true, rows: '2' })),
  ], [{ key: 'cases.mode.submit' }], (data) => post(file, '/mode', { mode: data.get('mode'), reason: data.get('reason') }));
}

/** The evidence a finding may rest on: the enterprise's flags and the records behind them, and the documents the answers supplied. */
function evidenceChoices(file) {
  const choices = [];
  for (const entry of state.enterprise?.flags ?? []) {
    const { flag } = entry;
    choices.push({ kind: 'flag', id: flag.flagId, text: t('cases.evidence.flag', { title: localized(flag.title), rule: flag.ruleId }) });
    for (const reference of flag.recordReferences ?? []) {
      if (!choices.some((choice) => choice.kind === 'record' && choice.id === reference)) {
        choices.push({ kind: 'record', id: reference, text: t('cases.evidence.record', { reference }) });
      }
    }
  }
  for (const document of file.requests.flatMap((request) => request.answers).flatMap((answer) => answer.documents)) {
    if (!choices.some((choice) => choice.kind === 'document' && choice.id === document.sha256)) {
      choices.push({ kind: 'document', id: document.sha256, text: t('cases.evidence.document', { name: document.fileName }) });
    }
  }
  return choices;
}

function findingForm(file) {
  const choices = evidenceChoices(file);
  return step('finding', [
    el('h4', {}, t('cases.finding.title')),
    field('cases.finding.text', textArea('text', { required: true })),
    el('label', { class: 'checkbox' }, el('input', { type: 'checkbox', name: 'isViolation', value: 'true' }), ' ', t('cases.finding.isViolation')),
    el('fieldset', { class: 'evidence-choices' },
      el('legend', {}, t('cases.finding.evidence')),
      choices.length
        ? choices.map((choice) => el('label', { class: 'checkbox', dataset: { kind: choice.kind } },
          el('input', { type: 'checkbox', name: 'evidence', value: `${choice.kind}:${choice.id}` }), ' ', choice.text))
        : el('p', { class: 'muted' }, t('cases.finding.noEvidence'))),
  ], [{ key: 'cases.finding.submit' }], (data) => post(file, '/findings', {
    text: data.get('text'),
    isViolation: data.get('isViolation') === 'true',
    evidence: data.getAll('evidence').map((value) => {
      const at = value.indexOf(':');
      return { kind: value.slice(0, at), id: value.slice(at + 1) };
    }),
  }));
}

function concludeForm(file) {
  const rows = Array.from({ length: state.followUps }, (_, index) => el('div', { class: 'follow-up', dataset: { index: String(index) } },
    field('cases.conclude.followUp', el('input', { type: 'text', name: `followUpAction-${index}`, maxlength: '4000' })),
    field('cases.conclude.followUpDue', dateInput(`followUpDue-${index}`))));
  const add = el('button', { type: 'button', class: 'btn btn-secondary add-follow-up' }, t('cases.conclude.addFollowUp'));
  add.addEventListener('click', () => {
    state.followUps += 1;
    renderCase();
  });
  return step('conclude', [
    el('h4', {}, t('cases.conclude.title')),
    field('cases.conclude.outcome', select('outcome', OUTCOMES, 'outcome')),
    field('cases.conclude.summary', textArea('summary', { required: true })),
    el('fieldset', { class: 'follow-ups' }, el('legend', {}, t('cases.conclude.followUps')), rows, add),
  ], [{ key: 'cases.conclude.submit' }], (data) => post(file, '/conclusion', {
    outcome: data.get('outcome'),
    summary: data.get('summary'),
    followUps: Array.from({ length: state.followUps }, (_, index) => ({ action: data.get(`followUpAction-${index}`) ?? '', dueOn: data.get(`followUpDue-${index}`) ?? '' }))
      .filter((followUp) => followUp.action.trim() || followUp.dueOn)
      // An action without a date is sent without one: the API refuses it and says why.
      .map((followUp) => ({ action: followUp.action, dueOn: followUp.dueOn || undefined })),
  }));
}

function cancelForm(file) {
  return step('cancel', [
    el('h4', {}, t('cases.cancel.title')),
    field('cases.cancel.reason', textArea('reason', { required: true, rows: '2' })),
  ], [{ key: 'cases.cancel.submit', kind: 'btn-secondary' }], (data) => post(file, '/cancel', { reason: data.get('reason') }));
}

// ---- rendering ------------------------------------------------------------------------------------

function requestItem(file, request, steps) {
  const answers = request.answers.map((answer) => el('div', { class: 'answer' },
    el('p', { class: 'small muted' }, t('cases.answeredBy', { time: formatDateTime(answer.answeredAt) })),
    el('p', { class: 'answer-text' }, answer.text),
    el('div', { class: 'documents' }, ...answer.documents.map((document) => documentButton(file, document)))));
  const answering = hasRole(getSession(), 'enterprise') && request.status === 'awaiting' && !isLocked(file);
  return el('li', { class: ['request', `request-${request.status}`], dataset: { number: String(request.number), status: request.status } },
    el('p', {}, el('strong', {}, request.text)),
    el('p', { class: 'small' }, t('cases.due', { date: formatDate(request.dueOn) }), ' · ', label('requestStatus', request.status),
      ...deadlineBadges(file, request)),
    request.reviewNote ? el('p', { class: 'review-note' }, t('cases.review.noted', { note: request.reviewNote })) : null,
    ...answers,
    answering ? answerForm(file, request) : null,
    steps ? reviewForms(file, request) : null);
}

/** The deadline notices the case has sent about a request (due soon, overdue), as badges. */
function deadlineBadges(file, request) {
  return (file.deadlineNotices ?? [])
    .filter((notice) => notice.requestNumber === request.number && notice.dueOn === request.dueOn)
    .map((notice) => [' ', el('span', { class: ['badge', 'deadline-badge', `deadline-${notice.kind}`], dataset: { kind: notice.kind } }, t(`cases.deadline.${notice.kind}`))]);
}

/** The deadline notices heard live on this page, newest first, each linking to its case. */
function renderNotices() {
  clear(byId('case-notices')).append(...state.notices.map((notice) => el('div', {
    class: ['alert', notice.kind === 'request-overdue' ? 'alert-error' : 'alert-warning', 'case-notice'],
    role: 'status',
    dataset: { kind: notice.kind, caseId: notice.caseId, request: String(notice.requestNumber ?? '') },
  }, t(`cases.notice.${notice.kind}`, { number: notice.requestNumber, date: formatDate(notice.dueOn), enterprise: notice.enterpriseCode }), ' ',
  notice.caseId === caseId ? null : el('a', { href: `/cases?id=${encodeURIComponent(notice.caseId)}` }, t('cases.notice.open')))));
}

function findingItem(finding) {
  return el('li', { class: 'finding', dataset: { number: String(finding.number), violation: String(finding.isViolation) } },
    el('p', {}, finding.isViolation ? el('span', { class: 'badge sev-high' }, t('cases.finding.violation')) : null, ' ', finding.text),
    el('ul', { class: 'evidence-list small' }, finding.evidence.map((evidence) =>
      el('li', { dataset: { kind: evidence.kind } }, label('evidenceKind', evidence.kind), ': ', el('code', {}, evidence.id)))));
}

function conclusionBlock(file) {
  if (file.conclusion) {
    return el('div', { class: 'alert alert-info conclusion', dataset: { outcome: file.conclusion.outcome } },
      el('p', {}, t('cases.conclusion', { outcome: label('outcome', file.conclusion.outcome), summary: file.conclusion.summary })),
      file.conclusion.followUps.length > 0 && el('ul', {}, file.conclusion.followUps.map((followUp) =>
        el('li', {}, t('cases.followUp', { action: followUp.action, date: formatDate(followUp.dueOn) })))));
  }
  return file.cancelledBecause ? el('p', { class: 'alert alert-info' }, t('cases.cancelled', { reason: file.cancelledBecause })) : '';
}

function renderCase(justTaken = new Set()) {
  const file = state.file;
  const error = clear(byId('case-error'));
  if (state.caseError) {
    error.append(errorBox(state.caseError));
  }
  if (!file) {
    return;
  }
  const view = byId('case-view');
  view.dataset.status = file.status;
  view.dataset.locked = String(isLocked(file));
  const typed = snapshotForms(view);
  const steps = hasRole(getSession(), 'inspector') && !isLocked(file);
  byId('case-title').textContent = t('cases.decision', { number: file.decision.number, date: formatDate(file.decision.date) });
  byId('case-summary').textContent = t('cases.summary', {
    enterprise: file.enterpriseCode, mode: label('mode', file.mode), status: label('caseStatus', file.status),
    basis: file.decision.legalBasis, deadline: formatDate(file.decision.deadline),
  });
  clear(byId('case-locked')).append(isLocked(file) ? el('p', { class: 'alert alert-warning', role: 'status' }, t('cases.locked')) : '');
  const requests = clear(byId('case-requests'));
  requests.append(...(file.requests.length ? file.requests.map((request) => requestItem(file, request, steps)) : [el('li', { class: 'muted' }, t('cases.noRequests'))]));
  const findings = clear(byId('case-findings'));
  findings.append(...(file.findings.length ? file.findings.map(findingItem) : [el('li', { class: 'muted' }, t('cases.noFindings'))]));
  clear(byId('case-conclusion')).append(conclusionBlock(file));
  clear(byId('case-actions')).append(...(steps
    ? [el('h3', {}, t('cases.steps')), requestForm(file), findingForm(file), modeForm(file), concludeForm(file), cancelForm(file)]
    : []));
  restoreForms(view, typed, justTaken);
}

function renderList() {
  const error = clear(byId('cases-error'));
  if (state.error) {
    error.append(errorBox(state.error));
  }
  clear(byId('cases-body')).append(...state.cases.map(caseRow));
  byId('cases-empty').hidden = state.cases.length > 0 || Boolean(state.error);
}

// ---- loading --------------------------------------------------------------------------------------

async function loadList() {
  if (caseId) {
    return;
  }
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

/** The enterprise's flags and their records, which an inspector's finding may rest on. */
async function loadEvidence() {
  if (!state.file || !hasRole(getSession(), 'inspector') || isLocked(state.file) || state.enterprise) {
    return;
  }
  try {
    state.enterprise = await api(`/api/enterprises/${encodeURIComponent(state.file.enterpriseCode)}`);
  } catch (error) {
    state.caseError = error;
  }
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
  await loadEvidence();
  byId('case-view').hidden = false;
  renderCase();
}

/** A notice for the case on screen reloads it; the request it is about flashes; a deadline notice also shows as a banner. */
async function onCase(notice) {
  if (DEADLINE_KINDS.includes(notice.kind)) {
    state.notices = [notice, ...state.notices.filter((shown) => !(shown.caseId === notice.caseId && shown.requestNumber === notice.requestNumber))];
    renderNotices();
    announce(t(`cases.notice.${notice.kind}`, { number: notice.requestNumber, date: formatDate(notice.dueOn), enterprise: notice.enterpriseCode }));
  }
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
  byId('cases-view').hidden = Boolean(caseId);
  const status = statusIndicator(byId('live-status'));
  feed = connectRiskFeed({ onCase, onStatus: status, onResync: () => { loadList(); loadCase(); }, onUnauthorized: () => showSignedOut('session.expired') });
  loadList();
  loadCase();
}

initShell({ onSignOut: () => { window.location.href = '/'; } });
onUnauthorized(() => showSignedOut('session.expired'));
onLanguageChange(() => {
  renderNotices();
  renderList();
  renderCase();
});

start();
