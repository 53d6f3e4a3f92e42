// Amounts, numbers and dates as operators read them: yuan in Chinese currency format whatever the
// language (the amounts are renminbi; the issue asks for zh-CN CNY), counts and dates by language.
const yuanFormat = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });

export function yuan(value) {
  if (value === null || value === undefined || value === '') return '—';
  return yuanFormat.format(Number(value));
}

export function count(value, lang) {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(locale(lang)).format(value);
}

export function percent(part, whole, lang) {
  if (!whole) return '—';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);
}

export function dateTime(instant, lang) {
  if (!instant) return '—';
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' })
    .format(new Date(instant));
}

let platformToday = null;

/** The platform's today, as the session answered it (its clock may be fixed on a training home). */
export function useToday(day) { platformToday = day || null; }

/** Today as YYYY-MM-DD: the platform's, else this computer's in the platform's zone (Asia/Shanghai). */
export function today() {
  return platformToday || new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

export function locale(lang) { return lang === 'en' ? 'en-GB' : 'zh-CN'; }
