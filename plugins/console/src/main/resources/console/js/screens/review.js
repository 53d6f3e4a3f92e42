// The review queue: filter, read a claim's trace, approve or reject one, the ticked rows, or all
// that match (after confirming the count and the total, which the platform checks again).
import { html, useState } from '../lib.js';
import { api } from '../api.js';
import { t, localized, language } from '../i18n.js';
import { yuan } from '../format.js';
import { useLoad, Problem, Loading, Table, Pager, Dialog, Field, Badge, TopUpMark } from '../ui.js';
import { can } from '../permissions.js';
import { DecisionTrace } from './trace.js';

const STATUSES = ['FLAGGED', 'COMPUTED', 'APPROVED', 'REJECTED', 'FROZEN'];

export function Review({ args, session }) {
  const [filter, setFilter] = useState({ status: 'FLAGGED', region: '', classId: '' });
  const [offset, setOffset] = useState(0);
  const [ticked, setTicked] = useState(new Set());
  const [batch, setBatch] = useState(null);
  const [results, setResults] = useState(null);
  const openId = args[0] ? Number(args[0]) : null;
  const params = { ...filter, offset, limit: 50 };
  const page = useLoad(() => api('/claims', { params }), [JSON.stringify(params)]);
  const reviewer = can(session, 'claim.review');
  const refresh = () => { setTicked(new Set()); page.reload(); };
  const change = (key, value) => { setOffset(0); setTicked(new Set()); setFilter(f => ({ ...f, [key]: value })); };

  async function askAllMatching(decision) {
    try {
      const summary = await api('/claims/summary', { params: filter });
      setBatch({ decision, scope: 'filter', count: summary.count, total: summary.total });
    } catch (failure) { setResults({ error: failure }); }
  }

  return html`<section aria-labelledby="review-title">
    <h1 id="review-title">${t('nav.review')}</h1>
    <form class="inline" onSubmit=${e => e.preventDefault()}>
      <${Field} label=${t('common.status')}><select name="status" value=${filter.status} onChange=${e => change('status', e.target.value)}>
        <option value="">${t('common.any')}</option>${STATUSES.map(s => html`<option value=${s}>${t(`status.${s}`)}</option>`)}</select></${Field}>
      <${Field} label=${t('common.region')}><input name="region" size="8" placeholder="510100" value=${filter.region} onChange=${e => change('region', e.target.value.trim())}/></${Field}>
      <${Field} label=${t('review.class')}><input name="classId" size="8" value=${filter.classId} onChange=${e => change('classId', e.target.value.trim())}/></${Field}>
    </form>
    ${reviewer && html`<div class="toolbar" data-testid="batch-bar">
      <button class="primary" type="button" disabled=${ticked.size === 0} onClick=${() => setBatch({ decision: 'APPROVE', scope: 'ids' })}>${t('review.approveTicked', { n: ticked.size })}</button>
      <button class="danger" type="button" disabled=${ticked.size === 0} onClick=${() => setBatch({ decision: 'REJECT', scope: 'ids' })}>${t('review.rejectTicked', { n: ticked.size })}</button>
      <button type="button" disabled=${!page.data?.total} onClick=${() => askAllMatching('APPROVE')}>${t('review.approveAll', { n: page.data?.total ?? 0 })}</button>
    </div>`}
    ${results && html`<${BatchResults} results=${results} onClose=${() => setResults(null)}/>`}
    <${Problem} error=${page.error}/><${Loading} when=${page.loading && !page.data}/>
    <div class=${openId ? 'split' : ''}>
      <div>${page.data && html`
        <${Table} caption=${t('nav.review')} rows=${page.data.items} selectable=${reviewer} selected=${ticked} onSelect=${setTicked}
          activeKey=${openId} onRowClick=${c => { location.hash = `#/review/${c.id}`; }} columns=${[
          { label: t('common.id'), render: c => c.id },
          { label: t('review.class'), render: c => html`<a href=${`#/classes/${c.classId}`} onClick=${e => e.stopPropagation()}>${c.classId}</a>` },
          { label: t('common.region'), render: c => c.decision?.input?.classFacts?.regionCode || '—' },
          // a top-up (补差) says so under its status, with the way to the claim whose difference it pays
          { label: t('common.status'), render: c => html`<${Badge} value=${c.status}/>${c.topUpOf != null && html`<br/><${TopUpMark} claim=${c}/>`}` },
          { label: t('claims.amount'), num: true, render: c => yuan(c.amount) },
          { label: t('review.findings'), render: c => findings(c).join('；') },
        ]}/>
        <${Pager} page=${page.data} onOffset=${setOffset}/>`}
      </div>
      <div>${openId && html`<${ClaimPanel} key=${openId} id=${openId} reviewer=${reviewer} onChanged=${refresh}/>`}</div>
    </div>
    <${Dialog} open=${!!batch} title=${batch ? t(`review.confirm.${batch.decision}`) : ''} onClose=${() => setBatch(null)}>
      ${batch && html`<${BatchForm} batch=${batch} ids=${[...ticked]} filter=${filter}
        onDone=${answer => { setBatch(null); setResults(answer); refresh(); }} onCancel=${() => setBatch(null)}/>`}
    </${Dialog}>
  </section>`;
}

function BatchForm({ batch, ids, filter, onDone, onCancel }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function submit(e) {
    e.preventDefault();
    setBusy(true);
    const body = batch.scope === 'ids' ? { decision: batch.decision, reason, ids }
      : { decision: batch.decision, reason, filter: clean(filter), expect: { count: batch.count, total: batch.total } };
    try {
      onDone(await api('/claims/reviews', { method: 'POST', body }));
    } catch (failure) { setError(failure); } finally { setBusy(false); }
  }
  return html`<form onSubmit=${submit} data-testid="batch-confirm">
    <p>${batch.scope === 'ids' ? t('review.confirmTicked', { n: ids.length })
      : t('review.confirmAll', { n: batch.count, total: yuan(batch.total) })}</p>
    <${Field} label=${t('review.reason')}><textarea name="reason" value=${reason} onInput=${e => setReason(e.target.value)}
      required=${batch.decision === 'REJECT'}></textarea></${Field}>
    <p class="muted">${t('review.reasonRule')}</p>
    <${Problem} error=${error}/>
    <div class="actions"><button type="button" onClick=${onCancel}>${t('common.cancel')}</button>
      <button class=${batch.decision === 'REJECT' ? 'danger' : 'primary'} type="submit" disabled=${busy}>${t(`review.do.${batch.decision}`)}</button></div>
  </form>`;
}

function clean(filter) {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== '').map(([k, v]) => [k, k === 'classId' ? Number(v) : v]));
}

