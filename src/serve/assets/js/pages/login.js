// Sign in with a name and password (accounts are made with `reckon user add`).
import {currentUser, login} from '../api.js';
import {errorNote, field, h} from '../dom.js';

export async function renderLogin(view, ctx) {
  if (currentUser()) {
    ctx.navigate('#/');
    return;
  }
  const name = h('input', {name: 'name', autocomplete: 'username', required: true, autocapitalize: 'off', spellcheck: 'false', dir: 'auto'});
  const password = h('input', {name: 'password', type: 'password', autocomplete: 'current-password', required: true});
  const errors = h('div.errors');
  const button = h('button.primary', {type: 'submit'}, 'Sign in');
  const form = h('form.login-form', {on: {submit: async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    button.disabled = true;
    try {
      await login(name.value.trim(), password.value);
      const next = sessionStorage.getItem('reckon.after_login') || '#/';
      sessionStorage.removeItem('reckon.after_login');
      ctx.navigate(next === '#/login' ? '#/' : next);
    } catch (error) {
      password.value = '';
      errors.appendChild(error.status === 401 || error.status === 403 ?
          h('p.notice.error', {role: 'alert'}, 'Wrong name or password.') : errorNote(error));
      if (error.status === 429) {
        errors.replaceChildren(h('p.notice.error', {role: 'alert'},
            'Too many failed attempts: wait a few minutes before trying again.'));
      }
      password.focus();
    } finally {
      button.disabled = false;
    }
  }}},
  field('Name', name), field('Password', password), errors, h('div.actions', button));
  view.appendChild(h('div.login-box',
      h('h1', 'Sign in to Reckon'),
      h('p.lede', 'The case file of victims, sources and verification. Your actions are recorded in the audit log.'),
      form));
  name.focus();
}
