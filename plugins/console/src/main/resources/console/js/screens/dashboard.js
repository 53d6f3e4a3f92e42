// Programme dashboard for the user's regions: classes and trainees this year, the funnel, yuan by
// month and by region, the age of the review queue, and target progress where a region reports one.
import { html, useState } from '../lib.js';
import { api } from '../api.js';
import { t, language } from '../i18n.js';
import { yuan, count, percent, today } from '../format.js';
import { useLoad, Problem, Loading, Table } from '../ui.js';
import { Chart } from '../chart.js';
import { regionNames, regionList, covers } from './regions.js';

export function Dashboard({ lang, session }) {
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data, error, loading } = useLoad(() => Promise.all([api('/dashboard', { params: { year } }), regionNames(),
    targetProgress(session.user.regions)]), [year]);
  const [board, names, targets] = data || [];
  return html`<section aria-labelledby="dashboard-title">
    <h1 id="dashboard-title">${t('nav.dashboard')}</h1>
    <div class="toolbar">
      <label class="field">${t('dashboard.year')}
        <select value=${year} onChange=${e => setYear(Number(e.target.value))}>
          ${[0, 1, 2].map(back => thisYear - back).map(y => html`<option value=${y}>${y}</option>`)}
        </select></label>
      <span class="muted">${board && t('dashboard.scope', { regions: scopeText(board.regions, names) })}</span>
    </div>
    <${Problem} error=${error}/><${Loading} when=${loading && !board}/>
    ${board && html`<${Board} board=${board} names=${names} targets=${targets} lang=${lang}/>`}
  </section>`;
}

function scopeText(regions, names) {
  if (!regions || regions.length === 0 || regions.includes('*')) return t('common.allRegions');
  return regions.map(code => names.get(code) || code).join('、');
}

function Board({ board, names, targets, lang }) {
  const funnel = board.funnel;
  const months = board.money.byMonth;
  const total = key => months.reduce((sum, m) => sum + Number(m[key] || 0), 0);
  return html`
    <div class="cards" data-testid="kpis">
      <${Kpi} label=${t('dashboard.classes')} value=${count(board.classes.total, lang)}/>
      <${Kpi} label=${t('dashboard.trainees')} value=${count(board.trainees, lang)}/>
      <${Kpi} label=${t('dashboard.employedRate')} value=${percent(funnel.employed, funnel.enrolled, lang)}/>
      <${Kpi} label=${t('dashboard.computed')} value=${yuan(total('computed'))}/>
      <${Kpi} label=${t('dashboard.approved')} value=${yuan(total('approved'))}/>
      <${Kpi} label=${t('dashboard.paid')} value=${yuan(total('paid'))}/>
      <${Kpi} label=${t('dashboard.pending')} value=${count(board.reviewQueue.pending, lang)}/>
      <${Kpi} label=${t('dashboard.oldest')} value=${board.reviewQueue.pending ? t('dashboard.days', { n: board.reviewQueue.oldestDays }) : '—'}/>
    </div>
    <div class="grid2">
      <div class="panel"><h2>${t('dashboard.funnel')}</h2>
        <${Chart} testid="chart-funnel" label=${t('dashboard.funnel')} deps=${[board, lang]} option=${{
          tooltip: { trigger: 'item' },
          xAxis: { type: 'category', data: ['enrolled', 'passed', 'certified', 'employed'].map(k => t(`dashboard.${k}`)) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ type: 'bar', data: [funnel.enrolled, funnel.passed, funnel.certified, funnel.employed],
            itemStyle: { color: '#b42318' }, label: { show: true, position: 'top' } }],
        }}/></div>
      <div class="panel"><h2>${t('dashboard.byMonth')}</h2>
        <${Chart} testid="chart-months" label=${t('dashboard.byMonth')} deps=${[board, lang]} option=${moneyOption(
          months.map(m => m.month.slice(5)), months)}/></div>
      <div class="panel"><h2>${t('dashboard.byRegion')}</h2>
        <${Chart} testid="chart-regions" label=${t('dashboard.byRegion')} deps=${[board, lang]} option=${moneyOption(
          board.money.byRegion.map(r => names.get(r.region) || r.region), board.money.byRegion)}/></div>
      <div class="panel"><h2>${t('dashboard.queueAge')}</h2>
        <${Chart} testid="chart-queue" label=${t('dashboard.queueAge')} deps=${[board, lang]} option=${{
          tooltip: { trigger: 'item' },
          xAxis: { type: 'category', data: board.reviewQueue.byAge.map(b => t('dashboard.ageBucket', { bucket: b.bucket })) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ type: 'bar', data: board.reviewQueue.byAge.map(b => b.count), itemStyle: { color: '#b54708' } }],
        }}/></div>
    </div>
    ${targets.length > 0 && html`<div class="panel" data-testid="targets"><h2>${t('dashboard.targets')}</h2>
      <${Table} rows=${targets} rowKey=${r => `${r.region}/${r.goal}`} columns=${[
        { label: t('common.region'), render: r => names.get(r.region) || r.region },
        { label: t('dashboard.target'), render: r => html`${r.name}<div class="muted">${r.citation}</div>` },
        { label: t('dashboard.actual'), num: true, render: r => count(r.achieved, lang) },
        { label: t('dashboard.goal'), num: true, render: r => count(r.target, lang) },
        { label: t('dashboard.progress'), render: r => html`<progress max="1" value=${r.progress}></progress> ${percent(r.achieved, r.target, lang)}` },
      ]}/></div>`}
  `;
}

function Kpi({ label, value }) {
  return html`<div class="card"><div class="label">${label}</div><div class="value">${value}</div></div>`;
}

function moneyOption(categories, rows) {
  const series = ['computed', 'approved', 'paid'].map((key, i) => ({
    name: t(`dashboard.${key}`), type: 'bar', data: rows.map(r => Number(r[key] || 0)),
    itemStyle: { color: ['#98a2b3', '#175cd3', '#067647'][i] },
  }));
  return {
    legend: { top: 0 },
    grid: { left: 70, right: 10, top: 30, bottom: 30 },
    tooltip: { valueFormatter: v => yuan(v) },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', axisLabel: { formatter: v => (v >= 10000 ? `${v / 10000}${t('dashboard.tenThousand')}` : v) } },
    series,
  };
}

/**
 * Target progress from each region's own `target-progress` report (the targets are the region policy's
 * parameters, each citing its clause), for the regions the user's scope covers whole.
 */
async function targetProgress(scope) {
  const regions = (await regionList()).filter(r => scope.some(area => covers(area, r.code)));
  const reports = await Promise.all(regions.map(r => api(`/reports/${r.code}/target-progress`).catch(() => null)));
  return reports.filter(Boolean).flatMap(report => report.rows.map(([goal, nameZh, nameEn, target, achieved, progress]) => ({
    region: report.regionCode, goal, name: language() === 'en' ? nameEn : nameZh, target, achieved, progress,
    citation: report.definition.citation,
  })));
}
