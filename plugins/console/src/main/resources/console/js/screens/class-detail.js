// One class: its trainees (CSV or XLSX import with the rows' errors), attendance, outcomes (and later
// employment evidence), the satisfaction survey, claims (top-ups marked), timeline.
import { html, useState } from '../lib.js';
import { api, all, download } from '../api.js';
import { t } from '../i18n.js';
import { yuan, today, percent, dateTime } from '../format.js';
import { useLoad, Problem, Notice, Loading, Table, Tabs, Dialog, Field, Badge, TopUpMark, etag } from '../ui.js';
import { can } from '../permissions.js';

const CERTIFICATES = ['VOCATIONAL_QUALIFICATION', 'SKILL_LEVEL', 'SPECIAL_ABILITY', 'SPECIAL_OPERATION', 'TRAINING_COMPLETION'];
const EMPLOYMENT = ['STABLE', 'FLEXIBLE', 'ENTREPRENEURSHIP', 'NONE'];
const LATER_EMPLOYMENT = EMPLOYMENT.filter(e => e !== 'NONE');
const TABS = ['trainees', 'attendance', 'outcomes', 'survey', 'claims', 'timeline'];

export function ClassDetail({ id, session, lang }) {
  const [tab, setTab] = useState('trainees');
  const loaded = useLoad(() => load(id, session), [id]);
  const { data, error, loading, reload } = loaded;
  return html`<section aria-labelledby="class-title">
    <p><a href="#/classes">← ${t('nav.classes')}</a></p>
    <h1 id="class-title">${t('classDetail.title', { id })}</h1>
    <${Problem} error=${error}/><${Loading} when=${loading && !data}/>
    ${data && html`
      <p class="muted">${data.klass.facts.regionCode} · ${data.klass.facts.occupationCode} · ${t(`level.${data.klass.facts.level}`)}${' · '}${data.klass.facts.startDate} – ${data.klass.facts.endDate} · ${t('classes.hours')} ${data.klass.facts.hours}${' · '}<span data-testid="survey-summary">${surveySummary(data, lang)}</span></p>
      <${Tabs} active=${tab} onChange=${setTab} tabs=${TABS.map(k => ({ id: k, label: t(`classDetail.${k}`) }))}/>
      ${tab === 'trainees' && html`<${Trainees} data=${data} session=${session} reload=${reload}/>`}
      ${tab === 'attendance' && html`<${Attendance} data=${data} session=${session} reload=${reload}/>`}
      ${tab === 'outcomes' && html`<${Outcomes} data=${data} session=${session} reload=${reload}/>`}
      ${tab === 'survey' && html`<${SurveyPanel} data=${data} session=${session} lang=${lang} reload=${reload}/>`}
      ${tab === 'claims' && html`<${Claims} data=${data} session=${session} reload=${reload}/>`}
      ${tab === 'timeline' && html`<${Timeline} data=${data}/>`}`}
  </section>`;
}

async function load(id, session) {
  const [klass, enrolments] = await Promise.all([api(`/classes/${id}`), all(`/classes/${id}/enrolments`)]);
  const trainees = can(session, 'trainee.read')
    ? await Promise.all(enrolments.map(e => api(`/trainees/${e.traineeId}`).catch(() => null))) : [];
  const claims = can(session, 'claim.read') ? await all('/claims', { classId: id }) : [];
  // a survey exists only once the class has ended; asked for before, it would only answer 404
  const survey = today() > klass.facts.endDate ? await api(`/classes/${id}/survey`).catch(absent) : null;
  const byTrainee = new Map(trainees.filter(Boolean).map(tr => [tr.id, tr]));
  const originals = new Map(claims.filter(c => c.topUpOf == null).map(c => [c.enrolmentId, c]));
  return { klass, survey, claims, enrolments: enrolments.map(e => ({ ...e, trainee: byTrainee.get(e.traineeId), claim: originals.get(e.id) })) };
}

