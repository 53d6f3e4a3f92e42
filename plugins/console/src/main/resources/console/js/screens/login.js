// Login, and the password change the platform demands at a first login (or after a reset).
import { html, useState } from '../lib.js';
import { api, rememberCsrf } from '../api.js';
import { t, LANGUAGES } from '../i18n.js';
import { Problem, Field, useField } from '../ui.js';

export function Login({ lang, onLanguage, pending, onSession }) {
  const mustChange = pending?.user?.mustChangePassword;
  return html`<main class="login">
    <div class="lang"><label><span class="sr-only">${t('common.language')}</span>
      <select data-testid="language" value=${lang} onChange=${e => onLanguage(e.target.value)}>
        ${LANGUAGES.map(l => html`<option value=${l}>${t(`language.${l}`)}</option>`)}
      </select></label></div>
    <h1><img src="img/logo.svg" alt=""/>${t('app.title')}</h1>
    ${mustChange ? html`<${ChangePassword} onSession=${onSession}/>` : html`<${Credentials} onSession=${onSession}/>`}
  </main>`;
}

function Credentials({ onSession }) {
  const [username, setUsername] = useField('');
  const [password, setPassword] = useField('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function submit(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await api('/session', { method: 'POST', body: { username, password } });
      rememberCsrf(answer.csrfToken);
      onSession(await api('/session'));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return html`<form onSubmit=${submit} aria-label=${t('login.title')}>
    <${Field} label=${t('login.username')}><input name="username" autocomplete="username" required value=${username} onInput=${setUsername}/></${Field}>
    <${Field} label=${t('login.password')}><input name="password" type="password" autocomplete="current-password" required value=${password} onInput=${setPassword}/></${Field}>
    <${Problem} error=${error}/>
    <button class="primary" type="submit" disabled=${busy}>${t('login.submit')}</button>
  </form>`;
}

function ChangePassword({ onSession }) {
  const [current, setCurrent] = useField('');
  const [next, setNext] = useField('');
  const [again, setAgain] = useField('');
  const [error, setError] = useState(null);
  async function submit(e) {
    e.preventDefault();
    if (next !== again) {
      setError({ problem: { detail: t('login.mismatch'), detailZh: t('login.mismatch') } });
      return;
    }
    try {
      await api('/session/password', { method: 'PUT', body: { currentPassword: current, newPassword: next } });
      onSession(await api('/session'));
    } catch (failure) {
      setError(failure);
    }
  }
  return html`<form onSubmit=${submit} aria-label=${t('login.changeTitle')}>
    <p>${t('login.mustChange')}</p>
    <${Field} label=${t('login.current')}><input name="currentPassword" type="password" autocomplete="current-password" required value=${current} onInput=${setCurrent}/></${Field}>
    <${Field} label=${t('login.new')}><input name="newPassword" type="password" autocomplete="new-password" required value=${next} onInput=${setNext}/></${Field}>
    <${Field} label=${t('login.again')}><input name="newPasswordAgain" type="password" autocomplete="new-password" required value=${again} onInput=${setAgain}/></${Field}>
    <p class="muted">${t('login.rules')}</p>
    <${Problem} error=${error}/>
    <button class="primary" type="submit">${t('login.change')}</button>
  </form>`;
}
