// Periodic reports, submitted once. The enterprise's compliance officer sees the periods it owes, opens a
// period's form pre-filled with what the registries already know, mends the fields the checks reject,
// explains the differences they ask about, and keeps the receipt. Staff see the receipts in their scope.
import { api, errorBox } from './api.js';
import { byId, clear, el } from './dom.js';
import { label, language, onLanguageChange, t } from './i18n.js';
import { formatDate, formatDateTime, formatPeriod } from './format.js';
import { getSession, hasRole } from './session.js';
import { announce, initShell, renderSession, showPageMessage } from './shell.js';

const query = new URLSearchParams(window.location.search);
const state = {
  templates: [], obligations: [], receipts: [], errors: { obligations: null, receipts: null, report: null },
  open: null, // { template, period, prefill }
  problems: [], questions: [], receipt: null, values: {}, explanations: {},
};

const text = (localized) => (localized ? localized[language()] ?? localized.vi : '');
const templateTitle = (id) => text(state.templates.find((template) => template.id === id)?.title) || id;

function errorInto(id, error) {
  const host = clear(byId(id));
  if (error) {
    host.append(errorBox(error));
  }
}

// ---- the enterprise's periods ---------------------------------------------------------------------

function obligationRow(obligation) {
  const open = el('button', { type: 'button', class: 'btn btn-ghost open-report' },
    t(obligation.receiptNumber ? 'reports.correct' : 'reports.fill'));
  open.addEventListener('click', () => openReport(obligation.templateId, obligation.period));
  return el('tr', { dataset: { period: obligation.period, status: obligation.status } },
    el('td', {}, templateTitle(obligation.templateId)),
    el('td', {}, formatPeriod(obligation.period)),
    el('td', { class: 'nowrap' }, formatDate(obligation.dueDate)),
    el('td', {}, el('span', { class: ['badge', `obligation-${obligation.status}`] }, label('obligation', obligation.status))),
    el('td', { class: 'code' }, obligation.receiptNumber ?? '', ' ', open));
}

function renderObligations() {
  errorInto('obligations-error', state.errors.obligations);
  clear(byId('obligations-body')).append(...state.obligations.map(obligationRow));
  byId('obligations-empty').hidden = state.obligations.length > 0 || Boolean(state.errors.obligations);
}

async function loadObligations() {
  try {
    state.obligations = await api('/api/reports/obligations');
    state.errors.obligations = null;
  } catch (error) {
    state.errors.obligations = error;
  }
  renderObligations();
}

// ---- one period's form ----------------------------------------------------------------------------

function inputFor(field, value) {
  const attributes = { id: `field-${field.name}`, name: field.name, required: field.required, 'aria-describedby': `error-${field.name}` };
  if (field.type === 'text') {
    return el('textarea', { ...attributes, rows: '2', maxlength: String(field.maxLength ?? 2000) }, value ?? '');
  }
  if (field.type === 'date') {
    return el('input', { ...attributes, type: 'date', value: value ?? '' });
  }
  // Numbers are typed with a decimal point whatever the language: what the API reads is what was typed.
  return el('input', { ...attributes, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: value ?? '' });
}

function fieldRow(field) {
  const prefilled = state.open.prefill.values[field.name];
  const value = field.name in state.values ? state.values[field.name] : prefilled?.value ?? state.open.prefill.submitted?.[field.name] ?? '';
  const problems = state.problems.filter((problem) => problem.field === field.name);
  return el('div', { class: ['form-field', problems.length ? 'has-error' : null], dataset: { field: field.name } },
    el('label', { for: `field-${field.name}` }, text(field.label), field.unit ? ` (${field.unit})` : '', field.required ? ' *' : ''),
    inputFor(field, value),
    prefilled ? el('p', { class: 'small muted prefilled' }, t('reports.prefilled', { registry: label('registry', prefilled.registry) })) : null,
    el('p', { id: `error-${field.name}`, class: 'field-error', dataset: { field: field.name } }, ...problems.map((problem) => text(problem.message))));
}

function questionRow(question) {
  return el('div', { class: 'form-field question', dataset: { check: question.checkId } },
    el('p', { class: 'alert alert-warning' }, text(question.message)),
    el('label', { for: `explain-${question.checkId}` }, t('reports.explain')),
    el('textarea', { id: `explain-${question.checkId}`, name: `explain:${question.checkId}`, rows: '3', maxlength: '4000', required: true },
      state.explanations[question.checkId] ?? ''));
}

