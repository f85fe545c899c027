// The forms of a case's steps: each posts one step to the API and shows a refusal beside itself, in the
// user's language when the page has words for it (by the ProblemDetails' refusal code and field), else
// with the server's own detail.
import { errorBox } from './api.js';
import { el } from './dom.js';
import { has, t } from './i18n.js';

/** A labelled control. */
export function field(labelKey, control) {
  return el('label', { class: 'field' }, el('span', {}, t(labelKey)), control);
}

/** The page's own words for a refused step, tried from the most to the least specific key. */
export function refusalKey(form, problem) {
  const code = problem?.refusal;
  if (!code) {
    return null;
  }
  const field = problem.field;
  const keys = [
    field && `cases.refusal.${form}.${code}.${field}`,
    `cases.refusal.${form}.${code}`,
    field && `cases.refusal.${code}.${field}`,
    `cases.refusal.${code}`,
  ].filter(Boolean);
  return keys.find(has) ?? null;
}

/** The refusal of a step, shown beside its form. */
export function refusalBox(form, error) {
  const key = refusalKey(form, error?.problem);
  return key
    ? el('div', { class: 'alert alert-error', role: 'alert', dataset: { refusal: error.problem.refusal } }, t(key))
    : errorBox(error);
}

/**
 * A form that takes one step. buttons: [{ key, value, kind }]; submit(data, value) posts and resolves to
 * the API's answer; onDone(answer) and onRefused(error) say what the page does next. error is the form's
 * last refusal, shown inside it.
 */
export function stepForm({ name, children, buttons, submit, onDone, onRefused, error }) {
  const form = el('form', { class: ['case-form', `case-form-${name.replace(/-\d+$/, '')}`], dataset: { form: name } },
    ...children,
    el('div', { class: 'form-error' }, error ? refusalBox(name.replace(/-\d+$/, ''), error) : null),
    el('div', { class: 'form-actions' }, buttons.map((button) =>
      el('button', { type: 'submit', class: ['btn', button.kind ?? 'btn-primary'], name: 'action', value: button.value ?? '' }, t(button.key)))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = event.submitter?.value ?? '';
    for (const button of form.querySelectorAll('button[type=submit]')) {
      button.disabled = true;
    }
    let answer;
    try {
      answer = await submit(new FormData(form), value);
    } catch (refusal) {
      for (const button of form.querySelectorAll('button[type=submit]')) {
        button.disabled = false;
      }
      onRefused(refusal);
      return;
    }
    onDone(answer);
  });
  return form;
}

/** What is typed in the forms under a node, by form and control, so that a re-render keeps it. */
export function snapshotForms(root) {
  const values = new Map();
  for (const control of root.querySelectorAll('form[data-form] [name]')) {
    if (control.type === 'submit' || control.type === 'file') {
      continue;
    }
    const key = `${control.form.dataset.form}|${control.name}|${control.type === 'checkbox' ? control.value : ''}`;
    values.set(key, control.type === 'checkbox' ? control.checked : control.value);
  }
  return values;
}

/** Puts back what snapshotForms kept, except in the forms named in skip (a step just taken). */
export function restoreForms(root, values, skip = new Set()) {
  for (const control of root.querySelectorAll('form[data-form] [name]')) {
    if (skip.has(control.form.dataset.form)) {
      continue;
    }
    const key = `${control.form.dataset.form}|${control.name}|${control.type === 'checkbox' ? control.value : ''}`;
    if (!values.has(key)) {
      continue;
    }
    if (control.type === 'checkbox') {
      control.checked = values.get(key);
    } else {
      control.value = values.get(key);
    }
  }
}

/** Today's date in Vietnam (yyyy-MM-dd), the day deadlines are counted in. */
export function todayInVietnam() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
