// Leadership's view of the remote-check ratio: per period, the share of concluded checks done
// remotely as bars against the national target as a line, and the table by agency, province or
// sector with the hit rates of risk-based and other checks. A bar narrows the table to its period; a
// province in the table drills down into its sectors. Live: a check concluded or cancelled anywhere in
// scope counts again without a reload. The counting rule is the server's.
import { api, download, errorBox, onUnauthorized } from './api.js';
import { byId, clear, el } from './dom.js';
import { label, onLanguageChange, t } from './i18n.js';
import { formatNumber, formatPercent } from './format.js';
import { connectRiskFeed, statusIndicator } from './live.js';
import { getSession } from './session.js';
import { initShell, renderSession, showPageMessage } from './shell.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 44, right: 12, top: 12, bottom: 32 };

const state = { overall: [], rows: [], error: null, focus: null, drill: null, drillRows: [], drillError: null };

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

const percent = (share) => (share === null || share === undefined ? t('none') : formatPercent(share, 1));

/** Bars of the remote share per period, the target as a dashed line over each period, a 0–100 % axis. */
function chart(rows) {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const y = (share) => PAD.top + plotHeight * (1 - share);
  const slot = rows.length > 0 ? plotWidth / rows.length : plotWidth;
  const root = svg('svg', { id: 'ratio-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': t('ratio.chart') });
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    root.append(
      svg('line', { class: 'grid', x1: PAD.left, x2: WIDTH - PAD.right, y1: y(tick), y2: y(tick) }),
      svg('text', { class: 'axis', x: PAD.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, formatPercent(tick, 0)));
  }
  rows.forEach((row, index) => {
    const left = PAD.left + index * slot;
    const share = row.remoteShare ?? 0;
    const bar = svg('rect', {
      class: state.focus === row.period ? 'bar selected' : 'bar', x: left + slot * 0.2, width: slot * 0.6, y: y(share), height: plotHeight * share,
      'data-period': row.period, 'data-share': String(row.remoteShare), tabindex: 0, role: 'button',
    }, svg('title', {}, `${row.period}: ${percent(row.remoteShare)} (${formatNumber(row.remote)}/${formatNumber(row.checks)})`));
    bar.addEventListener('click', () => focusOn(row.period));
    bar.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        focusOn(row.period);
      }
    });
    root.append(bar);
    if (row.target !== null && row.target !== undefined) {
      root.append(svg('line', {
        class: 'target-line', x1: left, x2: left + slot, y1: y(row.target), y2: y(row.target),
        'data-period': row.period, 'data-target': String(row.target),
      }, svg('title', {}, `${t('ratio.legend.target')} ${row.period}: ${percent(row.target)}`)));
    }
    root.append(svg('text', { class: 'axis', x: left + slot / 2, y: HEIGHT - PAD.bottom + 18, 'text-anchor': 'middle' }, row.period));
  });
  return root;
}

function groupText(row) {
  if (row.groupBy === 'all') {
    return t('ratio.group.all');
  }
  return row.groupBy === 'sector' ? label('sector', row.group) : row.group;
}

function groupCell(row) {
  if (row.groupBy !== 'province') {
    return groupText(row);
  }
  const drill = el('button', { type: 'button', class: 'btn btn-ghost drill', title: t('ratio.drillHint') }, groupText(row));
  drill.addEventListener('click', () => drillInto(row.group));
  return drill;
}

function tableRow(row) {
  return el('tr', { dataset: { period: row.period, group: row.group } },
    el('td', {}, row.period),
    el('td', {}, groupCell(row)),
    el('td', { class: 'num' }, formatNumber(row.checks)),
    el('td', { class: 'num' }, formatNumber(row.remote)),
    el('td', { class: 'num share' }, percent(row.remoteShare)),
    el('td', { class: 'num' }, row.target === null || row.target === undefined ? t('ratio.noTarget') : percent(row.target)),
    el('td', { class: 'num' }, `${percent(row.riskBasedHitRate)} (${formatNumber(row.riskBasedFound)}/${formatNumber(row.riskBasedChecks)})`),
    el('td', { class: 'num' }, `${percent(row.otherHitRate)} (${formatNumber(row.otherFound)}/${formatNumber(row.otherChecks)})`));
}

