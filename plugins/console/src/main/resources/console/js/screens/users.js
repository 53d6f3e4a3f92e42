// Users (security administrator): roles, regions, standing; unlock; end sessions.
import { html, useState } from '../lib.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { dateTime } from '../format.js';
import { useLoad, Problem, Notice, Loading, Table, Pager, Dialog, Field, Badge } from '../ui.js';

const ROLES = ['CLERK', 'REVIEWER', 'FINANCE', 'POLICY_ADMIN', 'AUDITOR', 'SECURITY_ADMIN'];

export function Users({ lang }) {
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState(null);
  const [notice, setNotice] = useState(null);
  const [error, setError] = useState(null);
  const page = useLoad(() => api('/users', { params: { offset, limit: 50 } }), [offset]);
  async function act(path, method, message) {
    setError(null); setNotice(null);
    try { await api(path, { method }); setNotice(message); page.reload(); } catch (failure) { setError(failure); }
  }
  const done = message => { setEditing(null); setNotice(message); page.reload(); };
  return html`<section aria-labelledby="users-title">
    <h1 id="users-title">${t('nav.users')}</h1>
    <div class="toolbar"><button class="primary" type="button" onClick=${() => setEditing({})}>${t('users.create')}</button></div>
    <${Notice}>${notice}</${Notice}><${Problem} error=${error || page.error}/><${Loading} when=${page.loading && !page.data}/>
    ${page.data && html`<${Table} rows=${page.data.items} columns=${[
      { label: t('users.username'), render: u => u.username },
      { label: t('users.roles'), render: u => u.roles.map(r => t(`role.${r}`)).join('、') },
      { label: t('users.regions'), render: u => u.regions.join(', ') || t('common.allRegions') },
      { label: t('common.status'), render: u => html`
        ${u.disabled && html`<${Badge} value="bad" text=${t('users.disabled')}/> `}
        ${locked(u) && html`<${Badge} value="locked" text=${t('users.locked')}/> `}
        ${u.mustChangePassword && html`<${Badge} value="PENDING" text=${t('users.mustChange')}/>`}
        ${!u.disabled && !locked(u) && !u.mustChangePassword && html`<${Badge} value="ok" text=${t('users.active')}/>`}` },
      { label: t('users.createdAt'), render: u => dateTime(u.createdAt, lang) },
      { label: '', render: u => html`<button type="button" onClick=${() => setEditing(u)}>${t('common.edit')}</button>
        ${locked(u) && html`<button type="button" onClick=${() => act(`/users/${u.id}/unlock`, 'POST', t('users.unlocked', { name: u.username }))}>${t('users.unlock')}</button>`}
        <button type="button" class="danger" onClick=${() => act(`/users/${u.id}/sessions`, 'DELETE', t('users.revoked', { name: u.username }))}>${t('users.revoke')}</button>` },
    ]}/><${Pager} page=${page.data} onOffset=${setOffset}/>`}
    <${Dialog} open=${!!editing} title=${editing?.id ? t('users.editTitle', { name: editing.username }) : t('users.create')} onClose=${() => setEditing(null)}>
      ${editing && html`<${UserForm} user=${editing} onDone=${done} onCancel=${() => setEditing(null)}/>`}
    </${Dialog}>
  </section>`;
}

function locked(user) {
  return Boolean(user.lockedUntil) && new Date(user.lockedUntil) > new Date();
}

function UserForm({ user, onDone, onCancel }) {
  const creating = !user.id;
  const [username, setUsername] = useState(user.username || '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState(new Set(user.roles || []));
  const [regions, setRegions] = useState((user.regions || []).join(', '));
  const [disabled, setDisabled] = useState(!!user.disabled);
  const [error, setError] = useState(null);
  const toggle = role => { const next = new Set(roles); next.has(role) ? next.delete(role) : next.add(role); setRoles(next); };
  async function submit(e) {
    e.preventDefault();
    const regionList = regions.split(/[,，\s]+/).filter(Boolean);
    try {
      if (creating) {
        await api('/users', { method: 'POST', body: { username, password, roles: [...roles], regions: regionList } });
        onDone(t('users.created', { name: username }));
      } else {
        await api(`/users/${user.id}`, { method: 'PUT', headers: { 'If-Match': `"${user.version}"` },
          body: { roles: [...roles], regions: regionList, disabled } });
        onDone(t('users.saved', { name: username }));
      }
    } catch (failure) { setError(failure); }
  }
  return html`<form onSubmit=${submit}>
    <div class="form-grid">
      ${creating && html`<${Field} label=${t('users.username')}><input name="username" required value=${username} onInput=${e => setUsername(e.target.value)}/></${Field}>
        <${Field} label=${t('users.initialPassword')}><input name="password" type="password" autocomplete="new-password" required value=${password} onInput=${e => setPassword(e.target.value)}/></${Field}>`}
      <${Field} label=${t('users.regionsHint')}><input name="regions" value=${regions} onInput=${e => setRegions(e.target.value)}/></${Field}>
      ${!creating && html`<label class="field"><span><input type="checkbox" checked=${disabled} onChange=${e => setDisabled(e.target.checked)}/> ${t('users.disabled')}</span></label>`}
    </div>
    <fieldset><legend>${t('users.roles')}</legend>${ROLES.map(role => html`<label>
      <input type="checkbox" checked=${roles.has(role)} onChange=${() => toggle(role)}/> ${t(`role.${role}`)} </label>`)}</fieldset>
    <${Problem} error=${error}/>
    <div class="actions"><button type="button" onClick=${onCancel}>${t('common.cancel')}</button><button class="primary" type="submit">${t('common.save')}</button></div>
  </form>`;
}
