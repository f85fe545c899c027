// The inspector's form on an enterprise's page that opens a case on it (mở cuộc kiểm tra) under a
// decision, and then goes to the new case. Enterprise and leadership accounts never see it; the API
// decides again who may open one.
import { api } from './api.js';
import { byId, clear, el } from './dom.js';
import { label, onLanguageChange } from './i18n.js';
import { getSession, hasRole } from './session.js';
import { field, stepForm, todayInVietnam } from './case-forms.js';

const MODES = ['remote', 'on-site', 'hybrid'];
const SELECTIONS = ['risk', 'plan', 'complaint', 'other'];

function choice(name, values, prefix, selected) {
  return el('select', { name }, values.map((value) => el('option', { value, selected: value === selected }, label(prefix, value))));
}

function openForm(code, session, error, render) {
  const today = todayInVietnam();
  return stepForm({
    name: 'open',
    error,
    children: [el('div', { class: 'form-grid' },
      field('cases.open.number', el('input', { type: 'text', name: 'number', required: true, maxlength: '100' })),
      field('cases.open.date', el('input', { type: 'date', name: 'date', required: true, value: today })),
      field('cases.open.deadline', el('input', { type: 'date', name: 'deadline', required: true, min: today })),
      field('cases.open.agency', el('input', { type: 'text', name: 'agency', required: true, maxlength: '100' })),
      field('cases.open.mode', choice('mode', MODES, 'mode', 'remote')),
      // This page is reached from the risk queue: that is the reason the enterprise was chosen, unless the inspector says otherwise.
      field('cases.open.selection', choice('selection', SELECTIONS, 'selection', 'risk')),
      field('cases.open.team', el('input', { type: 'text', name: 'team', required: true, value: session.subject }))),
    field('cases.open.legalBasis', el('textarea', { name: 'legalBasis', rows: '2', required: true, maxlength: '4000' })),
    field('cases.open.scope', el('textarea', { name: 'scope', rows: '2', required: true, maxlength: '4000' }))],
    buttons: [{ key: 'cases.open.submit' }],
    submit: (data) => api('/api/cases', {
      method: 'POST',
      body: {
        enterpriseCode: code,
        agency: data.get('agency'),
        selection: data.get('selection'),
        mode: data.get('mode'),
        decision: {
          number: data.get('number'),
          date: data.get('date'),
          legalBasis: data.get('legalBasis'),
          scope: data.get('scope'),
          team: String(data.get('team') ?? '').split(',').map((member) => member.trim()).filter(Boolean),
          deadline: data.get('deadline'),
        },
      },
    }),
    onDone: (file) => { window.location.href = `/cases?id=${encodeURIComponent(file.id)}`; },
    onRefused: (refusal) => render(refusal),
  });
}

/** Shows the form in #case-open for an inspector; the section stays hidden for everyone else. */
export function showCaseOpening(code) {
  const session = getSession();
  const section = byId('case-open');
  section.hidden = !hasRole(session, 'inspector');
  if (section.hidden) {
    return;
  }
  const host = byId('case-open-form');
  let shown = null;
  const render = (error) => {
    shown = error;
    const typed = new FormData(host.querySelector('form') ?? undefined);
    clear(host).append(openForm(code, session, error, render));
    for (const [name, value] of typed) {
      const control = host.querySelector(`[name='${name}']`);
      if (control) {
        control.value = value;
      }
    }
  };
  onLanguageChange(() => render(shown));
  render(null);
}
