// Classes: the list, filing a class, and one class's trainees, attendance, outcomes, claims and timeline.
import { html, useState } from '../lib.js';
import { api, all } from '../api.js';
import { t } from '../i18n.js';
import { today } from '../format.js';
import { useLoad, Problem, Loading, Table, Pager, Dialog, Field, Badge } from '../ui.js';
import { can } from '../permissions.js';
import { ClassDetail } from './class-detail.js';

const MODES = ['OFFLINE', 'ONLINE_ONLY', 'MIXED'];
const KINDS = ['GENERAL', 'ENTERPRISE', 'PROJECT', 'APPRENTICESHIP', 'WORK_BASED', 'OPEN_CALL'];

/** Where a class stands by its dates against today (the platform's rules use the same days). */
export function phase(facts, on = today()) {
  if (on < facts.startDate) return 'UPCOMING';
  if (on <= facts.endDate) return 'RUNNING';
  return 'ENDED';
}

export function Classes({ args, session, lang }) {
  if (args[0]) return html`<${ClassDetail} id=${Number(args[0])} session=${session} lang=${lang}/>`;
  return html`<${ClassList} session=${session}/>`;
}

function ClassList({ session }) {
  const [offset, setOffset] = useState(0);
  const [projectId, setProjectId] = useState('');
  const [filing, setFiling] = useState(false);
  const directory = useLoad(() => Promise.all([all('/projects'), all('/institutions')]), []);
  const [projects, institutions] = directory.data || [[], []];
  const page = useLoad(() => api('/classes', { params: { projectId, offset, limit: 50 } }), [projectId, offset]);
  const projectName = id => projects.find(p => p.id === id)?.name || `#${id}`;
  const institutionName = id => institutions.find(i => i.id === id)?.name || `#${id}`;
  return html`<section aria-labelledby="classes-title">
    <h1 id="classes-title">${t('nav.classes')}</h1>
    <div class="toolbar">
      <label class="field">${t('classes.project')}
        <select value=${projectId} onChange=${e => { setOffset(0); setProjectId(e.target.value); }}>
          <option value="">${t('common.any')}</option>
          ${projects.map(p => html`<option value=${p.id}>${p.name}</option>`)}
        </select></label>
      ${can(session, 'class.write') && html`<button class="primary" type="button" onClick=${() => setFiling(true)}>${t('classes.file')}</button>`}
    </div>
    <${Problem} error=${page.error || directory.error}/><${Loading} when=${page.loading && !page.data}/>
    ${page.data && html`<${Table} caption=${t('nav.classes')} rows=${page.data.items} onRowClick=${c => { location.hash = `#/classes/${c.id}`; }} columns=${[
      { label: t('common.id'), render: c => html`<a href=${`#/classes/${c.id}`}>${c.id}</a>` },
      { label: t('classes.project'), render: c => projectName(c.projectId) },
      { label: t('classes.institution'), render: c => institutionName(c.institutionId) },
      { label: t('common.region'), nowrap: true, render: c => c.facts.regionCode },
      { label: t('classes.occupation'), nowrap: true, render: c => `${c.facts.occupationCode} · ${t(`level.${c.facts.level}`)}` },
      { label: t('classes.period'), nowrap: true, render: c => `${c.facts.startDate} – ${c.facts.endDate}` },
      { label: t('classes.hours'), num: true, render: c => c.facts.hours },
      { label: t('common.status'), nowrap: true, render: c => html`<${Badge} value=${phase(c.facts)} text=${t(`phase.${phase(c.facts)}`)}/>` },
    ]}/>
    <${Pager} page=${page.data} onOffset=${setOffset}/>`}
    <${Dialog} open=${filing} title=${t('classes.file')} onClose=${() => setFiling(false)}>
      <${FileClass} projects=${projects.filter(p => p.publishedOn)} institutions=${institutions}
        onDone=${created => { setFiling(false); location.hash = `#/classes/${created.id}`; }} onCancel=${() => setFiling(false)}/>
    </${Dialog}>
  </section>`;
}

function FileClass({ projects, institutions, onDone, onCancel }) {
  const [draft, setDraft] = useState({ projectId: projects[0]?.id || '', institutionId: institutions[0]?.id || '',
    regionCode: projects[0]?.regionCode || '', mode: 'OFFLINE', kind: 'GENERAL', startDate: '', endDate: '', hours: 40, attendanceThreshold: 0.9 });
  const [error, setError] = useState(null);
  const set = (key, value) => setDraft(previous => ({ ...previous, [key]: value }));
  async function submit(e) {
    e.preventDefault();
    setError(null);
    try {
      onDone(await api('/classes', { method: 'POST', body: {
        ...draft, projectId: Number(draft.projectId), institutionId: Number(draft.institutionId),
        hours: Number(draft.hours), attendanceThreshold: Number(draft.attendanceThreshold) } }));
    } catch (failure) { setError(failure); }
  }
  return html`<form onSubmit=${submit} data-testid="file-class">
    <div class="form-grid">
      <${Field} label=${t('classes.project')}><select name="projectId" value=${draft.projectId} onChange=${e => {
        const project = projects.find(p => p.id === Number(e.target.value));
        set('projectId', e.target.value); if (project) set('regionCode', project.regionCode); }}>
        ${projects.map(p => html`<option value=${p.id}>${p.name}</option>`)}</select></${Field}>
      <${Field} label=${t('classes.institution')}><select name="institutionId" value=${draft.institutionId} onChange=${e => set('institutionId', e.target.value)}>
        ${institutions.map(i => html`<option value=${i.id}>${i.name}</option>`)}</select></${Field}>
      <${Field} label=${t('common.region')}><input name="regionCode" required pattern="[0-9]{6}" value=${draft.regionCode} onInput=${e => set('regionCode', e.target.value)}/></${Field}>
      <${Field} label=${t('classes.mode')}><select name="mode" value=${draft.mode} onChange=${e => set('mode', e.target.value)}>
        ${MODES.map(m => html`<option value=${m}>${t(`mode.${m}`)}</option>`)}</select></${Field}>
      <${Field} label=${t('classes.kind')}><select name="kind" value=${draft.kind} onChange=${e => set('kind', e.target.value)}>
        ${KINDS.map(k => html`<option value=${k}>${t(`kind.${k}`)}</option>`)}</select></${Field}>
      <${Field} label=${t('classes.start')}><input name="startDate" type="date" required value=${draft.startDate} onInput=${e => set('startDate', e.target.value)}/></${Field}>
      <${Field} label=${t('classes.end')}><input name="endDate" type="date" required value=${draft.endDate} onInput=${e => set('endDate', e.target.value)}/></${Field}>
      <${Field} label=${t('classes.hours')}><input name="hours" type="number" min="1" required value=${draft.hours} onInput=${e => set('hours', e.target.value)}/></${Field}>
      <${Field} label=${t('classes.threshold')}><input name="attendanceThreshold" type="number" step="0.01" min="0" max="1" required value=${draft.attendanceThreshold} onInput=${e => set('attendanceThreshold', e.target.value)}/></${Field}>
    </div>
    <${Problem} error=${error}/>
    <div class="actions"><button type="button" onClick=${onCancel}>${t('common.cancel')}</button>
      <button class="primary" type="submit">${t('classes.fileSubmit')}</button></div>
  </form>`;
}
