// Policy versions per region; the what-if comparison of a candidate (chart, top differences, both
// traces); two-person activation (request, confirm by another), rollback, history; bundle upload.
import { html, useState } from '../lib.js';
import { api } from '../api.js';
import { t, localized } from '../i18n.js';
import { yuan, dateTime, today } from '../format.js';
import { useLoad, Problem, Notice, Loading, Table, Dialog, Field, Badge } from '../ui.js';
import { can } from '../permissions.js';
import { Chart } from '../chart.js';
import { DecisionTrace } from './trace.js';

export function Policies({ session, lang }) {
  const policies = useLoad(() => api('/policies'), []);
  const requests = useLoad(() => (can(session, 'policy.activate') ? api('/policies/activation-requests', { params: { status: 'PENDING' } }) : Promise.resolve([])), []);
  const [region, setRegion] = useState(null);
  const [action, setAction] = useState(null);
  const [notice, setNotice] = useState(null);
  const byRegion = groupByRegion(policies.data || []);
  const code = region || [...byRegion.keys()][0];
  const reload = () => { policies.reload(); requests.reload(); };
  return html`<section aria-labelledby="policies-title">
    <h1 id="policies-title">${t('nav.policies')}</h1>
    <${Problem} error=${policies.error}/><${Loading} when=${policies.loading && !policies.data}/>
    <${Notice}>${notice}</${Notice}>
    <${PendingRequests} requests=${requests.data} session=${session} lang=${lang} onChanged=${reload} onNotice=${setNotice}/>
    ${policies.data && html`<${Table} caption=${t('nav.policies')} rows=${sorted(policies.data)} rowKey=${v => `${v.descriptor.regionCode}/${v.descriptor.version}`}
      activeKey=${action?.kind === 'compare' ? `${action.code}/${action.version}` : null} columns=${[
      { label: t('common.region'), render: v => html`${v.descriptor.regionCode} ${localized(v.descriptor.regionName)}` },
      { label: t('policies.version'), render: v => html`<strong>${v.descriptor.version}</strong>${v.pinned ? html` <${Badge} value="PENDING" text=${t('policies.pinned')}/>` : ''}` },
      { label: t('policies.period'), render: v => `${v.descriptor.period.from} – ${v.descriptor.period.to || '…'}` },
      { label: t('common.status'), render: v => html`<${Badge} value=${v.status}/>${v.reason ? html` <span class="muted">${v.reason}</span>` : ''}` },
      { label: t('policies.documents'), render: v => v.descriptor.documents.map(d => localized(d.title)).join('；') },
      { label: '', render: v => html`
        ${v.status === 'STANDBY' && can(session, 'policy.compare') && html`<button type="button" onClick=${() => setAction({ kind: 'compare', code: v.descriptor.regionCode, version: v.descriptor.version })}>${t('policies.compare')}</button> `}
        ${v.status === 'STANDBY' && can(session, 'policy.activate') && html`<button class="primary" type="button" onClick=${() => setAction({ kind: 'activate', code: v.descriptor.regionCode, version: v.descriptor.version })}>${t('policies.requestActivation')}</button>`}
        ${v === newestActive(policies.data, v.descriptor.regionCode) && can(session, 'policy.rollback') && html`<button type="button" class="danger" onClick=${() => setAction({ kind: 'rollback', code: v.descriptor.regionCode })}>${t('policies.rollback')}</button>`}` },
    ]}/>`}
    ${action?.kind === 'compare' && html`<${Comparison} key=${action.version} code=${action.code} candidate=${action.version} lang=${lang}/>`}
    ${byRegion.size > 0 && html`<div class="panel">
      <${Field} label=${t('policies.historyOf')}><select data-testid="policy-region" value=${code} onChange=${e => setRegion(e.target.value)}>
        ${[...byRegion.entries()].map(([c, versions]) => html`<option value=${c}>${c} ${localized(versions[0].descriptor.regionName)}</option>`)}
      </select></${Field}>
      <${History} key=${`${code}-${policies.data?.length}`} code=${code} lang=${lang}/></div>`}
    ${can(session, 'bundle.write') && html`<${Upload} onDone=${message => { setNotice(message); reload(); }}/>`}
    <${Dialog} open=${action?.kind === 'activate' || action?.kind === 'rollback'} title=${action ? t(`policies.${action.kind}Title`, action) : ''} onClose=${() => setAction(null)}>
      ${action && action.kind !== 'compare' && html`<${ReasonForm} action=${action} onCancel=${() => setAction(null)}
        onDone=${message => { setAction(null); setNotice(message); reload(); }}/>`}
    </${Dialog}>
  </section>`;
}

