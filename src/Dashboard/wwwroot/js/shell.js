// What every page shares: the header (the language switch, who is signed in, the role-aware navigation,
// sign-out) and page-level messages.
import { applyI18n, language, label, onLanguageChange, setLanguage, t } from './i18n.js';
import { clearSession, getSession, hasRole, STAFF_ROLES } from './session.js';
import { byId, clear, el } from './dom.js';

/**
 * The header's links, in order, each with the roles that see it. Staff pages stay staff-only; an
 * enterprise account sees the pages about its own data. A new page joins the navigation with one entry.
 */
export const NAV_LINKS = [
  { id: 'nav-queue', href: '/', key: 'nav.queue', roles: STAFF_ROLES },
  { id: 'nav-registries', href: '/registries', key: 'nav.registries', roles: STAFF_ROLES },
  { id: 'nav-rules', href: '/rules', key: 'nav.rules', roles: STAFF_ROLES },
  { id: 'nav-plans', href: '/plans', key: 'nav.plans', roles: STAFF_ROLES },
  { id: 'nav-cases', href: '/cases', key: 'nav.cases', roles: [...STAFF_ROLES, 'enterprise'] },
  { id: 'nav-ratio', href: '/ratio', key: 'nav.ratio', roles: STAFF_ROLES },
  { id: 'nav-reports', href: '/reports', key: 'nav.reports', roles: [...STAFF_ROLES, 'enterprise'] },
];

/** The links a session sees: those naming one of its roles. */
export function navLinksFor(session) {
  return NAV_LINKS.filter((link) => link.roles.some((role) => hasRole(session, role)));
}

/**
 * The header every page shares, built here once rather than written into each page (a page holds an
 * empty <header class="app-header">, with data-brand="heading" where the title is its h1): the brand,
 * the role-aware navigation, who is signed in, and the language switch. Built when this module loads,
 * before a page's own script runs, so that its elements are there for it.
 */
function renderHeader() {
  const header = document.querySelector('header.app-header');
  const heading = header.dataset.brand === 'heading';
  const translated = (tag, key, attributes = {}) => el(tag, { ...attributes, 'data-i18n': key }, t(key));
  header.replaceChildren(el('div', { class: 'app-header-inner' },
    el('a', { class: 'brand', href: '/' },
      el('img', { class: 'emblem', src: '/favicon.svg', alt: '', width: 44, height: 44 }),
      el('div', { class: 'brand-text' },
        translated(heading ? 'h1' : 'span', 'app.title', { id: heading ? 'app-title' : null, class: 'brand-title' }),
        translated('span', 'app.subtitle', { class: 'brand-subtitle' }))),
    el('div', { class: 'header-tools' },
      el('nav', { id: 'app-nav', class: 'app-nav', 'data-i18n-aria-label': 'nav.label', hidden: true }),
      el('div', { id: 'session-info', class: 'session', hidden: true },
        translated('span', 'session.signedInAs', { class: 'session-label' }),
        el('strong', { id: 'session-user' }),
        translated('button', 'session.signOut', { id: 'signout', type: 'button', class: 'btn btn-ghost' })),
      el('div', { class: 'lang-switch', role: 'group', 'data-i18n-aria-label': 'lang.label' },
        el('button', { id: 'lang-vi', type: 'button', lang: 'vi', 'aria-pressed': 'true' }, 'VI'),
        el('span', { 'aria-hidden': 'true' }, '|'),
        el('button', { id: 'lang-en', type: 'button', lang: 'en', 'aria-pressed': 'false' }, 'EN')))));
}

renderHeader();

function describeUser(session) {
  const roles = session.roles.map((role) => label('role', role)).join(', ');
  let scope = '';
  if (session.roles.includes('leadership') || session.roles.includes('admin')) {
    scope = t('session.scopeNationwide');
  } else if (session.roles.includes('enterprise')) {
    scope = session.enterprise === session.subject ? '' : session.enterprise;
  } else if (session.provinces.length > 0) {
    scope = session.provinces.join(', ');
  }
  return [roles, session.subject, scope].filter(Boolean).join(' · ');
}

/** Wires the header. onSignOut runs after the session is cleared. */
export function initShell({ onSignOut } = {}) {
  const vi = byId('lang-vi');
  const en = byId('lang-en');
  const renderLanguage = () => {
    vi.setAttribute('aria-pressed', String(language() === 'vi'));
    en.setAttribute('aria-pressed', String(language() === 'en'));
    renderSession();
  };
  vi.addEventListener('click', () => setLanguage('vi'));
  en.addEventListener('click', () => setLanguage('en'));

  byId('signout').addEventListener('click', () => {
    clearSession();
    renderSession();
    onSignOut?.();
  });

  onLanguageChange(renderLanguage);
  onLanguageChange(renderPageMessage);
  applyI18n();
  renderLanguage();
}

export function renderSession() {
  const session = getSession();
  const panel = byId('session-info');
  panel.hidden = !session;
  byId('session-user').textContent = session ? describeUser(session) : '';

  // Only what is shown depends on the token's claims; the API decides what may be read.
  const nav = document.getElementById('app-nav');
  if (nav) {
    const links = navLinksFor(session);
    nav.replaceChildren(...links.map((link) => el('a', {
      id: link.id,
      href: link.href,
      'aria-current': window.location.pathname === link.href ? 'page' : null,
    }, t(link.key))));
    nav.hidden = links.length === 0;
  }
}

let pageMessage = null;

/**
 * Shows a message above the page content, or clears it with null. The argument is a function that
 * builds the message (a Node or a string), so it is rebuilt in the new language when the user switches.
 */
export function showPageMessage(build, kind = 'info') {
  pageMessage = build ? { build, kind } : null;
  renderPageMessage();
}

function renderPageMessage() {
  const host = byId('page-message');
  clear(host);
  if (!pageMessage) {
    return;
  }
  const content = pageMessage.build();
  host.append(content instanceof Node
    ? content
    : el('div', { class: `alert alert-${pageMessage.kind}`, role: pageMessage.kind === 'error' ? 'alert' : 'status' }, content));
}

/** Announces a short text to screen readers (a live flag arriving). */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (region) {
    region.textContent = text;
  }
}
