// Small pieces both pages render the same way: localized rule texts, severity and tier badges, links.
import { el, enterpriseHref } from './dom.js';
import { label, language, t } from './i18n.js';
import { formatDateTime } from './format.js';

const CSS_TOKEN = /[^a-z0-9-]/g;

/** A LocalizedText ({vi, en}) in the current language, falling back to the other. */
export function localized(text) {
  if (!text || typeof text !== 'object') {
    return text ? String(text) : '';
  }
  return text[language()] || text.vi || text.en || '';
}

function token(value) {
  return String(value ?? 'unknown').toLowerCase().replace(CSS_TOKEN, '');
}

export function severityBadge(severity) {
  return el('span', { class: ['badge', `sev-${token(severity)}`] }, label('severity', severity));
}

export function tierBadge(tier) {
  return el('span', { class: ['badge', `tier-${token(tier)}`] }, label('tier', tier));
}

export function statusText(status) {
  return el('span', { class: ['status', `status-${token(status)}`] }, label('status', status));
}

export function timeNode(value) {
  return el('time', { datetime: value ?? null }, formatDateTime(value));
}

export function enterpriseCell(name, code) {
  return [
    el('a', { class: 'enterprise-link', href: enterpriseHref(code) }, name || code),
    el('span', { class: 'code' }, code),
  ];
}

export function ruleCaption(flag) {
  return el('span', { class: 'rule-id' }, `${flag.ruleId} · ${t('flag.ruleVersion', { version: flag.ruleVersion })}`);
}

/** Province shown by name when the page has seen it, otherwise by code. */
export function provinceText(code, names) {
  const name = names?.get(code);
  return name ? `${name} (${code})` : (code || t('none'));
}
