// Region codes (GB/T 2260) with the names the region bundles give them, fetched once.
import { api } from '../api.js';
import { localized } from '../i18n.js';

let cache;
export async function regionNames() {
  cache ??= api('/regions').then(regions => regions, () => []);
  const regions = await cache;
  return new Map(regions.map(r => [r.code, localized(r.name)]));
}

export async function regionList() {
  cache ??= api('/regions').then(regions => regions, () => []);
  return cache;
}

/** Whether a user's area (GB/T 2260; 100000 the whole country) covers a region code, as the platform's scope does. */
export function covers(area, code) {
  if (area === '100000') return true;
  const prefix = area.replace(/(00)+$/, '');
  return code.startsWith(prefix);
}