function BatchResults({ results, onClose }) {
  if (results.error) return html`<${Problem} error=${results.error}/>`;
  const counts = results.counts || {};
  return html`<div class="panel" data-testid="batch-results" role="status">
    <strong>${t('review.results')}</strong> ${Object.entries(counts).map(([k, n]) => html`<${Badge} value=${k === 'REFUSED' ? 'bad' : k} text=${`${t(`outcome.${k}`)} ${n}`}/> `)}
    <button type="button" onClick=${onClose}>${t('common.close')}</button>
    <${Table} rows=${results.results} columns=${[
      { label: t('common.id'), render: r => r.id },
      { label: t('common.result'), render: r => html`<${Badge} value=${r.outcome === 'REFUSED' ? 'bad' : r.outcome} text=${t(`outcome.${r.outcome}`)}/>` },
      { label: t('common.status'), render: r => (r.status ? t(`status.${r.status}`) : '—') },
      { label: t('review.why'), render: r => (r.problem ? html`<${Problem} error=${{ problem: r.problem }}/>` : '') },
    ]}/>
  </div>`;
}

function ClaimPanel({ id, reviewer, onChanged }) {
  const { data, error, reload } = useLoad(() => api(`/claims/${id}`), [id]);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState(null);
  async function review(approve) {
    setFailure(null);
    try {
      await api(`/claims/${id}/review`, { method: 'POST', body: { approve, reason: reason || null } });
      reload(); onChanged();
    } catch (problem) { setFailure(problem); }
  }
  const open = data && (data.status === 'FLAGGED' || data.status === 'COMPUTED');
  return html`<aside class="panel" aria-label=${t('review.claim', { id })} data-testid="claim-panel">
    <h2>${t('review.claim', { id })} ${data && html`<${Badge} value=${data.status}/>`}</h2>
    <${Problem} error=${error}/>
    ${data && html`
      <p><strong>${yuan(data.amount)}</strong> · ${t(`payment.${data.paymentState}`)} · ${t('review.paid')} ${yuan(data.paid)}</p>
      ${data.topUpOf != null && html`<p class="topup-note" data-testid="topup-note"><${TopUpMark} claim=${data}/><br/>${t('claims.topUpExplain', { id: data.topUpOf })}</p>`}
      ${findings(data).length > 0 && html`<p>${t('review.findings')}：${findings(data).join('；')}</p>`}
      ${data.reviewNote && html`<p>${t('review.note')}: ${data.reviewNote}</p>`}
      <${DecisionTrace} decision=${data.decision}/>
      ${reviewer && open && html`<div>
        <${Field} label=${t('review.reason')}><textarea name="single-reason" value=${reason} onInput=${e => setReason(e.target.value)}></textarea></${Field}>
        <${Problem} error=${failure}/>
        <div class="actions"><button class="danger" type="button" onClick=${() => review(false)}>${t('review.do.REJECT')}</button>
          <button class="primary" type="button" onClick=${() => review(true)}>${t('review.do.APPROVE')}</button></div>
      </div>`}`}
  </aside>`;
}

/** Why a claim waits for a person: the kernel's own findings and the policy's flags (each flag cites its clause). */
function findings(claim) {
  const flags = (claim.decision?.result?.flags || []).map(flag => `${localized(flag.text)} ${flag.citation || ''}`.trim());
  return [...(claim.findings || []).map(inLanguage), ...flags];
}

/** A kernel finding is "中文 · English": the part of the user's language (older claims hold English only). */
function inLanguage(finding) {
  const parts = finding.split(' · ');
  return parts.length === 2 ? parts[language() === 'en' ? 1 : 0] : finding;
}
