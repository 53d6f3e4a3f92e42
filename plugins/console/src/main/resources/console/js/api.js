// The console's only way to the platform: /api/v1 with the session cookie (HttpOnly, set by the
// login) and, on writes, the CSRF token the login answered. No bearer token is ever kept in script.
const BASE = '/api/v1';
const CSRF_KEY = 'qc.csrf';

let unauthenticated = () => {};

/** A refused request: the platform's problem document (status, detail, detailZh, violations …). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || { status, title: `HTTP ${status}` };
  }
}

export function onUnauthenticated(handler) { unauthenticated = handler; }

export function rememberCsrf(token) {
  if (token) sessionStorage.setItem(CSRF_KEY, token); else sessionStorage.removeItem(CSRF_KEY);
}

/** Whether this tab logged in (and may still hold a live session cookie). */
export function loggedInHere() { return Boolean(sessionStorage.getItem(CSRF_KEY)); }

export function query(params = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function send(path, { method = 'GET', body, params, headers = {} } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = sessionStorage.getItem(CSRF_KEY);
    if (csrf) init.headers['X-CSRF-Token'] = csrf;
  }
  if (body instanceof FormData || body instanceof Blob) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(BASE + path + query(params), init);
  if (!response.ok) {
    if (response.status === 401 && path !== '/session') unauthenticated();
    throw new ApiError(response.status, await problemOf(response));
  }
  return response;
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

/** JSON in, JSON out; null for 204. */
export async function api(path, options) {
  const response = await send(path, options);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** Saves what the platform answers as a file, under the name its Content-Disposition gives. */
export async function download(path, params, fallbackName) {
  const response = await send(path, { params, headers: { Accept: '*/*' } });
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName(response.headers.get('Content-Disposition')) || fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function fileName(disposition) {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) return decodeURIComponent(extended[1]);
  const plain = /filename\s*=\s*"([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : null;
}

/** Every page of a paged list (items, total, offset, limit), up to a bound. */
export async function all(path, params = {}, bound = 2000) {
  const items = [];
  let offset = 0;
  for (;;) {
    const page = await api(path, { params: { ...params, offset, limit: 200 } });
    items.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total || offset >= bound) return items;
  }
}
