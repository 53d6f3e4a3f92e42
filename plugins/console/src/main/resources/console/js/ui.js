// Small shared pieces: loading data, problems, tables with ticked rows, pagers, dialogs, tabs.
import { html, useState, useEffect, useRef, useCallback } from './lib.js';
import { t, problemText } from './i18n.js';

/** Runs load() now and whenever deps change; {data, error, loading, reload}. */
export function useLoad(load, deps = []) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState(previous => ({ ...previous, loading: true }));
    load().then(data => live && setState({ data, error: null, loading: false }),
      error => live && setState({ data: null, error, loading: false }));
    return () => { live = false; };
  }, [...deps, round]);
  const reload = useCallback(() => setRound(r => r + 1), []);
  return { ...state, reload };
}

/** A refusal as the platform explained it, with the fields it names. */
export function Problem({ error }) {
  if (!error) return null;
  const problem = error.problem || { detail: String(error.message || error) };
  const violations = problem.violations || [];
  return html`<div class="problem" role="alert">
    <strong>${problemText(problem)}</strong>
    ${problem.rule && html` <span class="muted">(${problem.rule})</span>`}
    ${violations.length > 0 && html`<ul>${violations.map(v => html`<li><code>${v.field}</code> ${v.rule ? `(${v.rule})` : ''}: ${v.message}</li>`)}</ul>`}
  </div>`;
}

export function Notice({ children }) {
  return children ? html`<div class="notice" role="status">${children}</div>` : null;
}

export function Loading({ when }) {
  return when ? html`<p class="muted" aria-live="polite">${t('common.loading')}</p>` : null;
}

export function Badge({ value, text }) {
  return html`<span class=${`badge ${value || ''}`}>${text ?? t(`status.${value}`)}</span>`;
}

/**
 * columns: [{key, label, render(row), num, nowrap}]; with selectable, a first column of check boxes
 * (selected: a Set of keys; onSelect(newSet)).
 */
export function Table({ columns, rows, rowKey = row => row.id, selectable, selected, onSelect, onRowClick, activeKey, empty, caption }) {
  if (!rows || rows.length === 0) return html`<p class="muted">${empty || t('common.empty')}</p>`;
  const keys = rows.map(rowKey);
  const allTicked = selectable && keys.every(k => selected.has(k));
  const toggle = key => {
    const next = new Set(selected);
    next.has(key) ? next.delete(key) : next.add(key);
    onSelect(next);
  };
  const toggleAll = () => onSelect(allTicked ? new Set([...selected].filter(k => !keys.includes(k))) : new Set([...selected, ...keys]));
  return html`<div class="table-wrap"><table>
    ${caption && html`<caption class="sr-only">${caption}</caption>`}
    <thead><tr>
      ${selectable && html`<th><input type="checkbox" aria-label=${t('common.selectAll')} checked=${allTicked} onChange=${toggleAll}/></th>`}
      ${columns.map(c => html`<th class=${cellClass(c)} scope="col">${c.label || html`<span class="sr-only">${t('common.actions')}</span>`}</th>`)}
    </tr></thead>
    <tbody>${rows.map(row => {
      const key = rowKey(row);
      const classes = [selectable && selected.has(key) ? 'selected' : '', onRowClick ? 'clickable' : '',
        activeKey === key ? 'selected' : '', row.$error ? 'error' : '', row.$class || ''].join(' ').trim();
      return html`<tr key=${key} class=${classes} data-id=${key} onClick=${onRowClick ? () => onRowClick(row) : undefined}>
        ${selectable && html`<td onClick=${e => e.stopPropagation()}><input type="checkbox" aria-label=${t('common.select', { id: key })}
          checked=${selected.has(key)} onChange=${() => toggle(key)}/></td>`}
        ${columns.map(c => html`<td class=${cellClass(c)}>${c.render ? c.render(row) : row[c.key]}</td>`)}
      </tr>`;
    })}</tbody>
  </table></div>`;
}

function cellClass(column) {
  return [column.num ? 'num' : '', column.nowrap ? 'nowrap' : ''].join(' ').trim();
}

export function Pager({ page, onOffset }) {
  if (!page || page.total <= page.limit) return null;
  const last = page.offset + page.items.length;
  return html`<div class="pager">
    <span>${t('common.range', { from: page.offset + 1, to: last, total: page.total })}</span>
    <button disabled=${page.offset === 0} onClick=${() => onOffset(Math.max(0, page.offset - page.limit))}>${t('common.previous')}</button>
    <button disabled=${last >= page.total} onClick=${() => onOffset(page.offset + page.limit)}>${t('common.next')}</button>
  </div>`;
}

/** A modal <dialog>: open while `open`; Escape or the close button calls onClose. */
export function Dialog({ open, title, onClose, children, wide }) {
  const ref = useRef(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return html`<dialog ref=${ref} class=${wide ? 'wide' : undefined} aria-label=${title} onClose=${onClose} onCancel=${onClose}>
    ${open && html`<h2>${title}</h2>${children}`}
  </dialog>`;
}

/** A top-up claim (补差) marked as one: a badge and the link to the claim whose difference it pays. */
export function TopUpMark({ claim }) {
  if (claim?.topUpOf == null) return null;
  return html`<span class="topup" data-testid="topup"><${Badge} value="topup" text=${t('claims.topUp')}/>${' '}
    <a href=${`#/review/${claim.topUpOf}`} onClick=${e => e.stopPropagation()}>${t('claims.topUpOf', { id: claim.topUpOf })}</a></span>`;
}

/** The If-Match header for a record's optimistic-lock version (the platform's ETag is "<version>"). */
export function etag(version) {
  return { 'If-Match': `"${version}"` };
}

export function Tabs({ tabs, active, onChange }) {
  return html`<div class="tabs" role="tablist">${tabs.map(tab => html`<button role="tab" type="button"
    aria-selected=${tab.id === active ? 'true' : 'false'} onClick=${() => onChange(tab.id)}>${tab.label}</button>`)}</div>`;
}

export function Field({ label, children }) {
  return html`<label class="field">${label}${children}</label>`;
}

/** A value typed in a form: state and an onInput handler in one. */
export function useField(initial = '') {
  const [value, setValue] = useState(initial);
  return [value, e => setValue(e.target.type === 'checkbox' ? e.target.checked : e.target.value), setValue];
}
