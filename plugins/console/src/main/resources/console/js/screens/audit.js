// The audit trail: filter by entity, actor and period, see old and new values, export CSV, verify the chain.
import { html, useState } from '../lib.js';
import { api, download } from '../api.js';
import { t } from '../i18n.js';
import { dateTime } from '../format.js';
import { useLoad, Problem, Loading, Table, Pager, Field, Badge } from '../ui.js';

const ENTITIES = ['', 'institution', 'project', 'class', 'trainee', 'enrolment', 'claim', 'disbursement', 'settlement', 'policy', 'user', 'session', 'audit'];

export function Audit({ lang }) {
  const [filter, setFilter] = useState({ entity: '', actor: '', from: '', to: '' });
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState(null);
  const [verification, setVerification] = useState(null);
  const [error, setError] = useState(null);
  const params = { ...filter, offset, limit: 50 };
  const page = useLoad(() => api('/audit', { params }), [JSON.stringify(params)]);
  const change = (key, value) => { setOffset(0); setFilter(f => ({ ...f, [key]: value })); };
  async function verify() {
    setError(null);
    try { setVerification(await api('/audit/verify')); } catch (failure) { setError(failure); }
  }
  return html`<section aria-labelledby="audit-title">
    <h1 id="audit-title">${t('nav.audit')}</h1>
    <form class="inline" onSubmit=${e => e.preventDefault()}>
      <${Field} label=${t('audit.entity')}><select name="entity" value=${filter.entity} onChange=${e => change('entity', e.target.value)}>
        ${ENTITIES.map(x => html`<option value=${x}>${x ? t(`entity.${x}`) : t('common.any')}</option>`)}</select></${Field}>
      <${Field} label=${t('audit.actor')}><input name="actor" value=${filter.actor} onChange=${e => change('actor', e.target.value.trim())}/></${Field}>
      <${Field} label=${t('common.from')}><input name="from" type="date" value=${filter.from} onChange=${e => change('from', e.target.value)}/></${Field}>
      <${Field} label=${t('common.to')}><input name="to" type="date" value=${filter.to} onChange=${e => change('to', e.target.value)}/></${Field}>
      <button type="button" onClick=${() => download('/audit/export', filter, 'audit.csv').catch(setError)}>${t('audit.export')}</button>
      <button type="button" class="primary" onClick=${verify}>${t('audit.verify')}</button>
    </form>
    ${verification && html`<div class=${verification.ok ? 'notice' : 'problem'} role="status" data-testid="audit-verification">
      ${verification.ok ? t('audit.intact', { n: verification.entries })
        : t('audit.broken', { n: verification.entries, at: verification.firstBroken, reason: verification.reason })}</div>`}
    <${Problem} error=${error || page.error}/><${Loading} when=${page.loading && !page.data}/>
    ${page.data && html`<${Table} rows=${page.data.items} activeKey=${open} onRowClick=${e => setOpen(open === e.id ? null : e.id)} columns=${[
      { label: '#', render: e => e.sequence },
      { label: t('audit.at'), render: e => dateTime(e.at, lang) },
      { label: t('audit.actor'), render: e => e.actor },
      { label: t('audit.action'), render: e => html`<${Badge} value="" text=${e.action}/>` },
      { label: t('audit.entity'), render: e => `${t(`entity.${e.entity}`)} ${e.entityId ?? ''}` },
      { label: t('audit.change'), render: e => (open === e.id ? html`<${Change} event=${e}/>` : html`<span class="muted">${t('audit.show')}</span>`) },
    ]}/><${Pager} page=${page.data} onOffset=${setOffset}/>`}
  </section>`;
}

function Change({ event }) {
  return html`<div class="grid2"><div><strong>${t('audit.before')}</strong><pre>${pretty(event.before)}</pre></div>
    <div><strong>${t('audit.after')}</strong><pre>${pretty(event.after)}</pre></div></div>`;
}

function pretty(text) {
  if (!text) return '—';
  try { return JSON.stringify(JSON.parse(text), null, 1); } catch { return text; }
}