function renderReport() {
  const open = state.open;
  byId('report-view').hidden = !open;
  errorInto('report-error', state.errors.report);
  if (!open) {
    return;
  }
  byId('report-title').textContent = t('reports.formTitle', { title: text(open.template.title), period: formatPeriod(open.period), due: formatDate(open.prefill.dueDate) });
  byId('report-basis').textContent = open.template.legalBasis;
  const general = state.problems.filter((problem) => !open.template.fields.some((field) => field.name === problem.field));
  clear(byId('report-fields')).append(
    ...general.map((problem) => el('p', { class: 'alert alert-error field-error', dataset: { field: problem.field } }, text(problem.message))),
    ...open.template.fields.map(fieldRow));
  clear(byId('report-questions')).append(...state.questions.map(questionRow));
  byId('report-form').hidden = false;
  const receipt = state.receipt;
  clear(byId('report-receipt')).append(receipt
    ? el('div', { class: 'alert alert-success receipt', role: 'status', dataset: { number: receipt.number } },
      el('strong', {}, t('reports.received', { number: receipt.number })),
      el('p', {}, t('reports.receivedAt', { time: formatDateTime(receipt.submittedAt), version: receipt.version })),
      receipt.late ? el('p', { class: 'late' }, t('reports.late', { due: formatDate(receipt.dueDate) })) : null,
      el('p', { class: 'small' }, t('reports.hash'), ' ', el('code', { class: 'sha256' }, receipt.sha256)))
    : '');
}

async function openReport(templateId, period) {
  state.errors.report = null;
  state.problems = [];
  state.questions = [];
  state.receipt = null;
  state.values = {};
  state.explanations = {};
  try {
    const template = state.templates.find((known) => known.id === templateId) ?? await api(`/api/reports/templates/${encodeURIComponent(templateId)}`);
    const prefill = await api(`/api/reports/prefill?template=${encodeURIComponent(templateId)}&period=${encodeURIComponent(period)}`);
    state.open = { template, period: prefill.period, prefill };
  } catch (error) {
    state.open = null;
    state.errors.report = error;
    byId('report-view').hidden = false;
  }
  renderReport();
  byId('report-view').scrollIntoView({ block: 'start' });
}

function readForm() {
  const form = new FormData(byId('report-form'));
  state.values = {};
  state.explanations = {};
  for (const [name, value] of form.entries()) {
    if (name.startsWith('explain:')) {
      state.explanations[name.slice('explain:'.length)] = String(value);
    } else {
      state.values[name] = String(value);
    }
  }
}

async function submitReport(event) {
  event.preventDefault();
  readForm();
  const { template, period } = state.open;
  try {
    state.receipt = await api('/api/reports', {
      method: 'POST',
      body: { template: template.id, period, values: state.values, explanations: state.explanations, channel: 'portal' },
    });
    state.problems = [];
    state.questions = [];
    state.errors.report = null;
    announce(t('reports.received', { number: state.receipt.number }));
    loadObligations();
  } catch (error) {
    state.receipt = null;
    state.problems = error?.problem?.reportErrors ?? [];
    state.questions = error?.problem?.questions ?? [];
    // Field errors and questions are shown where they belong; anything else above the form.
    state.errors.report = state.problems.length || state.questions.length ? null : error;
  }
  renderReport();
}

// ---- staff: the receipts --------------------------------------------------------------------------

function receiptRow(receipt) {
  return el('tr', { dataset: { number: receipt.number } },
    el('td', { class: 'code' }, receipt.number),
    el('td', { class: 'code' }, el('a', { href: `/enterprise?code=${encodeURIComponent(receipt.enterpriseCode)}` }, receipt.enterpriseCode)),
    el('td', {}, templateTitle(receipt.templateId)),
    el('td', {}, formatPeriod(receipt.period)),
    el('td', { class: 'nowrap' }, formatDateTime(receipt.submittedAt)),
    el('td', {}, label('obligation', receipt.late ? 'received-late' : 'received')));
}

function renderReceipts() {
  errorInto('receipts-error', state.errors.receipts);
  clear(byId('receipts-body')).append(...state.receipts.map(receiptRow));
  byId('receipts-empty').hidden = state.receipts.length > 0 || Boolean(state.errors.receipts);
}

async function loadReceipts() {
  try {
    state.receipts = await api('/api/reports');
    state.errors.receipts = null;
  } catch (error) {
    state.errors.receipts = error;
  }
  renderReceipts();
}

// ---- the page -------------------------------------------------------------------------------------

function showSignedOut(messageKey) {
  for (const id of ['obligations-view', 'report-view', 'receipts-view']) {
    byId(id).hidden = true;
  }
  renderSession();
  showPageMessage(() => el('div', { class: 'alert alert-warning', role: 'status' }, t(messageKey), ' ', el('a', { href: '/' }, t('session.goSignIn'))));
}

async function start() {
  const session = getSession();
  if (!session) {
    showSignedOut('session.required');
    return;
  }
  try {
    state.templates = await api('/api/reports/templates');
  } catch (error) {
    state.errors.obligations = error;
  }
  if (hasRole(session, 'enterprise')) {
    byId('obligations-view').hidden = false;
    await loadObligations();
    if (query.get('template') && query.get('period')) {
      await openReport(query.get('template'), query.get('period'));
    }
  } else {
    byId('receipts-view').hidden = false;
    await loadReceipts();
  }
}

byId('report-form').addEventListener('submit', submitReport);
initShell({ onSignOut: () => { window.location.href = '/'; } });
onLanguageChange(() => {
  if (state.open) {
    readForm();
  }
  renderObligations();
  renderReport();
  renderReceipts();
});

start();