function render() {
  const error = clear(byId('ratio-error'));
  if (state.error) {
    error.append(errorBox(state.error));
  }
  clear(byId('ratio-chart-host')).append(chart(state.overall));
  const inFocus = (row) => state.focus === null || row.period === state.focus;
  clear(byId('ratio-body')).append(...state.rows.filter(inFocus).map(tableRow));
  byId('ratio-empty').hidden = state.overall.length > 0 || Boolean(state.error);
  byId('ratio-focus').hidden = state.focus === null;
  byId('ratio-focus-text').textContent = state.focus === null ? '' : t('ratio.focus', { period: state.focus });

  const drill = byId('ratio-drill');
  drill.hidden = state.drill === null;
  if (state.drill !== null) {
    byId('ratio-drill-title').textContent = t('ratio.drillTitle', { province: state.drill });
    const error = clear(byId('ratio-drill-error'));
    if (state.drillError) {
      error.append(errorBox(state.drillError));
    }
    clear(byId('ratio-drill-body')).append(...state.drillRows.filter(inFocus).map(tableRow));
  }
}

function focusOn(period) {
  state.focus = state.focus === period ? null : period;
  render();
}

/** The sectors of one province, per period, by the same counting rule. */
async function drillInto(province, { scroll = true } = {}) {
  state.drill = province;
  try {
    state.drillRows = await api(`/api/ratio?groupBy=sector&period=${encodeURIComponent(byId('ratio-period').value)}&province=${encodeURIComponent(province)}`);
    state.drillError = null;
  } catch (error) {
    state.drillRows = [];
    state.drillError = error;
  }
  render();
  if (scroll) {
    byId('ratio-drill').scrollIntoView({ block: 'nearest' });
  }
}

/** Counts again; a new grouping or period starts afresh, a live update keeps the focus and the drill-down. */
async function load({ keepView = false } = {}) {
  const period = byId('ratio-period').value;
  if (!keepView) {
    state.focus = null;
    state.drill = null;
  }
  const groupBy = byId('ratio-group').value;
  try {
    const [overall, rows] = await Promise.all([
      api(`/api/ratio?groupBy=all&period=${encodeURIComponent(period)}`),
      api(`/api/ratio?groupBy=${encodeURIComponent(groupBy)}&period=${encodeURIComponent(period)}`),
    ]);
    Object.assign(state, { overall, rows, error: null });
    if (state.drill !== null && keepView) {
      await drillInto(state.drill, { scroll: false });
      return;
    }
  } catch (error) {
    if (error?.status === 403) {
      byId('ratio-view').hidden = true;
      showPageMessage(() => el('div', { id: 'ratio-forbidden', class: 'alert alert-error', role: 'alert' }, t('ratio.forbidden')));
      return;
    }
    state.error = error;
  }
  render();
}

async function exportAs(format) {
  const query = `groupBy=${encodeURIComponent(byId('ratio-group').value)}&period=${encodeURIComponent(byId('ratio-period').value)}`;
  try {
    await download(`/api/ratio/export?format=${format}&${query}`, `ratio.${format}`);
  } catch (error) {
    state.error = error;
    render();
  }
}

let feed = null;

function showSignedOut(messageKey) {
  byId('ratio-view').hidden = true;
  feed?.stop();
  renderSession();
  showPageMessage(() => el('div', { class: 'alert alert-warning', role: 'status' }, t(messageKey), ' ', el('a', { href: '/' }, t('session.goSignIn'))));
}

function start() {
  if (!getSession()) {
    showSignedOut('session.required');
    return;
  }
  byId('ratio-view').hidden = false;
  byId('ratio-group').addEventListener('change', () => load());
  byId('ratio-period').addEventListener('change', () => load());
  byId('ratio-csv').addEventListener('click', () => exportAs('csv'));
  byId('ratio-xlsx').addEventListener('click', () => exportAs('xlsx'));
  byId('ratio-focus-clear').addEventListener('click', () => focusOn(null));
  render();
  load();
  let pending = null;
  const recount = () => {
    // Several checks closing together are counted once.
    clearTimeout(pending);
    pending = setTimeout(() => load({ keepView: true }), 300);
  };
  feed = connectRiskFeed({
    onCase: (notice) => {
      if (notice.closesCheck) {
        recount();
      }
    },
    onStatus: statusIndicator(byId('live-status')),
    onResync: recount,
    onUnauthorized: () => showSignedOut('session.expired'),
  });
}

initShell({ onSignOut: () => { window.location.href = '/'; } });
onUnauthorized(() => showSignedOut('session.expired'));
onLanguageChange(() => {
  if (!byId('ratio-view').hidden) {
    render();
  }
});

start();
