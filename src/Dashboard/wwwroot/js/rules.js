// The rule pack in force: every rule version with its stage, validity, severity, the registries it
// reads and what it found (on dry run: would have flagged). An administrator promotes a dry-run
// version here, after confirming it on the row; the promotion is audited by the server.
import { api, errorBox, onUnauthorized } from './api.js';
import { byId, clear, el, flash } from './dom.js';
import { label, language, onLanguageChange, t } from './i18n.js';
import { formatDate, formatNumber } from './format.js';
import { getSession, hasRole } from './session.js';
import { announce, initShell, renderSession, showPageMessage } from './shell.js';

const RULES_PATH = '/api/rules';

const state = {
  pack: null,
  error: null,
  confirming: null,
  busy: null,
  notice: null,
};

const key = (rule) => `${rule.ruleId}@${rule.version}`;

function button(text, className, onClick) {
  const node = el('button', { type: 'button', class: className }, text);
  node.addEventListener('click', onClick);
  return node;
}

function validity(rule) {
  return rule.validTo
    ? t('rules.between', { from: formatDate(rule.validFrom), to: formatDate(rule.validTo) })
    : t('rules.from', { from: formatDate(rule.validFrom) });
}

function foundCell(rule) {
  const counts = { flags: formatNumber(rule.flags), enterprises: formatNumber(rule.enterprises) };
  return el('td', { class: 'nowrap found' }, rule.stage === 'dry-run' ? t('rules.wouldFlag', counts) : t('rules.flagged', counts));
}

function actionCell(rule) {
  if (rule.stage !== 'dry-run' || !hasRole(getSession(), 'admin')) {
    return el('td', { class: 'muted' }, t('none'));
  }
  if (state.busy === key(rule)) {
    return el('td', {}, el('span', { class: 'muted' }, t('rules.promoting')));
  }
  if (state.confirming === key(rule)) {
    return el('td', { class: 'confirm' },
      el('p', { class: 'small' }, t('rules.confirm', { version: rule.version, rule: rule.ruleId, from: formatDate(rule.validFrom) })),
      button(t('rules.confirmYes'), 'btn btn-primary promote-confirm', () => promote(rule)),
      ' ',
      button(t('rules.confirmNo'), 'btn btn-ghost promote-cancel', () => {
        state.confirming = null;
        render();
      }));
  }
  return el('td', {}, button(t('rules.promote'), 'btn promote', () => {
    state.confirming = key(rule);
    render();
  }));
}

function ruleRow(rule) {
  const title = language() === 'en' ? rule.title?.en : rule.title?.vi;
  return el('tr', { class: ['rule-row', `stage-${rule.stage}`], dataset: { rule: rule.ruleId, version: String(rule.version), stage: rule.stage } },
    el('td', {},
      el('span', { class: 'rule-title' }, title ?? rule.ruleId),
      el('span', { class: 'code' }, rule.ruleId),
      el('details', { class: 'legal-basis small' }, el('summary', {}, t('flag.legalBasis')), el('p', {}, rule.legalBasis))),
    el('td', { class: 'num' }, String(rule.version)),
    el('td', {}, el('span', { class: ['badge', `stage-badge-${rule.stage}`] }, label('stage', rule.stage))),
    el('td', { class: 'nowrap' }, validity(rule)),
    el('td', {}, label('severity', rule.severity)),
    el('td', {}, (rule.registries ?? []).map((registry) => label('registry', registry)).join(', ')),
    foundCell(rule),
    actionCell(rule));
}

function render() {
  const host = clear(byId('rules-error'));
  if (state.error) {
    host.append(errorBox(state.error));
  }
  clear(byId('rules-notice'));
  if (state.notice) {
    byId('rules-notice').append(el('div', { class: 'alert alert-info' }, t(state.notice.key, state.notice.values)));
  }
  byId('rules-loading').hidden = Boolean(state.pack) || Boolean(state.error);
  byId('rules-pack').textContent = state.pack
    ? t('rules.pack', { id: state.pack.packId, version: state.pack.packVersion, promotions: formatNumber(state.pack.promotions) })
    : '';
  clear(byId('rules-body')).append(...(state.pack?.rules ?? []).map(ruleRow));
}

async function load() {
  try {
    state.pack = await api(RULES_PATH);
    state.error = null;
  } catch (error) {
    if (error?.status === 403) {
      showForbidden();
      return;
    }
    state.error = error;
  }
  render();
}

async function promote(rule) {
  state.busy = key(rule);
  state.confirming = null;
  render();
  try {
    state.pack = await api(`${RULES_PATH}/${encodeURIComponent(rule.ruleId)}/versions/${rule.version}/promote`, { method: 'POST' });
    state.error = null;
    state.notice = { key: 'rules.promoted', values: { version: rule.version, rule: rule.ruleId } };
    announce(t('rules.promoted', { version: rule.version, rule: rule.ruleId }));
  } catch (error) {
    state.error = error;
  } finally {
    state.busy = null;
  }
  render();
  const row = [...byId('rules-body').children].find((node) => node.dataset.rule === rule.ruleId && node.dataset.version === String(rule.version));
  if (row) {
    flash(row);
  }
}

function showForbidden() {
  byId('rules-view').hidden = true;
  showPageMessage(() => el('div', { id: 'rules-forbidden', class: 'alert alert-error', role: 'alert' }, t('rules.forbidden')));
}

function showSignedOut(messageKey) {
  byId('rules-view').hidden = true;
  renderSession();
  showPageMessage(() => el('div', { class: 'alert alert-warning', role: 'status' }, t(messageKey), ' ', el('a', { href: '/' }, t('session.goSignIn'))));
}

function start() {
  if (!getSession()) {
    showSignedOut('session.required');
    return;
  }
  byId('rules-view').hidden = false;
  render();
  load();
}

initShell({ onSignOut: () => { window.location.href = '/'; } });
onUnauthorized(() => showSignedOut('session.expired'));
onLanguageChange(() => {
  if (!byId('rules-view').hidden) {
    render();
  }
});

start();