/** 404 (nothing recorded yet) as null; any other refusal stays one. */
function absent(failure) {
  if (failure.status === 404) return null;
  throw failure;
}

function ended(klass) { return today() > klass.facts.endDate; }

function surveySummary({ klass, survey }, lang) {
  if (survey) return t('survey.summary', { satisfied: survey.satisfied, respondents: survey.respondents, rate: percent(survey.satisfied, survey.respondents, lang) });
  return ended(klass) ? t('survey.notRecorded') : t('survey.notYet');
}

function name(enrolment) {
  return enrolment.trainee ? `${enrolment.trainee.name}（${enrolment.trainee.residentId}）` : `#${enrolment.traineeId}`;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function Trainees({ data, session, reload }) {
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [rows, setRows] = useState([]);
  async function importFile(path, file) {
    setResult(null); setError(null); setRows([]);
    try {
      // by the extension, not file.type: browsers on Windows report a .csv as application/vnd.ms-excel
      const type = /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv; charset=UTF-8';
      const summary = await api(path, { method: 'POST', body: file, headers: { 'Content-Type': type } });
      setResult(t('classDetail.imported', { n: summary.imported }));
      reload();
    } catch (failure) {
      setError(failure);
      setRows((failure.problem?.violations || []).map((v, i) => ({ id: i, ...splitLine(v.field), rule: v.rule, message: v.message, $error: true })));
    }
  }
  const writable = can(session, 'class.write');
  return html`<div>
    <div class="toolbar">
      ${can(session, 'trainee.write') && html`<label class="field">${t('classDetail.registerFile')}
        <input type="file" accept=".csv,.xlsx" data-testid="trainee-import" onChange=${e => e.target.files[0] && importFile('/trainees/import', e.target.files[0])}/></label>`}
      ${writable && html`<label class="field">${t('classDetail.enrolFile')}
        <input type="file" accept=".csv,.xlsx" data-testid="enrolment-import" onChange=${e => e.target.files[0] && importFile(`/classes/${data.klass.id}/enrolments/import`, e.target.files[0])}/></label>`}
      <button type="button" onClick=${() => download(`/classes/${data.klass.id}/roster`, {}, `roster-${data.klass.id}.csv`).catch(setError)}>${t('classDetail.rosterCsv')}</button>
      <button type="button" onClick=${() => download(`/classes/${data.klass.id}/roster`, { format: 'xlsx' }, `roster-${data.klass.id}.xlsx`).catch(setError)}>${t('classDetail.rosterXlsx')}</button>
    </div>
    <${Notice}>${result}</${Notice}>
    <${Problem} error=${error}/>
    ${rows.length > 0 && html`<${Table} caption=${t('classDetail.importErrors')} rows=${rows} columns=${[
      { label: t('classDetail.line'), render: r => r.line },
      { label: t('classDetail.field'), render: r => html`<code>${r.field}</code>` },
      { label: t('classDetail.rule'), render: r => r.rule },
      { label: t('classDetail.message'), render: r => r.message },
    ]}/>`}
    <h2>${t('classDetail.enrolled', { n: data.enrolments.length })}</h2>
    <${Table} rows=${data.enrolments} columns=${[
      { label: t('common.id'), render: e => e.id },
      { label: t('classDetail.trainee'), render: e => e.trainee?.name || `#${e.traineeId}` },
      { label: t('classDetail.residentId'), nowrap: true, render: e => e.trainee?.residentId || '—' },
      { label: t('classDetail.enrolledOn'), nowrap: true, render: e => e.enrolledOn },
      { label: t('classDetail.attendedDays'), num: true, render: e => e.attendedDays },
    ]}/>
  </div>`;
}

/** "line 3: idNumber" → {line: 3, field: "idNumber"} */
export function splitLine(field) {
  const match = /^line (\d+): (.*)$/.exec(field || '');
  return match ? { line: Number(match[1]), field: match[2] } : { line: '—', field };
}

function Attendance({ data, session, reload }) {
  const { startDate, endDate } = data.klass.facts;
  const last = today() < endDate ? today() : endDate;
  const [day, setDay] = useState(last < startDate ? startDate : last);
  const [ticked, setTicked] = useState(new Set());
  const [results, setResults] = useState(null);
  async function checkIn() {
    const outcome = [];
    for (const id of ticked) {
      try { await api(`/enrolments/${id}/check-ins`, { method: 'POST', body: { day } }); outcome.push({ id, ok: true }); }
      catch (failure) { outcome.push({ id, ok: false, error: failure }); }
    }
    setResults(outcome);
    setTicked(new Set());
    reload();
  }
  return html`<div>
    ${can(session, 'class.write') && html`<div class="toolbar">
      <${Field} label=${t('classDetail.day')}><input type="date" min=${startDate} max=${endDate} value=${day} onInput=${e => setDay(e.target.value)}/></${Field}>
      <button class="primary" type="button" disabled=${ticked.size === 0} onClick=${checkIn}>${t('classDetail.checkIn', { n: ticked.size })}</button>
    </div>`}
    ${results && html`<${Table} rows=${results} columns=${[
      { label: t('common.id'), render: r => r.id },
      { label: t('common.result'), render: r => (r.ok ? html`<${Badge} value="ok" text=${t('common.done')}/>` : html`<${Problem} error=${r.error}/>`) },
    ]}/>`}
    <${Table} rows=${data.enrolments} selectable=${can(session, 'class.write')} selected=${ticked} onSelect=${setTicked} columns=${[
      { label: t('classDetail.trainee'), render: name },
      { label: t('classDetail.attendedDays'), num: true, render: e => e.attendedDays },
    ]}/>
  </div>`;
}

function Outcomes({ data, session, reload }) {
  const [editing, setEditing] = useState(null);
  const [later, setLater] = useState(null);
  const writable = can(session, 'class.write');
  /** Once claimed, an outcome no longer changes (K12); only employment that was NONE may follow, once. */
  const action = e => {
    if (!writable) return '';
    if (!e.claim) return html`<button type="button" onClick=${() => setEditing(e)}>${t('classDetail.record')}</button>`;
    if (e.outcome?.employment === 'NONE' && !e.employmentRecordedOn) {
      return html`<button type="button" data-testid="later-employment" onClick=${() => setLater(e)}>${t('employmentLater.action')}</button>`;
    }
    return '';
  };
  return html`<div>
    <p class="muted">${t('employmentLater.hint')}</p>
    <${Table} caption=${t('classDetail.outcomes')} rows=${data.enrolments} columns=${[
      { label: t('classDetail.trainee'), render: name },
      { label: t('classDetail.passed'), render: e => (e.outcome ? t(e.outcome.passed ? 'common.yes' : 'common.no') : '—') },
      { label: t('classDetail.certificate'), render: e => (e.outcome?.certificate ? `${t(`certificate.${e.outcome.certificate.kind}`)} ${e.outcome.certificate.issuedOn}` : '—') },
      { label: t('classDetail.employment'), render: employment },
      { label: t('classDetail.claim'), nowrap: true, render: e => (e.claim ? html`<a href=${`#/review/${e.claim.id}`}>#${e.claim.id}</a> <${Badge} value=${e.claim.status}/>` : '—') },
      { label: '', render: action },
    ]}/>
    <${Dialog} open=${!!editing} title=${editing ? t('classDetail.outcomeFor', { who: name(editing) }) : ''} onClose=${() => setEditing(null)}>
      ${editing && html`<${OutcomeForm} enrolment=${editing} level=${data.klass.facts.level} onDone=${() => { setEditing(null); reload(); }} onCancel=${() => setEditing(null)}/>`}
    </${Dialog}>
    <${Dialog} open=${!!later} title=${later ? t('employmentLater.title', { who: name(later) }) : ''} onClose=${() => setLater(null)}>
      ${later && html`<${LaterEmploymentForm} enrolment=${later} klass=${data.klass} onDone=${() => { setLater(null); reload(); }} onCancel=${() => setLater(null)}/>`}
    </${Dialog}>
  </div>`;
}

/** The employment outcome, with the day later evidence was recorded (补录) when it came after the claim. */
function employment(e) {
  if (!e.outcome?.employment) return '—';
  const text = `${t(`employment.${e.outcome.employment}`)}${e.outcome.employedOn ? ` ${e.outcome.employedOn}` : ''}`;
  return e.employmentRecordedOn
    ? html`${text} <${Badge} value="later" text=${t('employmentLater.recordedOn', { on: e.employmentRecordedOn })}/>`
    : text;
}

function LaterEmploymentForm({ enrolment, klass, onDone, onCancel }) {
  const [kind, setKind] = useState('STABLE');
  const [employedOn, setEmployedOn] = useState(today());
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function submit(e) {
    e.preventDefault();
    setError(null); setBusy(true);
    try {
      await api(`/enrolments/${enrolment.id}/employment`, { method: 'PUT', body: { employment: kind, employedOn } });
      onDone();
    } catch (failure) { setError(failure); } finally { setBusy(false); }
  }
  return html`<form onSubmit=${submit} data-testid="later-employment-form">
    <p class="muted">${t('employmentLater.explain', { claim: enrolment.claim?.id ?? '—' })}</p>
    ${enrolment.claim?.status === 'REJECTED' && html`<p class="warning" role="note">${t('employmentLater.refused', { claim: enrolment.claim.id })}</p>`}
    <div class="form-grid">
      <${Field} label=${t('classDetail.employment')}><select name="employment" value=${kind} onChange=${e => setKind(e.target.value)}>
        ${LATER_EMPLOYMENT.map(c => html`<option value=${c}>${t(`employment.${c}`)}</option>`)}</select></${Field}>
      <${Field} label=${t('classDetail.employedOn')}><input type="date" name="employedOn" required min=${klass.facts.startDate} max=${today()}
        value=${employedOn} onInput=${e => setEmployedOn(e.target.value)}/></${Field}>
    </div>
    <${Problem} error=${error}/>
    <div class="actions"><button type="button" onClick=${onCancel}>${t('common.cancel')}</button>
      <button class="primary" type="submit" disabled=${busy}>${t('common.save')}</button></div>
  </form>`;
}

/** The class's satisfaction survey (满意度调查, K11): what was recorded, and for a writer the form once the class has ended. */
function SurveyPanel({ data, session, lang, reload }) {
  const { klass, survey, claims, enrolments } = data;
  const fixed = claims.length > 0;
  const writable = can(session, 'class.write') && ended(klass) && !fixed;
  return html`<div class="panel" data-testid="survey">
    <h2>${t('survey.title')}</h2>
    ${survey ? html`<dl class="facts" data-testid="survey-recorded">
        <dt>${t('survey.respondents')}</dt><dd>${survey.respondents}</dd>
        <dt>${t('survey.satisfied')}</dt><dd>${survey.satisfied}</dd>
        <dt>${t('survey.satisfaction')}</dt><dd data-testid="survey-rate">${percent(survey.satisfied, survey.respondents, lang)}</dd>
        <dt>${t('survey.surveyedOn')}</dt><dd>${survey.surveyedOn}</dd>
        <dt>${t('survey.recordedBy')}</dt><dd>${survey.recordedBy} · ${dateTime(survey.recordedAt, lang)}</dd>
      </dl>`
      : html`<p data-testid="survey-none">${ended(klass) ? t('survey.notRecorded') : t('survey.notYet')}</p>`}
    ${!survey && ended(klass) && html`<p class="muted">${t('survey.unsurveyedNote')}</p>`}
    ${fixed && html`<p class="muted">${t('survey.fixed')}</p>`}
    ${writable && html`<${SurveyForm} klass=${klass} survey=${survey} enrolled=${enrolments.length} onDone=${reload}/>`}
  </div>`;
}

function SurveyForm({ klass, survey, enrolled, onDone }) {
  const [respondents, setRespondents] = useState(String(survey?.respondents ?? enrolled));
  const [satisfied, setSatisfied] = useState(String(survey?.satisfied ?? ''));
  const [surveyedOn, setSurveyedOn] = useState(survey?.surveyedOn ?? today());
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function submit(e) {
    e.preventDefault();
    setError(null); setBusy(true);
    try {
      await api(`/classes/${klass.id}/survey`, { method: 'PUT', body: { respondents: Number(respondents), satisfied: Number(satisfied), surveyedOn } });
      onDone();
    } catch (failure) { setError(failure); } finally { setBusy(false); }
  }
  // the limits are the platform's (K11): it explains a refusal in the user's language, so the form
  // does not stop at the browser's own messages for the enrolment bound
  return html`<form onSubmit=${submit} data-testid="survey-form">
    <h3>${survey ? t('survey.replace') : t('survey.record')}</h3>
    <div class="form-grid">
      <${Field} label=${t('survey.respondents')}><input type="number" name="respondents" required min="1" step="1" value=${respondents} onInput=${e => setRespondents(e.target.value)}/></${Field}>
      <${Field} label=${t('survey.satisfied')}><input type="number" name="satisfied" required min="0" step="1" value=${satisfied} onInput=${e => setSatisfied(e.target.value)}/></${Field}>
      <${Field} label=${t('survey.surveyedOn')}><input type="date" name="surveyedOn" required min=${klass.facts.endDate} max=${today()} value=${surveyedOn} onInput=${e => setSurveyedOn(e.target.value)}/></${Field}>
    </div>
    <p class="muted">${t('survey.rules', { n: enrolled })}</p>
    <${Problem} error=${error}/>
    <div class="actions"><button class="primary" type="submit" disabled=${busy}>${t('common.save')}</button></div>
  </form>`;
}

function OutcomeForm({ enrolment, level, onDone, onCancel }) {
  const [passed, setPassed] = useState(enrolment.outcome?.passed ?? true);
  const [kind, setKind] = useState(enrolment.outcome?.certificate?.kind || '');
  const [issuedOn, setIssuedOn] = useState(enrolment.outcome?.certificate?.issuedOn || '');
  const [employment, setEmployment] = useState(enrolment.outcome?.employment || 'NONE');
  const [employedOn, setEmployedOn] = useState(enrolment.outcome?.employedOn || '');
  const [error, setError] = useState(null);
  async function submit(e) {
    e.preventDefault();
    try {
      await api(`/enrolments/${enrolment.id}/outcome`, { method: 'PUT', headers: etag(enrolment.version), body: {
        passed, certificate: kind ? { kind, level, issuedOn } : null,
        employment, employedOn: employment === 'NONE' ? null : employedOn || null } });
      onDone();
    } catch (failure) { setError(failure); }
  }
  return html`<form onSubmit=${submit}>
    <div class="form-grid">
      <${Field} label=${t('classDetail.passed')}><select value=${String(passed)} onChange=${e => setPassed(e.target.value === 'true')}>
        <option value="true">${t('common.yes')}</option><option value="false">${t('common.no')}</option></select></${Field}>
      <${Field} label=${t('classDetail.certificate')}><select value=${kind} onChange=${e => setKind(e.target.value)}>
        <option value="">${t('common.none')}</option>${CERTIFICATES.map(c => html`<option value=${c}>${t(`certificate.${c}`)}</option>`)}</select></${Field}>
      ${kind && html`<${Field} label=${t('classDetail.issuedOn')}><input type="date" required value=${issuedOn} onInput=${e => setIssuedOn(e.target.value)}/></${Field}>`}
      <${Field} label=${t('classDetail.employment')}><select value=${employment} onChange=${e => setEmployment(e.target.value)}>
        ${EMPLOYMENT.map(c => html`<option value=${c}>${t(`employment.${c}`)}</option>`)}</select></${Field}>
      ${employment !== 'NONE' && html`<${Field} label=${t('classDetail.employedOn')}><input type="date" required value=${employedOn} onInput=${e => setEmployedOn(e.target.value)}/></${Field}>`}
    </div>
    <${Problem} error=${error}/>
    <div class="actions"><button type="button" onClick=${onCancel}>${t('common.cancel')}</button><button class="primary" type="submit">${t('common.save')}</button></div>
  </form>`;
}

function Claims({ data, session, reload }) {
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState(null);
  async function compute() {
    setError(null);
    try {
      const created = await api(`/classes/${data.klass.id}/claims`, { method: 'POST' });
      setNotice(t('classDetail.computed', { n: Array.isArray(created) ? created.length : created?.items?.length ?? 0 }));
      reload();
    } catch (failure) { setError(failure); }
  }
  return html`<div>
    ${can(session, 'claim.compute') && html`<div class="toolbar"><button class="primary" type="button" onClick=${compute}>${t('classDetail.compute')}</button></div>`}
    <${Notice}>${notice}</${Notice}><${Problem} error=${error}/>
    <${Table} caption=${t('classDetail.claims')} rows=${data.claims} onRowClick=${c => { location.hash = `#/review/${c.id}`; }} columns=${[
      { label: t('common.id'), render: c => html`<a href=${`#/review/${c.id}`} onClick=${e => e.stopPropagation()}>${c.id}</a>` },
      { label: t('classDetail.trainee'), render: c => { const e = data.enrolments.find(x => x.id === c.enrolmentId); return e ? name(e) : `#${c.traineeId}`; } },
      { label: t('claims.kind'), render: c => (c.topUpOf != null ? html`<${TopUpMark} claim=${c}/>` : toppedUp(c, data.claims)) },
      { label: t('common.status'), render: c => html`<${Badge} value=${c.status}/>` },
      { label: t('claims.amount'), num: true, render: c => yuan(c.amount) },
      { label: t('claims.payment'), render: c => html`<${Badge} value=${c.paymentState} text=${t(`payment.${c.paymentState}`)}/>` },
    ]}/>
  </div>`;
}

/** An original claim's top-ups, as links ("补差 #12"). */
function toppedUp(claim, claims) {
  const topUps = claims.filter(c => c.topUpOf === claim.id);
  if (topUps.length === 0) return html`<span class="muted">${t('claims.original')}</span>`;
  return html`<span class="muted">${t('claims.original')}</span> · ${topUps.map(c => html`<a href=${`#/review/${c.id}`} onClick=${e => e.stopPropagation()}>${t('claims.toppedUpBy', { id: c.id })}</a> `)}`;
}

function Timeline({ data }) {
  const { klass, claims } = data;
  const on = today();
  const counted = status => claims.filter(c => c.status === status).length;
  const steps = [
    { key: 'filed', when: klass.filedOn, done: true },
    { key: 'starts', when: klass.facts.startDate, done: on >= klass.facts.startDate },
    { key: 'ends', when: klass.facts.endDate, done: on > klass.facts.endDate },
    { key: 'claimsComputed', when: t('classDetail.nClaims', { n: claims.length }), done: claims.length > 0 },
    { key: 'reviewed', when: t('classDetail.reviewedCounts', { approved: counted('APPROVED'), rejected: counted('REJECTED'), flagged: counted('FLAGGED') }),
      done: claims.length > 0 && counted('FLAGGED') + counted('COMPUTED') === 0 },
    { key: 'paid', when: t('classDetail.paidCounts', { n: claims.filter(c => c.paymentState === 'PAID').length, of: claims.length }),
      done: claims.length > 0 && claims.every(c => c.paymentState === 'PAID' || c.status === 'REJECTED') },
  ];
  return html`<ol class="timeline" data-testid="timeline">${steps.map(s => html`<li class=${s.done ? 'done' : ''}>
    <div>${t(`timeline.${s.key}`)}</div><div class="when">${s.when}</div></li>`)}</ol>`;
}
