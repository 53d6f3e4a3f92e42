// Yearly training plans (年度培训计划): the plans of the user's regions by year; one plan's lines,
// drafting from the region's demand catalogue, publication, the one adjustment, and its progress
// against the classes filed (a table, a chart, CSV and XLSX).
import { html, useState, useMemo } from '../lib.js';
import { api, download } from '../api.js';
import { t, localized } from '../i18n.js';
import { count, dateTime, today, locale } from '../format.js';
import { useLoad, Problem, Notice, Loading, Table, Dialog, Field, Badge, etag } from '../ui.js';
import { can } from '../permissions.js';
import { Chart } from '../chart.js';
import { regionNames } from './regions.js';

const LEVELS = ['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'TECHNICIAN', 'SENIOR_TECHNICIAN'];

export function Plans({ args, session, lang }) {
  if (args[0] && args[1]) return html`<${PlanDetail} code=${args[0]} year=${Number(args[1])} session=${session} lang=${lang}/>`;
  return html`<${PlanList} session=${session} lang=${lang}/>`;
}

function thisYear() { return Number(today().slice(0, 4)); }

function planned(lines) { return lines.reduce((sum, line) => sum + line.trainees, 0); }

function PlanList({ session, lang }) {
  const [year, setYear] = useState(String(thisYear()));
  const [creating, setCreating] = useState(false);
  const names = useLoad(regionNames, []);
  const page = useLoad(() => api('/plans', { params: { year, limit: 200 } }), [year]);
  const regionName = code => names.data?.get(code);
  const years = [thisYear() + 1, thisYear(), thisYear() - 1, thisYear() - 2];
  return html`<section aria-labelledby="plans-title">
    <h1 id="plans-title">${t('nav.plans')}</h1>
    <p class="muted">${t('plans.intro')}</p>
    <div class="toolbar">
      <${Field} label=${t('plans.year')}><select name="year" value=${year} onChange=${e => setYear(e.target.value)}>
        <option value="">${t('common.any')}</option>${years.map(y => html`<option value=${String(y)}>${y}</option>`)}</select></${Field}>
      ${can(session, 'plan.write') && html`<button class="primary" type="button" data-testid="new-plan" onClick=${() => setCreating(true)}>${t('plans.create')}</button>`}
    </div>
    <${Problem} error=${page.error}/><${Loading} when=${page.loading && !page.data}/>
    ${page.data && html`<${Table} caption=${t('nav.plans')} rows=${page.data.items} rowKey=${p => `${p.regionCode}/${p.year}`}
      empty=${t('plans.none')} onRowClick=${p => { location.hash = `#/plans/${p.regionCode}/${p.year}`; }} columns=${[
      { label: t('common.region'), render: p => html`<a href=${`#/plans/${p.regionCode}/${p.year}`}>${p.regionCode}</a>${regionName(p.regionCode) ? ` ${regionName(p.regionCode)}` : ''}` },
      { label: t('plans.year'), render: p => p.year },
      { label: t('common.status'), render: p => html`<${Badge} value=${p.status}/>` },
      { label: t('plans.lines'), num: true, render: p => count(p.lines.length, lang) },
      { label: t('plans.planned'), num: true, render: p => count(planned(p.lines), lang) },
      { label: t('plans.publishedOn'), nowrap: true, render: p => p.publication?.on || '—' },
      { label: t('plans.adjustedOn'), nowrap: true, render: p => p.adjustment?.on || '—' },
    ]}/>`}
    <${Dialog} wide open=${creating} title=${t('plans.create')} onClose=${() => setCreating(false)}>
      ${creating && html`<${CreatePlan} session=${session}
        onDone=${plan => { setCreating(false); location.hash = `#/plans/${plan.regionCode}/${plan.year}`; }} onCancel=${() => setCreating(false)}/>`}
    </${Dialog}>
  </section>`;
}

/** The first of the user's regions a plan can be written for (the whole country has no demand catalogue of its own to plan by). */
function ownRegion(session) {
  return (session.user.regions || []).find(r => r !== '100000') || '';
}

function CreatePlan({ session, onDone, onCancel }) {
  const [regionCode, setRegionCode] = useState(ownRegion(session));
  // in December the plan drafted is next year's (published from 1 December, SC-2025 §一(二))
  const [year, setYear] = useState(String(today().slice(5, 7) === '12' ? thisYear() + 1 : thisYear()));
  const [lines, setLines] = useState([blankLine()]);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function submit(e) {
    e.preventDefault();
    setError(null); setBusy(true);
    try {
      onDone(await api('/plans', { method: 'POST', body: { regionCode, year: Number(year), lines: body(lines) } }));
    } catch (failure) { setError(failure); } finally { setBusy(false); }
  }
  const ready = /^[0-9]{6}$/.test(regionCode) && /^[0-9]{4}$/.test(year);
  return html`<form onSubmit=${submit} data-testid="plan-form">
    <div class="form-grid">
      <${Field} label=${t('common.region')}><input name="regionCode" required pattern="[0-9]{6}" value=${regionCode} onInput=${e => setRegionCode(e.target.value.trim())}/></${Field}>
      <${Field} label=${t('plans.year')}><input name="year" type="number" required min="1900" max="2100" value=${year} onInput=${e => setYear(e.target.value)}/></${Field}>
    </div>
    ${ready && html`<${LinesEditor} key=${`${regionCode}/${year}`} regionCode=${regionCode} year=${Number(year)} lines=${lines} onChange=${setLines}/>`}
    <${Problem} error=${error}/>
    <div class="actions"><button type="button" onClick=${onCancel}>${t('common.cancel')}</button>
      <button class="primary" type="submit" disabled=${busy || !ready}>${t('plans.saveDraft')}</button></div>
  </form>`;
}

function blankLine() { return { occupationCode: '', level: '', trainees: '' }; }

/** Lines as the platform takes them: level null for "any level", trainees a number. */
function body(lines) {
  return lines.map(line => ({ occupationCode: line.occupationCode, level: line.level || null, trainees: Number(line.trainees) }));
}

function editable(lines) {
  return lines.map(line => ({ occupationCode: line.occupationCode, level: line.level || '', trainees: String(line.trainees) }));
}

/** The region's catalogue on the day plans are checked against it: the later of today and 1 January of the year. */
function useCatalogue(regionCode, year) {
  const on = `${year}-01-01` > today() ? `${year}-01-01` : today();
  return useLoad(() => api(`/regions/${regionCode}/catalog`, { params: { date: on } }), [regionCode, year]);
}

function occupationNames(catalogue) {
  return new Map((catalogue?.occupations || []).map(o => [o.code, o]));
}

/** A plan's lines: each an occupation of the region's demand catalogue, an optional level, trainees planned. */
function LinesEditor({ regionCode, year, lines, onChange }) {
  const catalogue = useCatalogue(regionCode, year);
  const occupations = useMemo(() => occupationNames(catalogue.data), [catalogue.data]);
  const demand = catalogue.data?.demand || [];
  const set = (i, key, value) => onChange(lines.map((line, j) => (j === i ? { ...line, [key]: value, ...(key === 'occupationCode' ? { level: '' } : {}) } : line)));
  const levelsOf = code => occupations.get(code)?.levels || LEVELS;
  return html`<fieldset class="lines" data-testid="plan-lines">
    <legend>${t('plans.lines')}</legend>
    <p class="muted">${demand.length ? t('plans.fromDemand', { n: demand.length }) : t('plans.noDemand')}</p>
    <table>
      <thead><tr><th scope="col">${t('plans.occupation')}</th><th scope="col">${t('plans.level')}</th><th scope="col" class="num">${t('plans.trainees')}</th>
        <th scope="col"><span class="sr-only">${t('common.actions')}</span></th></tr></thead>
      <tbody>${lines.map((line, i) => html`<tr data-line=${i}>
        <td>${demand.length
          ? html`<select name=${`occupation-${i}`} aria-label=${t('plans.lineOccupation', { n: i + 1 })} required value=${line.occupationCode} onChange=${e => set(i, 'occupationCode', e.target.value)}>
              <option value="">${t('plans.choose')}</option>
              ${demand.map(d => html`<option value=${d.occupationCode}>${d.occupationCode} ${localized(occupations.get(d.occupationCode)?.name)}</option>`)}
              ${line.occupationCode && !demand.some(d => d.occupationCode === line.occupationCode) && html`<option value=${line.occupationCode}>${line.occupationCode}</option>`}
            </select>`
          : html`<input name=${`occupation-${i}`} aria-label=${t('plans.lineOccupation', { n: i + 1 })} required size="12" placeholder="4-10-01-05" value=${line.occupationCode} onInput=${e => set(i, 'occupationCode', e.target.value.trim())}/>`}</td>
        <td><select name=${`level-${i}`} aria-label=${t('plans.lineLevel', { n: i + 1 })} value=${line.level} onChange=${e => set(i, 'level', e.target.value)}>
          <option value="">${t('plans.anyLevel')}</option>
          ${levelsOf(line.occupationCode).map(l => html`<option value=${l}>${t(`level.${l}`)}</option>`)}</select></td>
        <td class="num"><input name=${`trainees-${i}`} aria-label=${t('plans.lineTrainees', { n: i + 1 })} type="number" min="1" step="1" required size="6" value=${line.trainees} onInput=${e => set(i, 'trainees', e.target.value)}/></td>
        <td><button type="button" class="danger" disabled=${lines.length === 1} aria-label=${t('plans.removeLine', { n: i + 1 })}
          onClick=${() => onChange(lines.filter((_, j) => j !== i))}>${t('plans.remove')}</button></td>
      </tr>`)}</tbody>
    </table>
    <div class="toolbar"><button type="button" data-testid="add-line" onClick=${() => onChange([...lines, blankLine()])}>${t('plans.addLine')}</button>
      <span class="muted">${t('plans.total', { n: planned(lines.map(l => ({ trainees: Number(l.trainees) || 0 }))) })}</span></div>
    <${Problem} error=${catalogue.error}/>
  </fieldset>`;
}

function PlanDetail({ code, year, session, lang }) {
  const plan = useLoad(() => api(`/plans/${code}/${year}`), [code, year]);
  const names = useLoad(regionNames, []);
  const catalogue = useCatalogue(code, year);
  const occupations = useMemo(() => occupationNames(catalogue.data), [catalogue.data]);
  const [dialog, setDialog] = useState(null);
  const [notice, setNotice] = useState(null);
  const writer = can(session, 'plan.write');
  const data = plan.data;
  const done = (message, changed) => { setDialog(null); setNotice(message); plan.reload(); return changed; };
  const occupation = code => {
    const name = localized(occupations.get(code)?.name);
    return name ? `${code} ${name}` : code;
  };
  return html`<section aria-labelledby="plan-title">
    <p><a href="#/plans">← ${t('nav.plans')}</a></p>
    <h1 id="plan-title">${t('plans.title', { region: `${code}${names.data?.get(code) ? ` ${names.data.get(code)}` : ''}`, year })}</h1>
    <${Problem} error=${plan.error}/><${Loading} when=${plan.loading && !data}/>
    <${Notice}>${notice}</${Notice}>
    ${data && html`
      <div class="panel" data-testid="plan-facts">
        <p><${Badge} value=${data.status}/>${' '}${t('plans.created', { by: data.createdBy, at: dateTime(data.createdAt, lang) })}</p>
        ${data.publication && html`<p>${t('plans.published', { on: data.publication.on, by: data.publication.by })}</p>`}
        ${data.adjustment && html`<p data-testid="plan-adjustment">${t('plans.adjusted', { on: data.adjustment.on, by: data.adjustment.by })}：${data.adjustment.reason}</p>`}
        ${writer && html`<div class="toolbar">
          ${data.status === 'DRAFT' && html`<button type="button" data-testid="edit-lines" onClick=${() => setDialog('lines')}>${t('plans.editLines')}</button>
            <button class="primary" type="button" data-testid="publish" onClick=${() => setDialog('publish')}>${t('plans.publish')}</button>`}
          ${data.status === 'PUBLISHED' && html`<button type="button" data-testid="adjust" onClick=${() => setDialog('adjust')}>${t('plans.adjust')}</button>`}
        </div>`}
        ${writer && data.status === 'PUBLISHED' && html`<p class="muted">${t('plans.adjustOnce')}</p>`}
      </div>
      <h2>${t('plans.lines')}</h2>
      <${Table} caption=${t('plans.lines')} rows=${data.lines} rowKey=${l => `${l.occupationCode}/${l.level || ''}`} columns=${[
        { label: t('plans.occupation'), render: l => occupation(l.occupationCode) },
        { label: t('plans.level'), render: l => (l.level ? t(`level.${l.level}`) : t('plans.anyLevel')) },
        { label: t('plans.trainees'), num: true, render: l => count(l.trainees, lang) },
        ...(data.adjustment ? [{ label: t('plans.originally'), num: true, render: l => count(original(data, l), lang) }] : []),
      ]}/>
      ${data.status !== 'DRAFT' && html`<${Progress} code=${code} year=${year} lang=${lang} occupation=${occupation} version=${data.version}/>`}
      <${Dialog} wide open=${dialog === 'lines'} title=${t('plans.editLines')} onClose=${() => setDialog(null)}>
        ${dialog === 'lines' && html`<${LinesForm} plan=${data} onDone=${changed => done(t('plans.linesSaved'), changed)} onCancel=${() => setDialog(null)}/>`}
      </${Dialog}>
      <${Dialog} open=${dialog === 'publish'} title=${t('plans.publish')} onClose=${() => setDialog(null)}>
        ${dialog === 'publish' && html`<${PublishForm} plan=${data} onDone=${changed => done(t('plans.publishedNotice'), changed)} onCancel=${() => setDialog(null)}/>`}
      </${Dialog}>
      <${Dialog} wide open=${dialog === 'adjust'} title=${t('plans.adjust')} onClose=${() => setDialog(null)}>
        ${dialog === 'adjust' && html`<${AdjustForm} plan=${data} onDone=${changed => done(t('plans.adjustedNotice'), changed)} onCancel=${() => setDialog(null)}/>`}
      </${Dialog}>`}
  </section>`;
}

/** What the first published plan had for a line in force (0 when it was not in it). */
function original(plan, line) {
  const first = plan.adjustment.originalLines.find(l => l.occupationCode === line.occupationCode && (l.level || '') === (line.level || ''));
  return first ? first.trainees : 0;
}

function LinesForm({ plan, onDone, onCancel }) {
  const [lines, setLines] = useState(editable(plan.lines));
  const [error, setError] = useState(null);
  async function submit(e) {
    e.preventDefault();
    setError(null);
    try {
      onDone(await api(`/plans/${plan.regionCode}/${plan.year}/lines`, { method: 'PUT', headers: etag(plan.version), body: { lines: body(lines) } }));
    } catch (failure) { setError(failure); }
  }
  return html`<form onSubmit=${submit} data-testid="lines-form">
    <${LinesEditor} regionCode=${plan.regionCode} year=${plan.year} lines=${lines} onChange=${setLines}/>
    <${Problem} error=${error}/>
    <div class="actions"><button type="button" onClick=${onCancel}>${t('common.cancel')}</button>
      <button class="primary" type="submit">${t('common.save')}</button></div>
  </form>`;
}

function PublishForm({ plan, onDone, onCancel }) {
  const [publishedOn, setPublishedOn] = useState(today());
  const [error, setError] = useState(null);
  async function submit(e) {
    e.preventDefault();
    setError(null);
    try {
      onDone(await api(`/plans/${plan.regionCode}/${plan.year}/publish`, { method: 'POST', headers: etag(plan.version), body: { publishedOn } }));
    } catch (failure) { setError(failure); }
  }
  return html`<form onSubmit=${submit} data-testid="publish-form">
    <p>${t('plans.publishExplain', { year: plan.year, n: plan.lines.length, total: planned(plan.lines) })}</p>
    <${Field} label=${t('plans.publishedOn')}><input type="date" name="publishedOn" required max=${today()} value=${publishedOn} onInput=${e => setPublishedOn(e.target.value)}/></${Field}>
    <${Problem} error=${error}/>
    <div class="actions"><button type="button" onClick=${onCancel}>${t('common.cancel')}</button>
      <button class="primary" type="submit">${t('plans.publish')}</button></div>
  </form>`;
}

function AdjustForm({ plan, onDone, onCancel }) {
  const [lines, setLines] = useState(editable(plan.lines));
  const [reason, setReason] = useState('');
  const [adjustedOn, setAdjustedOn] = useState(today());
  const [error, setError] = useState(null);
  async function submit(e) {
    e.preventDefault();
    setError(null);
    try {
      onDone(await api(`/plans/${plan.regionCode}/${plan.year}/adjustment`, { method: 'POST', headers: etag(plan.version),
        body: { adjustedOn, reason, lines: body(lines) } }));
    } catch (failure) { setError(failure); }
  }
  return html`<form onSubmit=${submit} data-testid="adjust-form">
    <p class="muted">${t('plans.adjustOnce')}</p>
    <div class="form-grid">
      <${Field} label=${t('plans.adjustedOn')}><input type="date" name="adjustedOn" required min=${plan.publication?.on} max=${today()} value=${adjustedOn} onInput=${e => setAdjustedOn(e.target.value)}/></${Field}>
    </div>
    <${Field} label=${t('plans.reason')}><textarea name="reason" required value=${reason} onInput=${e => setReason(e.target.value)}></textarea></${Field}>
    <${LinesEditor} regionCode=${plan.regionCode} year=${plan.year} lines=${lines} onChange=${setLines}/>
    <${Problem} error=${error}/>
    <div class="actions"><button type="button" onClick=${onCancel}>${t('common.cancel')}</button>
      <button class="primary" type="submit">${t('plans.adjust')}</button></div>
  </form>`;
}

const FIGURES = ['classes', 'enrolled', 'finished', 'passed', 'certified', 'employed'];

/** A published plan's progress as of today: per line and for what no line covers (flagged), a chart, the exports. */
function Progress({ code, year, lang, occupation, version }) {
  const progress = useLoad(() => api(`/plans/${code}/${year}/progress`), [code, year, version]);
  const [error, setError] = useState(null);
  const data = progress.data;
  const label = row => `${occupation(row.occupationCode)} · ${row.level ? t(`level.${row.level}`) : t('plans.anyLevel')}`;
  const rows = data ? [
    ...data.lines.map(l => ({ ...l, $key: `in/${l.occupationCode}/${l.level || ''}` })),
    ...data.unplanned.map(l => ({ ...l, $key: `out/${l.occupationCode}/${l.level || ''}`, $class: 'warn' })),
    { ...data.totals, $key: 'totals', $class: 'total', $total: true },
  ] : [];
  // the platform answers percentages of plan (33.3), one decimal
  const pct = value => (value === null || value === undefined ? '—'
    : new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(Number(value) / 100));
  return html`<section aria-labelledby="progress-title" data-testid="plan-progress">
    <h2 id="progress-title">${t('plans.progress')}</h2>
    <${Problem} error=${progress.error || error}/><${Loading} when=${progress.loading && !data}/>
    ${data && html`
      <div class="toolbar">
        <span class="muted">${t('plans.asOf', { on: data.asOf })}</span>
        <button type="button" onClick=${() => download(`/plans/${code}/${year}/progress/export`, {}, `plan-progress-${code}-${year}.csv`).catch(setError)}>CSV</button>
        <button type="button" onClick=${() => download(`/plans/${code}/${year}/progress/export`, { format: 'xlsx' }, `plan-progress-${code}-${year}.xlsx`).catch(setError)}>XLSX</button>
      </div>
      ${data.unplanned.length > 0 && html`<p class="warning" role="note" data-testid="unplanned-note">${t('plans.unplannedNote', { classes: data.totals.unplannedClasses, enrolled: data.totals.unplannedEnrolled })}</p>`}
      <${Table} caption=${t('plans.progress')} rows=${rows} rowKey=${r => r.$key} columns=${[
        { label: t('plans.occupation'), render: r => (r.$total ? html`<strong>${t('plans.totals')}</strong>` : html`${label(r)}${!r.inPlan ? html` <${Badge} value="unplanned" text=${t('plans.unplanned')}/>` : ''}`) },
        { label: t('plans.planned'), num: true, render: r => (r.planned === null || r.planned === undefined ? '—' : html`${count(r.planned, lang)}${r.originallyPlanned !== null && r.originallyPlanned !== undefined && r.originallyPlanned !== r.planned ? html` <span class="muted">(${t('plans.was', { n: r.originallyPlanned })})</span>` : ''}`) },
        ...FIGURES.map(f => ({ label: t(`plans.${f}`), num: true, render: r => count(r[f], lang) })),
        { label: t('plans.enrolledPercent'), num: true, render: r => pct(r.enrolledPercent) },
        { label: t('plans.finishedPercent'), num: true, render: r => pct(r.finishedPercent) },
      ]}/>
      <div class="panel"><${Chart} testid="chart-plan" tall=${data.lines.length + data.unplanned.length > 5} label=${t('plans.chart')} deps=${[data, lang]} option=${chartOption(data, label)}/></div>`}
  </section>`;
}

/** Planned against enrolled, finished and employed per row; what the plan does not list has no planned bar. */
function chartOption(data, label) {
  const rows = [...data.lines, ...data.unplanned];
  const series = [['planned', '#98a2b3'], ['enrolled', '#175cd3'], ['finished', '#067647'], ['employed', '#b54708']];
  return {
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    // what the plan does not list says so first: a long name is cut at its end
    yAxis: { type: 'category', inverse: true, data: rows.map(r => (r.inPlan ? label(r) : `${t('plans.unplanned')} · ${label(r)}`)),
      axisLabel: { width: 320, overflow: 'truncate' } },
    series: series.map(([key, color]) => ({ name: t(`plans.${key}`), type: 'bar', itemStyle: { color },
      data: rows.map(r => (r[key] === null || r[key] === undefined ? 0 : r[key])) })),
  };
}