/** A rollback acts on a region, not a version: offered once, on its newest active version. */
function newestActive(versions, code) {
  return sorted(versions).find(v => v.descriptor.regionCode === code && v.status === 'ACTIVE');
}

function sorted(versions) {
  return [...versions].sort((a, b) => a.descriptor.regionCode.localeCompare(b.descriptor.regionCode)
    || b.descriptor.version.localeCompare(a.descriptor.version));
}

function groupByRegion(versions) {
  const groups = new Map();
  for (const v of versions) {
    const code = v.descriptor.regionCode;
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code).push(v);
  }
  return groups;
}

function ReasonForm({ action, onDone, onCancel }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState(null);
  async function submit(e) {
    e.preventDefault();
    try {
      if (action.kind === 'activate') {
        const request = await api(`/policies/${action.code}/${encodeURIComponent(action.version)}/activate`, { method: 'POST', body: { reason } });
        onDone(t('policies.requested', { id: request?.id ?? '', version: action.version }));
      } else {
        await api(`/policies/${action.code}/rollback`, { method: 'POST', body: { reason } });
        onDone(t('policies.rolledBack', { code: action.code }));
      }
    } catch (failure) { setError(failure); }
  }
  return html`<form onSubmit=${submit}>
    <p>${t(`policies.${action.kind}Explain`)}</p>
    <${Field} label=${t('review.reason')}><textarea name="reason" required value=${reason} onInput=${e => setReason(e.target.value)}></textarea></${Field}>
    <${Problem} error=${error}/>
    <div class="actions"><button type="button" onClick=${onCancel}>${t('common.cancel')}</button><button class="primary" type="submit">${t('common.confirm')}</button></div>
  </form>`;
}

function PendingRequests({ requests, session, lang, onChanged, onNotice }) {
  const [error, setError] = useState(null);
  if (!requests || requests.length === 0) return null;
  async function act(request, confirm) {
    setError(null);
    try {
      if (confirm) await api(`/policies/activation-requests/${request.id}/confirm`, { method: 'POST' });
      else await api(`/policies/activation-requests/${request.id}`, { method: 'DELETE' });
      onNotice(t(confirm ? 'policies.confirmed' : 'policies.cancelled', { version: request.version }));
      onChanged();
    } catch (failure) { setError(failure); }
  }
  return html`<div class="panel" data-testid="pending-requests"><h2>${t('policies.pending')}</h2>
    <${Problem} error=${error}/>
    <${Table} rows=${requests} columns=${[
      { label: t('common.region'), render: r => r.regionCode },
      { label: t('policies.version'), render: r => r.version },
      { label: t('review.reason'), render: r => r.reason },
      { label: t('policies.requestedBy'), render: r => `${r.requestedBy} · ${dateTime(r.requestedAt, lang)}` },
      { label: t('policies.expires'), render: r => dateTime(r.expiresAt, lang) },
      { label: '', render: r => (r.requestedBy === session.user.username
        ? html`<button type="button" onClick=${() => act(r, false)}>${t('common.cancel')}</button> <span class="muted">${t('policies.needsAnother')}</span>`
        : html`<button class="primary" type="button" onClick=${() => act(r, true)}>${t('policies.confirm')}</button>`) },
    ]}/></div>`;
}

