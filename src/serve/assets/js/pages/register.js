// Register: search persons by name in either script, filter, page through; a row opens the person.
import {api, query} from '../api.js';
import {bdi, emptyNote, errorNote, field, formatNumber, h, listOf, select, statusBadge, STATUS_LABELS,
        table} from '../dom.js';

const FILTERS = ['q', 'place', 'status', 'source', 'sex', 'date_from', 'date_to'];
const PAGE_SIZE = 50;

let sourcesCache = null;

async function sourceNames() {
  if (!sourcesCache) {
    sourcesCache = api.get('/api/sources')
        .then((r) => listOf(r, 'sources').map((s) => (typeof s === 'string' ? s : s.name)).filter(Boolean))
        .catch(() => []);
  }
  return sourcesCache;
}

function namesCell(person) {
  const names = Array.isArray(person.names) ? person.names.filter(Boolean) : [];
  const first = names[0];
  const link = h('a.person-link', {href: `#/person/${encodeURIComponent(person.person_id)}`},
                 first ? bdi(first) : (person.name_withheld ? 'Name withheld' : 'Unnamed'));
  const others = names.slice(1);
  return [link, others.length ? h('div.other-names', others.map((n, i) => [i ? ' · ' : '', bdi(n)])) : null];
}

export async function renderRegister(view, ctx) {
  const params = ctx.params;
  const page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
  view.appendChild(h('h1', 'Register'));

  const q = h('input', {type: 'search', name: 'q', value: params.get('q') || '', dir: 'auto',
                        placeholder: 'احمد or Ahmad…', autocomplete: 'off', spellcheck: 'false'});
  const place = h('input', {name: 'place', value: params.get('place') || '', dir: 'auto', autocomplete: 'off'});
  const status = select('status', [['', 'Any status'], ...Object.entries(STATUS_LABELS).filter(([k]) => k !== 'cleared')],
                        params.get('status'));
  const source = select('source', [['', 'Any source']], params.get('source'));
  const sex = select('sex', [['', 'Any'], ['M', 'Male'], ['F', 'Female']], params.get('sex'));
  const dateFrom = h('input', {type: 'date', name: 'date_from', value: params.get('date_from') || ''});
  const dateTo = h('input', {type: 'date', name: 'date_to', value: params.get('date_to') || ''});
  const form = h('form.filters', {role: 'search', on: {submit: (event) => {
    event.preventDefault();
    const values = {};
    for (const name of FILTERS) values[name] = form.elements[name].value.trim();
    ctx.navigate(`#/register${query(values)}`);
  }}},
  h('div.search-row', field('Name (Arabic or Latin)', q), h('button.primary', {type: 'submit'}, 'Search')),
  h('div.filter-row', field('Place', place), field('Status', status), field('Source', source), field('Sex', sex),
    field('Died from', dateFrom), field('Died until', dateTo),
    h('div.field.reset', h('a.button', {href: '#/register'}, 'Clear'))));
  view.appendChild(form);

  sourceNames().then((names) => {
    for (const name of names) {
      source.appendChild(h('option', {value: name, selected: name === params.get('source')}, name));
    }
  });

  const results = h('div.results', {'aria-live': 'polite', 'aria-busy': 'true'});
  view.appendChild(results);
  const filters = {};
  for (const name of FILTERS) filters[name] = params.get(name) || '';
  let response;
  try {
    response = await api.get(`/api/persons${query({...filters, page, page_size: PAGE_SIZE})}`);
  } catch (error) {
    results.removeAttribute('aria-busy');
    results.appendChild(errorNote(error));
    return;
  }
  results.removeAttribute('aria-busy');
  const persons = listOf(response, 'persons');
  const total = Number(response.total ?? persons.length);
  const pageSize = Number(response.page_size || PAGE_SIZE);
  const first = total ? (page - 1) * pageSize + 1 : 0;
  const last = Math.min(total, (page - 1) * pageSize + persons.length);
  results.appendChild(h('p.result-count', {dataset: {total: String(total)}},
      total ? `Persons ${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(total)}` : ''));
  if (!persons.length) {
    results.appendChild(emptyNote('No person matches these filters.'));
    return;
  }
  results.appendChild(table([
    {label: 'Names', cell: namesCell, className: 'names'},
    {label: 'Sex', cell: (p) => p.sex || '—'},
    {label: 'Age', cell: (p) => (p.age === null || p.age === undefined || p.age === '' ? '—' : String(p.age)), className: 'num'},
    {label: 'Death date', cell: (p) => p.death_date || '—', className: 'date'},
    {label: 'Place', cell: (p) => (p.place ? bdi(p.place) : '—')},
    {label: 'Status', cell: (p) => statusBadge(p.status)},
    {label: 'Sources', cell: (p) => (Array.isArray(p.sources) ? p.sources : []).map((s, i) => [i ? ', ' : '', bdi(s)])},
  ], persons, {
    className: 'register clickable',
    caption: h('span.visually-hidden', 'Persons of the register; select a name to open the person'),
    rowAttrs: (p) => ({'data-person-id': String(p.person_id)}),
  }));
  results.querySelector('tbody').addEventListener('click', (event) => {
    if (event.target.closest('a')) return;
    const row = event.target.closest('tr[data-person-id]');
    if (row && !window.getSelection().toString()) ctx.navigate(`#/person/${encodeURIComponent(row.dataset.personId)}`);
  });

  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = (n, label, rel) => h('a.button', {href: `#/register${query({...filters, page: n})}`, rel}, label);
  results.appendChild(h('nav.pager', {'aria-label': 'Pages'},
      page > 1 ? link(page - 1, '← Previous', 'prev') : h('span.button.disabled', '← Previous'),
      h('span.page-of', `Page ${formatNumber(page)} of ${formatNumber(pages)}`),
      page < pages ? link(page + 1, 'Next →', 'next') : h('span.button.disabled', 'Next →')));
}
