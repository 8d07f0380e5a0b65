// Reckon's web application: a single page with hash routes (#/register, #/person/ID, ...).
// No framework and nothing fetched from elsewhere: every file is built into the binary.
import {currentUser, hasRole, loadSession, logout, onSessionChange} from './api.js';
import {clear, h} from './dom.js';
import {renderDashboard} from './pages/dashboard.js';
import {renderEvidence} from './pages/evidence.js';
import {renderIncident, renderIncidents} from './pages/incidents.js';
import {renderLogin} from './pages/login.js';
import {renderPerson} from './pages/person.js';
import {renderRegister} from './pages/register.js';
import {renderReview} from './pages/review.js';

const ROUTES = [
  {pattern: /^\/login$/, render: renderLogin, public: true, title: 'Sign in'},
  {pattern: /^\/?$/, render: renderDashboard, role: 'viewer', title: 'Dashboard', nav: '#/'},
  {pattern: /^\/register$/, render: renderRegister, role: 'viewer', title: 'Register', nav: '#/register'},
  {pattern: /^\/person\/([^/]+)$/, render: renderPerson, role: 'viewer', title: 'Person'},
  {pattern: /^\/review$/, render: renderReview, role: 'investigator', title: 'Review', nav: '#/review'},
  {pattern: /^\/incidents$/, render: renderIncidents, role: 'investigator', title: 'Incidents', nav: '#/incidents'},
  {pattern: /^\/incidents\/([^/]+)$/, render: renderIncident, role: 'investigator', title: 'Incident'},
  {pattern: /^\/evidence$/, render: renderEvidence, role: 'investigator', title: 'Evidence', nav: '#/evidence'},
];

let cleanup = null;
let statusTimer = null;

export function setStatus(message, kind = 'info') {
  const element = document.getElementById('status');
  clear(element);
  element.className = `status ${kind}`;
  if (message) element.appendChild(h('span', message));
  clearTimeout(statusTimer);
  if (message) statusTimer = setTimeout(() => setStatus(''), kind === 'error' ? 12000 : 6000);
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function parseHash() {
  const raw = decodeURI(location.hash.replace(/^#/, '')) || '/';
  const [path, search] = raw.split('?');
  return {path: path || '/', params: new URLSearchParams(search || '')};
}

function renderNav() {
  const nav = clear(document.getElementById('nav'));
  const account = clear(document.getElementById('account'));
  const user = currentUser();
  document.body.classList.toggle('signed-out', !user);
  if (!user) return;
  const {path} = parseHash();
  const list = h('ul');
  for (const route of ROUTES) {
    if (!route.nav || !hasRole(route.role)) continue;
    const active = route.pattern.test(path) ||
        (route.nav === '#/register' && path.startsWith('/person/')) ||
        (route.nav === '#/incidents' && path.startsWith('/incidents/'));
    list.appendChild(h('li', h('a', {href: route.nav, 'aria-current': active ? 'page' : null}, route.title)));
  }
  nav.appendChild(list);
  account.append(
      h('span.user', h('bdi', {dir: 'auto'}, user.name), ' ', h('span.role', `(${user.role})`)),
      h('button.link', {type: 'button', on: {click: async () => {
        await logout().catch(() => {});
        navigate('#/login');
      }}}, 'Sign out'));
}

async function route() {
  if (cleanup) {
    try {
      cleanup();
    } catch (error) {
      console.error(error);
    }
    cleanup = null;
  }
  const {path, params} = parseHash();
  const entry = ROUTES.find((r) => r.pattern.test(path));
  const main = clear(document.getElementById('main'));
  const view = h('div.view');
  main.appendChild(view);
  renderNav();
  if (!entry) {
    document.title = 'Not found · Reckon';
    view.append(h('h1', 'Page not found'), h('p', h('a', {href: '#/'}, 'Go to the dashboard')));
    return;
  }
  if (!entry.public && !currentUser()) {
    sessionStorage.setItem('reckon.after_login', location.hash || '#/');
    navigate('#/login');
    return;
  }
  if (!entry.public && !hasRole(entry.role)) {
    document.title = 'Not allowed · Reckon';
    view.append(h('h1', {tabindex: '-1'}, 'Not allowed'),
                h('p.notice.error', {dataset: {testid: 'forbidden'}},
                  `This page needs the ${entry.role} role; you are signed in as ${currentUser().role}.`),
                h('p', h('a', {href: '#/'}, 'Go to the dashboard')));
    focusHeading(view);
    return;
  }
  document.title = `${entry.title} · Reckon`;
  document.body.dataset.page = entry.title.toLowerCase();
  const match = entry.pattern.exec(path);
  try {
    const result = await entry.render(view, {
      params,
      arg: match[1] ? decodeURIComponent(match[1]) : null,
      navigate,
      setStatus,
      onLeave: (fn) => {
        cleanup = fn;
      },
    });
    if (typeof result === 'function') cleanup = result;
  } catch (error) {
    showError(view, error);
  }
  focusHeading(view);
}

export function showError(container, error) {
  console.error(error);
  const status = error && error.status;
  let message = (error && error.message) || String(error);
  if (status === 403) message = `Not allowed for your role: ${message}`;
  if (status === 401) {
    navigate('#/login');
    return;
  }
  container.appendChild(h('p.notice.error', {role: 'alert'}, message));
}

function focusHeading(view) {
  const heading = view.querySelector('h1');
  if (heading && !view.contains(document.activeElement)) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({preventScroll: true});
  }
}

// A session that ends (signed out, expired, revoked) returns to the sign-in page.
onSessionChange((user) => {
  renderNav();
  const {path} = parseHash();
  const entry = ROUTES.find((r) => r.pattern.test(path));
  if (!user && entry && !entry.public) {
    sessionStorage.setItem('reckon.after_login', location.hash || '#/');
    navigate('#/login');
  }
});
window.addEventListener('hashchange', route);

(async function start() {
  try {
    await loadSession();
  } catch (error) {
    console.error(error);
  }
  route();
})();