function Comparison({ code, candidate, lang }) {
  const year = today().slice(0, 4);
  const [range, setRange] = useState({ from: `${year}-01-01`, to: today() });
  const [open, setOpen] = useState(null);
  const { data, error, loading } = useLoad(() => api(`/policies/${code}/compare`, { method: 'POST', body: { candidate, ...range, top: 10 } }), [range.from, range.to]);
  const occupations = data?.byOccupation || [];
  return html`<div class="panel" data-testid="comparison">
    <h2>${t('policies.comparison', { candidate })}</h2>
    <form class="inline" onSubmit=${e => e.preventDefault()}>
      <${Field} label=${t('common.from')}><input type="date" value=${range.from} onChange=${e => setRange(r => ({ ...r, from: e.target.value }))}/></${Field}>
      <${Field} label=${t('common.to')}><input type="date" value=${range.to} onChange=${e => setRange(r => ({ ...r, to: e.target.value }))}/></${Field}>
    </form>
    <${Problem} error=${error}/><${Loading} when=${loading}/>
    ${data && html`
      <p>${t('policies.compareSummary', { claims: data.claims, changed: data.changed, stored: yuan(data.storedTotal), candidate: yuan(data.candidateTotal), delta: yuan(data.delta) })}</p>
      <${Chart} testid="chart-compare" label=${t('policies.deltaByOccupation')} deps=${[data, lang]} option=${{
        grid: { left: 80, right: 20, top: 20, bottom: 40 },
        tooltip: { valueFormatter: v => yuan(v) },
        xAxis: { type: 'category', data: occupations.map(o => o.occupationCode) },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', name: t('policies.delta'), data: occupations.map(o => ({ value: Number(o.delta),
          itemStyle: { color: Number(o.delta) < 0 ? '#b42318' : '#067647' } })) }],
      }}/>
      <h3>${t('policies.largest')}</h3>
      <${Table} rows=${data.largest} rowKey=${d => d.claimId} onRowClick=${d => setOpen(open === d.claimId ? null : d.claimId)} activeKey=${open} columns=${[
        { label: t('common.id'), render: d => d.claimId },
        { label: t('review.class'), render: d => d.classId },
        { label: t('policies.stored'), num: true, render: d => yuan(d.stored) },
        { label: t('policies.candidate'), num: true, render: d => yuan(d.candidate) },
        { label: t('policies.delta'), num: true, render: d => yuan(d.delta) },
      ]}/>
      ${open && html`<div class="grid2">
        <div class="panel"><h3>${t('policies.storedTrace')}</h3><${DecisionTrace} testid="stored-trace" decision=${data.largest.find(d => d.claimId === open).storedDecision}/></div>
        <div class="panel"><h3>${t('policies.candidateTrace')}</h3><${DecisionTrace} testid="candidate-trace" decision=${data.largest.find(d => d.claimId === open).candidateDecision}/></div>
      </div>`}`}
  </div>`;
}

function History({ code, lang }) {
  const { data, error } = useLoad(() => api(`/policies/${code}/activations`), [code]);
  return html`<div><h2>${t('policies.history')}</h2><${Problem} error=${error}/>
    ${data && html`<${Table} rows=${data} columns=${[
      { label: t('policies.when'), render: a => dateTime(a.at, lang) },
      { label: t('policies.kind'), render: a => t(`activation.${a.kind}`) },
      { label: t('policies.version'), render: a => a.version },
      { label: t('policies.actor'), render: a => a.actor },
      { label: t('review.reason'), render: a => a.reason || '' },
    ]}/>`}</div>`;
}

function Upload({ onDone }) {
  const [error, setError] = useState(null);
  async function upload(file) {
    setError(null);
    try {
      const deployed = await api('/bundles', { method: 'POST', body: file, headers: { 'Content-Type': 'application/java-archive' } });
      onDone(t('policies.uploaded', { file: deployed.file, status: deployed.status }));
    } catch (failure) { setError(failure); }
  }
  return html`<div class="panel"><h2>${t('policies.upload')}</h2>
    <p class="muted">${t('policies.uploadExplain')}</p>
    <input type="file" accept=".jar" aria-label=${t('policies.upload')} onChange=${e => e.target.files[0] && upload(e.target.files[0])}/>
    <${Problem} error=${error}/></div>`;
}
