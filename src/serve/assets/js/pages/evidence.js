// Evidence: upload a file (the server hashes it, stores the original untouched and records
// the custody event) and the list of evidence with its custody trail.
import {api} from '../api.js';
import {bdi, emptyNote, errorNote, field, formatBytes, h, listOf, pick, section, table, text} from '../dom.js';

function custody(events) {
  const list = Array.isArray(events) ? events : [];
  if (!list.length) return '—';
  return h('ol.custody', list.map((e) => h('li',
      h('strong', text(pick(e, 'event_type', 'event', 'type')) || 'event'), ' ', text(pick(e, 'at', 'time')),
      pick(e, 'actor') ? [' by ', bdi(e.actor)] : '', pick(e, 'details', 'note') ? [' — ', bdi(pick(e, 'details', 'note'))] : '')));
}

export async function renderEvidence(view, ctx) {
  const personId = ctx.params.get('person_id') || '';
  view.appendChild(h('h1', 'Evidence'));

  const file = h('input', {type: 'file', name: 'file', required: true});
  const description = h('textarea', {name: 'description', rows: '2', dir: 'auto',
                                     placeholder: 'What it shows, where and when it was obtained.'});
  const person = h('input', {name: 'person_id', value: personId, inputmode: 'numeric', autocomplete: 'off'});
  const result = h('div.upload-result', {'aria-live': 'polite'});
  const button = h('button.primary', {type: 'submit'}, 'Upload');
  const form = h('form.upload-form', {on: {submit: async (event) => {
    event.preventDefault();
    result.replaceChildren();
    if (!file.files.length) {
      result.appendChild(h('p.notice.error', {role: 'alert'}, 'Choose a file first.'));
      return;
    }
    const body = new FormData();
    body.append('file', file.files[0], file.files[0].name);
    body.append('description', description.value.trim());
    if (person.value.trim()) body.append('person_id', person.value.trim());
    button.disabled = true;
    button.textContent = 'Uploading…';
    try {
      const uploaded = await api.post('/api/evidence', body);
      result.appendChild(h('div.notice.ok', {dataset: {testid: 'upload-ok'}},
          h('p', uploaded.duplicate ? 'This file was already evidence; nothing new was stored.' :
                 'Stored. The original is kept untouched; its SHA-256 identifies it:'),
          h('p', h('code.hash.sha256', uploaded.sha256 || '')),
          h('p.small', `${uploaded.media_type || 'unknown type'} · ${formatBytes(uploaded.size)}`),
          person.value.trim() ? h('p', h('a', {href: `#/person/${encodeURIComponent(person.value.trim())}`}, 'Back to the person')) : null));
      ctx.setStatus('Evidence uploaded.', 'ok');
      form.reset();
      person.value = personId;
      loadList();
    } catch (error) {
      if (error.status === 409 || (error.body && error.body.duplicate)) {
        result.appendChild(h('p.notice.warn', {role: 'alert'}, 'This exact file is already evidence (same SHA-256).'));
      } else {
        result.appendChild(errorNote(error));
      }
    } finally {
      button.disabled = false;
      button.textContent = 'Upload';
    }
  }}},
  field('File', file, 'Photos, videos, documents. The file is hashed on arrival and never modified.'),
  field('Description', description),
  field('Person (optional)', person, 'The person id this evidence concerns.'),
  h('div.actions', button));
  view.appendChild(section('Upload evidence', form, result));

  const list = h('div');
  view.appendChild(section('Evidence in the case', list));
  async function loadList() {
    list.replaceChildren();
    try {
      const evidence = listOf(await api.get('/api/evidence'), 'evidence');
      list.appendChild(evidence.length ? table([
        {label: 'SHA-256', cell: (e) => h('code.hash', e.sha256 || ''), className: 'hash-cell'},
        {label: 'File', cell: (e) => (e.original_name ? bdi(e.original_name) : '—')},
        {label: 'Type', cell: (e) => e.media_type || '—'},
        {label: 'Size', cell: (e) => formatBytes(e.size), className: 'num'},
        {label: 'Description', cell: (e) => (e.description ? bdi(e.description) : '—')},
        {label: 'Custody', cell: (e) => custody(e.custody)},
      ], evidence, {className: 'evidence'}) : emptyNote('No evidence yet.'));
    } catch (error) {
      list.appendChild(errorNote(error));
    }
  }
  await loadList();
}
