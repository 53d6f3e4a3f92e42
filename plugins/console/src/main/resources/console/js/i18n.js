// Messages in Chinese and English (i18n/zh.json, i18n/en.json: the same keys, a test says so).
// The language is the user's preference, kept by the platform; before login, this browser's choice.
import { locale } from './format.js';

const catalogues = {};
let current = 'zh';

export const LANGUAGES = ['zh', 'en'];

export async function loadCatalogues() {
  await Promise.all(LANGUAGES.map(async lang => {
    const response = await fetch(`i18n/${lang}.json`);
    catalogues[lang] = await response.json();
  }));
}

export function initialLanguage() {
  const stored = localStorage.getItem('qc.lang');
  if (LANGUAGES.includes(stored)) return stored;
  return (navigator.language || 'zh').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function setLanguage(lang) {
  current = LANGUAGES.includes(lang) ? lang : 'zh';
  localStorage.setItem('qc.lang', current);
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  return current;
}

export function language() { return current; }

/** The message under key, with {name} placeholders filled. A missing key shows itself. */
export function t(key, params) {
  const text = catalogues[current]?.[key] ?? catalogues.zh?.[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (all, name) => (name in params ? String(params[name]) : all)) : text;
}

/** A {zh, en} pair from the platform in the current language. */
export function localized(text) {
  if (!text) return '';
  return (current === 'en' ? text.en : text.zh) || text.zh || text.en || '';
}

/** A problem document's explanation in the current language. */
export function problemText(problem) {
  if (!problem) return '';
  const detail = current === 'zh' ? (problem.detailZh || problem.detail) : (problem.detail || problem.detailZh);
  const title = current === 'zh' ? (problem.titleZh || problem.title) : problem.title;
  return detail || title || `HTTP ${problem.status}`;
}

export function currentLocale() { return locale(current); }
