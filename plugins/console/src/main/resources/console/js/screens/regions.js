// Region codes (GB/T 2260) with the names the region bundles give them, fetched once.
import { api } from '../api.js';
import { localized } from '../i18n.js';

let cache;

/** The regions the installed policies declare, asked once (an empty list when the user may not read them). */
export function regionList() {
  cache ??= api('/regions').catch(() => []);
  return cache;
}

/** Code → name in the current language. */
export async function regionNames() {
  return new Map((await regionList()).map(r => [r.code, localized(r.name)]));
}

/** Whether a user's area (GB/T 2260; 100000 the whole country) covers a region code, as the platform's scope does. */
export function covers(area, code) {
  if (area === '100000') return true;
  const prefix = area.replace(/(00)+$/, '');
  return code.startsWith(prefix);
}
