// Formats numbers, money (VND) and dates for the current language: vi-VN or en-GB. Times are shown in
// Vietnam's time zone whatever the browser's, so an inspector and a log agree on "when".
import { locale, t } from './i18n.js';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

// Registry fields that hold whole VND amounts (docs/REGISTRIES.md).
const MONEY_FIELDS = new Set(['charterCapital', 'revenue', 'outputVat', 'inputVat', 'contributionDue', 'contributionPaid', 'taxDue', 'taxPaid', 'arrears', 'amount']);

function parseInstant(value) {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDateTime(value) {
  const date = parseInstant(value);
  if (!date) {
    return value ? String(value) : t('none');
  }
  return new Intl.DateTimeFormat(locale(), {
    day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: TIME_ZONE,
  }).format(date);
}

/** The time of day (HH:mm:ss) in Vietnam's time zone, for "refreshed at". */
export function formatTime(value) {
  const date = parseInstant(value);
  if (!date) {
    return value ? String(value) : t('none');
  }
  return new Intl.DateTimeFormat(locale(), {
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: TIME_ZONE,
  }).format(date);
}

/** A calendar date (yyyy-MM-dd) as dd/MM/yyyy, without shifting it through a time zone. */
export function formatDate(value) {
  const match = ISO_DATE.exec(value ?? '');
  if (!match) {
    return value ? formatDateTime(value) : t('none');
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A period: yyyy-MM as MM/yyyy; anything else (a quarter, a year) as written. */
export function formatPeriod(value) {
  const match = ISO_MONTH.exec(value ?? '');
  if (!match) {
    return value ? String(value) : t('none');
  }
  // MM/yyyy reads the same in vi-VN and en-GB, and is how Vietnamese forms write a tax period.
  return `${match[2]}/${match[1]}`;
}

export function formatNumber(value, maximumFractionDigits = 0) {
  const number = typeof value === 'number' ? value : Number(value);
  if (value === null || value === undefined || value === '' || Number.isNaN(number)) {
    return value ? String(value) : t('none');
  }
  return new Intl.NumberFormat(locale(), { maximumFractionDigits }).format(number);
}

export function formatVnd(value) {
  const number = typeof value === 'number' ? value : Number(value);
  if (value === null || value === undefined || value === '' || Number.isNaN(number)) {
    return value ? String(value) : t('none');
  }
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(number);
}

export function formatScore(value) {
  return formatNumber(value, 2);
}

/** A registry field or a rule's value, formatted by what its name and text say it is. */
export function formatFieldValue(name, value) {
  if (value === null || value === undefined || value === '') {
    return t('none');
  }
  const text = String(value);
  if (MONEY_FIELDS.has(name) && NUMBER.test(text)) {
    return formatVnd(text);
  }
  if (ISO_DATE.test(text)) {
    return formatDate(text);
  }
  if (ISO_MONTH.test(text) && /period/i.test(name)) {
    return formatPeriod(text);
  }
  if (NUMBER.test(text)) {
    return formatNumber(text, 2);
  }
  return text;
}

/** A long hash or id cut to its start, for a table cell; the full text goes in the title. */
export function shorten(value, length = 12) {
  if (!value) {
    return t('none');
  }
  const text = String(value);
  return text.length > length + 1 ? `${text.slice(0, length)}…` : text;
}

/** A share between 0 and 1 as a percentage: 0.125 → "12,5 %" (vi) or "12.5%" (en). */
export function formatPercent(value, maximumFractionDigits = 1) {
  const number = typeof value === 'number' ? value : Number(value);
  if (value === null || value === undefined || value === '' || Number.isNaN(number)) {
    return value ? String(value) : t('none');
  }
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits }).format(number);
}

/** A length of time in seconds, to the two largest units: "8,5 giây", "3 phút 5 giây", "2 giờ 10 phút". */
export function formatDuration(seconds) {
  const number = typeof seconds === 'number' ? seconds : Number(seconds);
  if (seconds === null || seconds === undefined || seconds === '' || !Number.isFinite(number)) {
    return t('none');
  }
  const total = Math.max(0, number);
  if (total < 60) {
    return t('duration.seconds', { s: formatNumber(total, total < 10 ? 1 : 0) });
  }
  const whole = Math.floor(total);
  const [d, h, m, s] = [Math.floor(whole / 86400), Math.floor(whole / 3600) % 24, Math.floor(whole / 60) % 60, whole % 60];
  if (d > 0) {
    return t('duration.days', { d: formatNumber(d), h: formatNumber(h) });
  }
  if (h > 0) {
    return t('duration.hours', { h: formatNumber(h), m: formatNumber(m) });
  }
  return t('duration.minutes', { m: formatNumber(m), s: formatNumber(s) });
}

/** How long ago, from a number of seconds: "vừa xong", "12 giây trước", "3 minutes 5 s ago". */
export function formatAgo(seconds) {
  const number = typeof seconds === 'number' ? seconds : Number(seconds);
  if (seconds === null || seconds === undefined || seconds === '' || !Number.isFinite(number)) {
    return t('none');
  }
  return number < 1 ? t('time.justNow') : t('time.ago', { duration: formatDuration(number) });
}
