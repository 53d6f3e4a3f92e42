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
