// The console: who is logged in, the language, the menu the user's permissions allow, the screen.
import { html, render, useState, useEffect } from './lib.js';
import { api, onUnauthenticated, rememberCsrf, loggedInHere } from './api.js';
import { t, loadCatalogues, initialLanguage, setLanguage, LANGUAGES } from './i18n.js';
import { useToday } from './format.js';
import { Login } from './screens/login.js';
import { SCREENS, screenFor } from './screens/index.js';

function route() {
  const [path] = location.hash.replace(/^#\/?/, '').split('?');
  const [screen, ...rest] = path.split('/');
  return { screen: screen || '', args: rest };
}

function App() {
  const [session, setSession] = useState(undefined);
  const [lang, setLang] = useState(setLanguage(initialLanguage()));
  const [where, setWhere] = useState(route());

  useEffect(() => {
    const follow = () => setWhere(route());
    addEventListener('hashchange', follow);
    onUnauthenticated(() => setSession(null));
    // Without the login's CSRF token in this tab there is no session to ask about (the cookie is
    // HttpOnly): show the login rather than provoke a 401.
    if (loggedInHere()) api('/session').then(adopt, () => setSession(null)); else setSession(null);
    return () => removeEventListener('hashchange', follow);
  }, []);

  function adopt(current) {
    useToday(current?.today);
    if (current?.language) setLang(setLanguage(current.language));
    setSession(current);
  }

  async function switchLanguage(next) {
    setLang(setLanguage(next));
    if (session) {
      try { await api('/session/language', { method: 'PUT', body: { language: next } }); } catch { /* kept in this browser */ }
    }
  }

  async function logout() {
    try { await api('/session', { method: 'DELETE' }); } finally { rememberCsrf(null); setSession(null); location.hash = ''; }
  }

  if (session === undefined) return html`<p class="boot">${t('common.loading')}</p>`;
  if (session === null || session.user?.mustChangePassword) {
    return html`<${Login} lang=${lang} onLanguage=${switchLanguage} pending=${session} onSession=${adopt}/>`;
  }
  const allowed = SCREENS.filter(s => s.allowed(session.permissions || []));
  const current = screenFor(allowed, where.screen);
  if (!current) return html`<${Shell} ...${{ session, lang, allowed, switchLanguage, logout }}><p>${t('common.nothingAllowed')}</p></${Shell}>`;
  if (current.id !== where.screen) { history.replaceState(null, '', `#/${current.id}`); }
  const Screen = current.component;
  return html`<${Shell} ...${{ session, lang, allowed, switchLanguage, logout, active: current.id }}>
    <${Screen} key=${`${current.id}/${lang}`} args=${where.args} session=${session} lang=${lang}/>
  </${Shell}>`;
}

function Shell({ session, lang, allowed, active, switchLanguage, logout, children }) {
  const user = session.user;
  return html`<div class="shell">
    <header class="topbar">
      <div class="brand"><img src="img/logo.svg" alt=""/>${t('app.title')}</div>
      <span class="who" data-testid="who">${user.username} · ${user.roles.map(r => t(`role.${r}`)).join('、')} · ${user.regions.join(', ') || t('common.allRegions')}</span>
      <label><span class="sr-only">${t('common.language')}</span>
        <select data-testid="language" value=${lang} onChange=${e => switchLanguage(e.target.value)}>
          ${LANGUAGES.map(l => html`<option value=${l}>${t(`language.${l}`)}</option>`)}
        </select></label>
      <button type="button" onClick=${logout}>${t('common.logout')}</button>
    </header>
    <nav class="side" aria-label=${t('common.menu')}>
      ${allowed.map(s => html`<a href=${`#/${s.id}`} aria-current=${s.id === active ? 'page' : undefined}>${t(`nav.${s.id}`)}</a>`)}
    </nav>
    <main id="main">${children}</main>
  </div>`;
}

await loadCatalogues();
render(html`<${App}/>`, document.getElementById('app'));
