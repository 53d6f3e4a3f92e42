// Payments (advances and balances, the payment list export) and monthly settlements with live progress.
import { html, useState, useEffect } from '../lib.js';
import { api, download } from '../api.js';
import { t } from '../i18n.js';
import { yuan, dateTime, today } from '../format.js';
import { useLoad, Problem, Notice, Loading, Table, Pager, Field, Badge, Tabs, TopUpMark } from '../ui.js';
import { can } from '../permissions.js';

export function Payments({ session, lang }) {
  const tabs = [can(session, 'claim.disburse') && 'instalments', can(session, 'settlement.read') && 'settlements'].filter(Boolean);
  const [tab, setTab] = useState(tabs[0]);
  return html`<section aria-labelledby="payments-title">
    <h1 id="payments-title">${t('nav.payments')}</h1>
    <${Tabs} active=${tab} onChange=${setTab} tabs=${tabs.map(id => ({ id, label: t(`payments.${id}`) }))}/>
    ${tab === 'instalments' && html`<${Instalments}/>`}
    ${tab === 'settlements' && html`<${Settlements} session=${session} lang=${lang}/>`}
  </section>`;
}

function Instalments() {
  const [paymentState, setPaymentState] = useState('UNPAID');
  const [status, setStatus] = useState('APPROVED');
  const [offset, setOffset] = useState(0);
  const [outcome, setOutcome] = useState(null);
  const [period, setPeriod] = useState({ from: `${today().slice(0, 8)}01`, to: today() });
  const page = useLoad(() => api('/claims', { params: { status, paymentState, offset, limit: 50 } }), [status, paymentState, offset]);
  const [ticked, setTicked] = useState(new Set());
  /** The balance of each ticked claim, one after another; the first refusal stops the rest. */
  async function payTicked() {
    const claims = page.data.items.filter(c => ticked.has(c.id));
    let paid = 0;
    let error = null;
    for (const claim of claims) {
      try { await disburse(claim, 'BALANCE'); paid += 1; } catch (failure) { error = failure; break; }
    }
    setOutcome({ error, notice: paid ? t('payments.paidMany', { n: paid }) : null });
    setTicked(new Set()); page.reload();
  }
  async function pay(claim, kind) {
    setOutcome(null);
    try {
      const paid = await disburse(claim, kind);
      setOutcome({ notice: t('payments.paid', { id: claim.id, kind: t(`instalment.${kind}`), amount: yuan(paid.amount) }) });
      page.reload();
    } catch (failure) { setOutcome({ error: failure }); }
  }
  return html`<div>
    <form class="inline" onSubmit=${e => e.preventDefault()}>
      <${Field} label=${t('common.status')}><select name="status" value=${status} onChange=${e => { setOffset(0); setTicked(new Set()); setStatus(e.target.value); }}>
        ${['APPROVED', 'COMPUTED', 'FLAGGED'].map(s => html`<option value=${s}>${t(`status.${s}`)}</option>`)}</select></${Field}>
      <${Field} label=${t('claims.payment')}><select name="paymentState" value=${paymentState} onChange=${e => { setOffset(0); setTicked(new Set()); setPaymentState(e.target.value); }}>
        ${['UNPAID', 'ADVANCED', 'PAID'].map(s => html`<option value=${s}>${t(`payment.${s}`)}</option>`)}</select></${Field}>
      <button class="primary" type="button" data-testid="pay-ticked" disabled=${ticked.size === 0 || status !== 'APPROVED'} onClick=${payTicked}>${t('payments.payTicked', { n: ticked.size })}</button>
    </form>
    <form class="inline panel" onSubmit=${e => e.preventDefault()} aria-label=${t('payments.list')}>
      <strong>${t('payments.list')}</strong>
      <${Field} label=${t('common.from')}><input type="date" name="listFrom" value=${period.from} onInput=${e => setPeriod(p => ({ ...p, from: e.target.value }))}/></${Field}>
      <${Field} label=${t('common.to')}><input type="date" name="listTo" value=${period.to} onInput=${e => setPeriod(p => ({ ...p, to: e.target.value }))}/></${Field}>
      <button type="button" onClick=${() => download('/disbursements/export', period, 'payments.csv').catch(error => setOutcome({ error }))}>CSV</button>
      <button type="button" onClick=${() => download('/disbursements/export', { ...period, format: 'xlsx' }, 'payments.xlsx').catch(error => setOutcome({ error }))}>XLSX</button>
    </form>
    <${Notice}>${outcome?.notice}</${Notice}><${Problem} error=${outcome?.error || page.error}/>
    <${Loading} when=${page.loading && !page.data}/>
    ${page.data && html`<${Table} rows=${page.data.items} selectable=${true} selected=${ticked} onSelect=${setTicked} columns=${[
      { label: t('common.id'), render: c => html`<a href=${`#/review/${c.id}`}>${c.id}</a>` },
      { label: t('review.class'), render: c => c.classId },
      { label: t('common.status'), render: c => html`<${Badge} value=${c.status}/>${c.topUpOf != null && html`<br/><${TopUpMark} claim=${c}/>`}` },
      { label: t('claims.amount'), num: true, render: c => yuan(c.amount) },
      { label: t('review.paid'), num: true, render: c => yuan(c.paid) },
      { label: t('payments.outstanding'), num: true, render: c => yuan(c.outstanding) },
      { label: '', render: c => html`
        ${c.paymentState === 'UNPAID' && c.decision?.result?.advanceShare > 0 && html`<button type="button" onClick=${() => pay(c, 'ADVANCE')}>${t('payments.payAdvance')}</button> `}
        ${c.status === 'APPROVED' && c.paymentState !== 'PAID' && html`<button class="primary" type="button" onClick=${() => pay(c, 'BALANCE')}>${t('payments.payBalance')}</button>`}` },
    ]}/><${Pager} page=${page.data} onOffset=${setOffset}/>`}
  </div>`;
}

function Settlements({ session, lang }) {
  const list = useLoad(() => api('/settlements', { params: { limit: 50 } }), []);
  const [watching, setWatching] = useState(null);
  const [error, setError] = useState(null);
  const [regionCode, setRegionCode] = useState(session.user.regions[0] || '');
  const [month, setMonth] = useState(previousMonth());
  async function start(e) {
    e.preventDefault();
    setError(null);
    try {
      const started = await api('/settlements', { method: 'POST', body: { regionCode, month } });
      setWatching(started.id); list.reload();
    } catch (failure) { setError(failure); }
  }
  async function resume(id) {
    setError(null);
    try { await api(`/settlements/${id}/resume`, { method: 'POST' }); setWatching(id); list.reload(); } catch (failure) { setError(failure); }
  }
  return html`<div>
    ${can(session, 'settlement.run') && html`<form class="inline" onSubmit=${start} data-testid="start-settlement">
      <${Field} label=${t('common.region')}><input name="regionCode" required pattern="[0-9]{6}" value=${regionCode} onInput=${e => setRegionCode(e.target.value)}/></${Field}>
      <${Field} label=${t('payments.month')}><input name="month" type="month" required value=${month} onInput=${e => setMonth(e.target.value)}/></${Field}>
      <button class="primary" type="submit">${t('payments.start')}</button>
    </form>`}
    <${Problem} error=${error || list.error}/>
    ${watching && html`<${Progress} key=${watching} id=${watching} lang=${lang} onFinished=${list.reload}/>`}
    ${list.data && html`<${Table} rows=${list.data.items} columns=${[
      { label: t('common.id'), render: s => s.id },
      { label: t('common.region'), render: s => s.regionCode },
      { label: t('payments.month'), render: s => s.month },
      { label: t('common.status'), render: s => html`<${Badge} value=${s.status}/>` },
      { label: t('payments.classes'), num: true, render: s => `${s.classesDone}/${s.classesTotal}` },
      { label: t('payments.claims'), num: true, render: s => s.claimsCreated },
      { label: t('claims.amount'), num: true, render: s => yuan(s.amount) },
      { label: t('payments.startedBy'), render: s => `${s.startedBy} · ${dateTime(s.startedAt, lang)}` },
      { label: '', render: s => html`<button type="button" onClick=${() => setWatching(s.id)}>${t('payments.watch')}</button>
        ${can(session, 'settlement.run') && (s.status === 'INTERRUPTED' || s.status === 'FAILED') && html` <button type="button" onClick=${() => resume(s.id)}>${t('payments.resume')}</button>`}` },
    ]}/>`}
  </div>`;
}

/** One instalment; the key is the claim's version, so a retried click pays nothing twice. */
function disburse(claim, kind) {
  return api(`/claims/${claim.id}/disbursements`, { method: 'POST', body: { kind },
    headers: { 'Idempotency-Key': `console-${claim.id}-${kind}-${claim.version}` } });
}

function previousMonth() {
  const [year, month] = today().split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** Polls the settlement twice a second until it stops running. */
function Progress({ id, lang, onFinished }) {
  const [settlement, setSettlement] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    let live = true;
    let timer;
    const poll = async () => {
      try {
        const current = await api(`/settlements/${id}`);
        if (!live) return;
        setSettlement(current);
        if (current.status === 'RUNNING') timer = setTimeout(poll, 500); else onFinished();
      } catch (failure) { if (live) setError(failure); }
    };
    poll();
    return () => { live = false; clearTimeout(timer); };
  }, [id]);
  const done = settlement ? (settlement.classesTotal ? Math.round(100 * (settlement.classesDone + settlement.classesSkipped) / settlement.classesTotal) : (settlement.status === 'COMPLETED' ? 100 : 0)) : 0;
  return html`<div class="panel" data-testid="settlement-progress">
    <h2>${t('payments.settlement', { id })} ${settlement && html`<${Badge} value=${settlement.status}/>`}</h2>
    <${Problem} error=${error}/>
    <progress max="100" value=${done} aria-label=${t('payments.progress')}></progress>
    <p><span data-testid="settlement-percent">${done} %</span> · ${settlement && t('payments.progressText', {
      done: settlement.classesDone, total: settlement.classesTotal, claims: settlement.claimsCreated, amount: yuan(settlement.amount) })}</p>
    ${settlement?.error && html`<p class="problem">${settlement.error}</p>`}
  </div>`;
}
